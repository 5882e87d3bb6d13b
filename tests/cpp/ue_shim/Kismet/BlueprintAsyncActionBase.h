#pragma once
#include "CoreMinimal.h"

class UBlueprintAsyncActionBase : public UObject {
public:
    virtual void Activate();
    virtual void RegisterWithGameInstance(const UObject* WorldContextObject);
    virtual void RegisterWithGameInstance(UGameInstance* GameInstance);
    virtual void SetReadyToDestroy();
};
