#pragma once
#include "CoreMinimal.h"
#include "HAL/CriticalSection.h"

// Runtime/Core/Public/Misc/ScopeLock.h
class FScopeLock {
public:
    explicit FScopeLock(FCriticalSection* InSynchObject);
    ~FScopeLock();
    FScopeLock(const FScopeLock&) = delete;
    FScopeLock& operator=(const FScopeLock&) = delete;
};
