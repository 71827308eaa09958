"""Which network addresses broadsheet may talk to: public ones, unless the user allows more.

A feed is written by someone else, so every address in it is untrusted: an item linking to
``http://169.254.169.254/`` (a cloud metadata service), ``http://10.0.0.1/admin`` or a name that
resolves to ``127.0.0.1`` must not make broadsheet a proxy into the user's own network. So a host
is judged by the addresses it RESOLVES to, never by how its name looks (``2130706433``,
``0x7f.1``, ``localhost.example.com`` are all loopback once resolved), and:

- refused unless global: private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local
  (169.254/16, fe80::/10), CGNAT shared space (100.64/10), unspecified, reserved, benchmarking and
  documentation ranges — Python's ``is_global`` — and multicast;
- an IPv6 address that carries an IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``,
  6to4 ``2002::/16``, Teredo) is judged by the IPv4 address inside;
- ``allowed`` networks (``allow_private_addresses`` allows them all; tests allow ``127.0.0.0/8``)
  are let through, EXCEPT link-local (where cloud metadata services answer: 169.254.169.254),
  unspecified, broadcast and multicast addresses, which no setting allows: no news is served there.

The check runs twice: by the fetcher on every hop of every fetch (so a redirect to a private
address is refused with a clear reason), and at connect time by ``GuardedBackend``, which connects
to the very address it checked, so a name that resolves to a public address for the check and a
private one a moment later (DNS rebinding) still cannot reach the private one.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import httpcore
import httpx

from broadsheet.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]

EVERYWHERE: tuple[Network, ...] = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
LOOPBACK: tuple[Network, ...] = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
NEVER: tuple[Network, ...] = tuple(ipaddress.ip_network(n) for n in (
    "169.254.0.0/16", "fe80::/10", "0.0.0.0/8", "::/128", "224.0.0.0/4", "ff00::/8",
    "255.255.255.255/32"))


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, NAT64, 6to4, Teredo), or None."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    return ip.teredo[1] if ip.teredo is not None else None


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address (an embedded IPv4 address is judged instead)."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        return is_public(inner)
    return ip.is_global and not ip.is_multicast


def refusal(address: str, allowed: Sequence[Network]) -> str | None:
    """Why ``address`` (an IP literal) may not be fetched from, or None when it may."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    judged = embedded_ipv4(ip) or ip
    if _within(judged, NEVER):
        return f"{ip} is a link-local, unspecified or multicast address (never fetched)"
    if _within(ip, allowed) or _within(judged, allowed):
        return None
    if is_public(ip):
        return None
    return (f"{ip} is a private, loopback, link-local or reserved address "
            "(set BROADSHEET_ALLOW_PRIVATE_ADDRESSES=1 to allow)")


def _within(ip: IPAddress, networks: Sequence[Network]) -> bool:
    return any(ip.version == net.version and ip in net for net in networks)


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, as text (the operating system's resolver); an IP
    literal is its own answer (no trip through the resolver's thread)."""
    try:
        return [str(ipaddress.ip_address(host.split("%", 1)[0]))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}", reason="dns_error") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def checked_addresses(host: str, port: int, allowed: Sequence[Network],
                            resolve: Resolver = system_resolve) -> list[str]:
    """The addresses of ``host``, all of them allowed; else ``FetchError("private_address")``.

    One refused address refuses the host: a name with both public and private records is
    exactly what a rebinding attack looks like.
    """
    addresses = await resolve(host.strip("[]"), port)
    if not addresses:
        raise FetchError(f"{host} resolves to no address", reason="dns_error")
    for address in addresses:
        why = refusal(address, allowed)
        if why is not None:
            raise FetchError(f"refused {host}: {why}", reason="private_address")
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses ``checked_addresses`` allowed."""

    def __init__(self, allowed: Sequence[Network], resolve: Resolver = system_resolve,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._allowed = tuple(allowed)
        self._resolve = resolve
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        """Connect to the first reachable checked address of ``host`` (TLS still names ``host``)."""
        failure: Exception = httpcore.ConnectError(f"no address of {host} answered")
        for address in await checked_addresses(host, port, self._allowed, self._resolve):
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout,
                                                     local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise FetchError("broadsheet does not fetch over unix sockets", reason="bad_url")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on a ``GuardedBackend``.

    httpx does not take a network backend as an argument, so the pool it builds is replaced by an
    equal one on the guarded backend (``tests/test_fetch_guard.py`` proves the guard is the one
    connecting, so a change inside httpx cannot silently drop it).
    """

    def __init__(self, allowed: Sequence[Network], *, resolve: Resolver = system_resolve,
                 max_connections: int = 32) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections // 2,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(allowed, resolve),
        )
