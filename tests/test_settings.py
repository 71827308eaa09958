"""Settings: defaults < broadsheet.toml < BROADSHEET_* environment < command-line flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import ConfigError
from broadsheet.settings import SETTINGS, Settings, load_settings, setting_names


def test_table_and_dataclass_agree() -> None:
    assert [s.name for s in SETTINGS] == setting_names()
    defaults = load_settings(environ={}, config=Path("/nonexistent.toml"))
    assert defaults == Settings(**{s.name: s.default for s in SETTINGS})


def test_each_layer_overrides_the_one_below(tmp_path: Path) -> None:
    toml = tmp_path / "broadsheet.toml"
    toml.write_text('[broadsheet]\ndb = "from-toml.db"\nmax_stories = 5\nbatch_size = 4\n')
    env = {"BROADSHEET_MAX_STORIES": "7", "BROADSHEET_BATCH_SIZE": "8"}
    settings = load_settings({"batch_size": 9, "db": None}, environ=env, config=toml)
    assert (settings.db, settings.max_stories, settings.batch_size) == ("from-toml.db", 7, 9)


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    toml = tmp_path / "elsewhere.toml"
    toml.write_text('out_dir = "edition"\n')
    assert load_settings(environ={"BROADSHEET_CONFIG": str(toml)}).out_dir == "edition"


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)])
def test_booleans_from_environment(value: str, expected: bool) -> None:
    env = {"BROADSHEET_ALLOW_PRIVATE_ADDRESSES": value}
    assert load_settings(environ=env, config=Path("/none")).allow_private_addresses is expected


def test_bad_values_name_their_origin(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BROADSHEET_BATCH_SIZE"):
        load_settings(environ={"BROADSHEET_BATCH_SIZE": "many"}, config=Path("/none"))
    toml = tmp_path / "broadsheet.toml"
    toml.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(environ={}, config=toml)
    toml.write_text("this is not toml")
    with pytest.raises(ConfigError, match=r"broadsheet\.toml"):
        load_settings(environ={}, config=toml)
