#pragma once
#include "CoreMinimal.h"

class IModuleInterface {
public:
    virtual ~IModuleInterface();
    virtual void StartupModule();
    virtual void ShutdownModule();
};

class FDefaultModuleImpl : public IModuleInterface {};

#define IMPLEMENT_MODULE(ModuleImplClass, ModuleName) \
    extern "C" IModuleInterface* InitializeModule_##ModuleName() { return new ModuleImplClass(); }
