"""The browser the live client presents itself as: User-Agent, language, time zone, screen.

TikTok's captcha rate depends on how much a client looks like a browser, and a
signed fetch binds the User-Agent: the push WebSocket must send the very UA the
sign server was given. :func:`browser_identity` therefore picks one realistic
desktop identity per install, derived deterministically from the machine (the
same on every reconnect and restart, different between machines), takes the
language and time zone from the host, and lets ``[browser]`` in the config
override each part. Both peers (TikTokLive, tiktok-live-connector) pick a
random identity per process instead; one per install is steadier, and the
WebSocket still always matches the signature.
"""

from __future__ import annotations

import hashlib
import locale
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SCREENS", "USER_AGENTS", "Browser", "browser_identity", "host_language", "host_timezone"]

_CHROME = "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
_WINDOWS = "Windows NT 10.0; Win64; x64"
_MAC = "Macintosh; Intel Mac OS X 10_15_7"
USER_AGENTS: tuple[str, ...] = (
    *(_CHROME.format(os=_WINDOWS, v=v) for v in (146, 147, 148)),
    *(_CHROME.format(os=_MAC, v=v) for v in (146, 147, 148)),
    _CHROME.format(os=_WINDOWS, v=147) + " Edg/147.0.0.0",
    _CHROME.format(os=_WINDOWS, v=148) + " Edg/148.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:148.0) Gecko/20100101 Firefox/148.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
    " Version/19.1 Safari/605.1.15",
)
"""Current desktop browsers, the range the peers draw from (Chrome, Edge, Firefox, Safari ~v146-148)."""

SCREENS: tuple[tuple[int, int], ...] = ((1920, 1080), (2560, 1440), (1536, 864), (1440, 900), (1366, 768))
"""Common desktop screen sizes."""

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
_TIMEZONE = re.compile(r"^[A-Za-z_]+(/[A-Za-z0-9_+\-]+){0,2}$")


@dataclass(frozen=True, slots=True)
class Browser:
    """One browser identity; every request of the live client carries it."""

    user_agent: str
    language: str = "en-US"
    """A BCP 47 tag such as ``en-US``."""
    timezone: str = "Etc/UTC"
    """An IANA zone such as ``Europe/Berlin``."""
    screen: tuple[int, int] = (1920, 1080)

    @property
    def version(self) -> str:
        """``browser_version``: the UA after ``Mozilla/``, as ``navigator.appVersion`` gives it."""
        return self.user_agent.split("Mozilla/", 1)[-1]

    @property
    def platform(self) -> str:
        """``navigator.platform`` of a browser with this UA."""
        if "Macintosh" in self.user_agent or "Mac OS" in self.user_agent:
            return "MacIntel"
        if "Linux" in self.user_agent or "X11" in self.user_agent:
            return "Linux x86_64"
        return "Win32"

    @property
    def os(self) -> str:
        """The ``os`` REST parameter: windows, mac or linux."""
        return {"MacIntel": "mac", "Linux x86_64": "linux"}.get(self.platform, "windows")

    @property
    def short_language(self) -> str:
        """``en`` of ``en-US``."""
        return self.language.split("-", 1)[0]

    @property
    def region(self) -> str:
        """``US`` of ``en-US`` (``US`` when the language names no region)."""
        _, _, region = self.language.partition("-")
        return region or "US"

    @property
    def accept_language(self) -> str:
        """The ``Accept-Language`` header a browser set to this language sends."""
        if self.language == self.short_language:
            return self.language
        return f"{self.language},{self.short_language};q=0.9"


def _install_seed() -> bytes:
    """Bytes that differ between installs and stay the same on one machine and user."""
    machine = ""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = Path(path).read_text(encoding="ascii").strip()
            break
        except (OSError, UnicodeDecodeError):
            continue
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"{machine}|{socket.gethostname()}|{user}".encode()


def host_language(env: dict[str, str] | None = None) -> str:
    """The host's language as a BCP 47 tag (``de_DE.UTF-8`` gives ``de-DE``); ``en-US`` if unknown."""
    values = env if env is not None else dict(os.environ)
    candidates = [values.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    if env is None:
        candidates.append(locale.getlocale()[0] or "")
    for raw in candidates:
        tag = raw.split(".", 1)[0].split("@", 1)[0].replace("_", "-")
        if tag and tag not in ("C", "POSIX") and _LANGUAGE.match(tag):
            return tag
    return "en-US"


def host_timezone(env: dict[str, str] | None = None, root: Path = Path("/")) -> str:
    """The host's IANA time zone (``TZ``, ``/etc/timezone`` or ``/etc/localtime``); ``Etc/UTC`` if unknown."""
    values = env if env is not None else dict(os.environ)
    candidates = [values.get("TZ", "").lstrip(":")]
    try:
        candidates.append((root / "etc/timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    try:
        target = os.readlink(root / "etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except (OSError, ValueError):
        pass
    for zone in candidates:
        if zone and "/" in zone and _TIMEZONE.match(zone) and ".." not in zone:
            return zone
    return "Etc/UTC"


def browser_identity(
    user_agent: str = "", language: str = "", timezone: str = "", screen: str = "", seed: bytes | None = None
) -> Browser:
    """The identity: each part as given, or (empty) derived from the install and the host.

    ``screen`` is ``WIDTHxHEIGHT``. ``seed`` replaces the install's own seed (tests).

    Raises:
        ValueError: a part given is malformed.
    """
    digest = hashlib.sha256(seed if seed is not None else _install_seed()).digest()
    if language and not _LANGUAGE.match(language):
        raise ValueError(f"language {language!r}: expected a tag such as en-US")
    if timezone and not (_TIMEZONE.match(timezone) and ".." not in timezone):
        raise ValueError(f"timezone {timezone!r}: expected an IANA zone such as Europe/Berlin")
    size = SCREENS[digest[1] % len(SCREENS)]
    if screen:
        match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", screen)
        if match is None:
            raise ValueError(f"screen {screen!r}: expected WIDTHxHEIGHT such as 1920x1080")
        size = (int(match.group(1)), int(match.group(2)))
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in user_agent):
        raise ValueError("user_agent: control characters are not allowed")
    return Browser(
        user_agent=user_agent or USER_AGENTS[digest[0] % len(USER_AGENTS)],
        language=language or host_language(),
        timezone=timezone or host_timezone(),
        screen=size,
    )
