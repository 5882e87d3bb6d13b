#pragma once
#include "CoreMinimal.h"

class FSubsystemCollectionBase {
public:
    template <class TSubsystemClass>
    TSubsystemClass* InitializeDependency();
};

class USubsystem : public UObject {
public:
    virtual bool ShouldCreateSubsystem(UObject* Outer) const;
    virtual void Initialize(FSubsystemCollectionBase& Collection);
    virtual void Deinitialize();
};
