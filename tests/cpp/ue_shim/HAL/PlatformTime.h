#pragma once
#include "CoreMinimal.h"

struct FPlatformTime {
    static double Seconds();
    static uint32 Cycles();
    static uint64 Cycles64();
};
