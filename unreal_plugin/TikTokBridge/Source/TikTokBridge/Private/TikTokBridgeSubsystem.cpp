#include "TikTokBridgeSubsystem.h"

#include "Core/TTBControl.h"
#include "Core/TTBEvents.h"
#include "Core/TTBLink.h"
#include "HAL/PlatformMisc.h"
#include "HAL/PlatformTime.h"
#include "Misc/ConfigCacheIni.h"
#include "TikTokBridgeDispatch.h"
#include "TikTokBridgeLog.h"
#include "TikTokBridgeSettings.h"
#include "TikTokBridgeSocket.h"

#include <memory>

namespace
{
int64 TikTokBridgeNowMs()
{
	return static_cast<int64>(FPlatformTime::Seconds() * 1000.0);
}

std::string TikTokBridgeLower(const std::string& In)
{
	std::string Out = In;
	for (char& C : Out)
	{
		if (C >= 'A' && C <= 'Z')
		{
			C = static_cast<char>(C - 'A' + 'a');
		}
	}
	return Out;
}

// "@Name", " name " -> "name"; URLs and numeric room ids are passed to the daemon as they are.
FString TikTokBridgeCleanRoom(const FString& In)
{
	FString Out = In.TrimStartAndEnd();
	while (Out.StartsWith(TEXT("@")))
	{
		Out.RightChopInline(1);
	}
	return Out;
}

/** The control token from the environment, else from the per-user GameUserSettings.ini. */
FString TikTokBridgeUserControlToken()
{
	FString Token = FPlatformMisc::GetEnvironmentVariable(TEXT("TIKTOK_BRIDGE_CONTROL_TOKEN"));
	if (Token.IsEmpty() && GConfig != nullptr)
	{
		GConfig->GetString(TEXT("TikTokBridge"), TEXT("ControlToken"), Token, GGameUserSettingsIni);
	}
	return Token;
}

bool TikTokBridgeIsPlainHandle(const FString& Room)
{
	if (Room.IsEmpty() || Room.Contains(TEXT("/")) || Room.Contains(TEXT(":")))
	{
		return false;
	}
	return !Room.IsNumeric();
}
}  // namespace

/** Everything plain-C++ the subsystem owns; also the dispatcher's host. */
struct FTikTokBridgeState final : public ITikTokBridgeEventHost
{
	explicit FTikTokBridgeState(UTikTokBridgeSubsystem& InOwner)
		: Owner(InOwner)
		, Dispatcher(*this)
	{
	}

	virtual bool NoteEvent(const ttb::Envelope& Envelope) override
	{
		const bool bSystem = Envelope.type.compare(0, 4, "sys.") == 0;
		if (!WatchedRoomLower.empty() && !Envelope.room.empty() && !bSystem &&
			TikTokBridgeLower(Envelope.room) != WatchedRoomLower)
		{
			bLastEventAccepted = false;
			return false;
		}
		bLastEventAccepted = true;
		if (!bSystem)
		{
			++Owner.EventCount;
			if (Envelope.roomId != 0)
			{
				Owner.RoomId = FString::Printf(TEXT("%lld"), static_cast<long long>(Envelope.roomId));
			}
		}
		if (bDebugLogging)
		{
			UE_LOG(LogTikTokBridge, Log, TEXT("%s room=%s seq=%lld"), *TTBToFString(Envelope.type),
				*TTBToFString(Envelope.room), static_cast<long long>(Envelope.seq));
		}
		return true;
	}

	virtual void NoteViewerCount(int64_t InViewerCount) override
	{
		Owner.ViewerCount = TTBClampInt32(InViewerCount);
	}

	virtual void NoteRoomStatus(const std::string& Room, const std::string& RoomState) override
	{
		if (bDebugLogging)
		{
			UE_LOG(LogTikTokBridge, Log, TEXT("daemon: @%s is %s"), *TTBToFString(Room), *TTBToFString(RoomState));
		}
	}

	virtual void NoteHeartbeatInterval(double Seconds) override
	{
		if (Events)
		{
			Events->policy().onHeartbeatInterval(Seconds);  // the liveness check follows the daemon
		}
	}

	virtual UTikTokBridgeSubsystem& Subsystem() override
	{
		return Owner;
	}

	UTikTokBridgeSubsystem& Owner;
	FTikTokBridgeDispatcher Dispatcher;

	std::unique_ptr<ttb::Link> Events;
	ttb::Endpoint EventsEndpoint;
	FTikTokBridgeSocket EventsSocket;

	std::unique_ptr<ttb::ControlClient> Control;
	ttb::Endpoint ControlEndpoint;
	FTikTokBridgeSocket ControlSocket;
	std::string ControlToken;
	uint32 ConnectRequestId = 0;

	std::string WatchedRoomLower;
	int32 MaxEventsPerTick = 500;
	bool bDebugLogging = false;
	bool bWasConnected = false;
	bool bLastEventAccepted = false;
	uint32 Generation = 0;  // bumped by Connect/Disconnect: a handler that calls them stops the current batch

	/** Queues a control request, creating the control client from the settings if needed. */
	static int32 Submit(UTikTokBridgeSubsystem& Bridge, const std::string& Body, const TCHAR* What);
	/** Moves bytes, then broadcasts connection changes and up to MaxEventsPerTick events. */
	static void PumpEvents(UTikTokBridgeSubsystem& Bridge, int64 Now);
	/** Moves bytes and broadcasts control replies. */
	static void PumpControl(UTikTokBridgeSubsystem& Bridge, int64 Now);
};

void UTikTokBridgeSubsystem::Initialize(FSubsystemCollectionBase& Collection)
{
	Super::Initialize(Collection);
	State = new FTikTokBridgeState(*this);
	ControlToken = TikTokBridgeUserControlToken();
	TickerHandle = FTSTicker::GetCoreTicker().AddTicker(
		FTickerDelegate::CreateUObject(this, &UTikTokBridgeSubsystem::Tick), 0.0f);

	const UTikTokBridgeSettings* Settings = GetDefault<UTikTokBridgeSettings>();
	if (Settings->bAutoConnect)
	{
		Connect(Settings->DefaultUniqueId);
	}
}

void UTikTokBridgeSubsystem::Deinitialize()
{
	if (TickerHandle.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(TickerHandle);
		TickerHandle.Reset();
	}
	delete State;  // closes both sockets
	State = nullptr;
	Super::Deinitialize();
}

void UTikTokBridgeSubsystem::BeginDestroy()
{
	if (TickerHandle.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(TickerHandle);
		TickerHandle.Reset();
	}
	delete State;
	State = nullptr;
	Super::BeginDestroy();
}

void UTikTokBridgeSubsystem::Connect(const FString& UniqueId)
{
	if (State == nullptr)
	{
		return;
	}
	const UTikTokBridgeSettings* Settings = GetDefault<UTikTokBridgeSettings>();
	const int64 Now = TikTokBridgeNowMs();
	const uint32 Generation = ++State->Generation;
	const bool bWasConnected = State->Events && State->Events->connected();
	State->EventsSocket.Close();
	State->Events.reset();
	State->bWasConnected = false;
	if (bWasConnected)
	{
		OnDisconnected.Broadcast(TEXT("Connect() called again: reconnecting"));
		if (State == nullptr || State->Generation != Generation)
		{
			return;  // a handler called Connect or Disconnect itself
		}
	}
	State->bDebugLogging = Settings->bDebugLogging;
	State->MaxEventsPerTick = FMath::Max(1, Settings->MaxEventsPerTick);
	EventCount = 0;
	ViewerCount = 0;
	RoomId.Reset();
	LastError.Reset();

	std::string Error;
	if (!ttb::parseEndpoint(TTBToUtf8(Settings->Endpoint), State->EventsEndpoint, Error))
	{
		LastError = FString::Printf(TEXT("Endpoint \"%s\": %s"), *Settings->Endpoint, *TTBToFString(Error));
		UE_LOG(LogTikTokBridge, Error, TEXT("%s (Project Settings > Plugins > TikTok Bridge)"), *LastError);
		OnDisconnected.Broadcast(LastError);
		return;
	}

	ttb::LinkConfig Config;
	Config.type = ttb::ZmtpSocketType::Sub;
	Config.reconnect.autoReconnect = Settings->bAutoReconnect;
	Config.reconnect.maxAttempts = FMath::Max(0, Settings->MaxReconnectAttempts);
	Config.reconnect.backoffBaseS = FMath::Max(0.05f, Settings->ReconnectBaseDelay);
	Config.reconnect.backoffCapS = FMath::Max(0.1f, Settings->ReconnectMaxDelay);
	Config.reconnect.connectTimeoutS = FMath::Max(0.1f, Settings->ConnectTimeout);
	Config.reconnect.handshakeTimeoutS = FMath::Max(0.1f, Settings->ConnectTimeout);
	Config.reconnect.heartbeatIntervalS = FMath::Max(0.0f, Settings->HeartbeatInterval);
	Config.seed = FPlatformTime::Cycles64();
	// Bounded backlog: beyond this, whole messages are dropped (and counted), like libzmq's HWM.
	Config.limits.maxQueuedMessages = static_cast<size_t>(FMath::Max(10000, State->MaxEventsPerTick * 20));
	if (Settings->TopicPrefixes.Num() == 0)
	{
		Config.subscriptions.emplace_back();  // everything
	}
	else
	{
		for (const FString& Prefix : Settings->TopicPrefixes)
		{
			Config.subscriptions.push_back(TTBToUtf8(Prefix));
		}
		Config.subscriptions.emplace_back("sys.");  // heartbeats keep the liveness check fed
	}
	State->Events = std::make_unique<ttb::Link>(Config);
	State->Events->start(Now);

	WatchedRoom = TikTokBridgeCleanRoom(UniqueId.IsEmpty() ? Settings->DefaultUniqueId : UniqueId);
	State->WatchedRoomLower = Settings->bOnlyWatchedRoom && TikTokBridgeIsPlainHandle(WatchedRoom)
		? TikTokBridgeLower(TTBToUtf8(WatchedRoom))
		: std::string();

	// Control channel: created once (it connects only while requests are pending);
	// ask the daemon to watch the room.
	if (!State->Control && !Settings->ControlEndpoint.IsEmpty())
	{
		if (ttb::parseEndpoint(TTBToUtf8(Settings->ControlEndpoint), State->ControlEndpoint, Error))
		{
			ttb::ControlClientConfig ControlConfig;
			ControlConfig.reconnect = Config.reconnect;
			ControlConfig.seed = Config.seed + 1;
			State->Control = std::make_unique<ttb::ControlClient>(ControlConfig);
			State->ControlToken = TTBToUtf8(ControlToken);
		}
		else
		{
			UE_LOG(LogTikTokBridge, Warning, TEXT("ControlEndpoint \"%s\": %s; Simulate is unavailable"),
				*Settings->ControlEndpoint, *TTBToFString(Error));
		}
	}
	if (State->Control && !WatchedRoom.IsEmpty())
	{
		const ttb::StringPairs Args = {{"room", TTBToUtf8(WatchedRoom)}};
		State->ConnectRequestId =
			State->Control->submit(Now, ttb::encodeRequestMsgpack("connect", Args, nullptr, -1, State->ControlToken));
	}
	UE_LOG(LogTikTokBridge, Log, TEXT("connecting to %s%s"), *Settings->Endpoint,
		WatchedRoom.IsEmpty() ? TEXT(" (all rooms)") : *FString::Printf(TEXT(" for @%s"), *WatchedRoom));
}

void UTikTokBridgeSubsystem::Disconnect()
{
	if (State == nullptr || !State->Events)
	{
		return;
	}
	const uint32 Generation = ++State->Generation;
	State->Events->stop("Disconnect() called");
	if (State->Control)
	{
		State->Control->stop("Disconnect() called");  // pending requests fail with "disconnected"
	}
	// Deliver the Disconnected notice now; the socket closes on the next tick.
	ttb::PolicyNotice Notice;
	while (State->Events->popNotice(Notice))
	{
		if (Notice.kind == ttb::PolicyNotice::Kind::Disconnected)
		{
			State->bWasConnected = false;
			OnDisconnected.Broadcast(TTBToFString(Notice.reason));
			if (State == nullptr || State->Generation != Generation || !State->Events)
			{
				return;  // a handler called Connect or Disconnect
			}
		}
	}
}

bool UTikTokBridgeSubsystem::IsConnected() const
{
	return State != nullptr && State->Events && State->Events->connected();
}

FString UTikTokBridgeSubsystem::GetRoomId() const
{
	return RoomId;
}

int32 UTikTokBridgeSubsystem::GetViewerCount() const
{
	return ViewerCount;
}

int64 UTikTokBridgeSubsystem::GetEventCount() const
{
	return EventCount;
}

FString UTikTokBridgeSubsystem::GetConnectionState() const
{
	if (State == nullptr || !State->Events)
	{
		return TEXT("disconnected");
	}
	switch (State->Events->policy().phase())
	{
	case ttb::ReconnectPolicy::Phase::Stopped:
		return TEXT("disconnected");
	case ttb::ReconnectPolicy::Phase::Waiting:
		return State->Events->policy().attempt() > 0 ? TEXT("reconnecting") : TEXT("connecting");
	case ttb::ReconnectPolicy::Phase::Connecting:
	case ttb::ReconnectPolicy::Phase::Handshaking:
		return State->Events->policy().attempt() > 0 ? TEXT("reconnecting") : TEXT("connecting");
	case ttb::ReconnectPolicy::Phase::Connected:
		return TEXT("connected");
	case ttb::ReconnectPolicy::Phase::GaveUp:
		return TEXT("gave up");
	}
	return TEXT("disconnected");
}

FString UTikTokBridgeSubsystem::GetLastError() const
{
	return LastError;
}

FString UTikTokBridgeSubsystem::GetWatchedRoom() const
{
	return WatchedRoom;
}

int32 UTikTokBridgeSubsystem::Simulate(const FString& EventType, const FString& FieldsJson, const FString& Room)
{
	FString Target = EventType.TrimStartAndEnd();
	const FString CleanRoom = TikTokBridgeCleanRoom(Room);
	if (!CleanRoom.IsEmpty())
	{
		Target += TEXT("@") + CleanRoom;
	}
	const std::string Body = ttb::encodeRequestText("simulate", {TTBToUtf8(Target)},
		TTBToUtf8(FieldsJson.TrimStartAndEnd()), State ? State->ControlToken : std::string());
	return FTikTokBridgeState::Submit(*this, Body, TEXT("Simulate"));
}

int32 UTikTokBridgeSubsystem::SimulateFields(
	const FString& EventType, const TMap<FString, FString>& Fields, const FString& Room)
{
	ttb::StringPairs Args = {{"type", TTBToUtf8(EventType.TrimStartAndEnd())}};
	const FString CleanRoom = TikTokBridgeCleanRoom(Room);
	if (!CleanRoom.IsEmpty())
	{
		Args.emplace_back("room", TTBToUtf8(CleanRoom));
	}
	ttb::StringPairs FieldPairs;
	for (const TPair<FString, FString>& Field : Fields)
	{
		FieldPairs.emplace_back(TTBToUtf8(Field.Key), TTBToUtf8(Field.Value));
	}
	const std::string Body = ttb::encodeRequestMsgpack(
		"simulate", Args, &FieldPairs, -1, State ? State->ControlToken : std::string());
	return FTikTokBridgeState::Submit(*this, Body, TEXT("SimulateFields"));
}

void UTikTokBridgeSubsystem::SetControlToken(const FString& Token)
{
	ControlToken = Token;
	if (State != nullptr)
	{
		State->ControlToken = TTBToUtf8(Token);
	}
}

int32 UTikTokBridgeSubsystem::SendControlCommand(const FString& CommandLine)
{
	const std::string Body = ttb::encodeRequestText(
		TTBToUtf8(CommandLine.TrimStartAndEnd()), {}, "", State ? State->ControlToken : std::string());
	return FTikTokBridgeState::Submit(*this, Body, TEXT("SendControlCommand"));
}

int32 FTikTokBridgeState::Submit(UTikTokBridgeSubsystem& Bridge, const std::string& Body, const TCHAR* What)
{
	FTikTokBridgeState* S = Bridge.State;
	if (S == nullptr)
	{
		return -1;
	}
	if (!S->Control)
	{
		// No Connect call yet: create the control client from the settings.
		const UTikTokBridgeSettings* Settings = GetDefault<UTikTokBridgeSettings>();
		std::string Error;
		if (Settings->ControlEndpoint.IsEmpty() ||
			!ttb::parseEndpoint(TTBToUtf8(Settings->ControlEndpoint), S->ControlEndpoint, Error))
		{
			UE_LOG(LogTikTokBridge, Warning,
				TEXT("%s: no usable ControlEndpoint in Project Settings > Plugins > TikTok Bridge"), What);
			return -1;
		}
		ttb::ControlClientConfig ControlConfig;
		ControlConfig.seed = FPlatformTime::Cycles64();
		S->Control = std::make_unique<ttb::ControlClient>(ControlConfig);
		S->ControlToken = TTBToUtf8(Bridge.ControlToken);
	}
	return static_cast<int32>(S->Control->submit(TikTokBridgeNowMs(), Body));
}

bool UTikTokBridgeSubsystem::Tick(float /*DeltaTime*/)
{
	const int64 Now = TikTokBridgeNowMs();
	if (State != nullptr && State->Events)
	{
		FTikTokBridgeState::PumpEvents(*this, Now);
	}
	if (State != nullptr && State->Control)
	{
		FTikTokBridgeState::PumpControl(*this, Now);
	}
	return true;  // keep ticking
}

void FTikTokBridgeState::PumpEvents(UTikTokBridgeSubsystem& Bridge, int64 Now)
{
	FTikTokBridgeState& S = *Bridge.State;
	ttb::Link& Link = *S.Events;
	// Read only while the backlog is small: a slow game lets TCP push back, and the
	// daemon drops whole messages for it (never partial ones) instead of growing memory.
	const bool bMayRead = Link.zmtp().queuedMessages() < static_cast<size_t>(S.MaxEventsPerTick) * 4;
	FString SocketError;
	TikTokBridgePump(Link, S.EventsSocket, S.EventsEndpoint, Now, bMayRead, 1024 * 1024, SocketError);

	const uint32 StartGeneration = S.Generation;
	ttb::PolicyNotice Notice;
	while (S.Events && Link.popNotice(Notice))
	{
		switch (Notice.kind)
		{
		case ttb::PolicyNotice::Kind::Connected:
			S.bWasConnected = true;
			Bridge.LastError.Reset();
			UE_LOG(LogTikTokBridge, Log, TEXT("connected to the daemon (%s)"),
				*TTBToFString(Link.zmtp().peerSocketType()));
			Bridge.OnConnected.Broadcast(GetDefault<UTikTokBridgeSettings>()->Endpoint);
			break;
		case ttb::PolicyNotice::Kind::Disconnected:
			Bridge.LastError = TTBToFString(Notice.reason);
			UE_LOG(LogTikTokBridge, Log, TEXT("disconnected: %s"), *Bridge.LastError);
			S.bWasConnected = false;
			Bridge.OnDisconnected.Broadcast(Bridge.LastError);
			break;
		case ttb::PolicyNotice::Kind::Reconnecting:
			Bridge.LastError = TTBToFString(Notice.reason);
			if (S.bDebugLogging || Notice.attempt <= 1)
			{
				UE_LOG(LogTikTokBridge, Log, TEXT("reconnecting in %.1f s (attempt %d): %s"), Notice.delayS,
					Notice.attempt, *Bridge.LastError);
			}
			Bridge.OnReconnecting.Broadcast(Notice.attempt, static_cast<float>(Notice.delayS));
			break;
		}
		if (Bridge.State == nullptr || S.Generation != StartGeneration)
		{
			return;  // a handler called Connect or Disconnect
		}
	}

	ttb::ZmtpMessage Message;
	for (int32 Count = 0; Count < S.MaxEventsPerTick && Link.popMessage(Message); ++Count)
	{
		if (Message.frames.size() != 2)
		{
			continue;  // not [topic, payload]
		}
		const std::string& Topic = Message.frames[0];
		const std::string& Payload = Message.frames[1];
		const uint8* Data = reinterpret_cast<const uint8*>(Payload.data());
		S.bLastEventAccepted = false;
		const ttb::DecodeResult Result = ttb::decodeEvent(Topic, Data, Payload.size(), S.Dispatcher);
		if (Bridge.State == nullptr || S.Generation != StartGeneration)
		{
			return;
		}
		if (Result != ttb::DecodeResult::Ok && S.bDebugLogging)
		{
			UE_LOG(LogTikTokBridge, Log, TEXT("%s: %s"), *TTBToFString(Topic),
				*TTBToFString(ttb::decodeResultName(Result)));
		}
		if (Bridge.OnAnyEvent.IsBound() && (Result == ttb::DecodeResult::Ok ? S.bLastEventAccepted : Result == ttb::DecodeResult::UnknownType))
		{
			ttb::AnyEvent Any;
			if (ttb::decodeAnyEvent(Data, Payload.size(), Any))
			{
				FTikTokAnyEvent Out;
				TTBConvertAny(Any, Out);
				Out.Topic = TTBToFString(Topic);
				Bridge.OnAnyEvent.Broadcast(Out);
				if (Bridge.State == nullptr || S.Generation != StartGeneration)
				{
					return;
				}
			}
		}
	}
}

void FTikTokBridgeState::PumpControl(UTikTokBridgeSubsystem& Bridge, int64 Now)
{
	FTikTokBridgeState& S = *Bridge.State;
	ttb::ControlClient& Requests = *S.Control;
	FString SocketError;
	TikTokBridgePump(Requests, S.ControlSocket, S.ControlEndpoint, Now, true, 1024 * 1024, SocketError);
	ttb::PolicyNotice Notice;
	while (Requests.popNotice(Notice))
	{
	}
	ttb::ControlReply Reply;
	const uint32 StartGeneration = S.Generation;
	while (S.Control && Requests.popReply(Reply))
	{
		if (Reply.requestId == S.ConnectRequestId)
		{
			std::string Room;
			if (Reply.ok && ttb::controlResultString(Reply, "room", Room))
			{
				// The daemon's name for the room (the input may have been a URL or a room id).
				Bridge.WatchedRoom = TTBToFString(Room);
				if (GetDefault<UTikTokBridgeSettings>()->bOnlyWatchedRoom)
				{
					S.WatchedRoomLower = TikTokBridgeLower(Room);
				}
			}
			else if (!Reply.ok)
			{
				UE_LOG(LogTikTokBridge, Warning, TEXT("the daemon did not start watching @%s: %s %s"), *Bridge.WatchedRoom,
					*TTBToFString(Reply.errorCode), *TTBToFString(Reply.errorMessage));
			}
		}
		FTikTokControlReply Out;
		Out.RequestId = static_cast<int32>(Reply.requestId);
		Out.bOk = Reply.ok;
		Out.ResultJson = TTBToFString(Reply.resultJson);
		Out.ErrorCode = TTBToFString(Reply.errorCode);
		Out.ErrorMessage = TTBToFString(Reply.errorMessage);
		Bridge.OnControlReply.Broadcast(Out);
		if (Bridge.State == nullptr || S.Generation != StartGeneration)
		{
			return;
		}
	}
}
