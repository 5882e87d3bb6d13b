#pragma once
#include "CoreMinimal.h"

// Runtime/Sockets/Public/IPAddress.h
class FInternetAddr {
public:
    virtual ~FInternetAddr();
    virtual void SetPort(int32 InPort) = 0;
    virtual int32 GetPort() const = 0;
    virtual bool IsValid() const = 0;
    virtual FString ToString(bool bAppendPort) const = 0;
    virtual FName GetProtocolType() const;
};
