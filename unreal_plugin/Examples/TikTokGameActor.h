// Example: copy TikTokGameActor.h/.cpp into your game module's Source folder and
// add "TikTokBridge" to PublicDependencyModuleNames in your game's Build.cs.
// Place the actor in a level (or spawn it); it logs chat, counts each gift
// streak once, reacts to the daemon's game actions, and shows the viewer count.
#pragma once

#include "CoreMinimal.h"
#include "GameFramework/Actor.h"
#include "TikTokBridgeTypes.h"
#include "TikTokGameActor.generated.h"

class UTikTokBridgeSubsystem;

UCLASS()
class ATikTokGameActor : public AActor
{
	GENERATED_BODY()

public:
	/** Creator to watch; empty = Project Settings > Plugins > TikTok Bridge > Default Unique Id. */
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "TikTok")
	FString UniqueId;

	/** Diamonds received (each gift streak counted once, when it ends). */
	UPROPERTY(VisibleAnywhere, BlueprintReadOnly, Category = "TikTok")
	int64 TotalDiamonds = 0;

protected:
	virtual void BeginPlay() override;
	virtual void EndPlay(const EEndPlayReason::Type EndPlayReason) override;

	UFUNCTION()
	void HandleConnected(const FString& Endpoint);

	UFUNCTION()
	void HandleDisconnected(const FString& Reason);

	UFUNCTION()
	void HandleChat(const FTikTokChatEvent& Event);

	UFUNCTION()
	void HandleGift(const FTikTokGiftEvent& Event);

	UFUNCTION()
	void HandleViewers(const FTikTokViewerCountEvent& Event);

	UFUNCTION()
	void HandleGameAction(const FTikTokGameAction& Action);

	UFUNCTION()
	void HandleStreamEnd(const FTikTokStreamEndEvent& Event);

private:
	UTikTokBridgeSubsystem* GetBridge() const;
};
