"""Daemon configuration: TOML file, ``BRIDGE_*`` environment overrides, validation.

Precedence, lowest first: built-in defaults, the TOML file, environment variables
``BRIDGE_<SECTION>_<KEY>`` (for example ``BRIDGE_PUBLISHER_ENDPOINT``), then
command-line flags. Every error names the file (or variable), the key and the bad
value. See ``docs/configuration.md`` for every key.
"""

from __future__ import annotations

import logging
import math
import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

from . import contract
from .endpoints import is_loopback, parse_endpoint
from .errors import ConfigError
from .values import INT64_MAX, INT64_MIN, check_name, normalize_target

__all__ = [
    "BrowserConfig",
    "Config",
    "ConsoleConfig",
    "ControlConfig",
    "EulerConfig",
    "GameConfig",
    "LogConfig",
    "ProxyConfig",
    "ShardConfig",
    "PublisherConfig",
    "RecordConfig",
    "SimulatorConfig",
    "TikToolConfig",
    "SIGN_BASE",
    "SOURCES",
    "WEBCAST_BASE",
    "WEB_BASE",
    "is_loopback",
    "load_config",
    "override",
    "parse_room",
]

log = logging.getLogger("bridge.config")

WEB_BASE = "https://www.tiktok.com"
"""TikTok's web site (creator lookups), the default of ``tiktok.web_base``."""
WEBCAST_BASE = "https://webcast.tiktok.com"
"""TikTok's webcast API (live checks, room info), the default of ``tiktok.webcast_base``."""
SIGN_BASE = "https://api.eulerstream.com"
"""The sign server, the default of ``sign.base_url``."""

SOURCES = ("tiktok", "tiktool", "euler")
"""Upstreams a room entry may name with a prefix (``tiktool:@name``)."""


def parse_room(text: str, default: str = "tiktok") -> tuple[str, str | int]:
    """``(source, target)`` of a room entry such as ``tiktool:@name``, ``@name`` or a room id.

    Raises:
        ValueError: an unknown prefix, a bad target, a room id outside 1..2^63-1,
            or a room id given to a relay.
    """
    source = default
    value = text.strip()
    prefix, sep, rest = value.partition(":")
    if sep and prefix.lower() in SOURCES:
        source, value = prefix.lower(), rest
    target = normalize_target(value)
    if source != "tiktok" and isinstance(target, int):
        raise ValueError(f"{text!r}: {source} needs the creator's username, not a room id")
    return source, target


@dataclass(frozen=True, slots=True)
class PublisherConfig:
    """``[publisher]``: the ZeroMQ PUB socket engines subscribe to."""

    endpoint: str = contract.PUBLISHER_ENDPOINT
    connect: bool = False
    daemon_id: str = ""
    allow_remote: bool = False
    curve_secret_key: str = field(default="", repr=False)
    sndhwm: int = 10_000
    heartbeat_interval: float = contract.HEARTBEAT_INTERVAL
    zmq_heartbeat_ivl: float = 5.0
    zmq_heartbeat_timeout: float = 15.0
    zmq_heartbeat_ttl: float = 15.0


@dataclass(frozen=True, slots=True)
class SimulatorConfig:
    """``[simulator]``: the built-in upstream used when no room is configured."""

    scenario: str = "default"
    via: str = "fake-tiktok"
    rate: float = 0.0
    room: str = ""
    seed: int = -1


@dataclass(frozen=True, slots=True)
class TikTokConfig:
    """``[tiktok]``: the creators to watch and how connections behave."""

    rooms: tuple[str, ...] = ()
    web_base: str = WEB_BASE
    webcast_base: str = WEBCAST_BASE
    session_id: str = field(default="", repr=False)
    auto_reconnect: bool = True
    max_reconnect_attempts: int = 0
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    connect_timeout: float = 15.0
    no_message_timeout: float = 30.0
    heartbeat_interval: float = 0.0
    dead_after_heartbeats: float = 2.5
    replace_backoff_base: float = 30.0
    replace_backoff_cap: float = 1800.0
    poll_interval: float = 30.0
    wait_for_live: bool = True
    max_connections: int = 4
    dedupe_size: int = 10_000
    source: str = "tiktok"


@dataclass(frozen=True, slots=True)
class BrowserConfig:
    """``[browser]``: the browser identity the live client presents (``docs/configuration.md``).

    Empty values are derived: one realistic User-Agent and screen per install,
    the host's language and time zone (:func:`bridge.upstream.browser.browser_identity`).
    """

    user_agent: str = ""
    language: str = ""
    timezone: str = ""
    screen: str = ""


@dataclass(frozen=True, slots=True)
class SignConfig:
    """``[sign]``: the sign server (Euler Stream compatible)."""

    base_url: str = SIGN_BASE
    api_key: str = field(default="", repr=False)
    style: str = "connect"
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class TikToolConfig:
    """``[tiktool]``: the TikTool managed WebSocket, for rooms with the ``tiktool:`` prefix."""

    api_key: str = field(default="", repr=False)
    ws_url: str = "wss://api.tik.tools"


@dataclass(frozen=True, slots=True)
class EulerConfig:
    """``[euler]``: the Euler Stream WebSocket relay, for rooms with the ``euler:`` prefix."""

    api_key: str = field(default="", repr=False)
    ws_url: str = "wss://ws.eulerstream.com"


@dataclass(frozen=True, slots=True)
class RecordConfig:
    """``[record]``: record every raw upstream message to files (``docs/recording.md``)."""

    dir: str = ""
    flush_interval: float = 0.5


@dataclass(frozen=True, slots=True)
class GameConfig:
    """``[game]``: rules that turn events into game actions, streaks, the stream ledger."""

    rules: str = ""
    streak_timeout: float = 15.0
    ledger_dir: str = "~/.local/state/tiktok-live-bridge/ledger"


@dataclass(frozen=True, slots=True)
class ShardConfig:
    """``[shard]``: this daemon's share of ``tiktok.rooms`` when several daemons split them."""

    index: int = 0
    count: int = 1


@dataclass(frozen=True, slots=True)
class ProxyConfig:
    """``[proxy]``: the forwarder of ``tiktok-bridge proxy`` (docs/scale-out.md)."""

    frontend: str = contract.FORWARDER_ENDPOINT
    backend: str = contract.PUBLISHER_ENDPOINT
    control: str = contract.CONTROL_ENDPOINT
    allow_remote: bool = False
    token: str = field(default="", repr=False)
    max_requests_per_second: int = 100
    sndhwm: int = 100_000
    daemon_timeout: float = 5.0


@dataclass(frozen=True, slots=True)
class ControlConfig:
    """``[control]``: the request/reply endpoint engines steer the daemon with."""

    endpoint: str = contract.CONTROL_ENDPOINT
    token: str = field(default="", repr=False)
    max_requests_per_second: int = 100


@dataclass(frozen=True, slots=True)
class ConsoleConfig:
    """``[console]``: the web console (``docs/console.md``)."""

    enabled: bool = True
    host: str = contract.DEFAULT_HOST
    port: int = contract.CONSOLE_PORT
    subscribe: str = ""
    control: str = ""
    feed_lines: int = 500


@dataclass(frozen=True, slots=True)
class LogConfig:
    """``[log]``: logging level and format."""

    level: str = "info"
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Config:
    """The whole daemon configuration."""

    publisher: PublisherConfig = field(default_factory=PublisherConfig)
    simulator: SimulatorConfig = field(default_factory=SimulatorConfig)
    tiktok: TikTokConfig = field(default_factory=TikTokConfig)
    browser: BrowserConfig = field(default_factory=BrowserConfig)
    sign: SignConfig = field(default_factory=SignConfig)
    tiktool: TikToolConfig = field(default_factory=TikToolConfig)
    euler: EulerConfig = field(default_factory=EulerConfig)
    record: RecordConfig = field(default_factory=RecordConfig)
    control: ControlConfig = field(default_factory=ControlConfig)
    game: GameConfig = field(default_factory=GameConfig)
    shard: ShardConfig = field(default_factory=ShardConfig)
    proxy: ProxyConfig = field(default_factory=ProxyConfig)
    console: ConsoleConfig = field(default_factory=ConsoleConfig)
    log: LogConfig = field(default_factory=LogConfig)


_SECTIONS: dict[str, type] = {
    "publisher": PublisherConfig,
    "simulator": SimulatorConfig,
    "tiktok": TikTokConfig,
    "browser": BrowserConfig,
    "sign": SignConfig,
    "tiktool": TikToolConfig,
    "euler": EulerConfig,
    "record": RecordConfig,
    "control": ControlConfig,
    "game": GameConfig,
    "shard": ShardConfig,
    "proxy": ProxyConfig,
    "console": ConsoleConfig,
    "log": LogConfig,
}
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("log", "level"): ("debug", "info", "warning", "error"),
    ("log", "format"): ("text", "json"),
    ("sign", "style"): ("connect", "fetch"),
    ("simulator", "via"): ("fake-tiktok", "direct"),
    ("tiktok", "source"): SOURCES,
}
_MINIMUMS: dict[tuple[str, str], float] = {
    ("publisher", "sndhwm"): 1,
    ("publisher", "heartbeat_interval"): 0.05,
    ("publisher", "zmq_heartbeat_ivl"): 0,
    ("publisher", "zmq_heartbeat_timeout"): 0,
    ("publisher", "zmq_heartbeat_ttl"): 0,
    ("simulator", "rate"): 0,
    ("simulator", "seed"): -1,
    ("tiktok", "max_reconnect_attempts"): 0,
    ("tiktok", "backoff_base"): 0.01,
    ("tiktok", "backoff_cap"): 0.01,
    ("tiktok", "connect_timeout"): 0.1,
    ("tiktok", "no_message_timeout"): 0,
    ("tiktok", "heartbeat_interval"): 0,
    ("tiktok", "dead_after_heartbeats"): 1.5,
    ("tiktok", "replace_backoff_base"): 0.01,
    ("tiktok", "replace_backoff_cap"): 0.01,
    ("tiktok", "poll_interval"): 0.1,
    ("tiktok", "max_connections"): 1,
    ("tiktok", "dedupe_size"): 1,
    ("sign", "timeout"): 0.1,
    ("control", "max_requests_per_second"): 1,
    ("game", "streak_timeout"): 0.1,
    ("record", "flush_interval"): 0.01,
    ("shard", "index"): 0,
    ("shard", "count"): 1,
    ("proxy", "sndhwm"): 1,
    ("proxy", "max_requests_per_second"): 1,
    ("proxy", "daemon_timeout"): 0.1,
    ("console", "port"): 0,
    ("console", "feed_lines"): 1,
}


MAX_TEXT = 4096
"""Longest string value (characters)."""
MAX_LIST = 10_000
"""Most entries of a list value (``tiktok.rooms``)."""
_HOUR = 3600.0
_DAY = 86_400.0
_MAXIMUMS: dict[tuple[str, str], float] = {
    ("publisher", "sndhwm"): 2**31 - 1,
    ("publisher", "heartbeat_interval"): _HOUR,
    ("publisher", "zmq_heartbeat_ivl"): _HOUR,
    ("publisher", "zmq_heartbeat_timeout"): _HOUR,
    ("publisher", "zmq_heartbeat_ttl"): 6553.0,  # libzmq keeps the TTL in deciseconds in 16 bits
    ("simulator", "rate"): 100_000,
    ("tiktok", "max_reconnect_attempts"): 2**31 - 1,
    ("tiktok", "backoff_base"): _DAY,
    ("tiktok", "backoff_cap"): _DAY,
    ("tiktok", "connect_timeout"): _HOUR,
    ("tiktok", "no_message_timeout"): _DAY,
    ("tiktok", "heartbeat_interval"): _HOUR,
    ("tiktok", "poll_interval"): _DAY,
    ("tiktok", "max_connections"): 10_000,
    ("tiktok", "dedupe_size"): 10_000_000,
    ("sign", "timeout"): _HOUR,
    ("control", "max_requests_per_second"): 1_000_000,
    ("game", "streak_timeout"): _HOUR,
    ("record", "flush_interval"): _HOUR,
    ("shard", "index"): 1023,
    ("shard", "count"): 1024,
    ("proxy", "sndhwm"): 2**31 - 1,
    ("proxy", "max_requests_per_second"): 1_000_000,
    ("proxy", "daemon_timeout"): _HOUR,
}
"""Largest value of each numeric key; every float must also be finite, every integer fit 64 bits."""


def _shown(value: Any) -> str:
    """``repr(value)``, shortened for error messages."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _coerce(value: Any, kind: type, where: str, text: bool) -> Any:
    """A TOML value checked against the field type; with ``text``, a string converted to it."""
    from_text = text and isinstance(value, str) and kind is not str
    if kind == tuple[str, ...]:
        if from_text:
            value = [item.strip() for item in value.split(",") if item.strip()]
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            if len(value) > MAX_LIST:
                raise ConfigError(f"{where}: {len(value)} entries, at most {MAX_LIST}")
            for item in value:
                _check_text(item, where)
            return tuple(value)
        raise ConfigError(f"{where} = {_shown(value)}: expected a list of strings")
    if kind is bool:
        if from_text:
            lowered = value.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
        elif isinstance(value, bool):
            return value
        raise ConfigError(f"{where} = {_shown(value)}: expected true or false")
    if kind is int:
        if from_text and value.strip().lstrip("+-").isdigit() and len(value) <= 24:
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if not INT64_MIN <= value <= INT64_MAX:
                raise ConfigError(f"{where} = {_shown(value)}: outside the 64-bit integer range")
            return value
        raise ConfigError(f"{where} = {_shown(value)}: expected an integer")
    if kind is float:
        if from_text:
            try:
                value = float(value)
            except ValueError:
                pass
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if not math.isfinite(number):
                raise ConfigError(f"{where} = {_shown(value)}: expected a finite number (not nan or inf)")
            return number
        raise ConfigError(f"{where} = {_shown(value)}: expected a number")
    if isinstance(value, str):
        _check_text(value, where)
        return value
    raise ConfigError(f"{where} = {_shown(value)}: expected a string")


def _check_text(value: str, where: str) -> None:
    if len(value) > MAX_TEXT:
        raise ConfigError(f"{where}: {len(value)} characters, at most {MAX_TEXT}")
    if not value.isprintable():
        raise ConfigError(f"{where} = {_shown(value)}: control characters are not allowed")


def _check_rooms(rooms: tuple[str, ...]) -> None:
    for room in rooms:
        parse_room(room)


def _check_simulator_room(room: str) -> None:
    if room:
        check_name(room.lstrip("@"), "room name")


def _check_daemon_id(daemon_id: str) -> None:
    if daemon_id:
        check_name(daemon_id, "daemon id")


_VALUE_CHECKS: dict[tuple[str, str], Callable[[Any], object]] = {
    ("tiktok", "rooms"): _check_rooms,
    ("simulator", "room"): _check_simulator_room,
    ("publisher", "daemon_id"): _check_daemon_id,
}
"""Checks of one key's value beyond its type; they raise ValueError saying what is wrong."""


def _check(section: str, key: str, value: Any, where: str) -> None:
    check = _VALUE_CHECKS.get((section, key))
    if check is not None:
        try:
            check(value)
        except ValueError as exc:
            raise ConfigError(f"{where} = {_shown(value)}: {exc}") from None
    choices = _CHOICES.get((section, key))
    if choices and value not in choices:
        raise ConfigError(f"{where} = {value!r}: expected one of {', '.join(choices)}")
    minimum = _MINIMUMS.get((section, key))
    if minimum is not None and value < minimum:
        raise ConfigError(f"{where} = {value!r}: must be at least {minimum:g}")
    maximum = _MAXIMUMS.get((section, key))
    if maximum is not None and value > maximum:
        raise ConfigError(f"{where} = {value!r}: must be at most {maximum:g}")


_ENDPOINTS = (
    ("publisher", "endpoint"),
    ("control", "endpoint"),
    ("proxy", "frontend"),
    ("proxy", "backend"),
    ("proxy", "control"),
)
"""Keys holding ZeroMQ endpoints (empty: that endpoint is off, where the key allows it)."""


def _remote_allowed(config: Config, section: str, key: str) -> str:
    """Empty when the endpoint may be reached from other machines, else the key that would allow it."""
    if section == "publisher":
        return (
            ""
            if config.publisher.connect or config.publisher.allow_remote
            else "publisher.allow_remote = true"
        )
    if section == "control":
        return "" if config.control.token else "control.token"
    if key == "control":
        return "" if config.proxy.token else "proxy.token"
    return "" if config.proxy.allow_remote else "proxy.allow_remote = true"


def _validate(config: Config, where: Callable[[str, str], str]) -> None:
    """Checks that span keys; ``where(section, key)`` names a key's origin."""
    if config.shard.index >= config.shard.count:
        raise ConfigError(
            f"shard.index = {config.shard.index}: must be below shard.count = {config.shard.count}"
        )
    for section, key in _ENDPOINTS:
        endpoint = getattr(getattr(config, section), key)
        if not endpoint and (section, key) != ("publisher", "endpoint"):
            continue
        try:
            parse_endpoint(endpoint)
        except ValueError as exc:
            raise ConfigError(f"{where(section, key)} = {_shown(endpoint)}: {exc}") from None
        needed = _remote_allowed(config, section, key)
        if needed and not is_loopback(endpoint):
            raise ConfigError(
                f"{where(section, key)} = {endpoint!r}: binds beyond this machine; set {needed}"
                " to allow it (see docs/security.md)"
            )


SECRET_KEYS = (
    ("sign", "api_key"),
    ("tiktok", "session_id"),
    ("control", "token"),
    ("tiktool", "api_key"),
    ("euler", "api_key"),
    ("publisher", "curve_secret_key"),
    ("proxy", "token"),
)
"""Keys whose values are never logged, and never accepted from a file others can read."""


def _refuse_readable_secrets(path: Path, data: dict[str, Any]) -> None:
    secrets = [f"{s}.{k}" for s, k in SECRET_KEYS if isinstance(data.get(s), dict) and data[s].get(k)]
    if not secrets or os.name != "posix":
        return
    mode = path.stat().st_mode
    if mode & (stat.S_IROTH | stat.S_IWOTH):
        raise ConfigError(
            f"{path}: holds {', '.join(secrets)} but other users can read it"
            f" (mode {stat.S_IMODE(mode):o}); run: chmod 600 {path}"
        )


ALIASES = {("tiktok", "user_agent"): ("browser", "user_agent")}
"""Former keys still accepted, each mapped to its new key with one warning."""


def _put(
    sections: dict[str, dict[str, tuple[Any, str, bool]]],
    given: set[tuple[str, str]],
    name: str,
    key: str,
    value: Any,
    where: str,
    text: bool,
) -> None:
    """Record one key of a file or the environment; a former key goes to its new one.

    ``given`` holds the keys set at the same level: a new key given there wins over its alias.
    """
    new = ALIASES.get((name, key))
    if new is None:
        sections[name][key] = (value, where, text)
        return
    log.warning("%s is deprecated: use %s.%s instead", where, *new)
    if new not in given:
        sections[new[0]][new[1]] = (value, where, text)


def load_config(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Build the configuration from defaults, an optional TOML file and the environment.

    Args:
        path: the TOML file, or ``None`` for defaults only.
        env: environment to read ``BRIDGE_*`` overrides from (usually ``os.environ``).

    Raises:
        ConfigError: a file, key or value is invalid; the message names it.
    """
    data: dict[str, Any] = {}
    origin = "defaults"
    if path is not None:
        origin = str(path)
        try:
            if "\0" in origin:
                raise ConfigError(f"{origin!r}: not a file name (it holds a NUL character)")
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{origin}: cannot read config: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(
                f"{origin}: not UTF-8 (byte {exc.start}); config files are UTF-8 TOML"
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
        except RecursionError:
            raise ConfigError(f"{origin}: not valid TOML: arrays or tables nested too deep") from None
        _refuse_readable_secrets(Path(path), data)
    sections: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    for name, table in data.items():
        if name not in _SECTIONS:
            raise ConfigError(f"{origin}: unknown section [{name}] (known: {', '.join(_SECTIONS)})")
        if not isinstance(table, dict):
            raise ConfigError(f"{origin}: {name} must be a table ([{name}])")
    in_file = {(name, key) for name, table in data.items() for key in table}
    for name, table in data.items():
        for key, value in table.items():
            _put(sections, in_file, name, key, value, f"{origin}: {name}.{key}", False)
    variables: dict[tuple[str, str], tuple[Any, str]] = {}
    for variable, value in (env or {}).items():
        if not variable.startswith("BRIDGE_"):
            continue
        section, _, key = variable[len("BRIDGE_") :].lower().partition("_")
        if section in _SECTIONS:
            variables[section, key] = (value, f"environment: {variable}")
    for (section, key), (value, where) in variables.items():
        _put(sections, set(variables), section, key, value, where, True)
    built: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, (value, where, text) in sections[name].items():
            if key not in known:
                raise ConfigError(f"{where}: unknown key (known in [{name}]: {', '.join(sorted(known))})")
            values[key] = _coerce(value, hints[key], where, text)
            _check(name, key, values[key], where)
        built[name] = cls(**values)
    config = Config(**built)

    def origin_of(section: str, key: str) -> str:
        return str(sections[section].get(key, (None, f"{origin}: {section}.{key}", False))[1])

    _validate(config, origin_of)
    return config


def override(config: Config, section: str, **values: Any) -> Config:
    """A copy of ``config`` with some keys of one section replaced (command-line flags)."""
    current = getattr(config, section)
    hints = get_type_hints(type(current))
    clean = {}
    for key, value in values.items():
        if value is None:
            continue
        where = f"command line: --{key.replace('_', '-')}"
        clean[key] = _coerce(value, hints[key], where, text=True)
        _check(section, key, clean[key], where)
    updated = replace(config, **{section: replace(current, **clean)})
    _validate(updated, lambda s, k: f"command line: {s}.{k}")
    return updated
