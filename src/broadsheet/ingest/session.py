"""A ``Fetcher`` on its own event loop in a background thread, for synchronous callers.

Fetching is asynchronous (many hosts at once, a true deadline per fetch), while extraction,
analysis and the SQLite store are synchronous and stay in the caller's thread. The session runs
the loop in a daemon thread; ``submit`` hands it a coroutine and returns a
``concurrent.futures.Future``, so the caller keeps processing pages while the next ones download.
``close`` cancels what is still in flight (Ctrl-C), closes the HTTP client and the archive.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import TypeVar

import httpx

from broadsheet.ingest import guard
from broadsheet.ingest.archive import Archive
from broadsheet.ingest.fetch import Fetcher, FetchPolicy, make_client

T = TypeVar("T")
ClientFactory = Callable[[FetchPolicy], httpx.AsyncClient]


class FetchSession:
    """``with FetchSession(policy, archive=...) as session: session.run(lambda f: f.fetch(url))``."""

    def __init__(self, policy: FetchPolicy, *, archive: Archive | None = None,
                 client_factory: ClientFactory = make_client,
                 resolve: guard.Resolver = guard.system_resolve) -> None:
        self.policy = policy
        self.archive = archive
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="broadsheet-fetch",
                                        daemon=True)
        self._thread.start()
        self._futures: set[concurrent.futures.Future[object]] = set()
        self.fetcher: Fetcher = self._wait(self._start(client_factory, resolve))

    async def _start(self, client_factory: ClientFactory, resolve: guard.Resolver) -> Fetcher:
        self._client = client_factory(self.policy)
        return Fetcher(self._client, self.policy, recorder=self.archive, resolve=resolve)

    def _wait(self, coroutine: Awaitable[T]) -> T:
        return asyncio.run_coroutine_threadsafe(_awaited(coroutine), self._loop).result()

    def submit(self, work: Callable[[Fetcher], Awaitable[T]]) -> concurrent.futures.Future[T]:
        """Start ``work(fetcher)`` on the session's loop; its result arrives in the future."""
        future = asyncio.run_coroutine_threadsafe(_awaited(work(self.fetcher)), self._loop)
        self._futures.add(future)  # type: ignore[arg-type]
        future.add_done_callback(self._futures.discard)
        return future

    def run(self, work: Callable[[Fetcher], Awaitable[T]]) -> T:
        """Do ``work(fetcher)`` and wait for its result."""
        return self.submit(work).result()

    def close(self) -> None:
        """Cancel what is in flight, close the client and the archive, stop the loop."""
        if not self._thread.is_alive():
            return
        for future in list(self._futures):
            future.cancel()
        try:
            self._wait(self._client.aclose())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()
            if self.archive is not None:
                self.archive.close()

    def __enter__(self) -> FetchSession:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


async def _awaited(awaitable: Awaitable[T]) -> T:
    return await awaitable
