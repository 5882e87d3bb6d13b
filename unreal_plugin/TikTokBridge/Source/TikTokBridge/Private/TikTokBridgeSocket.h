// A non-blocking FSocket that moves bytes for a sans-I/O client from Core/
// (ttb::Link or ttb::ControlClient): the same driver steps as tests/cpp/posix_io.h,
// which runs them against the real daemon.
#pragma once

#include "CoreMinimal.h"
#include "Core/TTBLink.h"
#include "TikTokBridgeDispatch.h"

class FSocket;
struct FTikTokBridgeConnectJob;

/**
 * A TCP connection for the game thread that never blocks it: Open() hands the name
 * resolution and the connect to a background task (AsyncTask), PollConnect() picks up its
 * result without waiting, Read/Write are non-blocking.
 */
class FTikTokBridgeSocket
{
public:
	FTikTokBridgeSocket() = default;
	~FTikTokBridgeSocket();
	FTikTokBridgeSocket(const FTikTokBridgeSocket&) = delete;
	FTikTokBridgeSocket& operator=(const FTikTokBridgeSocket&) = delete;

	/** Starts resolving and connecting in the background; false only without a socket subsystem. */
	bool Open(const ttb::Endpoint& Endpoint, FString& OutError);
	/** Closes the socket; a connect still running in the background is abandoned (it closes its own socket). */
	void Close();
	bool IsOpen() const { return Socket != nullptr || Job.IsValid(); }
	bool IsConnecting() const { return Job.IsValid(); }

	/** 1: the connect completed now; 0: pending (or done earlier); -1: failed (resolve or connect). */
	int32 PollConnect(FString& OutError);
	/** Bytes read (>0), 0 if none are waiting, -1 if the peer closed or the read failed. */
	int32 Read(uint8* Buffer, int32 Capacity, FString& OutError);
	/** Bytes written (may be fewer than Count, or 0 if the socket buffer is full), -1 on failure. */
	int32 Write(const uint8* Data, int32 Count, FString& OutError);

private:
	FSocket* Socket = nullptr;
	TSharedPtr<FTikTokBridgeConnectJob, ESPMode::ThreadSafe> Job;  // the background connect, while it runs
};

/**
 * One driver step: opens/closes the socket when the client says so, completes the connect,
 * reads (if bMayRead, at most MaxReadBytes), writes the client's pending output, and reports
 * failures to the client. NowMs: a monotonic clock in milliseconds.
 */
template <typename ClientType>
void TikTokBridgePump(ClientType& Client, FTikTokBridgeSocket& Socket, const ttb::Endpoint& Endpoint, int64 NowMs,
	bool bMayRead, int32 MaxReadBytes, FString& OutError)
{
	switch (Client.tick(NowMs))
	{
	case ttb::Link::Io::Open:
		if (!Socket.Open(Endpoint, OutError))
		{
			Client.onTransportError(NowMs, TTBToUtf8(OutError));
		}
		break;
	case ttb::Link::Io::Close:
		Socket.Close();
		break;
	case ttb::Link::Io::None:
		break;
	}
	if (!Socket.IsOpen())
	{
		return;
	}
	const int32 Connect = Socket.PollConnect(OutError);
	if (Connect < 0)
	{
		Socket.Close();
		Client.onTransportError(NowMs, TTBToUtf8(OutError));
		return;
	}
	if (Connect > 0)
	{
		Client.onOpened(NowMs);
	}
	if (Socket.IsConnecting())
	{
		return;
	}
	uint8 Buffer[16384];
	int32 Total = 0;
	while (bMayRead && Total < MaxReadBytes && Socket.IsOpen())
	{
		const int32 Read = Socket.Read(Buffer, static_cast<int32>(sizeof(Buffer)), OutError);
		if (Read < 0)
		{
			Socket.Close();
			Client.onTransportError(NowMs, TTBToUtf8(OutError));
			return;
		}
		if (Read == 0)
		{
			break;
		}
		Total += Read;
		if (!Client.onReceived(NowMs, Buffer, static_cast<size_t>(Read)))
		{
			break;  // protocol error: the next tick() closes
		}
	}
	while (Socket.IsOpen() && Client.outputSize() > 0)
	{
		const int32 Chunk = Client.outputSize() > 1048576 ? 1048576 : static_cast<int32>(Client.outputSize());
		const int32 Written = Socket.Write(Client.outputData(), Chunk, OutError);
		if (Written < 0)
		{
			Socket.Close();
			Client.onTransportError(NowMs, TTBToUtf8(OutError));
			return;
		}
		if (Written == 0)
		{
			break;
		}
		Client.consume(static_cast<size_t>(Written));
	}
}
