// UTikTokBridgeSubsystem: one per game instance. Connects to the
// tiktok-live-bridge daemon (ZeroMQ PUB, msgpack events), keeps the
// connection alive (answers heartbeats, reconnects with backoff), and
// broadcasts every event as a Blueprint event on the game thread.
//
// Blueprint: Get Game Instance > Get Subsystem (TikTok Bridge Subsystem) >
// Assign On Gift Event (etc.) > Connect.
#pragma once

#include "CoreMinimal.h"
#include "Containers/Ticker.h"
#include "Subsystems/GameInstanceSubsystem.h"
#include "TikTokBridgeTypes.h"
#include "TikTokBridgeSubsystem.generated.h"

struct FTikTokBridgeState;

UCLASS(meta = (DisplayName = "TikTok Bridge Subsystem"))
class TIKTOKBRIDGE_API UTikTokBridgeSubsystem : public UGameInstanceSubsystem
{
	GENERATED_BODY()

public:
	// USubsystem
	virtual void Initialize(FSubsystemCollectionBase& Collection) override;
	virtual void Deinitialize() override;

	/**
	 * Connects to the daemon (Project Settings > Plugins > TikTok Bridge > Endpoint) and keeps
	 * the connection up. UniqueId: the TikTok creator (@handle) to watch; empty uses DefaultUniqueId;
	 * both empty receive every room the daemon watches. With a control endpoint, the daemon is
	 * asked to watch that creator too. Calling it again reconnects.
	 */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge")
	void Connect(const FString& UniqueId = TEXT(""));

	/** Closes the connection and stops reconnecting. OnDisconnected fires if it was connected. */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge")
	void Disconnect();

	/** True while the ZeroMQ handshake with the daemon is complete and the link is alive. */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	bool IsConnected() const;

	/** TikTok's numeric room id of the watched stream, as text (empty until an event carried it). */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	FString GetRoomId() const;

	/** Viewers from the latest roomUserSeq event (OnViewerCountUpdate). */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	int32 GetViewerCount() const;

	/** Room events received since Connect (sys.* messages not counted). */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	int64 GetEventCount() const;

	/** disconnected, connecting, connected, reconnecting or gave up. */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	FString GetConnectionState() const;

	/** Why the last connection attempt or connection failed (empty if none did). */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	FString GetLastError() const;

	/** The room events are filtered to (empty: every room). */
	UFUNCTION(BlueprintPure, Category = "TikTok Bridge")
	FString GetWatchedRoom() const;

	/**
	 * Asks the daemon to publish a synthetic event (control channel `simulate`), e.g.
	 * EventType "gift", FieldsJson {"giftName": "Rose", "repeatCount": 5}. It arrives like a real
	 * one (with Simulated set), through the daemon's rules. Room: empty = the daemon's first room.
	 * Returns the request id (-1 without a control endpoint); the reply comes in OnControlReply.
	 */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge|Control")
	int32 Simulate(const FString& EventType, const FString& FieldsJson = TEXT(""), const FString& Room = TEXT(""));

	/**
	 * Simulate with fields as a map: values that look like numbers or true/false are sent as such,
	 * "user.uniqueId" style keys build nested maps. Returns the request id (-1 without a control endpoint).
	 */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge|Control")
	int32 SimulateFields(const FString& EventType, const TMap<FString, FString>& Fields, const FString& Room = TEXT(""));

	/**
	 * The daemon's control.token for this run (needed only when the daemon requires one). Without
	 * a call, the token comes from the environment variable TIKTOK_BRIDGE_CONTROL_TOKEN, else from
	 * the per-user GameUserSettings.ini ([TikTokBridge] ControlToken=...): never from packaged config.
	 */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge|Control")
	void SetControlToken(const FString& Token);

	/** Sends a raw control command line (ping, status, rules, reload, summary, connect @x...). Returns the request id. */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge|Control")
	int32 SendControlCommand(const FString& CommandLine);

	/** The ZeroMQ handshake with the daemon completed (also after every reconnect). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Connection")
	FOnTikTokBridgeConnected OnConnected;

	/** The connection closed (daemon stopped, link silent, Disconnect called) or attempts were given up. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Connection")
	FOnTikTokBridgeDisconnected OnDisconnected;

	/** A reconnect attempt is scheduled in DelaySeconds. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Connection")
	FOnTikTokBridgeReconnecting OnReconnecting;

	/** Every message, whatever its type, as type + JSON text (also types this plugin version does not know). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokAnyEvent OnAnyEvent;

	/** Replies to Simulate, SimulateFields and SendControlCommand. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Control")
	FOnTikTokControlReply OnControlReply;

	// BEGIN GENERATED DELEGATES (unreal_plugin/tools/gen_events.py; do not edit by hand)
	/** `chat`: A chat comment. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokChatEvent OnChatEvent;

	/** `gift`: A gift. Streakable gifts (giftType 1) arrive once per combo step with a rising repeatCount and `streaking` true, then once more with repeatEnd true: count only events where `streaking` is absent. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokGiftEvent OnGiftEvent;

	/** `like`: Likes, batched by TikTok. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokLikeEvent OnLikeEvent;

	/** `member`: A viewer joined (action 1) or another membership change. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokMemberEvent OnMemberEvent;

	/** `follow`: A viewer followed the creator. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokFollowEvent OnFollowEvent;

	/** `share`: A viewer shared the stream. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokShareEvent OnShareEvent;

	/** `social`: A social message that is neither a follow nor a share. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokSocialEvent OnSocialEvent;

	/** `subscribe`: A viewer subscribed (or renewed, or was gifted a subscription). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokSubscribeEvent OnSubscribeEvent;

	/** `roomUserSeq`: Viewer counts and the top viewers. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokViewerCountEvent OnViewerCountUpdate;

	/** `battle`: A LIVE battle (link-mic battle) changed state. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattleEvent OnBattleUpdate;

	/** `battleArmies`: Battle points changed after a gift. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattleArmiesEvent OnBattleArmiesUpdate;

	/** `roomPin`: The host or a moderator pinned (action 1) or unpinned (2) a message. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRoomPinEvent OnRoomPinEvent;

	/** `emote`: A subscriber emote sent on its own. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokEmoteChatEvent OnEmoteChatEvent;

	/** `envelope`: A treasure chest / envelope was dropped. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokEnvelopeEvent OnEnvelopeEvent;

	/** `question`: A viewer asked a Q&A question. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokQuestionEvent OnQuestionEvent;

	/** `liveIntro`: The creator's stream introduction. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokLiveIntroEvent OnLiveIntroEvent;

	/** `caption`: A live caption line. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokCaptionEvent OnCaptionEvent;

	/** `barrage`: A banner line: super fan joins, level-ups, subscription notices. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBarrageEvent OnBarrageEvent;

	/** `goal`: Progress on a stream goal. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokGoalEvent OnGoalUpdate;

	/** `rank`: The creator's position in TikTok's rankings changed. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRankEvent OnRankUpdate;

	/** `poll`: A poll started (0), ended (1) or was updated (2). TikTok sends the options with every poll message; the votes in update and end messages. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokPollEvent OnPollEvent;

	/** `banner`: An in-room banner; TikTok sends its content as JSON text. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBannerEvent OnBannerEvent;

	/** `imDelete`: Messages or users' messages were deleted by moderation. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokImDeleteEvent OnImDeleteEvent;

	/** `control`: A stream control message other than the end (1 paused, 2 resumed). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokControlEvent OnControlEvent;

	/** `streamEnd`: The stream ended (control action 3) or was suspended (4). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokStreamEndEvent OnStreamEnd;

	/** `coHostScore`: Live scores while hosts are linked (co-host or battle): every host's fan tickets (`hosts`, from LinkMicFanTicketMethod), or one host's (`userId`/`score`, from LinkMicMethod). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokCoHostScoreEvent OnCoHostScoreEvent;

	/** `coHost`: Co-host sessions: hosts joined, left or the linked list changed. From the link layer (`layerAction`: 9 leave, 11 list change, 12 join) or the older linker (`linkAction`: 6 enter, 7 leave, 11/21 linked list change, 22 co-host list change). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokCoHostEvent OnCoHostEvent;

	/** `rankText`: A viewer moved in the room's top-viewer ranking (the text TikTok shows: `{0:user} just became a top {1:string} viewer!`). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRankTextEvent OnRankTextEvent;

	/** `battlePunish`: A battle's punishment phase finished. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattlePunishEvent OnBattlePunishEvent;

	/** `battleTask`: A battle task (speed challenge): started with its target, progress, then settled. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattleTaskEvent OnBattleTaskEvent;

	/** `battleCard`: A battle item card: a card used (critical strike: points x `multiple` for `duration` seconds) or cards awarded to viewers. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattleCardEvent OnBattleCardEvent;

	/** `battleNotice`: A battle notice: a rule guide (`text` with a `ruleUrl`) or a common guide (a text template). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBattleNoticeEvent OnBattleNoticeEvent;

	/** `roomMessage`: A system or welcome line in the room (TikTok sends it as `RoomMessage`, without the prefix): show `content`, or the text template when content is empty. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRoomMessageEvent OnRoomMessageEvent;

	/** `systemMessage`: A system message (TikTok-Live-Connector calls it `system`; named so it is not taken for the bridge's own `sys.*` events). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokSystemMessageEvent OnSystemMessageEvent;

	/** `roomNotify`: A notice in the room (an announcement, a gift or subscription notice): its text template carries the users and gifts concerned. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRoomNotifyEvent OnRoomNotifyEvent;

	/** `giftBroadcast`: A platform-wide gift announcement (`{0:user} sent {1:gift} to {2:user}`): sender, gift and receiver are the template's pieces. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokGiftBroadcastEvent OnGiftBroadcastEvent;

	/** `hourlyRank`: The creator's place in an hourly or weekly ranking, as the text TikTok shows (e.g. `Weekly ranking`). From WebcastHourlyRankMessage, not the hourly rank reward message. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokHourlyRankEvent OnHourlyRankEvent;

	/** `subPin`: A subscription card was pinned (action 1) or unpinned (2). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokSubPinEvent OnSubPinEvent;

	/** `bottomMessage`: A notice at the bottom of the screen (warnings, reminders): show the text template when `textType` is 0, `content` when it is 1. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokBottomMessageEvent OnBottomMessageEvent;

	/** `unauthorizedMember`: A viewer who is not logged in joined (`{0:user} joined`, the user a placeholder name). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokUnauthorizedMemberEvent OnUnauthorizedMemberEvent;

	/** `accessRecall`: A restriction on the host's access to a feature, and when it ends. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokAccessRecallEvent OnAccessRecallEvent;

	/** `unknown`: A webcast message the contract does not model, passed on so nothing is lost. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokUnknownEvent OnUnknownEvent;

	/** `giftFinal`: One per gift streak, when it closes (its closing frame, a timeout, or the stream end): the gift counted exactly once. Published by the bridge, not TikTok. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokGiftFinalEvent OnGiftFinal;

	/** `action`: A game action fired by a rule (topic `action/<name>/<room>`). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokGameAction OnGameAction;

	/** `streamSummary`: The stream ledger: at stream end (`ended`), and on request through the control channel. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokStreamSummaryEvent OnStreamSummary;

	/** `sys.rules`: The rules file was reloaded (ok) or an edit was rejected (the old rules stay active). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRulesStatus OnRulesStatus;

	/** `sys.status`: A room's connection state changed, or a daemon task failed (reason `internal`, with `task`). */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokRoomStatus OnRoomStatus;

	/** `sys.heartbeat`: Sent every heartbeat interval so subscribers can tell the daemon is alive. */
	UPROPERTY(BlueprintAssignable, Category = "TikTok Bridge|Events")
	FOnTikTokDaemonHeartbeat OnDaemonHeartbeat;

	// END GENERATED DELEGATES

private:
	friend struct FTikTokBridgeState;

	virtual void BeginDestroy() override;
	bool Tick(float DeltaTime);

	/** Sockets, protocol state and the dispatcher (plain C++; defined in the .cpp). Owned. */
	FTikTokBridgeState* State = nullptr;
	FTSTicker::FDelegateHandle TickerHandle;
	FString LastError;
	FString ControlToken;  // SetControlToken's, else read once by Initialize
	FString WatchedRoom;
	FString RoomId;
	int32 ViewerCount = 0;
	int64 EventCount = 0;
};
