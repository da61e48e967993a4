"""The tracker store: Rasa's SQLTrackerStore, off the event loop, with timeouts, reading
recent conversations from memory once the database confirms they are current.

Every turn, Rasa reads the conversation back from the database (a query with a
sub-query for the latest session) and, to save it, counts the stored events (the
same query again). The benchmark's profile put those reads at ~15% of a turn. Here
each conversation's latest session is also kept in memory, as the JSON rows it was
stored as; a turn asks the database only how many rows the conversation has and
the last one's id (one indexed query), and reads the rows again only when another
process wrote some. Every event is still written and committed before the reply
goes out, so nothing is lost if the process dies, and two servers on one database
(two processes on one SQLite file, replicas on PostgreSQL) never serve a stale
conversation.

A save is checked as well: it commits only if the conversation has, besides the new
rows, exactly the rows the turn started from (counted inside the write transaction;
on PostgreSQL under a per-conversation advisory lock). A turn that raced with
another process's turn on the same conversation is refused (`ConcurrentWrite`)
instead of storing interleaved or duplicated events.

Never freeze: every database call runs in this store's worker threads, never on the
event loop, and gives up after `STORE_TIMEOUT_SECONDS` (`StoreTimeout`); a call
that starts or would commit after its deadline rolls back, so a turn the visitor
was told is not saved is not stored later behind their back. The database's own
limits come first: SQLite waits at most `BUSY_TIMEOUT_MS` for a lock; PostgreSQL
has a connect timeout, statement and lock timeouts, TCP keepalives and a health
check of each pooled connection before use (`pool_pre_ping`), so the first query
after a PostgreSQL restart works instead of failing.

Durable: SQLite is opened in write-ahead-log mode with `synchronous=FULL`, so a
committed turn survives a power cut, not only a crash of the process.

A failed read or write is never hidden: the error reaches the channel, which tells
the visitor the turn was not saved (see `make_store_errors_visible`), the
conversation's memory copy is dropped and the connections are reopened, so a
database that becomes writable again is used from the next message on.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import logging
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, List, Optional, Sequence, Text, Tuple, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import (
    FailSafeTrackerStore,
    SQLTrackerStore,
    create_engine_kwargs,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

logger = logging.getLogger(__name__)

DEFAULT_MAX_CONVERSATIONS = 500
STORE_TIMEOUT_SECONDS = float(os.environ.get("TRACKER_STORE_TIMEOUT", "4"))
BUSY_TIMEOUT_MS = 2000
PG_CONNECT_TIMEOUT_SECONDS = 2  # libpq's smallest
PG_STATEMENT_TIMEOUT_MS = 3000
PG_LOCK_TIMEOUT_MS = 2000
MAX_WORKERS = 8

T = TypeVar("T")


class StoreTimeout(RuntimeError):
    """The database did not answer in time; nothing of the call is committed later."""


class ConcurrentWrite(RuntimeError):
    """The conversation changed in the database since this turn read it."""


@dataclass(frozen=True)
class StoredState:
    """What the database holds of one conversation: its row count and last row id."""

    count: int
    last_id: Optional[int]


@dataclass
class _Session:
    """A conversation's latest session as stored (JSON rows), and the state it is of."""

    rows: List[Text]
    state: StoredState


@dataclass(frozen=True)
class _Basis:
    """What a tracker was built from: its first `stored_events` events are in the
    database, whose state for the conversation was `state`."""

    stored_events: int
    state: StoredState


_BASIS = "_bot_tracker_store_basis"  # attribute on trackers this store read or saved


def _tune_sqlite_connection(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _raise(error: Exception) -> None:
    raise error


def _advisory_key(sender_id: Text) -> int:
    """A stable signed 64-bit key per conversation for pg_advisory_xact_lock."""
    digest = hashlib.blake2b(sender_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


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
        timeout: float = STORE_TIMEOUT_SECONDS,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, **kwargs)
        self.timeout = float(timeout)
        self._in_memory = False
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            workers = self._keep_sqlite_open()
        else:
            workers = self._check_connections_before_use()
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="tracker-store"
        )
        self.max_conversations = int(max_conversations)
        # sender id -> its latest session as stored, and the state it is of
        self._sessions: OrderedDict[Text, _Session] = OrderedDict()

    # ----------------------------------------------------------------- engines

    def _keep_sqlite_open(self) -> int:
        """SQLite kept open (SQLAlchemy opens a new connection per query for SQLite
        files) in WAL mode; returns how many worker threads may use it."""
        url = self.engine.url
        self.engine.dispose()
        self._in_memory = url.database in (None, "", ":memory:")
        self.engine = sa.create_engine(
            url,
            # one shared connection for an in-memory database: each new one is empty
            **(
                {"poolclass": sa.pool.StaticPool}
                if self._in_memory
                else {
                    "poolclass": sa.pool.QueuePool,
                    "pool_size": 1,
                    "max_overflow": 4,
                    "pool_timeout": self.timeout,
                }
            ),
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", _tune_sqlite_connection)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        # the new engine may open a new database (an in-memory one is always new)
        self.Base.metadata.create_all(self.engine)
        # the one in-memory connection must not be used by two threads at once
        return 1 if self._in_memory else 5

    def _check_connections_before_use(self) -> int:
        """A server database (PostgreSQL): Rasa's engine settings plus a health check of
        each pooled connection before use and timeouts on connecting, statements,
        locks and dead peers; returns how many worker threads may use it."""
        url = self.engine.url
        self.engine.dispose()
        settings = create_engine_kwargs(url)
        pool_size = int(settings.pop("pool_size", 5))
        max_overflow = int(settings.pop("max_overflow", 10))
        workers = max(1, min(MAX_WORKERS, pool_size + max_overflow))
        connect_args = dict(settings.pop("connect_args", {}))
        if self.engine.dialect.name == "postgresql":
            options = connect_args.get("options", "")
            connect_args.update(
                connect_timeout=PG_CONNECT_TIMEOUT_SECONDS,
                keepalives=1,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=2,
                options=(
                    f"{options} -c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"
                    f" -c lock_timeout={PG_LOCK_TIMEOUT_MS}"
                    f" -c idle_in_transaction_session_timeout={int(self.timeout * 4000)}"
                ).strip(),
            )
        self.engine = sa.create_engine(
            url,
            pool_pre_ping=True,
            pool_size=min(pool_size, workers),
            max_overflow=max(0, workers - min(pool_size, workers)),
            pool_timeout=self.timeout,
            connect_args=connect_args,
            **settings,
        )
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        return workers

    # ----------------------------------------------------------------- running

    async def _run(self, job: Callable[..., T], *args: Any) -> T:
        """`job(deadline, *args)` in a worker thread, given up after `self.timeout`."""
        deadline = time.monotonic() + self.timeout
        future = asyncio.get_running_loop().run_in_executor(self._executor, job, deadline, *args)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except asyncio.TimeoutError:
            raise StoreTimeout(
                f"the conversation store did not answer within {self.timeout:g} s"
            ) from None

    @staticmethod
    def _check_deadline(deadline: float, doing: str) -> None:
        if time.monotonic() > deadline:
            raise StoreTimeout(f"gave up {doing} after the deadline")

    def _recover(self, sender_id: Optional[Text]) -> None:
        """After a failure: forget the memory copy, reopen connections next time."""
        if sender_id is not None:
            self._sessions.pop(sender_id, None)
        if not self._in_memory:  # an in-memory database lives in its one connection
            self.engine.dispose()

    # ----------------------------------------------------------------- queries

    @property
    def _events(self) -> sa.Table:
        return self.SQLEvent.__table__

    def _state_query(self, sender_id: Text) -> Any:
        events = self._events
        return sa.select(sa.func.count(), sa.func.max(events.c.id)).where(
            events.c.sender_id == sender_id
        )

    def _rows_query(self, sender_id: Text, all_sessions: bool, up_to_id: int) -> Any:
        """The stored JSON of the conversation's events (of its latest session unless
        `all_sessions`), in order, as Rasa's `_event_query` selects them."""
        events = self._events
        query = sa.select(events.c.data).where(
            events.c.sender_id == sender_id, events.c.id <= up_to_id
        )
        if not all_sessions:
            session_start = (
                sa.select(sa.func.max(events.c.timestamp))
                .where(
                    events.c.sender_id == sender_id,
                    events.c.type_name == SessionStarted.type_name,
                )
                .scalar_subquery()
            )
            query = query.where(
                sa.or_(events.c.timestamp >= session_start, session_start.is_(None))
            )
        return query.order_by(events.c.id)

    def _read(
        self,
        deadline: float,
        sender_id: Text,
        known: Optional[StoredState],
        all_sessions: bool = False,
    ) -> Tuple[StoredState, Optional[List[Text]]]:
        """The conversation's state, and its rows unless they are the `known` ones."""
        self._check_deadline(deadline, "reading")
        with self.engine.connect() as connection:
            count, last_id = connection.execute(self._state_query(sender_id)).one()
            state = StoredState(count, last_id)
            if known == state and not all_sessions:
                return state, None
            if not count:
                return state, []
            rows = connection.execute(self._rows_query(sender_id, all_sessions, last_id))
            return state, [data for (data,) in rows]

    @staticmethod
    def _row(sender_id: Text, event: Event) -> dict:
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _write(
        self,
        deadline: float,
        sender_id: Text,
        events: Sequence[Event],
        basis: Optional[_Basis],
    ) -> Tuple[StoredState, int, List[Text]]:
        """Commits the tracker's events that are not stored yet; returns the new state,
        how many of `events` are now stored, and the JSON of those just written.

        With a `basis`, the conversation must still hold exactly the rows it was read
        with (checked after the insert, inside the write transaction: SQLite then
        holds its write lock, PostgreSQL the conversation's advisory lock)."""
        self._check_deadline(deadline, "saving")
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":
                connection.execute(
                    sa.select(sa.func.pg_advisory_xact_lock(_advisory_key(sender_id)))
                )
            if basis is None:  # Rasa's way: everything after the stored session's events
                (stored,) = connection.execute(
                    sa.select(sa.func.count()).select_from(
                        self._rows_query(sender_id, False, 2**62).subquery()
                    )
                ).one()
            else:
                stored = basis.stored_events
            rows = [self._row(sender_id, event) for event in events[stored:]]
            if rows:
                connection.execute(self._events.insert(), rows)
            count, last_id = connection.execute(self._state_query(sender_id)).one()
            if basis is not None and count != basis.state.count + len(rows):
                raise ConcurrentWrite(
                    f"conversation {sender_id} has {count - basis.state.count - len(rows)} "
                    "rows written by someone else since it was read; not saved"
                )
            self._check_deadline(deadline, "committing")
        return StoredState(count, last_id), len(events), [row["data"] for row in rows]

    # ----------------------------------------------------------------- Rasa's API

    def init_tracker(self, sender_id: Text) -> DialogueStateTracker:
        tracker = super().init_tracker(sender_id)
        known = self._sessions.get(sender_id)
        if known is not None and not known.rows:  # read as absent a moment ago
            setattr(tracker, _BASIS, _Basis(0, known.state))
        return tracker

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        try:
            return await self._retrieve(sender_id)
        except Exception:
            self._recover(sender_id)
            raise

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        try:
            _, rows = await self._run(self._read, conversation_id, None, True)
        except Exception:
            self._recover(conversation_id)
            raise
        if not rows or not self.domain:
            return None
        events = [json.loads(data) for data in rows]
        return DialogueStateTracker.from_dict(conversation_id, events, self.domain.slots)

    async def keys(self) -> Iterable[Text]:
        def read(deadline: float) -> List[Text]:
            self._check_deadline(deadline, "reading")
            with self.engine.connect() as connection:
                query = sa.select(self._events.c.sender_id).distinct()
                return [sender for (sender,) in connection.execute(query)]

        try:
            return await self._run(read)
        except Exception:
            self._recover(None)
            raise

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await self._save(tracker)
        except Exception:
            self._recover(tracker.sender_id)
            raise

    async def _retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        cached = self._sessions.get(sender_id)
        state, rows = await self._run(self._read, sender_id, cached.state if cached else None)
        if rows is None and cached is not None:
            self._sessions.move_to_end(sender_id)
            rows = cached.rows
        else:
            self._remember(sender_id, _Session(rows or [], state))
        if not rows or not self.domain:
            return None
        events = [json.loads(data) for data in rows]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, _BASIS, _Basis(len(rows), state))
        return tracker

    async def _save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)  # as Rasa's save (only with an event broker)
        sender_id = tracker.sender_id
        basis: Optional[_Basis] = getattr(tracker, _BASIS, None)
        events = list(tracker.events)
        if basis is not None and len(events) == basis.stored_events:
            return  # nothing new
        state, stored, written = await self._run(self._write, sender_id, events, basis)
        setattr(tracker, _BASIS, _Basis(stored, state))
        cached = self._sessions.get(sender_id)
        if (
            basis is None
            or cached is None
            or cached.state != basis.state
            or len(cached.rows) != basis.stored_events
            or any(isinstance(event, SessionStarted) for event in events[basis.stored_events :])
        ):
            # unknown or other starting point, or a new session: read it from the database
            self._sessions.pop(sender_id, None)
        else:
            self._sessions[sender_id] = _Session(cached.rows + written, state)

    def _remember(self, sender_id: Text, session: _Session) -> None:
        self._sessions[sender_id] = session
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self.max_conversations:
            self._sessions.popitem(last=False)

    # ----------------------------------------------------------------- health

    def check_writable(self) -> None:
        """Raises unless the database takes a committed write now (for /health): for
        SQLite, one row of its own table rewritten, so a locked, read-only or full
        database shows; for PostgreSQL, a transaction id (refused by a read-only
        standby)."""
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":
                connection.exec_driver_sql("SELECT txid_current()")
                return
            if self.engine.dialect.name != "sqlite":
                connection.exec_driver_sql("SELECT 1")
                return
            connection.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS health_check (id INTEGER PRIMARY KEY, at FLOAT)"
            )
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO health_check (id, at) VALUES (1, ?)", (time.time(),)
            )
