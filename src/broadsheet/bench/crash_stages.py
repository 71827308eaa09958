"""The four stages ``bench.crashes`` kills: ingest, clustering, edition building and sending.

Each gets a small store to start from (a handful of generated news pages on three topics), a ``run``
that does the stage the way its command does, and a ``verify`` that compares the restarted store with
one where the stage ran uninterrupted:
- ingest (``pipeline.ingest`` of a folder, spaCy analysis included): the same articles, versions,
  analyses and rejections, each once;
- clustering (``pipeline.update_stories``): the same stories with the same articles;
- edition building (``pipeline.make_edition`` + ``Store.put_edition`` for each day's brief and the
  week's, a fixed creation time): the same editions, each once;
- sending (``deliver.send_edition`` to a local SMTP sink): every subscriber got the edition exactly
  once, and the ledger says ``sent`` for all of them but at most one left ``sending`` (in doubt:
  killed after the server's 250, before the ledger heard it; that one also got exactly one copy).
"""

from __future__ import annotations

import html
import socketserver
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from broadsheet.bench.crashes import CrashStage
from broadsheet.settings import Settings, load_settings

CREATED = "2024-05-04T06:00:00+00:00"
TOPICS = (
    ("bridge", "The city council voted on Tuesday to reopen the old harbour bridge after two years of "
     "repairs, the mayor said.", '"The bridge is safe and will carry traffic from May," said Mayor '
     "Jane Doe outside the town hall."),
    ("strike", "Ferry workers ended a ten-day strike on Wednesday after the operator agreed to a pay "
     "rise, union leaders said.", '"This is a fair deal for every crew member," said union leader '
     "Amir Khan at the port."),
    ("flood", "Heavy rain flooded the lower town on Thursday, closing schools and the main road to "
     "the coast, officials said.", '"We have never seen the river this high," said Ruth Lane, who '
     "runs the riverside cafe."),
)
DAYS = ("2024-05-01", "2024-05-02", "2024-05-03")
OUTLETS = ("gazette.example", "courier.example", "herald.example")
SUBSCRIBERS = tuple(f"reader{i}@example.org" for i in range(1, 7))


def quiet_settings() -> Settings:
    """Defaults only (no environment, no broadsheet.toml), small batches."""
    return replace(load_settings(environ={}, config=Path("/nonexistent/broadsheet.toml")), batch_size=2)


def write_pages(folder: Path, per_topic: int) -> list[Path]:
    """``per_topic`` pages for each topic, from different outlets and days, as HTML files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t, (topic, lead, quote) in enumerate(TOPICS):
        for n in range(per_topic):
            outlet = OUTLETS[n % len(OUTLETS)]
            day = DAYS[(t + n) % len(DAYS)]
            url = f"https://{outlet}/{day.replace('-', '/')}/{topic}-{n}"
            paragraphs = [f"{lead} Report {n}.", quote, *(
                f"Residents and officials in the town discussed the {topic} at length on day {k}, "
                f"and the local paper {outlet} followed every step of it for its readers." for k in range(4))]
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{topic} {n}</title>'
                    f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">'
                    f'<meta property="article:published_time" content="{day}T08:00:00+00:00">'
                    f"</head><body><article><h1>The {topic}, day {n}</h1>{body}</article></body></html>")
            path = folder / f"{topic}-{n}.html"
            path.write_text(page, encoding="utf-8")
            written.append(path)
    return written


# --- counting what a store holds --------------------------------------------------------------


def rows(db: str, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return sorted(tuple(r) for r in conn.execute(sql))
    finally:
        conn.close()


def same(target: str, reference: str, *queries: str) -> list[str]:
    """A problem for each query whose rows differ between the two stores."""
    return [f"{query!r}: {len(rows(target, query))} rows, uninterrupted {len(rows(reference, query))}"
            for query in queries if rows(target, query) != rows(reference, query)]


COUNTED = ("pages", "articles", "article_versions", "analyses", "entities", "attributions", "rejections")
COUNTS = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in COUNTED)


# --- the stages -------------------------------------------------------------------------------


def ingest_stage(workdir: Path, load_nlp: Callable[[], Any], per_topic: int = 1) -> CrashStage:
    """``pipeline.ingest`` of a folder of pages into an empty store."""
    from broadsheet import pipeline
    from broadsheet.store import Store

    folder = workdir / "pages"
    write_pages(folder, per_topic)
    base = workdir / "ingest-base.db"
    Store.open(base).close()
    settings = quiet_settings()

    def run(db: str) -> None:
        with Store.open(db) as store:
            pipeline.ingest([folder], store, settings, load_nlp)

    run(str(workdir / "ingest-warm-up.db"))  # lazy models and tables loaded once, shared by the forks

    def verify(target: str, reference: str) -> list[str]:
        return same(target, reference, COUNTS, "SELECT id, version FROM articles",
                    "SELECT article_id, count(*) FROM entities GROUP BY article_id")

    return CrashStage("ingest", base, run, verify)


def ingested_store(workdir: Path, load_nlp: Callable[[], Any], per_topic: int) -> Path:
    """A store holding the pages, analysed (the start of the later stages)."""
    from broadsheet import pipeline
    from broadsheet.store import Store

    base = workdir / "ingested.db"
    if not base.exists():
        write_pages(workdir / "pages", per_topic)
        with Store.open(base) as store:
            pipeline.ingest([workdir / "pages"], store, quiet_settings(), load_nlp)
    return base


def cluster_stage(workdir: Path, load_nlp: Callable[[], Any], per_topic: int = 2) -> CrashStage:
    """``pipeline.update_stories`` over the analysed, not yet clustered articles."""
    from broadsheet import pipeline
    from broadsheet.store import Store

    settings = quiet_settings()

    def run(db: str) -> None:
        with Store.open(db) as store:
            pipeline.update_stories(store, settings)

    pipeline.cluster_model(settings)  # loaded once, shared by the forks

    def verify(target: str, reference: str) -> list[str]:
        return same(target, reference, "SELECT story_id, article_id FROM story_articles",
                    "SELECT id FROM stories", "SELECT count(*) FROM story_redirects")

    return CrashStage("clustering", ingested_store(workdir, load_nlp, per_topic), run, verify)


def clustered_store(workdir: Path, load_nlp: Callable[[], Any], per_topic: int) -> Path:
    from broadsheet import pipeline
    from broadsheet.store import Store

    base = workdir / "clustered.db"
    if not base.exists():
        base.write_bytes(ingested_store(workdir, load_nlp, per_topic).read_bytes())
        with Store.open(base) as store:
            pipeline.update_stories(store, quiet_settings())
    return base


def brief_stage(workdir: Path, load_nlp: Callable[[], Any], per_topic: int = 2) -> CrashStage:
    """``pipeline.make_edition`` and ``put_edition`` (what ``broadsheet brief`` keeps in the store)."""
    from broadsheet import pipeline
    from broadsheet.store import Store

    settings = quiet_settings()

    def run(db: str) -> None:
        with Store.open(db) as store:
            for day in DAYS:  # the day's brief for each day, then the week's
                store.put_edition(pipeline.make_edition(store, settings, created=CREATED, date=day))
            store.put_edition(pipeline.make_edition(store, settings, created=CREATED, kind="weekly",
                                                    everything=True))

    def verify(target: str, reference: str) -> list[str]:
        return same(target, reference, "SELECT id FROM editions")

    base = clustered_store(workdir, load_nlp, per_topic)
    scratch = workdir / "edition-warm-up.db"
    scratch.write_bytes(base.read_bytes())
    run(str(scratch))  # lazy models and tables loaded once, shared by the forks
    return CrashStage("edition", base, run, verify)


class Sink(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on 127.0.0.1 that counts the messages each recipient was given."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.received: Counter[str] = Counter()
        self.lock = threading.Lock()

    def take(self) -> Counter[str]:
        """The messages per recipient since the last call."""
        with self.lock:
            taken, self.received = self.received, Counter()
        return taken


class _SmtpHandler(socketserver.StreamRequestHandler):
    server: Sink

    def _say(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self._say("220 sink ready")
        recipients: list[str] = []
        for raw in self.rfile:
            verb = raw.decode("ascii", "replace").strip().upper()
            if verb.startswith("RCPT"):
                recipients.append(raw.decode().split(":", 1)[1].strip().strip("<>").lower())
            if verb == "DATA":
                self._data(recipients)
                recipients = []
                continue
            if verb.startswith("QUIT"):
                self._say("221 bye")
                return
            if verb.startswith(("RSET", "MAIL")):  # a new transaction
                recipients = []
            self._say("250 ok" if not verb.startswith("EHLO") else "250 sink")

    def _data(self, recipients: list[str]) -> None:
        self._say("354 go on")
        for raw in self.rfile:
            if raw in (b".\r\n", b".\n"):
                with self.server.lock:
                    self.server.received.update(recipients)
                self._say("250 accepted")
                return


def smtp_sink() -> AbstractContextManager[Sink]:
    """A ``Sink`` on a free port of 127.0.0.1, served for the block."""
    from broadsheet.bench.hostile import serving

    return serving(Sink())


def send_stage(workdir: Path, load_nlp: Callable[[], Any], sink: Sink, per_topic: int = 2) -> CrashStage:
    """``deliver.send_edition`` of the stored edition to ``SUBSCRIBERS`` through ``sink``."""
    from broadsheet import pipeline
    from broadsheet.deliver.send import send_edition
    from broadsheet.deliver.smtp import SmtpConfig
    from broadsheet.store import Store

    base = workdir / "send-base.db"
    if not base.exists():
        base.write_bytes(clustered_store(workdir, load_nlp, per_topic).read_bytes())
        with Store.open(base) as store:
            for person in SUBSCRIBERS:
                store.add_subscriber(person)
            store.put_edition(pipeline.make_edition(store, quiet_settings(), created=CREATED,
                                                    kind="weekly", everything=True))
    config = SmtpConfig("127.0.0.1", sink.server_address[1], "news@example.org", timeout=30)

    def run(db: str) -> None:
        with Store.open(db) as store:
            edition = store.latest_edition()
            assert edition is not None
            send_edition(store, edition, config, "http://127.0.0.1:8000/")

    def verify(target: str, reference: str) -> list[str]:
        got = sink.take()
        problems = [f"{p} got {got[p]} copies" for p in SUBSCRIBERS if got[p] != 1]
        states = Counter(state for _, state in rows(target, "SELECT email, state FROM deliveries"))
        if states["sent"] + states["sending"] != len(SUBSCRIBERS) or states["sending"] > 1:
            problems.append(f"ledger states {dict(states)}")
        return problems

    return CrashStage("sending", base, run, verify, before_kill=sink.take)
