"""robots.txt: read once per origin, kept for a day, obeyed for every fetch (RFC 9309).

What an answer means (RFC 9309 section 2.3.1):
- 2xx: the rules in it (``urllib.robotparser``, matched against the product token of our
  User-Agent, ``broadsheet``); a ``Crawl-delay`` slows our requests to that host;
- 4xx (none there, or not for us to read): no rules, everything may be fetched;
- 5xx: the site is unable to say, which the RFC says to read as "disallow everything"; kept for
  ``UNREACHABLE_TTL`` only, so the site is asked again soon.
A network failure while reading robots.txt is the failure of the fetch that needed it (the host is
down or refused us; "robots" would be the wrong reason to store).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

ROBOTS_TTL = 24 * 3600.0
UNREACHABLE_TTL = 600.0
MAX_ROBOTS_BYTES = 512_000
MAX_CRAWL_DELAY = 60.0

# Fetches ``/robots.txt`` of an origin: (HTTP status, body), or raises FetchError.
RobotsFetch = Callable[[str], Awaitable[tuple[int, bytes]]]


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt says; ``parser`` None means no rules (everything allowed)."""

    parser: RobotFileParser | None
    disallow_all: bool = False
    note: str = ""
    read_at: float = 0.0

    def allows(self, url: str, agent: str) -> bool:
        """May ``agent`` fetch ``url``?"""
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        """The ``Crawl-delay`` asked of ``agent`` (at most ``MAX_CRAWL_DELAY``), or None."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay is not None else None

    def fresh(self, now: float) -> bool:
        ttl = UNREACHABLE_TTL if self.disallow_all else ROBOTS_TTL
        return now - self.read_at < ttl


def rules_from(status: int, body: bytes, read_at: float = 0.0) -> RobotsRules:
    """The rules an answer to ``GET /robots.txt`` gives (see the module docstring)."""
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return RobotsRules(parser, note="robots.txt", read_at=read_at)
    if 400 <= status < 500:
        return RobotsRules(None, note=f"no robots.txt ({status})", read_at=read_at)
    return RobotsRules(None, disallow_all=True, read_at=read_at,
                       note=f"robots.txt answered {status}: read as disallowing everything (RFC 9309)")


class RobotsCache:
    """The rules of each origin, read at most once at a time and then kept (``ROBOTS_TTL``)."""

    def __init__(self, fetch: RobotsFetch, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._clock = clock
        self._rules: dict[str, RobotsRules] = {}
        self._pending: dict[str, asyncio.Task[RobotsRules]] = {}

    async def rules(self, origin: str) -> RobotsRules:
        """The rules of ``origin`` (``https://host[:port]``); concurrent callers share one read."""
        known = self._rules.get(origin)
        if known is not None and known.fresh(self._clock()):
            return known
        task = self._pending.get(origin)
        if task is None:
            task = asyncio.ensure_future(self._read(origin))
            self._pending[origin] = task
            task.add_done_callback(lambda done: self._settle(origin, done))
        return await asyncio.shield(task)

    def _settle(self, origin: str, task: asyncio.Task[RobotsRules]) -> None:
        """Forget a finished read (its failure was already given to whoever awaited it)."""
        self._pending.pop(origin, None)
        if not task.cancelled():
            task.exception()  # retrieved, so asyncio does not warn when no caller is left

    async def _read(self, origin: str) -> RobotsRules:
        status, body = await self._fetch(origin + "/robots.txt")
        rules = rules_from(status, body, self._clock())
        self._rules[origin] = rules
        return rules
