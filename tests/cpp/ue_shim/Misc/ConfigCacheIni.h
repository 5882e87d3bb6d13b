#pragma once
#include "CoreMinimal.h"

// Runtime/Core/Public/Misc/ConfigCacheIni.h, CoreGlobals.h
class FConfigCacheIni {
public:
    bool GetString(const TCHAR* Section, const TCHAR* Key, FString& Value, const FString& Filename);
};
extern FConfigCacheIni* GConfig;
extern FString GGameUserSettingsIni;
