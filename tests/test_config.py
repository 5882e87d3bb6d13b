"""Configuration: defaults, TOML, environment overrides and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.config import Config, is_loopback, load_config, override
from bridge.errors import ConfigError


def test_defaults() -> None:
    config = load_config()
    assert config == Config()
    assert config.publisher.endpoint == "tcp://127.0.0.1:5556"


def test_file_then_environment(tmp_path: Path) -> None:
    path = tmp_path / "bridge.toml"
    path.write_text('[publisher]\nsndhwm = 50\n[log]\nformat = "json"\n', encoding="utf-8")
    config = load_config(path, {"BRIDGE_PUBLISHER_SNDHWM": "70", "BRIDGE_LOG_LEVEL": "debug", "HOME": "/x"})
    assert config.publisher.sndhwm == 70
    assert config.log.format == "json" and config.log.level == "debug"


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("[publisher]\nsndhwm = 'lots'", {}, "publisher.sndhwm = 'lots': expected an integer"),
        ("[publisher]\nsndhwm = 0", {}, "publisher.sndhwm = 0: must be at least 1"),
        ("[publisher]\nendpont = 'x'", {}, "publisher.endpont: unknown key"),
        ("[pub]\nx = 1", {}, "unknown section [pub]"),
        ("[log]\nlevel = 'loud'", {}, "log.level = 'loud': expected one of debug, info, warning, error"),
        ("[publisher]\nendpoint = 'http://x'", {}, "expected tcp://HOST:PORT"),
        ("[publisher]\nendpoint = 'tcp://0.0.0.0:5556'", {}, "binds beyond this machine"),
        ("", {"BRIDGE_PUBLISHER_ALLOW_REMOTE": "perhaps"}, "BRIDGE_PUBLISHER_ALLOW_REMOTE = 'perhaps'"),
        ("", {"BRIDGE_LOG_COLOUR": "red"}, "environment: BRIDGE_LOG_COLOUR: unknown key"),
        ("[publisher", {}, "not valid TOML"),
    ],
)
def test_errors_name_the_key_and_value(tmp_path: Path, text: str, env: dict[str, str], message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path, env)
    assert message in str(info.value)


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config("/nonexistent/bridge.toml")


def test_remote_endpoint_needs_explicit_setting(tmp_path: Path) -> None:
    path = tmp_path / "remote.toml"
    path.write_text("[publisher]\nendpoint = 'tcp://0.0.0.0:5556'\nallow_remote = true\n", encoding="utf-8")
    assert load_config(path).publisher.endpoint == "tcp://0.0.0.0:5556"


def test_command_line_override() -> None:
    config = override(load_config(), "publisher", endpoint="tcp://127.0.0.1:6000", sndhwm=None)
    assert config.publisher.endpoint == "tcp://127.0.0.1:6000" and config.publisher.sndhwm == 10_000
    with pytest.raises(ConfigError, match="command line: publisher.endpoint"):
        override(config, "publisher", endpoint="tcp://10.1.2.3:5556")


@pytest.mark.parametrize(
    ("endpoint", "loopback"),
    [
        ("tcp://127.0.0.1:1", True),
        ("tcp://localhost:1", True),
        ("tcp://[::1]:1", True),
        ("ipc:///tmp/x", True),
        ("tcp://0.0.0.0:1", False),
        ("tcp://*:1", False),
        ("tcp://192.168.1.2:1", False),
    ],
)
def test_is_loopback(endpoint: str, loopback: bool) -> None:
    assert is_loopback(endpoint) is loopback


def test_secrets_in_a_world_readable_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text('[sign]\napi_key = "KEY123"\n', encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "holds sign.api_key but other users can read it" in str(info.value) and "chmod 600" in str(
        info.value
    )
    assert "KEY123" not in str(info.value)
    path.chmod(0o600)
    assert load_config(path).sign.api_key == "KEY123"
    assert "KEY123" not in repr(load_config(path))
    public = tmp_path / "public.toml"
    public.write_text("[publisher]\nsndhwm = 5\n", encoding="utf-8")
    public.chmod(0o644)
    assert load_config(public).publisher.sndhwm == 5
