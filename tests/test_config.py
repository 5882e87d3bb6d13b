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


def _keys(kind: type) -> list[tuple[str, str]]:
    """Every ``(section, key)`` of the schema whose field has type ``kind``."""
    from dataclasses import fields as dataclass_fields
    from typing import get_type_hints

    from bridge.config import _SECTIONS

    return [
        (name, f.name)
        for name, cls in _SECTIONS.items()
        for f in dataclass_fields(cls)
        if get_type_hints(cls)[f.name] == kind
    ]


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("section", "key"), _keys(float))
@pytest.mark.parametrize("literal", ["nan", "inf", "-inf", "+nan"])
def test_every_float_refuses_nan_and_inf(tmp_path: Path, section: str, key: str, literal: str) -> None:
    path = _toml(tmp_path, f"[{section}]\n{key} = {literal}\n")
    with pytest.raises(ConfigError, match=rf"{path}: {section}.{key} = .*finite number"):
        load_config(path)
    variable = f"BRIDGE_{section.upper()}_{key.upper()}"
    with pytest.raises(ConfigError, match=rf"environment: {variable} = .*finite number"):
        load_config(None, {variable: literal})


@pytest.mark.parametrize(("section", "key"), _keys(int))
@pytest.mark.parametrize("text", [str(2**63), str(-(2**63) - 1), "9" * 30, "1.5", "0x10", ""])
def test_every_integer_is_range_checked(section: str, key: str, text: str) -> None:
    variable = f"BRIDGE_{section.upper()}_{key.upper()}"
    with pytest.raises(ConfigError, match=rf"environment: {variable} = "):
        load_config(None, {variable: text})


@pytest.mark.parametrize(("section", "key"), _keys(bool))
@pytest.mark.parametrize("value", ['"yes"', '"true"', "1", "0"])
def test_booleans_in_toml_are_booleans(tmp_path: Path, section: str, key: str, value: str) -> None:
    path = _toml(tmp_path, f"[{section}]\n{key} = {value}\n")
    with pytest.raises(ConfigError, match=rf"{section}.{key} = .*expected true or false"):
        load_config(path)


@pytest.mark.parametrize(("section", "key"), _keys(str))
@pytest.mark.parametrize("value", ["x\x00y", "a\nb", "x" * 5000])
def test_strings_are_bounded_and_printable(section: str, key: str, value: str) -> None:
    variable = f"BRIDGE_{section.upper()}_{key.upper()}"
    with pytest.raises(ConfigError, match=rf"environment: {variable}"):
        load_config(None, {variable: value})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[publisher]\nsndhwm = 4294967296", "publisher.sndhwm = 4294967296: must be at most 2.14748e+09"),
        ("[publisher]\nsndhwm = 2147483648", "must be at most"),
        (
            "[publisher]\nzmq_heartbeat_ivl = 1e12",
            "publisher.zmq_heartbeat_ivl = 1000000000000.0: must be at most",
        ),
        ("[publisher]\nzmq_heartbeat_ttl = 7000", "must be at most 6553"),
        ("[publisher]\nheartbeat_interval = 1e9", "publisher.heartbeat_interval"),
        ("[simulator]\nrate = 1e9", "simulator.rate"),
        ("[tiktok]\nrooms = '@a'", "tiktok.rooms = '@a': expected a list of strings"),
        ("[tiktok]\nrooms = [1]", "expected a list of strings"),
        (
            "[publisher]\nendpoint = 'tcp://127.0.0.1:99999'",
            "publisher.endpoint = 'tcp://127.0.0.1:99999': port",
        ),
        ("[control]\nendpoint = 'tcp://127.0.0.1:0x1'", "control.endpoint"),
        ("[proxy]\nbackend = 'tcp://127.0.0.1:65536'", "proxy.backend"),
        ("[publisher]\nallow_remote = 'yes'", "publisher.allow_remote = 'yes': expected true or false"),
        ("[shard]\ncount = 100000", "shard.count = 100000: must be at most 1024"),
        ("[simulator]\nseed = -2", "simulator.seed = -2: must be at least -1"),
    ],
)
def test_value_domains_name_file_key_and_value(tmp_path: Path, text: str, message: str) -> None:
    path = _toml(tmp_path, text + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value), info.value


def test_largest_allowed_values_load(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        "[publisher]\nsndhwm = 2147483647\nzmq_heartbeat_ttl = 6553\n"
        "[tiktok]\nrooms = ['@a', '9223372036854775807']\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.publisher.sndhwm == 2**31 - 1 and config.tiktok.rooms[1] == str(2**63 - 1)


def test_a_config_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b"[publisher]\ndaemon_id = '\xff\xfe'\n")
    with pytest.raises(ConfigError, match=rf"{path}: not UTF-8 \(byte 25\)"):
        load_config(path)


def test_a_readable_file_holding_a_curve_secret_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[publisher]\ncurve_secret_key = "S3CRETKEY"\n', encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(
        ConfigError, match="holds publisher.curve_secret_key but other users can read it"
    ) as info:
        load_config(path)
    assert "S3CRETKEY" not in str(info.value)
    path.chmod(0o600)
    assert load_config(path).publisher.curve_secret_key == "S3CRETKEY"


def test_run_refuses_nan_before_starting(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "c.toml"
    path.write_text("[publisher]\nheartbeat_interval = nan\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bridge", "run", "-c", str(path)], capture_output=True, text=True, timeout=30
    )
    assert (
        result.returncode == 2
        and "publisher.heartbeat_interval = nan: expected a finite number" in result.stderr
    )
    assert "Traceback" not in result.stderr
