"""The default tracker store: Rasa's SQLTrackerStore, reading recent conversations from memory.

Every turn, Rasa reads the conversation back from the database (a query with a
sub-query for the latest session) and, to save it, counts the stored events (the
same query again). The benchmark's profile put those reads at ~15% of a turn. Here
each conversation's latest session is also kept in memory, as the JSON rows it was
stored as, so a turn reads nothing from the database; every event is still written
and committed before the reply goes out, so nothing is lost if the process dies.

Memory and database agree because one process owns the database (the default
deployment: one server, SQLite). Deployments with several servers share PostgreSQL
through the plain SQLTrackerStore (endpoints.cluster.yml).

SQLite is also opened once and kept open (SQLAlchemy opens a new connection per
query for SQLite files), in write-ahead-log mode with `synchronous=FULL`: a
committed turn survives a power cut, not only a crash of the process (`make
bench` measures the cost). A locked database makes a write fail after
`BUSY_TIMEOUT_MS`, not freeze the conversation for longer.

A failed read or write is never hidden: the error reaches the channel, which tells
the visitor the turn was not saved (see `make_store_errors_visible`), the
conversation's memory copy is dropped and the connections are reopened, so a
database that becomes writable again is used from the next message on.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import OrderedDict
from typing import Any, Iterator, List, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_MAX_CONVERSATIONS = 500
BUSY_TIMEOUT_MS = 2000


def _tune_sqlite_connection(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _raise(error: Exception) -> None:
    raise error


def primary_store(store: Any) -> Any:
    """The store a FailSafeTrackerStore wraps (Rasa keeps it in `_tracker_store`)."""
    return (
        getattr(store, "_tracker_store", store)
        if isinstance(store, FailSafeTrackerStore)
        else store
    )


def make_store_errors_visible(agent: Any) -> None:
    """Rasa's Agent wraps every tracker store in a FailSafeTrackerStore, which keeps a
    turn it could not save in a memory store nobody reads, and starts a fresh
    conversation when it cannot read the stored one, without telling anyone. Its
    error callback (a constructor argument, set here after the Agent built it) raises
    the error instead, so that it reaches the channel."""
    store = agent.tracker_store
    if isinstance(store, FailSafeTrackerStore):
        store._on_tracker_store_error = _raise


class CachedSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        max_conversations: int = DEFAULT_MAX_CONVERSATIONS,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._keep_sqlite_open()
        self.max_conversations = int(max_conversations)
        # sender id -> the stored JSON of the events of its latest session
        self._sessions: OrderedDict[Text, List[Text]] = OrderedDict()

    def _keep_sqlite_open(self) -> None:
        url = self.engine.url
        self.engine.dispose()
        in_memory = url.database in (None, "", ":memory:")
        self.engine = sa.create_engine(
            url,
            # one shared connection for an in-memory database: each new one is empty
            **(
                {"poolclass": sa.pool.StaticPool}
                if in_memory
                else {"poolclass": sa.pool.QueuePool, "pool_size": 1, "max_overflow": 4}
            ),
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", _tune_sqlite_connection)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        # the new engine may open a new database (an in-memory one is always new)
        self.Base.metadata.create_all(self.engine)

    def check_writable(self) -> None:
        """Raises unless the database takes a committed write now (for /health): for
        SQLite, one row of its own table rewritten, so a locked, read-only or full
        database shows; for a server database, a round trip."""
        with self.engine.begin() as connection:
            if self.engine.dialect.name != "sqlite":
                connection.exec_driver_sql("SELECT 1")
                return
            connection.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS health_check (id INTEGER PRIMARY KEY, at FLOAT)"
            )
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO health_check (id, at) VALUES (1, ?)", (time.time(),)
            )

    def _recover(self, sender_id: Text) -> None:
        """After a failure: forget the memory copy, reopen connections next time."""
        self._sessions.pop(sender_id, None)
        self.engine.dispose()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        try:
            return await self._retrieve(sender_id)
        except Exception:
            self._recover(sender_id)
            raise

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await self._save(tracker)
        except Exception:
            self._recover(tracker.sender_id)
            raise

    async def _retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        stored = self._sessions.get(sender_id)
        if stored is None:
            with self.session_scope() as session:
                rows = self._event_query(
                    session, sender_id, fetch_events_from_all_sessions=False
                ).all()
                stored = [row.data for row in rows]
            if not stored:
                return None
            self._remember(sender_id, stored)
        else:
            self._sessions.move_to_end(sender_id)
        if not self.domain:
            return None
        events = [json.loads(data) for data in stored]
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def _save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        stored = self._sessions.get(tracker.sender_id)
        if stored is None:
            return
        added = list(itertools.islice(tracker.events, len(stored), None))
        if any(isinstance(event, SessionStarted) for event in added):
            # a new session: the next read finds its start in the database
            del self._sessions[tracker.sender_id]
        else:
            stored.extend(json.dumps(event.as_dict()) for event in added)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        stored = self._sessions.get(tracker.sender_id)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, len(stored), len(tracker.events))

    def _remember(self, sender_id: Text, stored: List[Text]) -> None:
        self._sessions[sender_id] = stored
        while len(self._sessions) > self.max_conversations:
            self._sessions.popitem(last=False)
