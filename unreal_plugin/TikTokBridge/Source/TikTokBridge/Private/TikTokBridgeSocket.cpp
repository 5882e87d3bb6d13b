#include "TikTokBridgeSocket.h"

#include "Async/Async.h"
#include "HAL/CriticalSection.h"
#include "HAL/PlatformTime.h"
#include "IPAddress.h"
#include "Misc/ScopeLock.h"
#include "Sockets.h"
#include "SocketSubsystem.h"

/** Shared by the game thread and the background connect; every field is guarded by Lock. */
struct FTikTokBridgeConnectJob
{
	FCriticalSection Lock;
	bool bDone = false;
	bool bAbandoned = false;   // the game thread no longer wants the result
	FSocket* Socket = nullptr;  // set when bDone and the connect succeeded
	FString Error;              // set when bDone and it failed
};

namespace
{
/** Longest a background connect keeps trying (the reconnect policy gives up sooner). */
constexpr double TikTokBridgeConnectLimitS = 30.0;

void TikTokBridgeDestroySocket(FSocket* Socket)
{
	Socket->Close();
	if (ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM))
	{
		SocketSubsystem->DestroySocket(Socket);
	}
}

bool TikTokBridgeAbandoned(FTikTokBridgeConnectJob& Job)
{
	FScopeLock Guard(&Job.Lock);
	return Job.bAbandoned;
}

/** Runs on a background thread: resolve (blocking is fine here), connect, wait for the connect. */
FSocket* TikTokBridgeConnect(FTikTokBridgeConnectJob& Job, const FString& Host, int32 Port, FString& OutError)
{
	ISocketSubsystem* SocketSubsystem = ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM);
	if (SocketSubsystem == nullptr)
	{
		OutError = TEXT("no socket subsystem on this platform");
		return nullptr;
	}
	TSharedPtr<FInternetAddr> Address = SocketSubsystem->GetAddressFromString(Host);
	if (!Address.IsValid() || !Address->IsValid())
	{
		FAddressInfoResult Resolved = SocketSubsystem->GetAddressInfo(
			*Host, nullptr, EAddressInfoFlags::Default, NAME_None, ESocketType::SOCKTYPE_Streaming);
		if (Resolved.ReturnCode != SE_NO_ERROR || Resolved.Results.Num() == 0)
		{
			OutError = FString::Printf(TEXT("cannot resolve %s"), *Host);
			return nullptr;
		}
		Address = Resolved.Results[0].Address;
	}
	Address->SetPort(Port);

	FSocket* Socket = SocketSubsystem->CreateSocket(NAME_Stream, TEXT("TikTokBridge"), Address->GetProtocolType());
	if (Socket == nullptr)
	{
		OutError = TEXT("cannot create a TCP socket");
		return nullptr;
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
			TikTokBridgeDestroySocket(Socket);
			return nullptr;
		}
	}
	const double Deadline = FPlatformTime::Seconds() + TikTokBridgeConnectLimitS;
	while (!TikTokBridgeAbandoned(Job))
	{
		// Writable = the connect finished; Windows reports a refused connect only as an error
		// state, never as writable. (GetConnectionState may wait a few ms: harmless here, off
		// the game thread.) A failure that shows only at the first Recv makes the client reconnect.
		const bool bWritable = Socket->Wait(ESocketWaitConditions::WaitForWrite, FTimespan::FromMilliseconds(50));
		if (Socket->GetConnectionState() == SCS_ConnectionError)
		{
			OutError = TEXT("connection refused (is tiktok-bridge running?)");
			break;
		}
		if (bWritable)
		{
			return Socket;
		}
		if (FPlatformTime::Seconds() > Deadline)
		{
			OutError = FString::Printf(TEXT("no connection to %s within %.0f s"), *Address->ToString(true),
				TikTokBridgeConnectLimitS);
			break;
		}
	}
	TikTokBridgeDestroySocket(Socket);
	return nullptr;
}
}  // namespace

FTikTokBridgeSocket::~FTikTokBridgeSocket()
{
	Close();
}

bool FTikTokBridgeSocket::Open(const ttb::Endpoint& Endpoint, FString& OutError)
{
	Close();
	if (ISocketSubsystem::Get(PLATFORM_SOCKETSUBSYSTEM) == nullptr)
	{
		OutError = TEXT("no socket subsystem on this platform");
		return false;
	}
	Job = MakeShared<FTikTokBridgeConnectJob, ESPMode::ThreadSafe>();
	TSharedPtr<FTikTokBridgeConnectJob, ESPMode::ThreadSafe> Shared = Job;
	const FString Host = TTBToFString(Endpoint.host);
	const int32 Port = static_cast<int32>(Endpoint.port);
	AsyncTask(ENamedThreads::AnyBackgroundThreadNormalTask, [Shared, Host, Port]()
	{
		FString Error;
		FSocket* Connected = TikTokBridgeConnect(*Shared, Host, Port, Error);
		FScopeLock Guard(&Shared->Lock);
		if (Shared->bAbandoned)
		{
			if (Connected != nullptr)
			{
				TikTokBridgeDestroySocket(Connected);
			}
			return;
		}
		Shared->Socket = Connected;
		Shared->Error = Error;
		Shared->bDone = true;
	});
	return true;
}

void FTikTokBridgeSocket::Close()
{
	if (Job.IsValid())
	{
		FScopeLock Guard(&Job->Lock);
		if (Job->bDone && Job->Socket != nullptr)
		{
			TikTokBridgeDestroySocket(Job->Socket);
			Job->Socket = nullptr;
		}
		Job->bAbandoned = true;  // a connect still running closes its socket itself
	}
	Job.Reset();
	if (Socket != nullptr)
	{
		TikTokBridgeDestroySocket(Socket);
		Socket = nullptr;
	}
}

int32 FTikTokBridgeSocket::PollConnect(FString& OutError)
{
	if (!Job.IsValid())
	{
		return 0;
	}
	{
		FScopeLock Guard(&Job->Lock);  // held only by the short hand-over above: no waiting
		if (!Job->bDone)
		{
			return 0;
		}
		Socket = Job->Socket;
		Job->Socket = nullptr;
		OutError = Job->Error;
	}
	Job.Reset();
	return Socket != nullptr ? 1 : -1;
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
