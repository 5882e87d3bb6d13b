#pragma once
#include "CoreMinimal.h"

// UE5 thread-safe core ticker (Runtime/Core/Public/Containers/Ticker.h).
class FTSTicker {
    struct FElement;

public:
    using FDelegateHandle = TWeakPtr<FElement, ESPMode::Type::ThreadSafe>;
    static FTSTicker& GetCoreTicker();
    FDelegateHandle AddTicker(const FTickerDelegate& InDelegate, float InDelay = 0.0f);
    FDelegateHandle AddTicker(const TCHAR* InName, float InDelay, TFunction<bool(float)> Function);
    static void RemoveTicker(FDelegateHandle Handle);
    void Tick(float DeltaTime);
};
