#include "TikTokGameActor.h"

#include "Engine/GameInstance.h"
#include "TikTokBridgeSubsystem.h"

UTikTokBridgeSubsystem* ATikTokGameActor::GetBridge() const
{
	const UGameInstance* GameInstance = GetGameInstance();
	return GameInstance ? GameInstance->GetSubsystem<UTikTokBridgeSubsystem>() : nullptr;
}

void ATikTokGameActor::BeginPlay()
{
	Super::BeginPlay();
	UTikTokBridgeSubsystem* Bridge = GetBridge();
	if (Bridge == nullptr)
	{
		return;
	}
	Bridge->OnConnected.AddDynamic(this, &ATikTokGameActor::HandleConnected);
	Bridge->OnDisconnected.AddDynamic(this, &ATikTokGameActor::HandleDisconnected);
	Bridge->OnChatEvent.AddDynamic(this, &ATikTokGameActor::HandleChat);
	Bridge->OnGiftEvent.AddDynamic(this, &ATikTokGameActor::HandleGift);
	Bridge->OnViewerCountUpdate.AddDynamic(this, &ATikTokGameActor::HandleViewers);
	Bridge->OnGameAction.AddDynamic(this, &ATikTokGameActor::HandleGameAction);
	Bridge->OnStreamEnd.AddDynamic(this, &ATikTokGameActor::HandleStreamEnd);
	if (!Bridge->IsConnected())
	{
		Bridge->Connect(UniqueId);
	}
}

void ATikTokGameActor::EndPlay(const EEndPlayReason::Type EndPlayReason)
{
	if (UTikTokBridgeSubsystem* Bridge = GetBridge())
	{
		Bridge->OnConnected.RemoveDynamic(this, &ATikTokGameActor::HandleConnected);
		Bridge->OnDisconnected.RemoveDynamic(this, &ATikTokGameActor::HandleDisconnected);
		Bridge->OnChatEvent.RemoveDynamic(this, &ATikTokGameActor::HandleChat);
		Bridge->OnGiftEvent.RemoveDynamic(this, &ATikTokGameActor::HandleGift);
		Bridge->OnViewerCountUpdate.RemoveDynamic(this, &ATikTokGameActor::HandleViewers);
		Bridge->OnGameAction.RemoveDynamic(this, &ATikTokGameActor::HandleGameAction);
		Bridge->OnStreamEnd.RemoveDynamic(this, &ATikTokGameActor::HandleStreamEnd);
	}
	Super::EndPlay(EndPlayReason);
}

void ATikTokGameActor::HandleConnected(const FString& Endpoint)
{
	UE_LOG(LogTemp, Log, TEXT("TikTok Bridge connected (%s)"), *Endpoint);
}

void ATikTokGameActor::HandleDisconnected(const FString& Reason)
{
	UE_LOG(LogTemp, Warning, TEXT("TikTok Bridge disconnected: %s"), *Reason);
}

void ATikTokGameActor::HandleChat(const FTikTokChatEvent& Event)
{
	UE_LOG(LogTemp, Log, TEXT("%s: %s"), *Event.User.Nickname, *Event.Comment);
}

void ATikTokGameActor::HandleGift(const FTikTokGiftEvent& Event)
{
	// Streakable gifts arrive once per combo step with bStreaking set, then once more
	// when the streak ends: count only the event without bStreaking.
	if (Event.bStreaking)
	{
		return;
	}
	TotalDiamonds += static_cast<int64>(Event.DiamondCount) * Event.RepeatCount;
	UE_LOG(LogTemp, Log, TEXT("%s sent %s x%d (total %lld diamonds)"), *Event.User.Nickname, *Event.GiftName,
		Event.RepeatCount, static_cast<long long>(TotalDiamonds));
}

void ATikTokGameActor::HandleViewers(const FTikTokViewerCountEvent& Event)
{
	UE_LOG(LogTemp, Log, TEXT("%d viewers"), Event.ViewerCount);
}

void ATikTokGameActor::HandleGameAction(const FTikTokGameAction& Action)
{
	// Actions come from the daemon's rules file (tiktok-bridge run --rules game.toml).
	if (Action.Name == TEXT("jump"))
	{
		UE_LOG(LogTemp, Log, TEXT("jump! (from @%s)"), *Action.Event.User.UniqueId);
	}
	else if (Action.Name == TEXT("spawn_enemy"))
	{
		const FString* Enemy = Action.Params.Find(TEXT("enemy"));
		const FString* Count = Action.Params.Find(TEXT("count"));
		UE_LOG(LogTemp, Log, TEXT("spawn %s x%s"), Enemy ? **Enemy : TEXT("enemy"), Count ? **Count : TEXT("1"));
	}
}

void ATikTokGameActor::HandleStreamEnd(const FTikTokStreamEndEvent& Event)
{
	UE_LOG(LogTemp, Log, TEXT("the stream ended (action %d)"), Event.Action);
}
