"""The action endpoint: how the Rasa server calls the action server.

Rasa builds the action endpoint from endpoints.yml as an `EndpointConfig` and every
custom action call goes through its `request()`. `bot/server.py` swaps it for an
`ActionEndpoint`, the same endpoint with:

- a timeout of its own (ACTION_TIMEOUT_SECONDS, not Rasa's five minutes), reported
  as a failed connection, which Rasa logs before going on with the turn (a bare
  timeout escapes the slot-mapping actions and loses the whole turn);
- one pool of kept-alive connections (Rasa opens a connection for every call, and
  a form turn makes one or two);
- after a timeout, the same conversation's calls fail at once for as long as one
  more timeout would last, so that the rest of that turn does not wait again.
  Other conversations still try: each pays at most one timeout per turn.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import weakref
from typing import Any, Dict, Optional

import aiohttp
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

# A visitor should not wait minutes for an answer.
ACTION_TIMEOUT_SECONDS = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))
# Below the action server's own keep-alive (Sanic: 5 s), so that we never reuse a
# connection the server is closing.
KEEPALIVE_SECONDS = 4.0


class ActionEndpoint(EndpointConfig):
    """The action server's endpoint, with a timeout, kept-alive connections and a
    per-conversation cool-down after a timeout."""

    def __init__(self, *args: Any, timeout: float = ACTION_TIMEOUT_SECONDS, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.timeout = timeout
        self.cooldown = timeout
        self._timed_out: Dict[str, float] = {}  # sender id -> when its last call timed out
        # one pool per event loop: a connector belongs to the loop it was made in
        self._connectors: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def from_config(
        cls, config: Optional[EndpointConfig], **kwargs: Any
    ) -> Optional["ActionEndpoint"]:
        """The same endpoint as Rasa read it from endpoints.yml (None stays None)."""
        if config is None:
            return None
        return cls(
            config.url,
            config.params,
            config.headers,
            config.basic_auth,
            config.token,
            config.token_name,
            config.cafile,
            type=config.type,
            **config.kwargs,
            **kwargs,
        )

    def session(self) -> aiohttp.ClientSession:
        """Rasa's session, on the shared pool: closing it keeps its connections."""
        loop = asyncio.get_running_loop()
        connector = self._connectors.get(loop)
        if connector is None or connector.closed:
            connector = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
            self._connectors[loop] = connector
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        return aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=self.timeout),
            connector=connector,
            connector_owner=False,
        )

    async def request(self, *args: Any, **kwargs: Any) -> Optional[Any]:
        body = kwargs.get("json")
        sender = body.get("sender_id") if isinstance(body, dict) else None
        since = self._timed_out.get(sender) if sender else None
        if since is not None and time.monotonic() - since < self.cooldown:
            raise aiohttp.ClientConnectionError(
                f"skipped: the action server timed out for this conversation "
                f"{time.monotonic() - since:.1f}s ago"
            )
        kwargs["timeout"] = aiohttp.ClientTimeout(total=self.timeout)  # Rasa passes 300 s
        try:
            return await super().request(*args, **kwargs)
        except asyncio.TimeoutError as error:
            now = time.monotonic()
            self._timed_out = {s: t for s, t in self._timed_out.items() if now - t < self.cooldown}
            if sender:
                self._timed_out[sender] = now
            logger.error("The action server did not answer within %gs", self.timeout)
            raise aiohttp.ServerTimeoutError(f"no answer within {self.timeout:g}s") from error
