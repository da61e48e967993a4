"""Two Rasa server processes on one SQLite file (`make serve` and `make chat` both
default to .rasa/conversations.db), each with its own memory copies of recent
conversations (bot/tracker_store.py) and its own in-process lock store.

Neither may serve a stale conversation: each turn asks the database whether the
conversation changed since the memory copy was made. Two turns of one conversation
racing in the two processes (nothing locks across processes without Redis) must
not both be stored as if the other had not happened: the later save is refused and
its visitor told "not saved"; every message answered normally is stored in full.
"""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from bot import processes
from bot.channels.message_policy import NOT_SAVED_REPLY
from tests.reliability.test_faults import stored_events, texts


class TwoServers:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.tracker_db = work / "conversations.db"
        self.urls: Dict[str, str] = {}

    def post(self, server: str, sender: str, text: str) -> List[Dict[str, Any]]:
        request = urllib.request.Request(
            self.urls[server] + "/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": text}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as reply:
            assert reply.status == 200
            return json.loads(reply.read())

    def say(self, server: str, sender: str, text: str) -> str:
        return texts(self.post(server, sender, text))

    def turns(self, sender: str) -> List[Tuple[str, List[str]]]:
        turns: List[Tuple[str, List[str]]] = []
        for kind, data in stored_events(self.tracker_db, sender):
            if kind == "user":
                turns.append((data.get("text"), []))
            elif kind == "bot" and turns:
                turns[-1][1].append(data.get("text"))
        return turns


@pytest.fixture(scope="module")
def servers(trained_model, tmp_path_factory) -> Iterator[TwoServers]:
    work = tmp_path_factory.mktemp("two_processes")
    both = TwoServers(work)
    action_port = processes.free_port()
    env = processes.assistant_env(action_port, both.tracker_db)
    with contextlib.ExitStack() as running:
        running.enter_context(processes.action_server(action_port, env, log=work / "actions.log"))
        for name in ("a", "b"):
            port = processes.free_port()
            running.enter_context(
                processes.rasa_server(str(trained_model), port, env, log=work / f"rasa-{name}.log")
            )
            both.urls[name] = f"http://127.0.0.1:{port}"
        yield both


def test_a_conversation_alternating_between_two_processes_is_never_stale(servers):
    sender = str(uuid.uuid4())
    script = [
        ("recommend one for me", "How many people"),
        ("about 30 people", "Which tasks"),
        ("customer support", "budget"),
        ("money is tight", "My recommendation: a call center"),
        ("why that one?", "I suggested a call center"),
    ]
    for number, (text, expected) in enumerate(script):
        server = "ab"[number % 2]
        reply = servers.say(server, sender, text)
        assert expected in reply, f"server {server} answered {text!r} with {reply!r}"
    turns = servers.turns(sender)
    assert [text for text, _ in turns] == [text for text, _ in script]
    assert all(bots and NOT_SAVED_REPLY not in bots for _, bots in turns), turns


def test_simultaneous_messages_in_two_processes_are_stored_as_told(servers):
    """No lock spans the two processes: when two messages of one conversation race,
    at most one turn is stored as answered; the other visitor is told it was not
    saved; turns are never interleaved."""
    sender = str(uuid.uuid4())
    servers.say("a", sender, "hello")
    answered, not_saved = ["hello"], []
    texts_by_server = {"a": "what is a bpo?", "b": "what is a call center?"}
    for _ in range(3):
        replies: Dict[str, str] = {}
        barrier = threading.Barrier(2)

        def send(server: str, barrier: threading.Barrier, replies: Dict[str, str]) -> None:
            barrier.wait()
            replies[server] = servers.say(server, sender, texts_by_server[server])

        threads = [
            threading.Thread(target=send, args=(name, barrier, replies)) for name in texts_by_server
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        for server, shown in sorted(replies.items()):
            (not_saved if shown == NOT_SAVED_REPLY else answered).append(texts_by_server[server])
    turns = servers.turns(sender)
    stored_answered = [text for text, bots in turns if NOT_SAVED_REPLY not in bots]
    assert sorted(stored_answered) == sorted(answered), turns
    for _, bots in turns:
        assert bots, f"a turn without its reply (interleaved?): {turns}"
        if NOT_SAVED_REPLY in bots:
            assert bots == [NOT_SAVED_REPLY], turns
    assert len(turns) == len(answered) + sum(
        1 for _, bots in turns if bots == [NOT_SAVED_REPLY]
    ), turns
    # and the conversation goes on normally on both
    assert "Business Process Outsourcing" in servers.say("b", sender, "what is a bpo?")
    assert "call center" in servers.say("a", sender, "what is a call center?").lower()
