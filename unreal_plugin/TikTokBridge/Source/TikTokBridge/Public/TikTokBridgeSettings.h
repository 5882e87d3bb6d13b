// Project Settings > Plugins > TikTok Bridge (stored in Config/DefaultGame.ini,
// section [/Script/TikTokBridge.TikTokBridgeSettings]). The control token is not one of
// them: DefaultGame.ini is packaged into builds (see UTikTokBridgeSubsystem::SetControlToken).
#pragma once

#include "CoreMinimal.h"
#include "Engine/DeveloperSettings.h"
#include "TikTokBridgeSettings.generated.h"

UCLASS(config = Game, defaultconfig, meta = (DisplayName = "TikTok Bridge"))
class TIKTOKBRIDGE_API UTikTokBridgeSettings : public UDeveloperSettings
{
	GENERATED_BODY()

public:
	UTikTokBridgeSettings();

	virtual FName GetCategoryName() const override;
#if WITH_EDITOR
	virtual FText GetSectionText() const override;
	virtual FText GetSectionDescription() const override;
#endif

	// Endpoint, ControlEndpoint and HeartbeatInterval default to the contract's values
	// (Private/Core/TTBContract.h, generated), set in the constructor.

	/** The daemon's event endpoint (tiktok-bridge run --endpoint). tcp://host:port only. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Connection")
	FString Endpoint;

	/** The daemon's control endpoint (tiktok-bridge run --control); empty disables Simulate and room requests. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Connection")
	FString ControlEndpoint;

	/** TikTok creator (@handle, without @) used when Connect is called with an empty UniqueId. Empty: receive every room the daemon watches. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Connection")
	FString DefaultUniqueId;

	/** Connect when the game instance starts (to DefaultUniqueId), as the Godot addon does. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Connection")
	bool bAutoConnect = true;

	/** Reconnect after the daemon restarts, the link breaks or goes silent (backoff with jitter). */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect")
	bool bAutoReconnect = true;

	/** Failed attempts in a row before giving up; 0 = keep trying. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect", meta = (ClampMin = "0"))
	int32 MaxReconnectAttempts = 0;

	/** First retry after 50-100 % of this, doubling per failed attempt. Seconds. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect", meta = (ClampMin = "0.05"))
	float ReconnectBaseDelay = 0.5f;

	/** Longest wait between attempts (before jitter). A few seconds suits a local daemon. Seconds. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect", meta = (ClampMin = "0.1"))
	float ReconnectMaxDelay = 3.0f;

	/** Heartbeat interval assumed until the daemon's first sys.heartbeat announces its own (publisher.heartbeat_interval). No data at all for two intervals = dead link: reconnect. 0 = never. Seconds. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect", meta = (ClampMin = "0"))
	float HeartbeatInterval;

	/** TCP connect and ZMTP handshake timeout. Seconds. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Reconnect", meta = (ClampMin = "0.1"))
	float ConnectTimeout = 5.0f;

	/** Topic prefixes to receive (e.g. gift/, chat/, action/); empty = everything. sys. is always added for the heartbeat. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Events")
	TArray<FString> TopicPrefixes;

	/** Only broadcast events of the room passed to Connect (or DefaultUniqueId), when one is given. */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Events")
	bool bOnlyWatchedRoom = true;

	/** Events broadcast per frame at most; the rest wait for the next frames (bounded: the daemon drops for slow readers). */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Events", meta = (ClampMin = "1"))
	int32 MaxEventsPerTick = 500;

	/** Log connection steps and every event (LogTikTokBridge). */
	UPROPERTY(config, EditAnywhere, BlueprintReadOnly, Category = "Debug")
	bool bDebugLogging = false;
};
