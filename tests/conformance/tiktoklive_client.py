"""Connect TikTokLive (PyPI, pinned in the test extra) to a fake TikTok and report what it saw.

Usage: python tiktoklive_client.py BASE_URL UNIQUE_ID SECONDS [LEAVE_AFTER]

Waits up to SECONDS for the stream to end; with LEAVE_AFTER, disconnects after
that many seconds instead. Prints one JSON object: the event classes received
(with counts), the methods of every message the client's transport received,
and any error. Points the client
at the fake through its documented overrides: ``WebDefaults`` and ``SIGN_API_URL``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from typing import Any


def main() -> None:
    base, unique_id, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    leave_after = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    os.environ["SIGN_API_URL"] = base
    from TikTokLive import TikTokLiveClient
    from TikTokLive.client.web.web_settings import WebDefaults
    from TikTokLive.events import custom_events, proto_events

    WebDefaults.tiktok_app_url = base
    WebDefaults.tiktok_webcast_url = base + "/webcast"
    WebDefaults.tiktok_sign_url = base

    classes: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    seen: set[int] = set()
    report: dict[str, Any] = {"error": ""}

    async def run() -> None:
        client = TikTokLiveClient(unique_id=unique_id)
        ended = asyncio.Event()

        async def on_any(event: Any) -> None:
            classes[type(event).__name__] += 1
            if isinstance(event, custom_events.WebsocketResponseEvent) and id(event.raw) not in seen:
                seen.add(id(event.raw))
                methods.update(m.method for m in event.raw.messages)
            if isinstance(event, custom_events.LiveEndEvent | custom_events.DisconnectEvent):
                ended.set()

        kinds = {*proto_events.EVENT_MAPPINGS.values()}
        kinds |= {getattr(custom_events, n) for n in dir(custom_events) if n.endswith("Event")}
        kinds = {k for k in kinds if isinstance(k, type) and hasattr(k, "get_type")}
        for kind in kinds:
            client.add_listener(kind, on_any)
        task = await client.start(fetch_live_check=True, fetch_room_info=True)
        if leave_after:
            await asyncio.sleep(leave_after)
            await client.disconnect()
        else:
            try:
                await asyncio.wait_for(ended.wait(), seconds)
            except TimeoutError:
                report["error"] = "timed out before the stream ended"
        await asyncio.wait_for(task, 5)  # TikTokLive disconnects by itself at the stream's end
        await asyncio.sleep(0.5)  # its handlers run as tasks: LiveEndEvent's may still be queued

    try:
        asyncio.run(run())
    except Exception as exc:  # reported, not raised: the test shows it
        report["error"] = f"{type(exc).__name__}: {exc}"
    # a class counts once per event: WebsocketResponseEvent subclasses (UnknownEvent) fire per message
    report.update(classes=dict(classes), methods=dict(methods))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
