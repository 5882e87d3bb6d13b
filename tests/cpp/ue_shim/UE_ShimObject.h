// UObject, delegates and the gameplay classes the plugin touches.
#pragma once

#include "UE_ShimCore.h"

class UClass;
class UScriptStruct;
class UWorld;
class UGameInstance;

class UObject {
public:
    UObject();
    virtual ~UObject();
    virtual void BeginDestroy();
    virtual UWorld* GetWorld() const;
    UObject* GetOuter() const;
};

template <class T>
const T* GetDefault();
template <class T>
T* GetMutableDefault();
template <class T>
T* NewObject(UObject* Outer = nullptr);

template <class T>
class TWeakObjectPtr {
public:
    TWeakObjectPtr();
    TWeakObjectPtr(T* Object);
    TWeakObjectPtr& operator=(T* Object);
    T* Get() const;
    bool IsValid() const;
    void Reset();
};

template <class T>
class TObjectPtr {
public:
    TObjectPtr();
    TObjectPtr(T* Object);
    T* operator->() const;
    T* Get() const;
};

// ---------------------------------------------------------------- delegates
// DECLARE_DELEGATE_RetVal_OneParam(bool, FTickerDelegate, float)
class FTickerDelegate {
public:
    template <class UserClass>
    static FTickerDelegate CreateUObject(UserClass* InUserObject, bool (UserClass::*InFunc)(float)) {
        static_assert(std::is_base_of<UObject, UserClass>::value, "CreateUObject needs a UObject");
        (void)InUserObject;
        (void)InFunc;
        return FTickerDelegate();
    }
    bool IsBound() const;
    bool Execute(float DeltaTime) const;
};

// Dynamic multicast delegates: handlers must be member functions with exactly
// the declared parameter types (UE also requires them to be UFUNCTIONs).
template <typename... ParamTypes>
class TTBShimDynamicMulticastDelegate {
public:
    template <class UserClass>
    void __Internal_AddDynamic(UserClass* InUserObject, void (UserClass::*InFunc)(ParamTypes...), const char* InFunctionName) {
        static_assert(std::is_base_of<UObject, UserClass>::value, "AddDynamic needs a UObject");
        (void)InUserObject;
        (void)InFunc;
        (void)InFunctionName;
    }
    template <class UserClass>
    void __Internal_RemoveDynamic(UserClass* InUserObject, void (UserClass::*InFunc)(ParamTypes...), const char* InFunctionName) {
        (void)InUserObject;
        (void)InFunc;
        (void)InFunctionName;
    }
    void Broadcast(ParamTypes... Params) const;
    bool IsBound() const;
    void Clear();
    void RemoveAll(const void* InUserObject);
};

#define AddDynamic(UserObject, FuncName) __Internal_AddDynamic(UserObject, FuncName, #FuncName)
#define RemoveDynamic(UserObject, FuncName) __Internal_RemoveDynamic(UserObject, FuncName, #FuncName)

#define DECLARE_DYNAMIC_MULTICAST_DELEGATE(DelegateName) \
    class DelegateName : public TTBShimDynamicMulticastDelegate<> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(DelegateName, Param1Type, Param1Name) \
    class DelegateName : public TTBShimDynamicMulticastDelegate<Param1Type> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(DelegateName, Param1Type, Param1Name, Param2Type, Param2Name) \
    class DelegateName : public TTBShimDynamicMulticastDelegate<Param1Type, Param2Type> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_ThreeParams(DelegateName, P1T, P1N, P2T, P2N, P3T, P3N) \
    class DelegateName : public TTBShimDynamicMulticastDelegate<P1T, P2T, P3T> {}
