"""ZeroMQ endpoints read the way libzmq reads them, and binding that checks what was bound.

libzmq's TCP address syntax has corners a URL parser misreads: the part after
the *last* ``;`` is the address (what precedes it is a source address, ignored
by ``bind``); the port follows the *last* ``:`` and is read with ``atoi``, so
``tcp://0.0.0.0:5556@127.0.0.1`` binds every interface on port 5556 and
``tcp://127.0.0.1:99999`` binds port 34463. :func:`parse_endpoint` refuses such
ports instead, and :func:`bind` checks the address actually bound
(``ZMQ_LAST_ENDPOINT``) as well, closing the socket when it is not loopback and
remote access was not allowed. An ``ipc://`` path another live process serves
is never taken over (libzmq would silently unlink it).
"""

from __future__ import annotations

import ipaddress
import os
import socket as stdsocket
import stat
from dataclasses import dataclass
from typing import Any

import zmq

from .errors import ConfigError, PublishError

__all__ = ["Endpoint", "bind", "is_loopback", "parse_endpoint"]

TRANSPORTS = ("tcp", "ipc", "inproc")


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A parsed endpoint: ``transport`` and, for TCP, ``host`` and ``port`` (0 for ``*``)."""

    transport: str
    host: str = ""
    port: int = 0
    path: str = ""

    @property
    def loopback(self) -> bool:
        """Whether only this machine can reach it."""
        if self.transport != "tcp":
            return True
        if self.host == "localhost":
            return True
        try:
            address = ipaddress.ip_address(self.host)
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return address.is_loopback


def parse_endpoint(text: str) -> Endpoint:
    """``tcp://HOST:PORT``, ``ipc://PATH`` or ``inproc://NAME``, as libzmq binds it.

    Raises:
        ValueError: another transport, or a TCP address without a host or with
            a port that is not ``*``/``0`` or a decimal 1..65535.
    """
    transport, sep, rest = text.partition("://") if isinstance(text, str) else ("", "", "")
    if not sep or transport not in TRANSPORTS:
        raise ValueError("expected tcp://HOST:PORT, ipc://PATH or inproc://NAME")
    if not rest:
        raise ValueError(f"{transport}:// needs an address")
    if transport != "tcp":
        return Endpoint(transport, path=rest)
    address = rest.rpartition(";")[2]  # libzmq: what precedes the last ';' is a source address
    host, colon, port_text = address.rpartition(":")
    if not colon or not host:
        raise ValueError("expected tcp://HOST:PORT")
    if port_text in ("*", "0"):
        port = 0
    elif port_text.isascii() and port_text.isdigit() and 1 <= int(port_text) <= 65535:
        port = int(port_text)
    else:
        raise ValueError(f"port {port_text!r:.40} is not * or 1..65535")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    host = host.partition("%")[0]  # an IPv6 scope id
    return Endpoint("tcp", host, port)


def is_loopback(text: str) -> bool:
    """Whether an endpoint only listens on this machine (``False`` for one that does not parse)."""
    try:
        return parse_endpoint(text).loopback
    except ValueError:
        return False


def bind(sock: zmq.Socket[Any], endpoint: str, what: str, remote: bool, allow: str) -> str:
    """Bind ``sock`` to ``endpoint``; the endpoint actually bound (``LAST_ENDPOINT``).

    ``remote`` allows addresses beyond loopback. ``what`` names the key in errors,
    ``allow`` the setting that would allow a remote address.
    The socket is closed when anything fails.

    Raises:
        ConfigError: the endpoint does not parse, or binds beyond loopback without ``remote``.
        PublishError: it cannot be bound, or an ``ipc://`` path is served by another process.
    """
    try:
        try:
            parsed = parse_endpoint(endpoint)
        except ValueError as exc:
            raise ConfigError(f"{what} = {endpoint!r:.80}: {exc}") from None
        if not remote and not parsed.loopback:
            raise ConfigError(f"{what} = {endpoint!r}: binds beyond this machine; set {allow} to allow it")
        if parsed.transport == "ipc":
            _refuse_live_ipc(parsed.path, what)
        try:
            sock.bind(endpoint)
        except zmq.ZMQError as exc:
            raise PublishError(f"cannot bind {what} {endpoint}: {exc.strerror}") from None
        bound = sock.getsockopt_string(zmq.LAST_ENDPOINT)
        if not remote and not is_loopback(bound):
            raise ConfigError(
                f"{what} = {endpoint!r} bound {bound}, beyond this machine; closed (set {allow})"
            )
    except BaseException:
        sock.close(linger=0)
        raise
    return bound


def _refuse_live_ipc(path: str, what: str) -> None:
    """Refuse an ``ipc://`` socket file that a process still accepts connections on."""
    if path.startswith("@") or path == "*":  # the abstract namespace: bind fails by itself
        return
    try:
        if not stat.S_ISSOCK(os.stat(path).st_mode):
            return
    except OSError:
        return
    probe = stdsocket.socket(stdsocket.AF_UNIX, stdsocket.SOCK_STREAM)
    probe.settimeout(1.0)
    try:
        probe.connect(path)
    except OSError:
        return  # a stale file left by a process that died: libzmq replaces it
    finally:
        probe.close()
    raise PublishError(f"cannot bind {what} ipc://{path}: another process is serving it")
