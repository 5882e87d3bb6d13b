"""The browser identity: one per install, the host's language and zone, overridable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

import pytest

from bridge.app import identity_of
from bridge.config import BrowserConfig, Config
from bridge.errors import ConfigError
from bridge.upstream.browser import (
    SCREENS,
    USER_AGENTS,
    Browser,
    browser_identity,
    host_language,
    host_timezone,
)


def test_one_identity_per_install_stable_and_varied() -> None:
    first = browser_identity(seed=b"machine-a")
    assert browser_identity(seed=b"machine-a") == first  # every reconnect and restart
    assert browser_identity() == browser_identity()  # this machine's own seed is stable too
    assert first.user_agent in USER_AGENTS and first.screen in SCREENS
    seen = {browser_identity(seed=f"machine-{n}".encode()).user_agent for n in range(200)}
    assert len(seen) >= len(USER_AGENTS) // 2  # installs differ


class Parts(TypedDict, total=False):
    """The parts of an identity :func:`browser_identity` takes as text."""

    user_agent: str
    language: str
    timezone: str
    screen: str


def test_given_values_win_and_bad_ones_are_refused() -> None:
    b = browser_identity("Mozilla/5.0 (X11; Linux x86_64) Test/1", "pt-BR", "America/Sao_Paulo", "1280x720")
    assert (b.language, b.timezone, b.screen) == ("pt-BR", "America/Sao_Paulo", (1280, 720))
    assert (b.platform, b.os, b.region, b.short_language) == ("Linux x86_64", "linux", "BR", "pt")
    assert b.version == "5.0 (X11; Linux x86_64) Test/1" and b.accept_language == "pt-BR,pt;q=0.9"
    refused: tuple[Parts, ...] = (
        {"language": "english"},
        {"timezone": "../../etc/passwd"},
        {"screen": "big"},
        {"screen": "0x0"},
        {"user_agent": "UA\r\nX-Evil: 1"},
        {"language": "\x00"},
    )
    for bad in refused:
        with pytest.raises(ValueError):
            browser_identity(**bad)
    with pytest.raises(ConfigError, match="browser.screen"):
        identity_of(Config(browser=BrowserConfig(screen="1920*1080")))


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de-DE"),
        ({"LC_ALL": "fr_FR@euro", "LANG": "de_DE.UTF-8"}, "fr-FR"),
        ({"LANG": "C.UTF-8"}, "en-US"),
        ({"LANG": "POSIX"}, "en-US"),
        ({"LANG": "\xff\x00garbage"}, "en-US"),
        ({}, "en-US"),
    ],
)
def test_host_language(env: dict[str, str], expected: str) -> None:
    assert host_language(env) == expected


def test_host_timezone(tmp_path: Path) -> None:
    assert host_timezone({"TZ": ":Europe/Berlin"}, tmp_path) == "Europe/Berlin"
    assert host_timezone({}, tmp_path) == "Etc/UTC"
    (tmp_path / "etc").mkdir()
    os.symlink("/usr/share/zoneinfo/Asia/Tokyo", tmp_path / "etc/localtime")
    assert host_timezone({}, tmp_path) == "Asia/Tokyo"
    (tmp_path / "etc/timezone").write_text("America/New_York\n")
    assert host_timezone({}, tmp_path) == "America/New_York"
    assert host_timezone({"TZ": "../../x"}, tmp_path) == "America/New_York"


def test_browser_defaults() -> None:
    b = Browser(USER_AGENTS[0])
    assert (b.language, b.timezone, b.screen, b.platform) == ("en-US", "Etc/UTC", (1920, 1080), "Win32")
