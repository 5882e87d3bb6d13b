#pragma once
#include "CoreMinimal.h"

// Runtime/Core/Public/GenericPlatform/GenericPlatformMisc.h (FPlatformMisc derives from it)
struct FPlatformMisc {
    static FString GetEnvironmentVariable(const TCHAR* VariableName);
};
