"""Slow-client floods (slowloris): connections that trickle their headers or body a
byte at a time. Sanic's own timeouts restart with every byte; bot/connection_limits.py
makes them totals and caps the connections, evicting the slowest. Here the limits
are small (3 s headers, 5 s handler, 60 connections) to keep the test short.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
import uuid
from typing import Iterator, List

import pytest

from bot import processes
from tests.reliability.test_faults import texts

HEADER_SECONDS, HANDLER_SECONDS, MAX_CONNECTIONS = 3, 5, 60
FAQ = "what is a bpo?"


@pytest.fixture(scope="module")
def server(trained_model, tmp_path_factory) -> Iterator[int]:
    work = tmp_path_factory.mktemp("slow_clients")
    port = processes.free_port()
    env = processes.assistant_env(
        processes.free_port(),
        work / "conversations.db",
        SANIC_REQUEST_TIMEOUT=str(HEADER_SECONDS),
        SANIC_RESPONSE_TIMEOUT=str(HANDLER_SECONDS),
        HTTP_MAX_CONNECTIONS=str(MAX_CONNECTIONS),
    )
    with processes.rasa_server(str(trained_model), port, env, log=work / "rasa.log"):
        yield port


def ask(port: int, text: str = FAQ, timeout: float = 10) -> "tuple[str, float]":
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": str(uuid.uuid4()), "message": text}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return texts(json.loads(reply.read())), time.perf_counter() - started


class Tricklers:
    """`count` connections sending a request one byte every `every` seconds: headers
    that never end, or (`body=True`) complete headers and a body that never ends.
    With `reconnect`, a connection the server closed is opened again (a flood)."""

    def __init__(
        self, port: int, count: int, every: float = 0.5, body: bool = False, reconnect=False
    ) -> None:
        self.port, self.count, self.every, self.body = port, count, every, body
        self.reconnect = reconnect
        self.closed_after: List[float] = []  # seconds each connection lived
        self.opened = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _open(self) -> "tuple[socket.socket, float]":
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        sock.setblocking(False)
        head = b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\n"
        if self.body:
            head += b"Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
        sock.send(head)
        self.opened += 1
        return sock, time.monotonic()

    def _run(self) -> None:
        live = [self._open() for _ in range(self.count)]
        while not self.stopping.is_set() and live:
            time.sleep(self.every)
            still = []
            for sock, since in live:
                try:
                    if sock.recv(4096) == b"":
                        raise ConnectionResetError
                except BlockingIOError:
                    pass  # nothing from the server: still open
                except OSError:
                    self.closed_after.append(time.monotonic() - since)
                    sock.close()
                    if self.reconnect and not self.stopping.is_set():
                        still.append(self._open())
                    continue
                try:
                    sock.send(b"x" if not self.body else b" ")
                    still.append((sock, since))
                except OSError:
                    self.closed_after.append(time.monotonic() - since)
                    sock.close()
                    if self.reconnect and not self.stopping.is_set():
                        still.append(self._open())
            live = still
        for sock, _ in live:
            sock.close()

    def __enter__(self) -> "Tricklers":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        self.thread.join(10)


@pytest.mark.parametrize("body", [False, True], ids=["headers", "body"])
def test_trickling_connections_are_closed_after_the_total_timeout(server, body):
    """Sanic alone would keep them open as long as they trickle."""
    limit = HANDLER_SECONDS if body else HEADER_SECONDS
    with Tricklers(server, count=20, body=body) as tricklers:
        time.sleep(limit + 4)  # the timeout, plus Sanic's check interval and a margin
        closed = list(tricklers.closed_after)
    assert len(closed) == 20, closed
    assert max(closed) < limit + 4, closed


def test_a_flood_of_slow_connections_does_not_keep_a_visitor_out(server):
    """Three times the connection cap in tricklers, reopened as soon as they are
    closed: a visitor's messages are still answered at once, every time."""
    with Tricklers(server, count=3 * MAX_CONNECTIONS, reconnect=True) as flood:
        time.sleep(2)  # the server is at its cap, evicting the oldest tricklers
        timings = []
        for _ in range(10):
            reply, seconds = ask(server)
            assert "Business Process Outsourcing" in reply
            timings.append(seconds)
            time.sleep(0.2)
        opened = flood.opened
    assert max(timings) < 2, timings
    assert opened > 3 * MAX_CONNECTIONS, opened  # the flood went on: connections evicted
    with urllib.request.urlopen(f"http://127.0.0.1:{server}/health", timeout=10) as health:
        assert health.status == 200
