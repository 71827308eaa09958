"""The only module that does HTTP: a polite and safe fetcher over an injected ``httpx.AsyncClient``.

    Fetcher.fetch(url, etag=, last_modified=) ──▶ Fetched (200 with a body, or 304) | FetchFailure

Every fetch, on every redirect hop:
1. the URL must be ``http``/``https`` with a host, and the host must resolve to addresses
   ``guard`` allows (no private, loopback, link-local, CGNAT ... unless the policy allows them);
2. robots.txt of the hop's origin must allow it (``robots``; read once per origin, cached);
3. it waits for its host's turn: at most ``host_concurrency`` requests at once per host, starts at
   least ``host_delay`` seconds apart (a robots.txt ``Crawl-delay`` raises it), ``concurrency`` in
   all, and never before a ``Retry-After`` the host gave;
4. the request carries our User-Agent, ``Accept-Encoding: gzip, deflate, br`` and the validators
   (``If-None-Match``, ``If-Modified-Since``), so an unchanged feed costs a 304;
5. time-outs: ``timeout`` to connect and per silent read, and a ``deadline`` on the network time of
   the whole fetch (hops and retries; not the politeness waits), which also stops a server that
   trickles a byte a second; the body is refused past ``max_bytes`` DECODED bytes (``body``);
6. 301/302/303/307/308 are followed by hand, at most ``max_redirects`` of them, each hop checked
   again; 429 and 503 are retried after their ``Retry-After`` (or an exponential back-off) when
   that is at most ``max_wait`` seconds, at most ``max_retries`` times; a longer wait is returned
   in ``FetchFailure.retry_after`` so the caller comes back then.
Every answer (redirects, errors and robots.txt included) is written to the archive when one is
given. Failures are values (``FetchFailure``, turned into a stored ``Rejected``), never raised.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from email.utils import format_datetime
from typing import TYPE_CHECKING, Protocol

import httpx

from broadsheet import __version__
from broadsheet.errors import FetchError
from broadsheet.ingest import guard
from broadsheet.ingest.body import ACCEPT_ENCODING, read_body
from broadsheet.ingest.robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsRules
from broadsheet.model import Rejected
from broadsheet.timestamps import normalise, now, parse, seconds_between, shift

if TYPE_CHECKING:
    from broadsheet.settings import Settings

DEFAULT_USER_AGENT = f"broadsheet/{__version__} (self-hosted news reader; obeys robots.txt)"
ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,"
            "text/xml;q=0.9,*/*;q=0.5",
    "robots": "text/plain,*/*;q=0.5",
}
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 503})
TRANSIENT = frozenset({"timeout", "connect_error", "dns_error", "server_error", "rate_limited",
                       "unavailable"})
Sleep = Callable[[float], Awaitable[None]]
CHECK_TTL = 60.0


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how carefully to fetch (every field has a setting, see ``from_settings``)."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_delay: float = 1.0
    host_concurrency: int = 2
    concurrency: int = 8
    max_retries: int = 2
    max_wait: float = 30.0
    allowed_networks: tuple[guard.Network, ...] = ()
    obey_robots: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        """The policy the settings describe."""
        return cls(
            user_agent=settings.user_agent or DEFAULT_USER_AGENT,
            timeout=settings.fetch_timeout, deadline=settings.fetch_deadline,
            max_bytes=settings.max_page_bytes, max_redirects=settings.max_redirects,
            host_delay=settings.host_delay, host_concurrency=max(1, settings.host_concurrency),
            concurrency=max(1, settings.fetch_concurrency),
            allowed_networks=guard.EVERYWHERE if settings.allow_private_addresses else (),
        )


@dataclass(frozen=True)
class Fetched:
    """A successful answer: 2xx with its decoded body, or 304 Not Modified (empty body).

    ``url`` is the address asked for, ``final_url`` the one that answered after redirects.
    ``last_modified`` is normalised (``timestamps``); ``etag`` is kept verbatim.
    """

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class FetchFailure:
    """Why a fetch gave no page: a ``reason`` code (the fetch stage's ``Rejected.reason``) and a
    sentence; ``retry_after`` is the normalised time the server asked us to wait for."""

    url: str
    reason: str
    detail: str
    status: int | None = None
    retry_after: str | None = None

    @property
    def transient(self) -> bool:
        """Worth trying again later (time-outs, 5xx, 429) rather than a lasting refusal."""
        return self.reason in TRANSIENT

    def rejected(self, source: str | None = None) -> Rejected:
        """The stored form of this failure."""
        return Rejected(source or self.url, "fetch", self.reason, self.detail)


FetchResult = Fetched | FetchFailure


@dataclass(frozen=True)
class Exchange:
    """One request and its answer, as the archive keeps it (the body decoded, as stored)."""

    url: str
    request_headers: Mapping[str, str]
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str
    role: str
    hints: Mapping[str, str] = field(default_factory=dict)


class Recorder(Protocol):
    """Where every exchange goes (``ingest.archive.Archive``)."""

    def record(self, exchange: Exchange) -> None: ...


@dataclass
class _Host:
    """The pace of one host: a semaphore, the earliest next start, a server-asked pause."""

    slots: asyncio.Semaphore
    delay: float
    next_start: float = 0.0
    not_before: float = 0.0


@dataclass(frozen=True)
class _Answer:
    """What one hop returned."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    fetched_at: str


def _status_failure(url: str, status: int, retry_after: str | None) -> FetchFailure:
    """The failure a final non-2xx, non-304 status means."""
    if status in (401, 402, 403, 451):
        return FetchFailure(url, "forbidden", f"the server refused access ({status})", status)
    if status in (404, 410):
        return FetchFailure(url, "not_found", f"no such page ({status})", status)
    if status == 429:
        return FetchFailure(url, "rate_limited", "too many requests (429)", status, retry_after)
    if status == 503:
        return FetchFailure(url, "unavailable", "the server is unavailable (503)", status, retry_after)
    if status >= 500:
        return FetchFailure(url, "server_error", f"the server failed ({status})", status)
    return FetchFailure(url, "http_error", f"unexpected answer {status}", status)


def retry_after(value: str | None, clock: Callable[[], str] = now) -> str | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as a normalised instant, or None."""
    text = (value or "").strip()
    if text.isdigit():
        return shift(clock(), int(text))
    return normalise(text) if text else None


def http_date(iso: str | None) -> str | None:
    """A normalised instant as an HTTP date (``If-Modified-Since``), or None."""
    moment = parse(iso)
    return format_datetime(moment, usegmt=True) if moment is not None else None


def origin_of(url: httpx.URL) -> str:
    """``scheme://host[:port]`` of a URL (the scope of robots.txt and of host pacing)."""
    port = f":{url.port}" if url.port else ""
    return f"{url.scheme}://{url.host}{port}"


class Fetcher:
    """Fetch pages and feeds politely and safely; see the module docstring for the rules.

    ``client`` is injected (tests pass ``httpx.AsyncClient(transport=httpx.MockTransport(...))``
    or a client of a local server; ``make_client`` builds the guarded one used for real).
    ``resolve`` and ``sleep`` are injectable for the same reason. Use from one event loop.
    """

    def __init__(self, client: httpx.AsyncClient, policy: FetchPolicy | None = None, *,
                 recorder: Recorder | None = None, resolve: guard.Resolver = guard.system_resolve,
                 sleep: Sleep = asyncio.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy or FetchPolicy()
        self._client = client
        self._recorder = recorder
        self._resolve = resolve
        self._sleep = sleep
        self._clock = clock
        self._hosts: dict[str, _Host] = {}
        self._checked: dict[tuple[str, int], float] = {}  # host -> when its addresses were allowed
        self._all = asyncio.Semaphore(self.policy.concurrency)
        self._robots = RobotsCache(self._fetch_robots, clock)

    # --- the public entry ---------------------------------------------------------------------

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    role: str = "page", hints: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch ``url`` (``role``: ``page`` or ``feed``, which sets ``Accept``); never raises for
        a failure of the fetch itself: it is a ``FetchFailure``."""
        headers = {"Accept": ACCEPT.get(role, ACCEPT["page"])}
        if etag:
            headers["If-None-Match"] = etag
        if since := http_date(last_modified):
            headers["If-Modified-Since"] = since
        budget = [self.policy.deadline]
        for attempt in range(self.policy.max_retries + 1):
            result = await self._follow(url, headers, role, budget, dict(hints or {}))
            wait = self._retry_wait(result, attempt)
            if wait is None:
                return result
            await self._sleep(wait)
        return result

    def _retry_wait(self, result: FetchResult, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None to give ``result`` back now."""
        if not isinstance(result, FetchFailure) or result.status not in RETRIED:
            return None
        if attempt >= self.policy.max_retries:
            return None
        wait = seconds_between(now(), result.retry_after) if result.retry_after else 2.0 ** attempt
        return max(0.0, wait) if wait <= self.policy.max_wait else None

    # --- one fetch: hops ----------------------------------------------------------------------

    async def _follow(self, url: str, headers: dict[str, str], role: str, budget: list[float],
                      hints: dict[str, str]) -> FetchResult:
        """Follow redirects from ``url``, checking every hop; the final answer as a result."""
        current, hops = url, []
        for _ in range(self.policy.max_redirects + 1):
            try:
                answer = await self._hop(current, headers, role, budget, hints)
            except FetchError as exc:
                return FetchFailure(url, exc.reason, str(exc))
            location = answer.headers.get("location")
            if answer.status in REDIRECTS and location:
                hops.append(current)
                try:
                    current = str(httpx.URL(current).join(location))
                except (httpx.InvalidURL, ValueError, TypeError):
                    return FetchFailure(url, "bad_url", f"a redirect to a malformed address: {location!r}")
                continue
            return self._result(url, answer, tuple(hops))
        return FetchFailure(url, "too_many_redirects",
                            f"more than {self.policy.max_redirects} redirects (last {current})")

    def _result(self, url: str, answer: _Answer, hops: tuple[str, ...]) -> FetchResult:
        """The value of a final answer: Fetched for 2xx/304, a FetchFailure for the rest."""
        status = answer.status
        if not (200 <= status < 300 or status == 304):
            return _status_failure(url, status, retry_after(answer.headers.get("retry-after")))
        content_type = answer.headers.get("content-type", "")
        media, _, params = content_type.partition(";")
        charset = next((p.split("=", 1)[1].strip() for p in params.split(";")
                        if p.strip().lower().startswith("charset=")), None)
        return Fetched(url=url, final_url=answer.url, status=status, content=answer.body,
                       content_type=media.strip().lower(), charset=charset,
                       etag=answer.headers.get("etag"),
                       last_modified=normalise(answer.headers.get("last-modified")),
                       fetched_at=answer.fetched_at, redirects=hops)

    async def _hop(self, url: str, headers: dict[str, str], role: str, budget: list[float],
                   hints: dict[str, str]) -> _Answer:
        """Check one address, wait for its host's turn, request it; FetchError on failure."""
        target = self._checked_url(url)
        await self._check_address(target)
        host = self._host(origin_of(target))
        if role != "robots" and self.policy.obey_robots:
            await self._obey_robots(target, host)
        async with self._all, host.slots:
            await self._take_turn(host)
            answer = await self._timed_request(url, headers, role, budget)
        self._note_retry_after(host, answer)
        self._record(answer, headers, role, hints)
        return answer

    async def _check_address(self, target: httpx.URL) -> None:
        """Resolve the hop's host (within ``timeout``) and refuse it unless every address is allowed.

        A host allowed in the last ``CHECK_TTL`` seconds is not resolved again here: the guarded
        transport checks the address it connects to in any case, so the cache costs no safety."""
        key = (target.host, target.port or _default_port(target))
        if key in self._checked and self._clock() - self._checked[key] < CHECK_TTL:
            return
        try:
            async with asyncio.timeout(self.policy.timeout):
                await guard.checked_addresses(key[0], key[1], self.policy.allowed_networks, self._resolve)
        except TimeoutError as exc:
            raise FetchError(f"resolving {target.host} timed out", reason="dns_error") from exc
        self._checked[key] = self._clock()

    def _checked_url(self, url: str) -> httpx.URL:
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise FetchError(f"not a valid URL: {url!r}", reason="bad_url") from exc
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError(f"only http and https addresses are fetched, not {url!r}",
                             reason="bad_url")
        return target

    async def _obey_robots(self, target: httpx.URL, host: _Host) -> None:
        rules: RobotsRules = await self._robots.rules(origin_of(target))
        agent = self.policy.user_agent
        if not rules.allows(str(target), agent):
            raise FetchError(f"robots.txt of {target.host} disallows {target.raw_path.decode()} "
                             f"for broadsheet ({rules.note})", reason="robots")
        asked = rules.crawl_delay(agent)
        if asked is not None:
            host.delay = max(host.delay, asked)

    def _host(self, origin: str) -> _Host:
        if origin not in self._hosts:
            self._hosts[origin] = _Host(asyncio.Semaphore(self.policy.host_concurrency),
                                        self.policy.host_delay)
        return self._hosts[origin]

    async def _take_turn(self, host: _Host) -> None:
        """Wait until this host may be asked again (its delay, or a pause it asked for)."""
        current = self._clock()
        start = max(current, host.next_start, host.not_before)
        host.next_start = start + host.delay
        if start > current:
            await self._sleep(start - current)

    def _note_retry_after(self, host: _Host, answer: _Answer) -> None:
        """A 429/503 pauses every request to its host until the time it asked for (capped)."""
        if answer.status not in RETRIED:
            return
        until = retry_after(answer.headers.get("retry-after"))
        if until is not None:
            pause = min(seconds_between(now(), until), self.policy.max_wait)
            host.not_before = max(host.not_before, self._clock() + pause)

    async def _timed_request(self, url: str, headers: dict[str, str], role: str,
                             budget: list[float]) -> _Answer:
        """One request under what is left of the deadline (``budget[0]`` seconds, spent here)."""
        started = self._clock()
        try:
            async with asyncio.timeout(max(budget[0], 0.001)):
                return await self._request(url, headers, role)
        except TimeoutError as exc:
            raise FetchError(f"no complete answer within {self.policy.deadline:g} s",
                             reason="timeout") from exc
        finally:
            budget[0] -= self._clock() - started

    async def _request(self, url: str, headers: dict[str, str], role: str) -> _Answer:
        """Send one GET and read its body under the cap; httpx errors become FetchError."""
        request = self._client.build_request("GET", url, headers={
            "User-Agent": self.policy.user_agent, "Accept-Encoding": ACCEPT_ENCODING, **headers},
            timeout=httpx.Timeout(self.policy.timeout))
        cap = MAX_ROBOTS_BYTES if role == "robots" else self.policy.max_bytes
        try:
            response = await self._client.send(request, stream=True, follow_redirects=False)
            try:
                body = await read_body(response, cap) if _has_body(response.status_code) else b""
            finally:
                await response.aclose()
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out: {type(exc).__name__}", reason="timeout") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"could not connect or read: {exc!r}"[:300], reason="connect_error") from exc
        return _Answer(url, response.status_code, response.headers, body, now())

    def _record(self, answer: _Answer, headers: Mapping[str, str], role: str,
                hints: Mapping[str, str]) -> None:
        if self._recorder is None:
            return
        sent = {"User-Agent": self.policy.user_agent, **headers}
        kept = tuple((k, v) for k, v in answer.headers.multi_items()
                     if k.lower() not in ("content-encoding", "transfer-encoding", "content-length"))
        reason = httpx.codes.get_reason_phrase(answer.status) or "Unknown"
        self._recorder.record(Exchange(answer.url, sent, answer.status, reason, kept, answer.body,
                                       answer.fetched_at, role, hints))

    # --- robots.txt ---------------------------------------------------------------------------

    async def _fetch_robots(self, url: str) -> tuple[int, bytes]:
        """``GET /robots.txt`` through the same checks (no robots check of itself)."""
        budget = [self.policy.deadline]
        result = await self._follow(url, {"Accept": ACCEPT["robots"]}, "robots", budget, {})
        if isinstance(result, Fetched):
            return result.status, result.content
        if result.status is not None:
            return result.status, b""
        raise FetchError(f"robots.txt could not be read: {result.detail}", reason=result.reason)


def _has_body(status: int) -> bool:
    """Bodies worth reading: 2xx and error pages (kept in the archive); not redirects or 304."""
    return status not in REDIRECTS and status != 304 and status >= 200


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def make_client(policy: FetchPolicy) -> httpx.AsyncClient:
    """The real client: our guarded transport (checks the address it connects to), no proxies
    from the environment (a proxy would hide the address), redirects left to the fetcher."""
    transport = guard.GuardedTransport(policy.allowed_networks,
                                       max_connections=max(4, policy.concurrency * 2))
    return httpx.AsyncClient(transport=transport, trust_env=False, follow_redirects=False,
                             timeout=httpx.Timeout(policy.timeout))


def with_allowed(policy: FetchPolicy, *networks: str) -> FetchPolicy:
    """``policy`` that also allows ``networks`` (e.g. ``"127.0.0.0/8"`` for a local test server)."""
    import ipaddress

    extra = tuple(ipaddress.ip_network(n) for n in networks)
    return replace(policy, allowed_networks=(*policy.allowed_networks, *extra))
