"""The web reader: ``broadsheet serve``. One view per page (``views``), each with a JSON twin,
rendered by the same templates as the static edition (``render``); the app (``app``) adds the
routes, the page cache and the security headers.
"""

from __future__ import annotations

from broadsheet.settings import Settings
from broadsheet.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(db: str, settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` on ``host:port`` until interrupted (uvicorn, one process)."""
    import uvicorn

    uvicorn.run(create_app(db, settings), host=host, port=port, log_level="warning",
                access_log=False, server_header=False)
