#pragma once
#include "UE_ShimCore.h"
#include "UE_ShimObject.h"
