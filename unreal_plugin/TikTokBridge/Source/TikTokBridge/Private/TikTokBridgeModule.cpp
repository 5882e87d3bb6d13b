#include "Modules/ModuleManager.h"
#include "TikTokBridgeLog.h"

DEFINE_LOG_CATEGORY(LogTikTokBridge);

IMPLEMENT_MODULE(FDefaultModuleImpl, TikTokBridge);
