"""A small HTTP/1.1 load generator: ``clients`` keep-alive connections asking for ``paths`` in turn.

Written on raw asyncio streams (no HTTP library between the clock and the socket), so the load
generator itself costs little and one core drives 50 clients. Each client sends a request, reads the
status line, the headers and exactly ``Content-Length`` bytes of body, and records the time from
sending to the last byte. Run as a module so the bench can pin it to its own core::

    taskset -c 1 python -m broadsheet.bench.load --port 8000 --clients 50 --requests 5000 /a /b

It prints one JSON object: ``{"latencies": [seconds ...], "errors": n, "seconds": wall time}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Tally:
    """What the clients measured."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one response; return its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    await reader.readexactly(length)
    return status


async def _client(host: str, port: int, paths: Sequence[str], turns: list[int], tally: Tally) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while turns:
            turn = turns.pop()
            path = paths[turn % len(paths)]
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"))
            status = await _read_response(reader)
            tally.latencies.append(time.perf_counter() - started)
            tally.errors += status >= 400
    finally:
        writer.close()


async def load(host: str, port: int, paths: Sequence[str], *, clients: int,
               requests: int) -> tuple[Tally, float]:
    """Send ``requests`` requests over ``clients`` connections; the tally and the wall time."""
    turns = list(range(requests))
    tally = Tally()
    started = time.perf_counter()
    await asyncio.gather(*(_client(host, port, paths, turns, tally) for _ in range(clients)))
    return tally, time.perf_counter() - started


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile of ``values`` by the nearest-rank method."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


def main(argv: Sequence[str] | None = None) -> None:
    """Command line of the load generator (module docstring)."""
    parser = argparse.ArgumentParser(description="HTTP/1.1 keep-alive load generator")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    args = parser.parse_args(argv)
    tally, seconds = asyncio.run(load(args.host, args.port, args.paths, clients=args.clients,
                                      requests=args.requests))
    print(json.dumps({"latencies": tally.latencies, "errors": tally.errors, "seconds": seconds}))


if __name__ == "__main__":
    main()
