#pragma once
#include "CoreMinimal.h"

// DeveloperSettings module (Runtime/DeveloperSettings/Public/Engine/DeveloperSettings.h).
class UDeveloperSettings : public UObject {
public:
    UDeveloperSettings();
    virtual FName GetContainerName() const;
    virtual FName GetCategoryName() const;
    virtual FName GetSectionName() const;
#if WITH_EDITOR
    virtual FText GetSectionText() const;
    virtual FText GetSectionDescription() const;
#endif

protected:
    FName CategoryName;
    FName SectionName;
};
