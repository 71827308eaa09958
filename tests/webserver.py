"""The real web app served by uvicorn on 127.0.0.1 in a thread, for HTTP and browser tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from broadsheet.settings import Settings
from broadsheet.web import create_app


@contextmanager
def serving(db: str, settings: Settings) -> Iterator[str]:
    """Serve the store at ``db`` on a free loopback port; yield the base URL, then stop."""
    config = uvicorn.Config(create_app(db, settings), host="127.0.0.1", port=0, lifespan="off",
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
