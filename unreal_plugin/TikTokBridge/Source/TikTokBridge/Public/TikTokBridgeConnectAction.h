// "Connect To TikTok Bridge" latent Blueprint node with On Success / On Failure pins.
#pragma once

#include "CoreMinimal.h"
#include "Containers/Ticker.h"
#include "Kismet/BlueprintAsyncActionBase.h"
#include "TikTokBridgeConnectAction.generated.h"

class UTikTokBridgeSubsystem;

DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FTikTokBridgeConnectResult, const FString&, Message);

UCLASS()
class TIKTOKBRIDGE_API UTikTokBridgeConnectAction : public UBlueprintAsyncActionBase
{
	GENERATED_BODY()

public:
	/**
	 * Connects the TikTok Bridge subsystem (see Connect) and waits for the daemon's handshake.
	 * On Success: connected (Message = endpoint). On Failure: not connected within TimeoutSeconds,
	 * or reconnect attempts were given up (Message = why). The subsystem keeps trying in the
	 * background after a timeout if Auto Reconnect is on.
	 */
	UFUNCTION(BlueprintCallable, Category = "TikTok Bridge",
		meta = (BlueprintInternalUseOnly = "true", WorldContext = "WorldContextObject", DisplayName = "Connect To TikTok Bridge"))
	static UTikTokBridgeConnectAction* ConnectToTikTokBridge(
		UObject* WorldContextObject, const FString& UniqueId, float TimeoutSeconds = 10.0f);

	UPROPERTY(BlueprintAssignable)
	FTikTokBridgeConnectResult OnSuccess;

	UPROPERTY(BlueprintAssignable)
	FTikTokBridgeConnectResult OnFailure;

	virtual void Activate() override;
	virtual void BeginDestroy() override;

private:
	bool Poll(float DeltaTime);
	void Finish(bool bSuccess, const FString& Message);

	TWeakObjectPtr<UTikTokBridgeSubsystem> Subsystem;
	FString RequestedUniqueId;
	float TimeoutLimitSeconds = 10.0f;
	double StartSeconds = 0.0;
	bool bFinished = false;
	FTSTicker::FDelegateHandle TickerHandle;
};
