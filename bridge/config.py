"""Daemon configuration: TOML file, ``BRIDGE_*`` environment overrides, validation.

Precedence, lowest first: built-in defaults, the TOML file, environment variables
``BRIDGE_<SECTION>_<KEY>`` (for example ``BRIDGE_PUBLISHER_ENDPOINT``), then
command-line flags. Every error names the file (or variable), the key and the bad
value. See ``docs/configuration.md`` for every key.
"""

from __future__ import annotations

import ipaddress
import os
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit

from .errors import ConfigError
from .tiktok import DEFAULT_USER_AGENT, SIGN_BASE, WEB_BASE, WEBCAST_BASE

__all__ = [
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
    "is_loopback",
    "load_config",
    "override",
]


@dataclass(frozen=True, slots=True)
class PublisherConfig:
    """``[publisher]``: the ZeroMQ PUB socket engines subscribe to."""

    endpoint: str = "tcp://127.0.0.1:5556"
    connect: bool = False
    daemon_id: str = ""
    allow_remote: bool = False
    curve_secret_key: str = field(default="", repr=False)
    sndhwm: int = 10_000
    heartbeat_interval: float = 1.0
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
    user_agent: str = DEFAULT_USER_AGENT
    session_id: str = field(default="", repr=False)
    auto_reconnect: bool = True
    max_reconnect_attempts: int = 0
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    connect_timeout: float = 15.0
    no_message_timeout: float = 30.0
    heartbeat_interval: float = 0.0
    poll_interval: float = 30.0
    wait_for_live: bool = True
    max_connections: int = 4
    dedupe_size: int = 10_000
    source: str = "tiktok"


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

    frontend: str = "tcp://127.0.0.1:5558"
    backend: str = "tcp://127.0.0.1:5556"
    control: str = "tcp://127.0.0.1:5557"
    sndhwm: int = 100_000
    daemon_timeout: float = 5.0


@dataclass(frozen=True, slots=True)
class ControlConfig:
    """``[control]``: the request/reply endpoint engines steer the daemon with."""

    endpoint: str = "tcp://127.0.0.1:5557"
    token: str = field(default="", repr=False)
    max_requests_per_second: int = 100


@dataclass(frozen=True, slots=True)
class ConsoleConfig:
    """``[console]``: the web console (``docs/console.md``)."""

    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = 5559
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
    ("tiktok", "source"): ("tiktok", "tiktool", "euler"),
}
_MINIMUMS: dict[tuple[str, str], float] = {
    ("publisher", "sndhwm"): 1,
    ("publisher", "heartbeat_interval"): 0.05,
    ("publisher", "zmq_heartbeat_ivl"): 0,
    ("publisher", "zmq_heartbeat_timeout"): 0,
    ("publisher", "zmq_heartbeat_ttl"): 0,
    ("simulator", "rate"): 0,
    ("tiktok", "max_reconnect_attempts"): 0,
    ("tiktok", "backoff_base"): 0.01,
    ("tiktok", "backoff_cap"): 0.01,
    ("tiktok", "connect_timeout"): 0.1,
    ("tiktok", "no_message_timeout"): 0,
    ("tiktok", "heartbeat_interval"): 0,
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
    ("proxy", "daemon_timeout"): 0.1,
    ("console", "port"): 0,
    ("console", "feed_lines"): 1,
}


def is_loopback(endpoint: str) -> bool:
    """Whether a ZeroMQ endpoint only listens on this machine."""
    scheme, _, rest = endpoint.partition("://")
    if scheme in ("ipc", "inproc"):
        return True
    host = urlsplit("//" + rest).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _coerce(value: Any, kind: type, where: str) -> Any:
    """Check a TOML value (or convert an environment string) to the field type."""
    from_env = isinstance(value, str) and kind is not str
    if kind == tuple[str, ...]:
        if from_env:
            return tuple(item.strip() for item in value.split(",") if item.strip())
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        raise ConfigError(f"{where} = {value!r}: expected a list of strings")
    if kind is bool:
        if from_env:
            lowered = value.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
        elif isinstance(value, bool):
            return value
        raise ConfigError(f"{where} = {value!r}: expected true or false")
    if kind is int:
        if from_env:
            try:
                return int(value)
            except ValueError:
                pass
        elif isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{where} = {value!r}: expected an integer")
    if kind is float:
        if from_env:
            try:
                return float(value)
            except ValueError:
                pass
        elif isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(f"{where} = {value!r}: expected a number")
    if isinstance(value, str):
        return value
    raise ConfigError(f"{where} = {value!r}: expected a string")


def _check(section: str, key: str, value: Any, where: str) -> None:
    choices = _CHOICES.get((section, key))
    if choices and value not in choices:
        raise ConfigError(f"{where} = {value!r}: expected one of {', '.join(choices)}")
    minimum = _MINIMUMS.get((section, key))
    if minimum is not None and value < minimum:
        raise ConfigError(f"{where} = {value!r}: must be at least {minimum:g}")


def _validate(config: Config, where: str) -> None:
    """Checks that span keys; ``where`` names the endpoint's origin."""
    if config.shard.index >= config.shard.count:
        raise ConfigError(
            f"shard.index = {config.shard.index}: must be below shard.count = {config.shard.count}"
        )
    endpoint = config.publisher.endpoint
    scheme = endpoint.partition("://")[0]
    if scheme not in ("tcp", "ipc", "inproc") or "://" not in endpoint:
        raise ConfigError(f"{where} = {endpoint!r}: expected tcp://HOST:PORT, ipc://PATH or inproc://NAME")
    if not config.publisher.connect and not config.publisher.allow_remote and not is_loopback(endpoint):
        raise ConfigError(
            f"{where} = {endpoint!r}: binds beyond this machine; set publisher.allow_remote = true"
            " to allow it (see docs/security.md)"
        )


SECRET_KEYS = (
    ("sign", "api_key"),
    ("tiktok", "session_id"),
    ("control", "token"),
    ("tiktool", "api_key"),
    ("euler", "api_key"),
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
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{origin}: cannot read config: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
        _refuse_readable_secrets(Path(path), data)
    sections: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    for name, table in data.items():
        if name not in _SECTIONS:
            raise ConfigError(f"{origin}: unknown section [{name}] (known: {', '.join(_SECTIONS)})")
        if not isinstance(table, dict):
            raise ConfigError(f"{origin}: {name} must be a table ([{name}])")
        for key, value in table.items():
            sections[name][key] = (value, f"{origin}: {name}.{key}")
    for variable, value in (env or {}).items():
        if not variable.startswith("BRIDGE_"):
            continue
        section, _, key = variable[len("BRIDGE_") :].lower().partition("_")
        if section not in _SECTIONS:
            continue
        sections[section][key] = (value, f"environment: {variable}")
    built: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, (value, where) in sections[name].items():
            if key not in known:
                raise ConfigError(f"{where}: unknown key (known in [{name}]: {', '.join(sorted(known))})")
            values[key] = _coerce(value, hints[key], where)
            _check(name, key, values[key], where)
        built[name] = cls(**values)
    config = Config(**built)
    endpoint_origin = sections["publisher"].get("endpoint", (None, f"{origin}: publisher.endpoint"))[1]
    _validate(config, endpoint_origin)
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
        clean[key] = _coerce(value, hints[key], where)
        _check(section, key, clean[key], where)
    updated = replace(config, **{section: replace(current, **clean)})
    _validate(updated, "command line: publisher.endpoint")
    return updated
