"""A client of the assistant's REST channel (`POST /webhooks/rest/webhook`), for the
terminal chat, the realistic evaluation and the tests."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any, Dict, List

Replies = List[Dict[str, Any]]


class Unavailable(Exception):
    """The assistant could not be reached, or did not answer in time."""


def post_json(url: str, body: Any, timeout: float = 30) -> tuple[int, Any]:
    """(status, decoded JSON body); HTTP errors are returned, not raised."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        payload = error.read()
        try:
            return error.code, json.loads(payload or b"null")
        except json.JSONDecodeError:
            return error.code, payload.decode(errors="replace")


class AssistantClient:
    def __init__(self, base_url: str, timeout: float = 30) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    @property
    def webhook(self) -> str:
        return f"{self.base_url}/webhooks/rest/webhook"

    def send(self, sender: str, text: str) -> Replies:
        """The bot's replies to one message; Unavailable when there are none to give."""
        try:
            status, body = post_json(
                self.webhook, {"sender": sender, "message": text}, self.timeout
            )
        except (TimeoutError, socket.timeout):
            raise Unavailable(f"no answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise Unavailable(f"can't reach {self.base_url} ({reason})") from None
        if status != 200 or not isinstance(body, list):
            detail = body.get("error") if isinstance(body, dict) else body
            raise Unavailable(f"the server answered {status}: {detail}")
        return body
