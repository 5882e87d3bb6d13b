#include "TikTokBridgeSocket.h"

#include "IPAddress.h"
#include "Sockets.h"
#include "SocketSubsystem.h"

FTikTokBridgeSocket::~FTikTokBridgeSocket()
{
	Close();
}

bool FTikTokBridgeSocket::Open(const ttb::Endpoint& Endpoint, FString& OutError)
{
	Close();
	ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM);
	if (SocketSubsystem == nullptr)
	{
		OutError = TEXT("no socket subsystem on this platform");
		return false;
	}
	const FString Host = TTBToFString(Endpoint.host);
	TSharedPtr<FInternetAddr> Address = SocketSubsystem->GetAddressFromString(Host);
	if (!Address.IsValid() || !Address->IsValid())
	{
		// A host name: resolve it (blocking, so prefer IP addresses in the settings).
		FAddressInfoResult Resolved = SocketSubsystem->GetAddressInfo(
			*Host, nullptr, EAddressInfoFlags::Default, NAME_None, ESocketType::SOCKTYPE_Streaming);
		if (Resolved.ReturnCode != SE_NO_ERROR || Resolved.Results.Num() == 0)
		{
			OutError = FString::Printf(TEXT("cannot resolve %s"), *Host);
			return false;
		}
		Address = Resolved.Results[0].Address;
	}
	Address->SetPort(static_cast<int32>(Endpoint.port));

	Socket = SocketSubsystem->CreateSocket(NAME_Stream, TEXT("TikTokBridge"), Address->GetProtocolType());
	if (Socket == nullptr)
	{
		OutError = TEXT("cannot create a TCP socket");
		return false;
	}
	Socket->SetNonBlocking(true);
	Socket->SetNoDelay(true);
	int32 ActualSize = 0;
	Socket->SetReceiveBufferSize(1024 * 1024, ActualSize);
	if (!Socket->Connect(*Address))
	{
		const ESocketErrors Error = SocketSubsystem->GetLastErrorCode();
		if (Error != SE_EWOULDBLOCK && Error != SE_EINPROGRESS)
		{
			OutError = FString::Printf(TEXT("connect to %s failed: %s"), *Address->ToString(true),
				SocketSubsystem->GetSocketError(Error));
			Close();
			return false;
		}
	}
	bConnecting = true;
	return true;
}

void FTikTokBridgeSocket::Close()
{
	if (Socket != nullptr)
	{
		Socket->Close();
		if (ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM))
		{
			SocketSubsystem->DestroySocket(Socket);
		}
		Socket = nullptr;
	}
	bConnecting = false;
}

int32 FTikTokBridgeSocket::PollConnect(FString& OutError)
{
	if (Socket == nullptr || !bConnecting)
	{
		return 0;
	}
	if (Socket->GetConnectionState() == SCS_ConnectionError)
	{
		OutError = TEXT("connection refused (is tiktok-bridge running?)");
		return -1;
	}
	// Writable = the connect finished. If it actually failed (BSD sockets report that as
	// writable too), the first Send/Recv fails and the client reconnects.
	if (Socket->Wait(ESocketWaitConditions::WaitForWrite, FTimespan::Zero()))
	{
		bConnecting = false;
		return 1;
	}
	return 0;
}

int32 FTikTokBridgeSocket::Read(uint8* Buffer, int32 Capacity, FString& OutError)
{
	int32 BytesRead = 0;
	// Non-blocking stream sockets: true with 0 bytes = nothing yet; false = closed or failed.
	if (!Socket->Recv(Buffer, Capacity, BytesRead, ESocketReceiveFlags::None))
	{
		ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM);
		const ESocketErrors Error = SocketSubsystem ? SocketSubsystem->GetLastErrorCode() : SE_NO_ERROR;
		OutError = (Error == SE_NO_ERROR || Error == SE_EWOULDBLOCK || SocketSubsystem == nullptr)
			? FString(TEXT("connection closed by the daemon"))
			: FString::Printf(TEXT("receive failed: %s"), SocketSubsystem->GetSocketError(Error));
		return -1;
	}
	return BytesRead;
}

int32 FTikTokBridgeSocket::Write(const uint8* Data, int32 Count, FString& OutError)
{
	int32 BytesSent = 0;
	if (!Socket->Send(Data, Count, BytesSent))
	{
		ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM);
		const ESocketErrors Error = SocketSubsystem ? SocketSubsystem->GetLastErrorCode() : SE_NO_ERROR;
		if (Error == SE_EWOULDBLOCK || Error == SE_TRY_AGAIN)
		{
			return 0;
		}
		OutError = SocketSubsystem
			? FString::Printf(TEXT("send failed: %s"), SocketSubsystem->GetSocketError(Error))
			: FString(TEXT("send failed"));
		return -1;
	}
	return BytesSent;
}
