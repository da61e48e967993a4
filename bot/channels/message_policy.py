"""What the public chat endpoint accepts, decided before a message reaches Rasa.

Pure functions, so the rules are unit-tested without a server.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, Iterable, Mapping, Optional

MAX_MESSAGE_CHARS = 1000
# Rasa takes any sender id (a company's backend sends its own user ids); bounded here.
MAX_SENDER_CHARS = 128

EMPTY_MESSAGE_REPLY = (
    "It looks like your message was empty. Ask me anything about BPOs and call "
    'centers, or type "help" to see what I can do.'
)
TOO_LONG_REPLY = (
    "Sorry, that message is too long for me ({length:,} characters). Please keep it "
    f"under {MAX_MESSAGE_CHARS:,} characters, for example one question at a time."
)
NOT_SAVED_REPLY = (
    "Sorry, I couldn't save that just now, so it didn't count. Please send it again in " "a moment."
)
UNAVAILABLE_REPLY = (
    "Sorry, something went wrong on my side and I couldn't finish that. Please try "
    "again in a moment."
)

_COMMAND = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?$", re.DOTALL)


class InvalidRequest(ValueError):
    """A request the endpoint refuses with a 400 and this message."""


@dataclass(frozen=True)
class CommandPolicy:
    """The `/intent{...}` commands users may send: the ones the bot's buttons use."""

    intents: FrozenSet[str]
    entity_values: Mapping[str, FrozenSet[str]]

    def allows(self, text: str) -> bool:
        match = _COMMAND.match(text)
        if not match or match.group("intent") not in self.intents:
            return False
        if not match.group("entities"):
            return True
        try:
            entities = json.loads(match.group("entities"))
        except json.JSONDecodeError:
            return False
        if not isinstance(entities, dict):
            return False
        return all(self._known(name, value) for name, value in entities.items())

    def _known(self, entity: str, value: Any) -> bool:
        allowed = self.entity_values.get(entity, frozenset())
        values = value if isinstance(value, list) else [value]
        return bool(values) and all(isinstance(v, str) and v in allowed for v in values)


def sender_id_from(body: Mapping[str, Any]) -> str:
    """The conversation's id as the client sent it: any printable string of 1 to
    MAX_SENDER_CHARS characters (a UUID from the widget, a user id from a backend)."""
    sender = body.get("sender")
    if (
        not isinstance(sender, str)
        or not 0 < len(sender) <= MAX_SENDER_CHARS
        or not sender.isprintable()
        or not sender.strip()
    ):
        raise InvalidRequest(
            f"'sender' must be a string of 1 to {MAX_SENDER_CHARS} printable characters, "
            "e.g. a UUID from crypto.randomUUID()."
        )
    return sender


def request_body(raw: bytes) -> Dict[str, Any]:
    try:
        body = json.loads(raw or b"")
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise InvalidRequest(
            "The body must be a JSON object with 'sender' and 'message'."
        ) from None
    if not isinstance(body, dict):
        raise InvalidRequest("The body must be a JSON object with 'sender' and 'message'.")
    return body


def message_text(body: Mapping[str, Any]) -> str:
    message = body.get("message")
    if message is None:
        return ""
    if not isinstance(message, str):
        raise InvalidRequest("'message' must be a string.")
    return message.strip()


_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def message_id_from(body: Mapping[str, Any]) -> Optional[str]:
    """The client's id for this message (a retry sends the same one), if it sent one."""
    message_id = body.get("message_id")
    if message_id is None:
        return None
    if not isinstance(message_id, str) or not _MESSAGE_ID.match(message_id):
        raise InvalidRequest("'message_id' must be up to 64 letters, digits or '-_.:'.")
    return message_id


def as_user_text(text: str, commands: CommandPolicy) -> str:
    """Commands the buttons use pass; any other '/...' is read as plain text."""
    if text.startswith("/") and not commands.allows(text):
        return text.lstrip("/").strip() or text
    return text


def entity_values_in(payloads: Iterable[str]) -> Dict[str, list]:
    """entity -> the values that button payloads like '/inform{"budget": "tight"}' send."""
    values: Dict[str, list] = {}
    for payload in payloads:
        match = _COMMAND.match(payload)
        if not match or not match.group("entities"):
            continue
        try:
            entities = json.loads(match.group("entities"))
        except json.JSONDecodeError:
            continue
        for name, value in entities.items() if isinstance(entities, dict) else ():
            for item in value if isinstance(value, list) else [value]:
                values.setdefault(name, []).append(item)
    return values


def commands_from_domain(
    button_payloads: Iterable[str],
    extra_intents: Iterable[str],
    entity_values: Mapping[str, Iterable[str]],
) -> CommandPolicy:
    intents = set(extra_intents)
    for payload in button_payloads:
        match = _COMMAND.match(payload)
        if match:
            intents.add(match.group("intent"))
    return CommandPolicy(
        intents=frozenset(intents),
        entity_values={name: frozenset(values) for name, values in entity_values.items()},
    )


def reply_for_unprocessable(text: str) -> Optional[str]:
    """A reply that replaces NLU for empty or oversized messages, else None."""
    if not text:
        return EMPTY_MESSAGE_REPLY
    if len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG_REPLY.format(length=len(text))
    return None
