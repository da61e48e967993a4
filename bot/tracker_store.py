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
query for SQLite files), in write-ahead-log mode with `synchronous=NORMAL`:
a commit no longer waits for the disk, and a crash of the process loses nothing
(only a power cut can lose the last commits).
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from typing import Any, Iterator, List, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_MAX_CONVERSATIONS = 500


def _tune_sqlite_connection(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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
        self.engine = sa.create_engine(
            url,
            poolclass=sa.pool.QueuePool,
            pool_size=1,
            max_overflow=4,
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", _tune_sqlite_connection)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
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

    async def save(self, tracker: DialogueStateTracker) -> None:
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
