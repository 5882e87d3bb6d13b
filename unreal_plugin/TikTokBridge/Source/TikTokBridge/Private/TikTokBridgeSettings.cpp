#include "TikTokBridgeSettings.h"

#include "Core/TTBContract.h"

#define LOCTEXT_NAMESPACE "TikTokBridge"

UTikTokBridgeSettings::UTikTokBridgeSettings()
{
	CategoryName = TEXT("Plugins");
	SectionName = TEXT("TikTokBridge");
	Endpoint = TEXT(TTB_PUBLISHER_ENDPOINT);
	ControlEndpoint = TEXT(TTB_CONTROL_ENDPOINT);
	HeartbeatInterval = static_cast<float>(ttb::contract::kHeartbeatInterval);
}

FName UTikTokBridgeSettings::GetCategoryName() const
{
	return TEXT("Plugins");
}

#if WITH_EDITOR
FText UTikTokBridgeSettings::GetSectionText() const
{
	return LOCTEXT("SettingsSection", "TikTok Bridge");
}

FText UTikTokBridgeSettings::GetSectionDescription() const
{
	return LOCTEXT("SettingsDescription",
		"Where the tiktok-live-bridge daemon publishes (tiktok-bridge run), how to reconnect, and which events to receive.");
}
#endif

#undef LOCTEXT_NAMESPACE
