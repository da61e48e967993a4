"""Several machines, tested on one: PostgreSQL tracker store, Redis lock store, two Rasa
servers and one action server, all from endpoints.cluster.yml.

Installs Debian's `postgresql` and `redis-server` when missing, starts a private
PostgreSQL cluster and a password-protected Redis on free loopback ports, and
stops and removes everything at the end. Run with `make test-cluster`.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Dict, Iterator, List, Tuple

import pytest
import redis

from tests.cluster.services import (  # noqa: F401  (ensure_packages, postgresql: other modules)
    Cluster,
    cluster_running,
    ensure_packages,
    postgresql,
    redis_server,
)

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def cluster(trained_model, tmp_path_factory) -> Iterator[Cluster]:
    with cluster_running(str(trained_model), tmp_path_factory.mktemp("cluster")) as cluster:
        yield cluster


# --------------------------------------------------------------------------- checks


def assert_complete_and_consistent(events: List[Tuple[str, dict]], sent: List[str]) -> None:
    """Every message stored once, in order, each turn finished (a reply, then listening)."""
    kinds = [kind for kind, _ in events]
    assert kinds.count("session_started") == 1, kinds
    users = [i for i, kind in enumerate(kinds) if kind == "user"]
    assert [events[i][1]["text"] for i in users] == sent
    for text, begin, end in zip(sent, users, users[1:] + [len(events)], strict=False):
        turn = events[begin:end]
        assert any(kind == "bot" for kind, _ in turn), f"no reply stored for {text!r}"
        assert (
            turn[-1][0] == "action" and turn[-1][1]["name"] == "action_listen"
        ), f"the turn of {text!r} is unfinished or interleaved: {[k for k, _ in turn]}"
    stamps = [data["timestamp"] for _, data in events]
    assert stamps == sorted(stamps), "events are out of order"
    unique = {(kind, json.dumps(data, sort_keys=True)) for kind, data in events}
    assert len(unique) == len(events), "some events are stored twice"


def last_slot(events: List[Tuple[str, dict]], name: str):
    values = [data["value"] for kind, data in events if kind == "slot" and data["name"] == name]
    return values[-1] if values else None


# --------------------------------------------------------------------------- tests


def test_one_conversation_alternating_between_two_servers_is_complete(cluster):
    sender = str(uuid.uuid4())
    script = [
        ("hello", "BPO"),
        ("recommend one for me", "How many people"),
        ("about 30 people", "Which tasks"),
        ("customer support", "budget"),
        ("money is tight", "My recommendation: a call center"),
        ("why that one?", "I suggested a call center"),
    ]
    for number, (text, expected) in enumerate(script):
        server = "ab"[number % 2]
        reply = cluster.say(server, sender, text)
        assert expected in reply, f"server {server} answered {text!r} with {reply!r}"

    events = cluster.events(sender)
    assert_complete_and_consistent(events, [text for text, _ in script])
    assert last_slot(events, "company_size") == "small"
    assert last_slot(events, "budget") == "tight"
    assert last_slot(events, "recommended_model") == "call_center"
    assert not (cluster.work / "unused-sqlite.db").exists(), "a server used SQLite, not PostgreSQL"


def test_simultaneous_messages_of_one_conversation_are_serialised_by_the_redis_lock(cluster):
    sender = str(uuid.uuid4())
    client = redis.Redis(
        host="127.0.0.1",
        port=int(cluster.lock["REDIS_PORT"]),
        password=cluster.lock["REDIS_PASSWORD"],
    )
    client.config_resetstat()
    cluster.say("a", sender, "hello")
    sent = ["hello"]
    texts = {"a": "what is a bpo?", "b": "What is a call center?"}

    def send(server: str, barrier: threading.Barrier, replies: Dict[str, str]) -> None:
        barrier.wait()
        replies[server] = cluster.say(server, sender, texts[server])

    for _ in range(3):
        replies: Dict[str, str] = {}
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=send, args=(name, barrier, replies)) for name in texts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert "Business Process Outsourcing" in replies["a"], replies
        assert "call center" in replies["b"].lower(), replies
        sent += list(texts.values())

    events = cluster.events(sender)
    stored = [data["text"] for kind, data in events if kind == "user"]
    assert sorted(stored) == sorted(sent), stored
    assert_complete_and_consistent(events, stored)
    commands = client.info("commandstats")
    # the lock was taken in Redis: enter, turn and leave scripts for each message
    assert commands.get("cmdstat_evalsha", {}).get("calls", 0) >= 3 * len(sent), commands


def test_a_server_stopped_mid_conversation_the_other_one_finishes_it(cluster):
    sender = str(uuid.uuid4())
    assert "How many people" in cluster.say("a", sender, "recommend one for me")
    assert "Which tasks" in cluster.say("b", sender, "around 300 employees")
    assert "budget" in cluster.say("a", sender, "payroll and bookkeeping")

    cluster.stop("a")
    with pytest.raises(OSError):
        cluster.say("a", sender, "hello?")

    final = cluster.say("b", sender, "our budget is flexible")
    assert "My recommendation: a BPO" in final
    assert "I suggested a BPO" in cluster.say("b", sender, "why that one?")
    events = cluster.events(sender)
    assert_complete_and_consistent(
        events,
        [
            "recommend one for me",
            "around 300 employees",
            "payroll and bookkeeping",
            "our budget is flexible",
            "why that one?",
        ],
    )
    assert last_slot(events, "recommended_model") == "bpo"
