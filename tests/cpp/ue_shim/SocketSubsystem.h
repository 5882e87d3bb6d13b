#pragma once
#include "CoreMinimal.h"
#include "IPAddress.h"
#include "Sockets.h"

// Runtime/Sockets/Public/SocketSubsystem.h, SocketTypes.h, AddressInfoTypes.h
enum ESocketErrors {
    SE_NO_ERROR, SE_EINTR, SE_EBADF, SE_EACCES, SE_EFAULT, SE_EINVAL, SE_EMFILE, SE_EWOULDBLOCK, SE_EINPROGRESS,
    SE_EALREADY, SE_ENOTSOCK, SE_EDESTADDRREQ, SE_EMSGSIZE, SE_EPROTOTYPE, SE_ENOPROTOOPT, SE_EPROTONOSUPPORT,
    SE_ESOCKTNOSUPPORT, SE_EOPNOTSUPP, SE_EPFNOSUPPORT, SE_EAFNOSUPPORT, SE_EADDRINUSE, SE_EADDRNOTAVAIL,
    SE_ENETDOWN, SE_ENETUNREACH, SE_ENETRESET, SE_ECONNABORTED, SE_ECONNRESET, SE_ENOBUFS, SE_EISCONN,
    SE_ENOTCONN, SE_ESHUTDOWN, SE_ETOOMANYREFS, SE_ETIMEDOUT, SE_ECONNREFUSED, SE_ELOOP, SE_ENAMETOOLONG,
    SE_EHOSTDOWN, SE_EHOSTUNREACH, SE_ENOTEMPTY, SE_EPROCLIM, SE_EUSERS, SE_EDQUOT, SE_ESTALE, SE_EREMOTE,
    SE_EDISCON, SE_SYSNOTREADY, SE_VERNOTSUPPORTED, SE_NOTINITIALISED, SE_HOST_NOT_FOUND, SE_TRY_AGAIN,
    SE_NO_RECOVERY, SE_NO_DATA, SE_UDP_ERR_PORT_UNREACH, SE_ADDRFAMILY, SE_SYSTEM, SE_NODEV,
    SE_GET_LAST_ERROR_CODE
};

enum class EAddressInfoFlags : uint16 { Default = 0, NoResolve = 1, OnlyUsableAddresses = 2, AllResults = 4 };

struct FAddressInfoResultData {
    TSharedRef<FInternetAddr> Address;
    SIZE_T AddressLen;
    FName AddressProtocolName;
    ESocketType SocketConfiguration;
};

struct FAddressInfoResult {
    const TCHAR* QueryHostName;
    const TCHAR* QueryServiceName;
    FString CanonicalNameResult;
    ESocketErrors ReturnCode;
    TArray<FAddressInfoResultData> Results;
};

#define PLATFORM_SOCKETSUBSYSTEM FName(NAME_None)

class ISocketSubsystem {
public:
    static ISocketSubsystem* Get(const FName& SubsystemName = NAME_None);
    virtual ~ISocketSubsystem();
    virtual FSocket* CreateSocket(const FName& SocketType, const FString& SocketDescription, bool bForceUDP = false);
    virtual FSocket* CreateSocket(const FName& SocketType, const FString& SocketDescription, const FName& ProtocolName) = 0;
    virtual void DestroySocket(FSocket* Socket) = 0;
    virtual FAddressInfoResult GetAddressInfo(const TCHAR* HostName, const TCHAR* ServiceName = nullptr,
                                              EAddressInfoFlags QueryFlags = EAddressInfoFlags::Default,
                                              const FName ProtocolTypeName = NAME_None,
                                              ESocketType SocketType = ESocketType::SOCKTYPE_Unknown) = 0;
    virtual TSharedPtr<FInternetAddr> GetAddressFromString(const FString& InAddress) = 0;
    virtual TSharedRef<FInternetAddr> CreateInternetAddr() = 0;
    virtual const TCHAR* GetSocketError(ESocketErrors Code = SE_GET_LAST_ERROR_CODE) = 0;
    virtual ESocketErrors GetLastErrorCode() = 0;
};
