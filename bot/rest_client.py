"""The one HTTP client of the assistant: its REST channel (`POST /webhooks/rest/webhook`)
and, when Rasa's HTTP API is on, `/model/parse`. Used by the terminal chat, the
benchmark, the realistic evaluation and the tests. Standard library only."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional, Tuple

Replies = List[Dict[str, Any]]


class Unavailable(Exception):
    """The assistant could not be reached, or did not answer in time."""


def post_json(url: str, body: Any, timeout: float = 30) -> Tuple[int, Any]:
    """(status, decoded JSON body); HTTP errors are returned, not raised (a body that
    is not JSON comes back as text). `body` may be bytes, sent as they are."""
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
    def __init__(self, base_url: str, timeout: float = 30, token: Optional[str] = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.token = token  # Rasa's HTTP API token, for parse()

    @property
    def webhook(self) -> str:
        return f"{self.base_url}/webhooks/rest/webhook"

    def post(self, sender: str, text: str, **fields: Any) -> Tuple[int, Any]:
        """(status, body) of one message; connection errors and timeouts raise OSError."""
        return post_json(self.webhook, {"sender": sender, "message": text, **fields}, self.timeout)

    def parse(self, text: str) -> Tuple[int, Any]:
        """(status, NLU's reading) from Rasa's `/model/parse` (the HTTP API must be on)."""
        url = f"{self.base_url}/model/parse" + (f"?token={self.token}" if self.token else "")
        return post_json(url, {"text": text}, self.timeout)

    def send(self, sender: str, text: str) -> Replies:
        """The bot's replies to one message; Unavailable when there are none to give."""
        try:
            status, body = self.post(sender, text)
        except (TimeoutError, socket.timeout):
            raise Unavailable(f"no answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise Unavailable(f"can't reach {self.base_url} ({reason})") from None
        if status != 200 or not isinstance(body, list):
            detail = body.get("error") if isinstance(body, dict) else body
            raise Unavailable(f"the server answered {status}: {detail}")
        return body
