"""Limits against slow-client floods for the Sanic server of bot/server.py.

Sanic's REQUEST_TIMEOUT and RESPONSE_TIMEOUT are inactivity timeouts: every byte
received restarts them, so a client that trickles its headers (or body) one byte
every few seconds keeps its connection forever, and enough of them exhaust the
server's file descriptors. `BoundedHttpProtocol` makes them totals:

* the headers of a request must arrive within REQUEST_TIMEOUT (10 s) of its first
  byte, and the handler (body included) must be done within RESPONSE_TIMEOUT (30 s,
  above the channel's 20 s reply timeout), however the bytes trickle in;
* at most HTTP_MAX_CONNECTIONS (1000) connections are open at once: a new one
  beyond that closes the connection that has been idle or sending its headers the
  longest (a slow client, most likely), or is itself closed when every connection
  is busy with a request. A visitor's connection sends its headers at once, so a
  flood of slow connections cannot keep it out.

Sanic offers no connection cap of its own (in 21.12). For a public deployment, put
nginx in front as well (deploy/nginx/, docs/deployment.md): it buffers requests and
limits connections per client address.
"""

from __future__ import annotations

import os
import resource
from time import monotonic
from typing import Any, Optional

from sanic import Sanic
from sanic.exceptions import RequestTimeout, ServiceUnavailable
from sanic.http import Stage
from sanic.server.protocols.http_protocol import HttpProtocol

REQUEST_TIMEOUT_SECONDS = 10
RESPONSE_TIMEOUT_SECONDS = 30
KEEP_ALIVE_TIMEOUT_SECONDS = 5
MAX_CONNECTIONS = 1000
_EVICTABLE = (Stage.IDLE, Stage.REQUEST)


class BoundedHttpProtocol(HttpProtocol):
    __slots__ = ("_stage_seen", "_stage_since", "_opened")  # Sanic's protocols use slots
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport: Any) -> None:
        self._stage_seen: Optional[Stage] = None
        self._stage_since = self._opened = monotonic()
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._make_room()

    def _waiting_since(self) -> Optional[float]:
        """When this connection started idling or sending headers; None when busy."""
        http = getattr(self, "_http", None)  # set once the connection's task runs
        if http is None or http.stage in _EVICTABLE:
            return self._stage_since
        return None

    def _make_room(self) -> None:
        others = [
            (since, connection)
            for connection in list(self.connections)
            if connection is not self
            and isinstance(connection, BoundedHttpProtocol)
            and (since := connection._waiting_since()) is not None
        ]
        if others:
            min(others, key=lambda pair: pair[0])[1]._stop(RequestTimeout("Request Timeout"))
        else:
            self.abort()

    def _stop(self, error: Exception) -> None:
        """Ends the connection: a request in progress is answered with `error` (as
        Sanic's own timeouts do), and the connection is dropped a second later even
        if its client is still trickling a body that Sanic would read to the end."""
        http, task = getattr(self, "_http", None), getattr(self, "_task", None)
        if http is not None and task is not None and http.stage is not Stage.IDLE:
            http.exception = error
            task.cancel()
            self.loop.call_later(1.0, self.abort)
        elif http is not None:
            self.close(timeout=1.0)
        else:
            self.abort()

    def data_received(self, data: bytes) -> None:
        http = getattr(self, "_http", None)
        if http is None or http.stage is Stage.IDLE:  # the first bytes of a request
            self._stage_seen, self._stage_since = Stage.REQUEST, monotonic()
        super().data_received(data)

    def check_timeouts(self) -> None:
        http = self._http
        if self._task and http is not None:
            now, stage = monotonic(), http.stage
            if stage is not self._stage_seen:
                self._stage_seen, self._stage_since = stage, now
            limit = {Stage.REQUEST: self.request_timeout, Stage.HANDLER: self.response_timeout}
            if stage in limit and now - self._stage_since > limit[stage]:
                self._stop(
                    RequestTimeout("Request Timeout")
                    if stage is Stage.REQUEST
                    else ServiceUnavailable("Response Timeout")
                )
                return
        super().check_timeouts()


def _setting(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def apply_limits(app: Sanic) -> type:
    """Sets the app's timeouts and size limits (SANIC_* environment variables may
    override them) and returns the protocol class to run it with."""
    app.config.REQUEST_TIMEOUT = _setting("SANIC_REQUEST_TIMEOUT", REQUEST_TIMEOUT_SECONDS)
    app.config.RESPONSE_TIMEOUT = _setting("SANIC_RESPONSE_TIMEOUT", RESPONSE_TIMEOUT_SECONDS)
    app.config.KEEP_ALIVE_TIMEOUT = _setting("SANIC_KEEP_ALIVE_TIMEOUT", KEEP_ALIVE_TIMEOUT_SECONDS)
    app.config.REQUEST_MAX_HEADER_SIZE = 8192
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard != resource.RLIM_INFINITY:  # room for connections, databases, files
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    BoundedHttpProtocol.max_connections = min(
        _setting("HTTP_MAX_CONNECTIONS", MAX_CONNECTIONS), max(16, soft // 2)
    )
    return BoundedHttpProtocol
