#pragma once
#include "CoreMinimal.h"
#include "IPAddress.h"

// Runtime/Sockets/Public/Sockets.h, SocketTypes.h
enum ESocketConnectionState { SCS_NotConnected, SCS_Connected, SCS_ConnectionError };
namespace ESocketWaitConditions { enum Type { WaitForRead, WaitForWrite, WaitForReadOrWrite }; }
namespace ESocketReceiveFlags { enum Type { None = 0, Peek = 2, WaitAll = 0x100 }; }
enum ESocketType { SOCKTYPE_Unknown, SOCKTYPE_Datagram, SOCKTYPE_Streaming };

class FSocket {
public:
    virtual ~FSocket();
    virtual bool Close() = 0;
    virtual bool Connect(const FInternetAddr& Addr) = 0;
    virtual bool Wait(ESocketWaitConditions::Type Condition, FTimespan WaitTime) = 0;
    virtual ESocketConnectionState GetConnectionState() = 0;
    virtual bool HasPendingData(uint32& PendingDataSize);
    virtual bool Recv(uint8* Data, int32 BufferSize, int32& BytesRead,
                      ESocketReceiveFlags::Type Flags = ESocketReceiveFlags::None) = 0;
    virtual bool Send(const uint8* Data, int32 Count, int32& BytesSent) = 0;
    virtual bool SetNonBlocking(bool bIsNonBlocking = true) = 0;
    virtual bool SetNoDelay(bool bIsNoDelay = true) = 0;
    virtual bool SetLinger(bool bShouldLinger = true, int32 Timeout = 0) = 0;
    virtual bool SetReceiveBufferSize(int32 Size, int32& NewSize) = 0;
    virtual bool SetSendBufferSize(int32 Size, int32& NewSize) = 0;
};
