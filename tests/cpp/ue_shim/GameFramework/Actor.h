#pragma once
#include "CoreMinimal.h"

namespace EEndPlayReason { enum Type { Destroyed, LevelTransition, EndPlayInEditor, RemovedFromWorld, Quit }; }

class AActor : public UObject {
public:
    UGameInstance* GetGameInstance() const;

protected:
    virtual void BeginPlay();
    virtual void EndPlay(const EEndPlayReason::Type EndPlayReason);
};
