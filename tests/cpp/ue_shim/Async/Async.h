#pragma once
#include "CoreMinimal.h"

// Runtime/Core/Public/Async/TaskGraphInterfaces.h (ENamedThreads), Async/Async.h (AsyncTask)
namespace ENamedThreads {
enum Type : int32 {
    UnusedAnchor = -1,
    RHIThread,
    GameThread,
    ActualRenderingThread,
    AnyThread = 0xff,
    AnyHiPriThreadNormalTask,
    AnyHiPriThreadHiPriTask,
    AnyNormalThreadNormalTask,
    AnyNormalThreadHiPriTask,
    AnyBackgroundThreadNormalTask,
    AnyBackgroundHiPriTask,
};
}

void AsyncTask(ENamedThreads::Type Thread, TUniqueFunction<void()> Function);
