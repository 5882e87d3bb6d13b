"""Logs at debug, from every logger and in both formats, never show a secret (the real handler's output)."""

from __future__ import annotations

import json
import logging

import pytest
from live import ROOM_ID, SCENARIO, Harness, connected_count, run

from bridge.errors import remember_secret
from bridge.logs import setup_logging
from bridge.sim.faketiktok import FakeTikTok
from bridge.upstream import connection

SESSION = "sess-logged-0123456789abcdef"
API_KEY = "key-logged-fedcba9876543210"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_live_connection_at_debug_logs_no_secret(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    """websockets logs the handshake's Cookie header at debug: the session id in it is masked."""
    # the fake's push server is ws:// on loopback; let it receive the session cookie as TikTok's would
    monkeypatch.setattr(connection, "session_host_allowed", lambda push_server: True)
    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "127.0.0.1")  # and the sign server
    setup_logging("debug", fmt)

    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], session_id=SESSION, sign={"api_key": API_KEY}) as h:
            await h.until(lambda: connected_count(h, "alice") == 1 and len(h.events("alice")) > 20)
            logging.getLogger("httpx").debug("request headers %s", {"x-api-key": API_KEY})
            logging.getLogger("bridge.test").debug("cookie %s", f"sessionid={SESSION}")
        handshake = next(x for x in fake.handshakes if x["accepted"])
        assert f"sessionid={SESSION}" in handshake["headers"]["cookie"]  # the secret really travelled
        assert fake.sign_requests[0]["headers"]["x-api-key"] == API_KEY

    run(test, require_api_key=API_KEY)
    err = capsys.readouterr().err
    assert SESSION not in err and API_KEY not in err
    lines = err.splitlines()
    if fmt == "json":
        records = [json.loads(line) for line in lines]
        assert {"websockets.client", "httpx", "bridge.test"} <= {r["logger"] for r in records}
        lines = [r["msg"] for r in records]
    assert any("> Cookie: " in line and "sessionid=***" in line for line in lines)  # websockets
    assert any(line.endswith("request headers {'x-api-key': '***'}") for line in lines)  # arguments
    assert any(line.endswith("cookie sessionid=***") for line in lines)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_tracebacks_and_arguments_are_masked(
    fmt: str, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    secret = "tok-in-a-traceback-4242"
    remember_secret(secret)
    setup_logging("info", fmt)
    try:
        raise RuntimeError(f"refused token {secret}")
    except RuntimeError:
        logging.getLogger("bridge.x").exception("failed with %s", secret)
    logging.getLogger("websockets.server").warning("peer %r", {"token": secret})
    logging.getLogger("httpx").info("not shown below warning: %s", secret)
    err = capsys.readouterr().err
    assert secret not in err
    assert (
        "failed with ***" in err
        and "RuntimeError: refused token ***" in err
        and "peer {'token': '***'}" in err
    )
    assert "not shown" not in err  # libraries log at warning and above unless log.level is debug


def test_setting_up_twice_keeps_one_handler(restore_logging: None) -> None:
    setup_logging("info")
    setup_logging("debug", "json")
    root = logging.getLogger()
    ours = [h for h in root.handlers if type(h).__name__ == "_Handler"]
    assert len(ours) == 1 and all(
        any(type(f).__name__ == "SecretFilter" for f in h.filters) for h in root.handlers
    )
