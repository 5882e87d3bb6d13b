// TikTok Bridge runtime module: a UGameInstanceSubsystem that receives the
// tiktok-live-bridge daemon's events over ZeroMQ (ZMTP 3, implemented in
// Private/Core without third-party code) and broadcasts them to Blueprints.
using System.IO;
using UnrealBuildTool;

public class TikTokBridge : ModuleRules
{
	public TikTokBridge(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;

		PublicDependencyModuleNames.AddRange(new string[] { "Core", "CoreUObject", "Engine" });
		PrivateDependencyModuleNames.AddRange(new string[] { "Sockets", "Networking", "DeveloperSettings" });

		// Private/Core is plain C++17 (no exceptions, no RTTI): the same files are
		// unit-tested outside the engine (tests/cpp in the repository).
		PrivateIncludePaths.Add(Path.Combine(ModuleDirectory, "Private"));
		PrivateIncludePaths.Add(Path.Combine(ModuleDirectory, "Private", "Core"));
	}
}
