// Connect tiktok-live-connector (npm, pinned in package.json) to a fake TikTok and report what it saw.
//
// Usage: node connector_client.mjs BASE_URL UNIQUE_ID SECONDS
//
// Prints one JSON object: the events emitted (with counts), the methods of every
// message decoded, how many server `hb` frames arrived, the library's method->event
// map, and any error. Points the client at the fake through its documented
// overrides: `webConfigOverrides` (TIKTOK_HOST_WEB, TIKTOK_HOST_WEBCAST), `SIGN_API_URL`,
// and `wsConfigOverrides` (a short heartbeat so a few seconds show several).
const [base, uniqueId, seconds] = process.argv.slice(2);
process.env.SIGN_API_URL = base;
process.env.DISABLE_ACK_LOG_WARNING = "1";

const lib = await import("tiktok-live-connector");
const { TikTokLiveConnection, WebcastEvent, ControlEvent, WebcastEventMap, WebcastHttpClient,
    deserializeWebSocketMessage } = lib;

// The library's HTTP client speaks https to loopback hosts and http to all others; the fake is
// plain http on loopback, so this one function is patched (tests/conformance/README in the docs).
WebcastHttpClient.prototype.isSecure = () => false;

const host = new URL(base).host;
const events = {};
const methods = {};
const errors = [];
let serverHeartbeats = 0;
const connection = new TikTokLiveConnection(uniqueId, {
    webConfigOverrides: { TIKTOK_HOST_WEB: host, TIKTOK_HOST_WEBCAST: host },
    wsConfigOverrides: { DEFAULT_WS_PING_INTERVAL: 200 },
});
const names = new Set([...Object.values(WebcastEvent), ...Object.values(ControlEvent), "follow", "share",
    "streamEnd", "controlMessage", "barrage", "envelope", "superFan", "superFanJoin", "superFanBox"]);
for (const name of names) {
    if (name === "error" || name === "rawData" || name === "decodedData" || name === "websocketData") continue;
    connection.on(name, () => { events[name] = (events[name] || 0) + 1; });
}
connection.on("error", (e) => errors.push(String(e?.info) + ": " + String(e?.exception?.message || e?.exception)));
connection.on("decodedData", (method) => { methods[method] = (methods[method] || 0) + 1; });
connection.on("websocketData", async (data) => {
    try {
        const frame = await deserializeWebSocketMessage(data);
        if (frame.payloadType === "hb") serverHeartbeats += 1;
    } catch (e) { /* counted by the library's own error event */ }
});

const done = new Promise((resolve) => {
    connection.on("disconnected", resolve);
    setTimeout(() => { errors.push("timed out before the stream ended"); resolve(); }, Number(seconds) * 1000);
});
try {
    await connection.connect();
    await done;
} catch (e) {
    errors.push("connect: " + String(e?.message || e));
}
if (connection.isConnected) await connection.disconnect();
console.log(JSON.stringify({ events, methods, serverHeartbeats, errors, eventMap: WebcastEventMap }));
process.exit(0);
