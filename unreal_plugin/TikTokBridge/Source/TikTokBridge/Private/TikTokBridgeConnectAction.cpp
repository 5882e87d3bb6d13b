#include "TikTokBridgeConnectAction.h"

#include "Engine/Engine.h"
#include "Engine/GameInstance.h"
#include "Engine/World.h"
#include "HAL/PlatformTime.h"
#include "TikTokBridgeSettings.h"
#include "TikTokBridgeSubsystem.h"

UTikTokBridgeConnectAction* UTikTokBridgeConnectAction::ConnectToTikTokBridge(
	UObject* WorldContextObject, const FString& UniqueId, float TimeoutSeconds)
{
	UTikTokBridgeConnectAction* Action = NewObject<UTikTokBridgeConnectAction>();
	Action->RequestedUniqueId = UniqueId;
	Action->TimeoutLimitSeconds = TimeoutSeconds > 0.0f ? TimeoutSeconds : 10.0f;
	if (UWorld* World = GEngine ? GEngine->GetWorldFromContextObject(WorldContextObject, EGetWorldErrorMode::LogAndReturnNull) : nullptr)
	{
		if (UGameInstance* GameInstance = World->GetGameInstance())
		{
			Action->Subsystem = GameInstance->GetSubsystem<UTikTokBridgeSubsystem>();
		}
	}
	Action->RegisterWithGameInstance(WorldContextObject);
	return Action;
}

void UTikTokBridgeConnectAction::Activate()
{
	UTikTokBridgeSubsystem* Bridge = Subsystem.Get();
	if (Bridge == nullptr)
	{
		Finish(false, TEXT("no TikTok Bridge subsystem (no game instance for this world)"));
		return;
	}
	Bridge->Connect(RequestedUniqueId);
	StartSeconds = FPlatformTime::Seconds();
	TickerHandle = FTSTicker::GetCoreTicker().AddTicker(
		FTickerDelegate::CreateUObject(this, &UTikTokBridgeConnectAction::Poll), 0.0f);
}

bool UTikTokBridgeConnectAction::Poll(float /*DeltaTime*/)
{
	UTikTokBridgeSubsystem* Bridge = Subsystem.Get();
	if (Bridge == nullptr)
	{
		Finish(false, TEXT("the game instance shut down"));
		return false;
	}
	if (Bridge->IsConnected())
	{
		Finish(true, GetDefault<UTikTokBridgeSettings>()->Endpoint);
		return false;
	}
	const FString State = Bridge->GetConnectionState();
	if (State == TEXT("gave up") || State == TEXT("disconnected"))
	{
		Finish(false, Bridge->GetLastError().IsEmpty() ? State : Bridge->GetLastError());
		return false;
	}
	if (FPlatformTime::Seconds() - StartSeconds > TimeoutLimitSeconds)
	{
		const FString Why = Bridge->GetLastError().IsEmpty() ? FString(TEXT("no answer from the daemon")) : Bridge->GetLastError();
		Finish(false, FString::Printf(TEXT("not connected after %.1f s: %s"), TimeoutLimitSeconds, *Why));
		return false;
	}
	return true;
}

void UTikTokBridgeConnectAction::Finish(bool bSuccess, const FString& Message)
{
	if (bFinished)
	{
		return;
	}
	bFinished = true;
	// Called from Poll (the ticker removes itself when Poll returns false) or from Activate
	// (no ticker yet): never RemoveTicker from inside the ticker's own callback.
	TickerHandle.Reset();
	if (bSuccess)
	{
		OnSuccess.Broadcast(Message);
	}
	else
	{
		OnFailure.Broadcast(Message);
	}
	SetReadyToDestroy();
}

void UTikTokBridgeConnectAction::BeginDestroy()
{
	if (TickerHandle.IsValid())
	{
		FTSTicker::GetCoreTicker().RemoveTicker(TickerHandle);
		TickerHandle.Reset();
	}
	Super::BeginDestroy();
}
