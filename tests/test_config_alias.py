"""Former config keys: still accepted, mapped to their new key, with one warning naming it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bridge.app import identity_of
from bridge.config import load_config
from bridge.errors import ConfigError

UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def deprecations(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "bridge.config" and r.levelno == logging.WARNING
    ]


def test_tiktok_user_agent_in_a_file_becomes_browser_user_agent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.toml"
    path.write_text(f'[tiktok]\nuser_agent = "{UA}"\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bridge.config"):
        config = load_config(path, {})
    assert config.browser.user_agent == UA and identity_of(config).user_agent == UA
    assert deprecations(caplog) == [
        f"{path}: tiktok.user_agent is deprecated: use browser.user_agent instead"
    ]


def test_bridge_tiktok_user_agent_variable(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bridge.config"):
        config = load_config(None, {"BRIDGE_TIKTOK_USER_AGENT": UA})
    assert config.browser.user_agent == UA
    assert deprecations(caplog) == [
        "environment: BRIDGE_TIKTOK_USER_AGENT is deprecated: use browser.user_agent instead"
    ]


def test_the_new_key_wins_at_the_same_level_and_the_environment_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "both.toml"
    path.write_text(f'[tiktok]\nuser_agent = "old"\n[browser]\nuser_agent = "{UA}"\n', encoding="utf-8")
    assert load_config(path, {}).browser.user_agent == UA
    assert load_config(path, {"BRIDGE_TIKTOK_USER_AGENT": "from env"}).browser.user_agent == "from env"
    env = {"BRIDGE_TIKTOK_USER_AGENT": "old env", "BRIDGE_BROWSER_USER_AGENT": "new env"}
    assert load_config(path, env).browser.user_agent == "new env"


def test_a_bad_value_under_the_old_key_names_the_old_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[tiktok]\nuser_agent = "a\\u0007b"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tiktok\.user_agent = 'a\\x07b': control characters"):
        load_config(path, {})


def test_other_unknown_keys_still_fail(tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('[tiktok]\nuser_agnet = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tiktok\.user_agnet: unknown key"):
        load_config(path, {})
