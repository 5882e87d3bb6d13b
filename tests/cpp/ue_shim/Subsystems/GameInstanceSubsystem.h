#pragma once
#include "Subsystems/Subsystem.h"

class UGameInstanceSubsystem : public USubsystem {
public:
    UGameInstance* GetGameInstance() const;
};
