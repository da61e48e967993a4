"""Conversations read from memory are the ones in the database, turn after turn."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import CachedSQLTrackerStore

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml"))


def synchronously(test):
    """Run an async test on its own event loop, in its own thread (no pytest plugin
    needed; the browser tests leave a loop running in the main thread)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, test(*args, **kwargs)).result()

    return run


@pytest.fixture
def database(tmp_path) -> str:
    return str(tmp_path / "conversations.db")


def store(database: str, **kwargs) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db=database, **kwargs)


def plain(database: str) -> SQLTrackerStore:
    return SQLTrackerStore(DOMAIN, dialect="sqlite", db=database)


def turn(text: str, reply: str) -> list:
    return [
        UserUttered(text, {"name": "greet", "confidence": 0.9}),
        ActionExecuted("utter_greet"),
        BotUttered(reply),
        ActionExecuted("action_listen"),
    ]


async def one_turn(tracker_store, sender: str, text: str, reply: str):
    tracker = await tracker_store.get_or_create_tracker(sender)
    for event in turn(text, reply):
        tracker.update(event)
    await tracker_store.save(tracker)
    return tracker


def texts(tracker) -> list:
    return [e.text for e in tracker.events if isinstance(e, (UserUttered, BotUttered))]


@synchronously
async def test_every_turn_is_in_the_database_and_read_back_the_same(database):
    cached = store(database)
    for number in range(3):
        await one_turn(cached, "alice", f"hello {number}", f"hi {number}")
    from_memory = await cached.retrieve("alice")
    from_database = await plain(database).retrieve("alice")
    assert texts(from_memory) == ["hello 0", "hi 0", "hello 1", "hi 1", "hello 2", "hi 2"]
    assert [e.as_dict() for e in from_memory.events] == [e.as_dict() for e in from_database.events]


@synchronously
async def test_no_event_is_stored_twice(database):
    cached = store(database)
    tracker = await one_turn(cached, "bob", "hello", "hi")
    await cached.save(tracker)  # saved again without changes
    await one_turn(cached, "bob", "again", "hi again")
    rows = sqlite3.connect(database).execute("SELECT COUNT(*) FROM events WHERE sender_id = 'bob'")
    assert rows.fetchone()[0] == len((await plain(database).retrieve("bob")).events)
    assert texts(await cached.retrieve("bob")) == ["hello", "hi", "again", "hi again"]


@synchronously
async def test_a_new_session_is_read_as_the_database_has_it(database):
    cached = store(database)
    await one_turn(cached, "carol", "hello", "hi")
    tracker = await cached.retrieve("carol")
    for event in [ActionExecuted("action_session_start"), SessionStarted()]:
        tracker.update(event)
    await cached.save(tracker)
    await one_turn(cached, "carol", "back again", "welcome back")
    assert texts(await cached.retrieve("carol")) == texts(await plain(database).retrieve("carol"))
    assert texts(await cached.retrieve("carol")) == ["back again", "welcome back"]


@synchronously
async def test_slots_survive_the_memory_and_a_restart(database):
    cached = store(database)
    tracker = await cached.get_or_create_tracker("dave")
    tracker.update(SlotSet("company_size", "small"))
    await cached.save(tracker)
    assert (await cached.retrieve("dave")).get_slot("company_size") == "small"
    assert (await store(database).retrieve("dave")).get_slot("company_size") == "small"


@synchronously
async def test_conversations_beyond_the_memory_limit_come_from_the_database(database):
    cached = store(database, max_conversations=2)
    for sender in ("u1", "u2", "u3"):
        await one_turn(cached, sender, f"hello from {sender}", "hi")
    for sender in ("u1", "u2", "u3"):
        await one_turn(cached, sender, "more", "sure")
    for sender in ("u1", "u2", "u3"):
        assert texts(await cached.retrieve(sender)) == [
            f"hello from {sender}",
            "hi",
            "more",
            "sure",
        ]
        assert texts(await plain(database).retrieve(sender)) == texts(await cached.retrieve(sender))


@synchronously
async def test_unknown_conversation_is_none(database):
    assert await store(database).retrieve("nobody") is None


def test_sqlite_runs_in_write_ahead_log_mode(database):
    cached = store(database)
    with cached.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@synchronously
async def test_store_errors_reach_the_caller_instead_of_a_silent_memory_store():
    """Guards the one place that reaches into Rasa: FailSafeTrackerStore's callback."""
    from types import SimpleNamespace

    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

    from bot.tracker_store import make_store_errors_visible, primary_store

    class Broken(InMemoryTrackerStore):
        async def save(self, tracker):
            raise RuntimeError("disk full")

        async def retrieve(self, sender_id):
            raise RuntimeError("database is locked")

    broken = Broken(Domain.empty())
    agent = SimpleNamespace(tracker_store=FailSafeTrackerStore(broken))
    make_store_errors_visible(agent)
    assert primary_store(agent.tracker_store) is broken

    with pytest.raises(RuntimeError, match="disk full"):
        await agent.tracker_store.save(DialogueStateTracker("someone", []))
    with pytest.raises(RuntimeError, match="locked"):
        await agent.tracker_store.retrieve("someone")


@synchronously
async def test_an_in_memory_database_works(tmp_path):
    memory = CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db="")
    tracker = DialogueStateTracker.from_events("someone", turn("hi", "hello"), DOMAIN.slots)
    await memory.save(tracker)
    memory._sessions.clear()  # read it back from the database
    assert [e.text for e in (await memory.retrieve("someone")).events if hasattr(e, "text")] == [
        "hi",
        "hello",
    ]


def test_health_probe_writes(database):
    store(database).check_writable()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT id FROM health_check").fetchall() == [(1,)]
