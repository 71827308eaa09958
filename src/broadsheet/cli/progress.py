"""How a pass of ``broadsheet run`` shows its progress: bars on a terminal, plain log lines
otherwise (a cron job's mail, a log file, a pipe)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from broadsheet.follow import ItemOutcome, SourcePoll
from broadsheet.pipeline import IngestReport
from broadsheet.scheduler import Progress
from broadsheet.text import printable


def _poll_line(poll: SourcePoll, new_items: int) -> str:
    if poll.failed:
        return f"source {printable(poll.source.url)}: failed ({poll.source.error_count + 1} in a row): " \
               f"{printable(poll.check.error or '')}"
    if poll.not_modified:
        return f"source {printable(poll.source.url)}: not modified (304)"
    return f"source {printable(poll.source.url)}: {len(poll.items)} items, {new_items} new"


def _item_line(outcome: ItemOutcome) -> str:
    url = printable(outcome.pending.item.url or outcome.pending.item.guid)
    why = f" ({outcome.rejected.reason})" if outcome.rejected else ""
    if outcome.summary:
        return f"summary kept  {url}{why}"
    if outcome.state == "fetched":
        return f"fetched       {url}"
    if outcome.state == "new":
        return f"retry later   {url}{why}"
    return f"rejected      {url}{why}"


class LogProgress:
    """One line per source and per item, and one per processed chunk."""

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out or sys.stderr

    def _say(self, line: str) -> None:
        print(line, file=self._out, flush=True)

    def polled(self, poll: SourcePoll, new_items: int) -> None:
        self._say(_poll_line(poll, new_items))

    def item(self, outcome: ItemOutcome) -> None:
        self._say(_item_line(outcome))

    def processed(self, pages: int, report: IngestReport) -> None:
        self._say(f"processed {pages} pages: {report.articles} articles analysed, "
                  f"{len(report.not_analysed)} not analysed (language), {len(report.rejected)} rejected")


class BarProgress:
    """tqdm bars: sources polled, pages fetched, pages processed; failures still print a line."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._bars: dict[str, Any] = {
            name: tqdm(desc=name, unit=unit, position=i, leave=True, file=sys.stderr, dynamic_ncols=True)
            for i, (name, unit) in enumerate((("sources", "feed"), ("fetched", "page"),
                                              ("processed", "page")))}

    def polled(self, poll: SourcePoll, new_items: int) -> None:
        self._bars["sources"].update(1)
        if poll.failed:
            self._bars["sources"].write(_poll_line(poll, new_items), file=sys.stderr)

    def item(self, outcome: ItemOutcome) -> None:
        self._bars["fetched"].update(1)
        if outcome.state != "fetched" or outcome.summary:
            self._bars["fetched"].write(_item_line(outcome), file=sys.stderr)

    def processed(self, pages: int, report: IngestReport) -> None:
        self._bars["processed"].update(pages)

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()


def make_progress() -> Progress:
    """Bars when stderr is a terminal, log lines otherwise."""
    return BarProgress() if sys.stderr.isatty() else LogProgress()
