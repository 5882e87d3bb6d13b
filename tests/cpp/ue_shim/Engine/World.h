#pragma once
#include "CoreMinimal.h"

class UWorld : public UObject {
public:
    UGameInstance* GetGameInstance() const;
};
