"""How the Rasa server calls the action server: bounded, failing fast, and cheap.

Rasa 3.6 waits up to five minutes for an action, lets a timeout abort the whole
turn (nothing is stored), validates every reply's JSON schema from scratch, and
opens a new connection for every call (a form turn makes one or two).
`configure()` adjusts those four behaviours in this process.
"""

from __future__ import annotations

import asyncio
import os
import time
import weakref

import aiohttp
import jsonschema
import rasa.core.actions.action as rasa_actions
import rasa.utils.endpoints as rasa_endpoints
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

# A visitor should not wait minutes for an answer.
ACTION_TIMEOUT_SECONDS = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))
# After a timeout, calls fail at once for this long instead of each waiting
# ACTION_TIMEOUT_SECONDS again (one turn makes several calls).
ACTION_COOLDOWN_SECONDS = float(os.environ.get("ACTION_COOLDOWN_SECONDS", "10"))

_original_run = rasa_actions.RemoteAction.run
_silent_until = 0.0


async def _run_with_timeout_as_failure(self, *args, **kwargs):
    """A hung action server fails like a stopped one, so Rasa goes on with the turn."""
    global _silent_until
    if time.monotonic() < _silent_until:
        raise RasaException(f"Action server timed out recently; skipped '{self.name()}'")
    try:
        return await _original_run(self, *args, **kwargs)
    except asyncio.TimeoutError as error:
        _silent_until = time.monotonic() + ACTION_COOLDOWN_SECONDS
        raise RasaException(
            f"Action server did not answer '{self.name()}' within {ACTION_TIMEOUT_SECONDS}s"
        ) from error


def _compiled_reply_validator():
    """Rasa's check of an action server reply, with the schema checked only once
    (re-checking it on every reply was ~40% of the server's CPU under load)."""
    schema = rasa_actions.RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate(_action: rasa_actions.RemoteAction, result: dict) -> bool:
        try:
            validator.validate(result)
        except jsonschema.ValidationError as error:
            error.message += (
                ". Failed to validate Action server response from API, make sure your "
                "response from the Action endpoint is valid."
            )
            raise
        return True

    return validate


# Below the action server's own keep-alive (Sanic: 5 s), so that we never reuse a
# connection the server is closing.
KEEPALIVE_SECONDS = 4.0
# One pool of kept-alive connections per event loop (a connector belongs to its loop).
_connectors: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.TCPConnector]" = (
    weakref.WeakKeyDictionary()
)


def _session_on_kept_alive_connections(self: EndpointConfig) -> aiohttp.ClientSession:
    """Rasa's `EndpointConfig.session`, on a shared connection pool: closing the
    session after a call no longer closes its connection."""
    loop = asyncio.get_running_loop()
    connector = _connectors.get(loop)
    if connector is None or connector.closed:
        connector = _connectors[loop] = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
    auth = None
    if self.basic_auth:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=rasa_endpoints.DEFAULT_REQUEST_TIMEOUT),
        connector=connector,
        connector_owner=False,
    )


def configure() -> None:
    rasa_actions.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
    rasa_actions.RemoteAction.run = _run_with_timeout_as_failure
    rasa_actions.RemoteAction._validate_action_result = _compiled_reply_validator()
    EndpointConfig.session = _session_on_kept_alive_connections
