"""The action endpoint against a real local server: timeout, kept-alive connections,
the per-conversation cool-down, and Rasa's RemoteAction going on after a timeout."""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from typing import AsyncIterator, List, Optional, Set

import aiohttp
import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot.action_calls import ActionEndpoint
from bot.processes import free_port

TIMEOUT = 0.5


@asynccontextmanager
async def action_server(hang: bool = False) -> AsyncIterator[tuple[str, Set, List]]:
    """(url, the client connections seen, the sender ids called) of a local server
    that answers every action with no events, or never answers (`hang`)."""
    connections: Set = set()
    senders: List[Optional[str]] = []

    async def webhook(request: web.Request) -> web.Response:
        connections.add(request.transport.get_extra_info("peername"))
        senders.append((await request.json()).get("sender_id"))
        if hang:
            await asyncio.sleep(3600)
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}/webhook", connections, senders
    finally:
        await runner.cleanup()


def run_apart(coroutine):
    """asyncio.run on a thread of its own: works even where an earlier test left an
    event loop running in this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def call(endpoint: ActionEndpoint, sender: str):
    """What Rasa's RemoteAction sends (json, method, a 300 s timeout)."""
    return endpoint.request(json={"sender_id": sender}, method="post", timeout=300)


def test_from_config_keeps_what_endpoints_yml_said():
    config = EndpointConfig(
        "http://a:5055/webhook", token="t", headers={"X": "1"}, cafile=None, selective_domain=True
    )
    endpoint = ActionEndpoint.from_config(config, timeout=2)
    assert (endpoint.url, endpoint.token, endpoint.headers) == (
        "http://a:5055/webhook",
        "t",
        {"X": "1"},
    )
    assert endpoint.kwargs == {"selective_domain": True} and endpoint.timeout == 2
    assert ActionEndpoint.from_config(None) is None


def test_calls_share_one_kept_alive_connection():
    async def scenario() -> Set:
        async with action_server() as (url, connections, _):
            endpoint = ActionEndpoint(url, timeout=TIMEOUT)
            for sender in ("a", "b", "a"):
                assert await call(endpoint, sender) == {"events": [], "responses": []}
            return connections

    assert len(run_apart(scenario())) == 1


def test_a_hung_server_fails_within_the_timeout_and_only_that_conversation_cools_down():
    async def scenario() -> List:
        async with action_server(hang=True) as (url, _, senders):
            endpoint = ActionEndpoint(url, timeout=TIMEOUT)
            started = time.monotonic()
            with pytest.raises(aiohttp.ClientConnectionError, match="no answer"):
                await call(endpoint, "hung")
            assert time.monotonic() - started < TIMEOUT + 0.4
            started = time.monotonic()
            with pytest.raises(aiohttp.ClientConnectionError, match="skipped"):
                await call(endpoint, "hung")  # the rest of the turn does not wait again
            assert time.monotonic() - started < 0.1
            with pytest.raises(aiohttp.ClientConnectionError, match="no answer"):
                await call(endpoint, "other")  # another visitor still tries
            await asyncio.sleep(TIMEOUT)
            with pytest.raises(aiohttp.ClientConnectionError, match="no answer"):
                await call(endpoint, "hung")  # the cool-down is over: tried again
            return senders

    assert run_apart(scenario()) == ["hung", "other", "hung"]


def test_rasa_remote_action_turns_a_timeout_into_an_error_it_handles():
    """Rasa's processor and slot-mapping actions go on after a RasaException, but not
    after a bare asyncio.TimeoutError: this fails if Rasa changes how it calls us."""

    async def scenario() -> None:
        async with action_server(hang=True) as (url, _, _):
            action = RemoteAction("action_anything", ActionEndpoint(url, timeout=TIMEOUT))
            tracker = DialogueStateTracker("visitor", [])
            with pytest.raises(RasaException):
                await action.run(None, None, tracker, Domain.empty())

    run_apart(scenario())
