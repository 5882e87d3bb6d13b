#pragma once
#include "CoreMinimal.h"

// Runtime/Core/Public/HAL/CriticalSection.h (FCriticalSection is the platform's mutex)
class FCriticalSection {
public:
    FCriticalSection();
    FCriticalSection(const FCriticalSection&) = delete;
    FCriticalSection& operator=(const FCriticalSection&) = delete;
    void Lock();
    bool TryLock();
    void Unlock();
};
