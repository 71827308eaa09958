"""The ``broadsheet`` command: parse arguments, call the library, format the answer.

Every command's ``--help`` ends with an example. Every ``BroadsheetError`` is turned into one line
on stderr and its exit code here, in ``main``, and nowhere else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from broadsheet import __version__
from broadsheet.cli import commands
from broadsheet.cli.follow import SOURCE_ACTIONS
from broadsheet.cli.mail import SUBSCRIBER_ACTIONS
from broadsheet.errors import BroadsheetError
from broadsheet.settings import Setting, settings_for
from broadsheet.text import printable

COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("run the whole pipeline offline on the sample corpus and write an edition of every story",
             "broadsheet demo --sample ../shared/seed --out out"),
    "ingest": ("read files, folders, archives and URLs; extract, analyse and keep them in the store",
               "broadsheet ingest pages/ feed-dump.jsonl --db news.db\n"
               "  broadsheet ingest https://www.bbc.co.uk/news/articles/c0000000000o   # fetch one page\n"
               "  broadsheet ingest broadsheet-archive/   # rebuild offline from the WARC archive\n"
               "  broadsheet ingest --reprocess --db news.db   # re-extract every stored page"),
    "backfill": ("process many WARC files in parallel shards (process pool or Ray), then load the store",
                 "broadsheet backfill crawl/*.warc.gz --db news.db --workers 8\n"
                 "  broadsheet backfill /shared/cc-news/ --db news.db --executor ray --address auto"),
    "extract": ("print the clean article of each page (no store)",
                "broadsheet extract ../shared/seed/000_94a96eb25a09a214.txt --format jsonl"),
    "analyze": ("print each article with its entities, attributions and dates (no store)",
                "broadsheet analyze --no-extract article.txt --format jsonl"),
    "cluster": ("group JSONL articles {id, title, text, published?, outlet?} into stories",
                "broadsheet cluster articles.jsonl --format jsonl"),
    "brief": ("build the edition of a day (or week) from the stored stories, check it and write it",
              "broadsheet brief --db news.db --out out\n"
              "  broadsheet brief --date 2019-11-18 --kind weekly --timezone Europe/London"),
    "export": ("print what the store holds, one record a line",
               "broadsheet export attributions --format csv --db out/broadsheet.db"),
    "search": ("full-text search over the stored articles",
               "broadsheet search 'North Korea' --db out/broadsheet.db"),
    "status": ("counts of what the store holds, and every stored rejection",
               "broadsheet status --db out/broadsheet.db"),
    "migrate": ("copy an SQLite store into an empty PostgreSQL database (every table, checked)",
                "broadsheet migrate --from broadsheet.db --to postgresql://news@db.example.org/news"),
    "serve": ("serve the store as a web reader: editions, stories, people, outlets, sources, search",
              "broadsheet serve --db out/broadsheet.db --port 8000"),
    "sources": ("the feeds and news sitemaps to follow: add, remove, list, import, export",
                "broadsheet sources add https://www.theguardian.com/world --leaning lean-left\n"
                "  broadsheet sources import subscriptions.opml\n"
                "  broadsheet sources import --defaults   # the shipped list of public news feeds\n"
                "  broadsheet sources list --format jsonl\n"
                "  broadsheet sources export > my-sources.opml"),
    "run": ("poll the sources, fetch and process what is new, update the stories",
            "broadsheet run --once   # poll every source now, then exit\n"
            "  broadsheet run --every 30m   # keep following; Ctrl-C stops"),
    "prune": ("apply keep_days and archive_max_bytes to the archive; forget old feed items",
              "broadsheet prune --keep-days 14 --archive-max-bytes 500000000"),
    "subscribers": ("the newsletter's subscribers: add, remove, list",
                    "broadsheet subscribers add ann@example.org --db news.db\n"
                    "  broadsheet subscribers list --format jsonl\n"
                    "  broadsheet subscribers remove ann@example.org"),
    "send": ("mail the latest edition to every subscriber who has not had it (SMTP, at most once each)",
             "BROADSHEET_SMTP_HOST=mail.example.org BROADSHEET_SMTP_PORT=587 "
             "BROADSHEET_SMTP_STARTTLS=1 \\\n"
             "  BROADSHEET_SMTP_USER=news BROADSHEET_SMTP_PASSWORD=... broadsheet send --db news.db\n"
             "  broadsheet send --when-due   # only if the send_at time has come and not yet been served"),
    "bench": ("run a benchmark and print our figures beside the baselines'",
              "broadsheet bench extraction --data ../shared/data\n"
              "  broadsheet bench ingest --data ../shared/data --limit 2000\n"
              "  broadsheet bench clustering --set my_day.jsonl --label story"),
}


Arg = tuple[tuple[str, ...], dict[str, Any]]
PATHS: Arg = (("paths",), {"nargs": "+", "metavar": "PATH",
                           "help": "files or folders of .html, .html.gz, .txt, .jsonl, .warc(.gz)"})
INGEST_PATHS: Arg = (("paths",), {"nargs": "*", "metavar": "PATH|URL",
                                  "help": "files or folders of .html, .html.gz, .txt, .jsonl, "
                                          ".warc(.gz), or http(s) addresses of pages to fetch"})


def _format(*choices: str) -> Arg:
    return (("--format",), {"choices": choices, "default": choices[0],
                            "help": f"output format (default {choices[0]})"})


# Arguments of each command besides its settings (those come from ``settings.settings_for``).
ARGUMENTS: dict[str, list[Arg]] = {
    "demo": [(("--sample",), {"help": "folder of pages to use instead of the bundled sample"})],
    "ingest": [INGEST_PATHS,
               (("--reprocess",), {"action": "store_true",
                                   "help": "extract and analyse again pages already stored; with no "
                                           "PATH, every page the store holds"})],
    "backfill": [
        (("paths",), {"nargs": "+", "metavar": "WARC",
                      "help": "WARC files (or any file ingest reads) and folders; one shard per file"}),
        (("--executor",), {"choices": ("local", "ray"), "default": "local",
                           "help": "local: a process pool on this machine (default); ray: Ray tasks, "
                                   "needs pip install 'broadsheet[ray]'"}),
        (("--address",), {"help": "the Ray cluster to run on (auto, HOST:6379 or ray://HOST:10001; "
                                  "default RAY_ADDRESS, else a local Ray instance)"}),
        (("--out",), {"metavar": "DIR", "help": "folder of the shard outputs (default: <db>.shards "
                                                "beside the store; on a cluster, a shared folder)"}),
        (("--workers",), {"type": int, "help": "worker processes (local: default one per CPU; ray: "
                                                "CPUs of the local instance)"}),
        (("--tasks-per-worker",), {"type": int, "default": 8,
                                   "help": "shards a worker processes before it is replaced (default 8)"}),
        (("--time-limit",), {"type": float, "default": 30.0, "metavar": "SECONDS",
                             "help": "extraction time limit per document; longer is a rejection "
                                     "(default 30)"}),
        (("--reprocess",), {"action": "store_true",
                            "help": "process every shard again, even complete ones, and replace the "
                                    "stored analyses"}),
        (("--no-load",), {"action": "store_true",
                          "help": "only write the shard outputs; a later run without it loads them"}),
    ],
    "extract": [PATHS, _format("jsonl", "json")],
    "analyze": [PATHS, _format("jsonl", "json"),
                (("--no-extract",), {"action": "store_true",
                                     "help": "take each input as an already-clean article; "
                                             "offsets then point into the file"})],
    "cluster": [(("file",), {"metavar": "FILE.jsonl"}), _format("jsonl")],
    "brief": [(("--date",), {"metavar": "YYYY-MM-DD",
                             "help": "the (last) day the edition covers, in the timezone setting "
                                     "(default: the latest day that has articles)"}),
              (("--kind",), {"choices": ("daily", "weekly"), "default": "daily",
                             "help": "a daily edition covers one day, a weekly one seven days "
                                     "ending on --date and adds Good News (default daily)"})],
    "export": [(("kind",), {"choices": ("articles", "attributions", "stories")}),
               _format("jsonl", "csv")],
    "search": [(("query",), {}), (("--limit",), {"type": int, "default": 20})],
    "status": [],
    "migrate": [(("--from",), {"dest": "source", "required": True, "metavar": "FILE",
                               "help": "the SQLite store to copy (it is left as it is, bar schema "
                                       "steps of a newer broadsheet)"}),
                (("--to",), {"dest": "target", "required": True, "metavar": "URL",
                             "help": "an empty PostgreSQL database: postgresql://USER[:PASSWORD]@HOST"
                                     "[:PORT]/DATABASE"})],
    "serve": [(("--host",), {"default": "127.0.0.1", "help": "address to listen on (default 127.0.0.1)"}),
              (("--port",), {"type": int, "default": 8000, "help": "port to listen on (default 8000)"})],
    "subscribers": [(("action",), {"choices": SUBSCRIBER_ACTIONS}),
                    (("email",), {"nargs": "?", "metavar": "EMAIL", "help": "the address (add, remove)"}),
                    _format("text", "jsonl")],
    "send": [(("--when-due",), {"action": "store_true",
                                "help": "send only the editions the schedule says are due now "
                                        "(send_at, timezone, weekly_day), each once"}),
             (("--resend-in-doubt",), {"action": "store_true",
                                       "help": "also send to recipients a crashed send left in doubt "
                                               "(the server may already have their copy)"})],
    "bench": [(("stage",), {"choices": commands.BENCH_STAGES}),
              (("--limit",), {"type": int, "help": "score at most this many documents per set "
                                                    "(ingest: pages, default 2000)"}),
              (("--scale",), {"action": "store_true",
                              "help": "clustering: measure adding 100,000 articles instead "
                                      "(--limit: fewer)"}),
              (("--set",), {"dest": "labelled_set", "metavar": "FILE.jsonl",
                            "help": "clustering: score a labelled story set of your own (the lines "
                                    "`broadsheet cluster` reads, each with its story label) instead "
                                    "of ours; the evaluation data is not needed"}),
              (("--label",), {"metavar": "FIELD",
                              "help": "with --set: the field holding each line's story (default: "
                                      "the first of story, story_id, event, event_id, subtopic, "
                                      "cluster, cluster_id, label, triplet_id, topic it gives)"}),
              (("--memory",), {"action": "store_true",
                               "help": "extraction: resident memory over 10,000 page extractions "
                                       "in one process instead (--limit: fewer)"})],
    "sources": [(("action",), {"choices": SOURCE_ACTIONS}),
                (("target",), {"nargs": "?", "metavar": "URL|FILE",
                               "help": "a feed or site address (add, remove), an OPML file (import)"}),
                (("--leaning",), {"help": "the outlet's leaning (e.g. left, lean-left, center, "
                                          "lean-right, right), kept with the source"}),
                (("--title",), {"help": "the name to show for the source (default: the feed's title)"}),
                (("--defaults",), {"action": "store_true",
                                   "help": "import: the shipped list of public news feeds"}),
                _format("text", "jsonl")],
    "run": [(("--once",), {"action": "store_true",
                           "help": "poll every source now, process what is new, then exit"})],
    "prune": [],
}


def _setting_argument(setting: Setting) -> Arg:
    """The flag of one setting; its value is coerced and checked by ``load_settings``."""
    options: dict[str, Any] = {"dest": setting.name, "default": None,
                               "help": f"{setting.help} (default {setting.default!r}, "
                                       f"or {setting.env})"}
    if setting.type is bool:
        options["action"] = argparse.BooleanOptionalAction
    else:
        options["metavar"] = setting.name.upper()
    return setting.flags, options


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="broadsheet", description="News pages from many outlets in; a sourced briefing out.",
        epilog="example: broadsheet demo", formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (summary, example) in COMMANDS.items():
        command = sub.add_parser(name, help=summary, description=summary, epilog=f"example:\n  {example}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        for flags, options in ARGUMENTS[name] + [_setting_argument(s) for s in settings_for(name)]:
            command.add_argument(*flags, **options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return commands.run(args)
    except BroadsheetError as exc:
        print(f"broadsheet: error: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
