"""A Redis ticket lock for several server replicas: one turn of a conversation at a
time, its waiting messages served in arrival order, never a frozen server.

Rasa 3.6's RedisLockStore issues tickets with GET, then SET of the whole lock: two
replicas receiving messages of one conversation at the same moment can both get
ticket 0 and handle them at once, and one turn's events are lost. It also calls
synchronous Redis on the event loop (a hung Redis freezes every conversation of
the replica for its 10 s socket timeout) and a ticket lives its whole lifetime
even when its holder died.

Here, per conversation, Redis keeps a queue (a sorted set: ticket number -> token)
and leases (a sorted set: token -> expiry, in Redis's clock); each step is one Lua
script, so atomic across replicas:

* `ENTER` appends a ticket after the last one (arrival order at Redis) with a lease;
* `TURN` renews the caller's lease, drops the tickets ahead of it whose lease ran
  out (a crashed replica's), and says whether the caller's ticket is first;
* `LEAVE` removes the ticket.

The holder renews its lease every `lease_seconds / 5` while the turn runs, so a
waiter never takes the lock from a holder that still runs, however long the turn
takes; a holder that cannot renew before its lease might run out (Redis hung or
gone) has its turn cancelled with a `LockError` rather than going on unprotected.
A ticket left behind by a crashed replica blocks the conversation for at most one
lease (5 s). A hung Redis leaves none: a failed release is retried in the background,
and a request that waited in a paused Redis longer than its caller waited for the
answer is refused when Redis finally runs it (each request carries the time it was
sent, in Redis's clock as last seen), so it cannot queue a ticket nobody will use.

Every Redis call uses `redis.asyncio` with a socket timeout of `socket_timeout`
(0.5 s) and a hard cap; any Redis error, timeout or an expired wait is raised as
Rasa's `LockError`, which the channel answers politely ("not saved") well within
2 s.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncGenerator, Awaitable, List, Optional, Set, Text

import redis.asyncio as aioredis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX,
    LOCK_LIFETIME,
    LockError,
    LockStore,
)
from rasa.utils.endpoints import EndpointConfig
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_SOCKET_TIMEOUT_SECONDS = 0.5
DEFAULT_LEASE_SECONDS = 5.0
DEFAULT_POLL_SECONDS = 0.02

# Every script but LEAVE: KEYS: queue, leases; ARGV: token, lease (ms), when the
# caller sent it (ms, Redis's clock as the caller last saw it; 0: unknown), how old
# a request may be (ms). A request older than that (it waited in a paused Redis, and
# its caller has given up) is refused: {-2, now}, so it cannot leave a ticket behind.
_PROLOGUE = (
    "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) "
    "local sent = tonumber(ARGV[3]) "
    "if sent > 0 and now - sent > tonumber(ARGV[4]) then return {-2, now} end "
)
_KEEP_KEYS = "redis.call('PEXPIRE', KEYS[1], ARGV[2]) redis.call('PEXPIRE', KEYS[2], ARGV[2]) "

# {ticket number, now}: a ticket after the last one, with a lease.
_ENTER = (
    _PROLOGUE + "local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES') "
    "local ticket = 1 "
    "if last[2] then ticket = tonumber(last[2]) + 1 end "
    "redis.call('ZADD', KEYS[1], ticket, ARGV[1]) "
    "redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1]) "
    + _KEEP_KEYS
    + "return {ticket, now}"
)

# {1: the caller's turn, 0: wait, -1: the caller's ticket is gone (its lease ran out),
# now}; renews the caller's lease and drops the tickets ahead whose lease ran out.
_TURN = (
    _PROLOGUE + "local mine = redis.call('ZSCORE', KEYS[2], ARGV[1]) "
    "if (not mine) or tonumber(mine) < now or (not redis.call('ZSCORE', KEYS[1], ARGV[1])) then "
    "  redis.call('ZREM', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[1]) "
    "  return {-1, now} end "
    "redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1]) " + _KEEP_KEYS + "while true do "
    "  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1] "
    "  if head == ARGV[1] then return {1, now} end "
    "  local lease = redis.call('ZSCORE', KEYS[2], head) "
    "  if lease and tonumber(lease) >= now then return {0, now} end "
    "  redis.call('ZREM', KEYS[1], head) redis.call('ZREM', KEYS[2], head) "
    "end"
)

# KEYS: queue, leases; ARGV: token.
_LEAVE = "redis.call('ZREM', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[1]) return 1"

_REDIS_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


@dataclass
class _Holding:
    lost: bool = False


def _optional(value: Any) -> Any:
    return None if value in (None, "") else value


class AtomicRedisLockStore(LockStore):
    """`type: bot.lock_store.AtomicRedisLockStore` in endpoints.cluster.yml, with
    RedisLockStore's settings (url, port, db, username, password, use_ssl, ssl_*,
    key_prefix, socket_timeout) plus `lease_seconds` and `poll_seconds`."""

    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        host: Text = "localhost",
        port: int = 6379,
        db: int = 1,
        username: Optional[Text] = None,
        password: Optional[Text] = None,
        use_ssl: bool = False,
        ssl_certfile: Optional[Text] = None,
        ssl_keyfile: Optional[Text] = None,
        ssl_ca_certs: Optional[Text] = None,
        key_prefix: Optional[Text] = None,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT_SECONDS,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        **_unused: Any,
    ) -> None:
        if endpoint_config is not None:  # built by Rasa from the endpoints file
            settings = {"host": endpoint_config.url or host, **endpoint_config.kwargs}
            settings.pop("type", None)
            self.__init__(**settings)  # type: ignore[misc]
            return
        self.socket_timeout = float(socket_timeout)
        self.lease_seconds = float(lease_seconds)
        self.poll_seconds = float(poll_seconds)
        # a call gives up after twice the socket timeout whatever happens inside it
        self.call_timeout = 2 * self.socket_timeout
        self.red = aioredis.Redis(
            host=host,
            port=int(port),
            db=int(db),
            username=_optional(username),
            password=_optional(password),
            ssl=str(use_ssl).lower() in ("1", "true", "yes"),
            ssl_certfile=_optional(ssl_certfile),
            ssl_keyfile=_optional(ssl_keyfile),
            ssl_ca_certs=_optional(ssl_ca_certs),
            socket_timeout=self.socket_timeout,
            socket_connect_timeout=self.socket_timeout,
            # a pooled connection that died (Redis restarted) is replaced once at once;
            # a timeout is not retried (a hung Redis must fail fast). The scripts are
            # safe to repeat: the token is the same.
            retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
            retry_on_error=[RedisConnectionError],
        )
        self.key_prefix = DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX
        if key_prefix and str(key_prefix).isalnum():
            self.key_prefix = f"{key_prefix}:{DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX}"
        self._enter = self.red.register_script(_ENTER)
        self._turn = self.red.register_script(_TURN)
        self._leave = self.red.register_script(_LEAVE)
        self._cleanups: Set[asyncio.Task] = set()
        # Redis's clock minus ours (ms), from the last answer; a request is stale once
        # its caller has given up on it (plus a margin)
        self._clock_offset: Optional[float] = None
        self._stale_ms = int((self.call_timeout + 0.5) * 1000)
        super().__init__()

    def _keys(self, conversation_id: Text) -> List[Text]:
        # one hash slot per conversation (Redis Cluster runs a script on one slot)
        base = f"{self.key_prefix}{{{conversation_id}}}"
        return [f"{base}:queue", f"{base}:leases"]

    async def _call(self, call: Awaitable[Any], doing: Text, conversation_id: Text) -> Any:
        try:
            return await asyncio.wait_for(call, self.call_timeout)
        except _REDIS_ERRORS as error:
            raise LockError(
                f"Could not {doing} the lock of conversation '{conversation_id}': "
                f"{type(error).__name__}: {error}"
            ) from error

    async def _step(
        self, script: Any, keys: List[Text], token: Text, doing: Text, conversation_id: Text
    ) -> int:
        """Runs ENTER or TURN; returns its result (a ticket number, or 1 / 0 / -1)."""
        sent = time.monotonic() * 1000
        in_redis_clock = 0 if self._clock_offset is None else int(sent + self._clock_offset)
        result, now = await self._call(
            script(
                keys=keys,
                args=[token, int(self.lease_seconds * 1000), in_redis_clock, self._stale_ms],
            ),
            doing,
            conversation_id,
        )
        self._clock_offset = int(now) - sent
        if result == -2:
            raise LockError(
                f"Redis ran the request to {doing} the lock of conversation "
                f"'{conversation_id}' too late; it was not used"
            )
        return int(result)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: Optional[float] = None,
    ) -> AsyncGenerator[TicketLock, None]:
        """Waits (at most `lock_lifetime` seconds) for this conversation's earlier
        messages, then holds the lock while the body runs."""
        keys, token = self._keys(conversation_id), uuid.uuid4().hex
        poll = self.poll_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        loop = asyncio.get_running_loop()
        deadline = loop.time() + lock_lifetime
        try:
            await self._step(self._enter, keys, token, "queue for", conversation_id)
            while True:
                asked = loop.time()
                turn = await self._step(self._turn, keys, token, "wait for", conversation_id)
                if turn == 1:
                    break
                if turn < 0 or loop.time() > deadline:
                    raise LockError(
                        f"Could not acquire lock for conversation_id '{conversation_id}'."
                    )
                await asyncio.sleep(poll)
        except BaseException:
            self._leave_later(keys, token, conversation_id)
            raise

        holding = _Holding()
        keeper = asyncio.ensure_future(
            self._keep(keys, token, conversation_id, asked, holding, asyncio.current_task())
        )
        try:
            yield TicketLock(conversation_id)
        except asyncio.CancelledError:
            if holding.lost:
                raise LockError(
                    f"Lost the lock of conversation '{conversation_id}' (Redis did not "
                    "answer in time); the turn was stopped."
                ) from None
            raise
        finally:
            keeper.cancel()
            await self._release(keys, token, conversation_id, wait=not holding.lost)

    async def _release(
        self, keys: List[Text], token: Text, conversation_id: Text, wait: bool
    ) -> None:
        """Removes the ticket; in the background when Redis does not answer (or, with
        `wait` false, is known not to): the turn is done and must not fail for it."""
        if wait:
            try:
                await self._call(self._leave(keys=keys, args=[token]), "release", conversation_id)
                return
            except LockError as error:
                logger.warning("%s; retrying in the background", error)
        self._leave_later(keys, token, conversation_id)

    async def _keep(
        self,
        keys: List[Text],
        token: Text,
        conversation_id: Text,
        confirmed: float,
        holding: _Holding,
        holder: Optional[asyncio.Task],
    ) -> None:
        """Renews the holder's lease; stops the holder when it may have run out."""
        loop = asyncio.get_running_loop()
        every = self.lease_seconds / 5
        while True:
            await asyncio.sleep(every)
            asked = loop.time()
            try:
                turn = await self._step(self._turn, keys, token, "renew", conversation_id)
                if turn == 1:
                    confirmed = asked
                    continue
                logger.error("The lock of conversation '%s' ran out while held", conversation_id)
            except LockError as error:
                # another try is possible only if it ends before the lease can run out
                if loop.time() + every + self.call_timeout < confirmed + self.lease_seconds:
                    logger.warning("%s; trying again", error)
                    continue
                logger.error("%s; stopping the turn before its lease runs out", error)
            holding.lost = True
            if holder is not None:
                holder.cancel()
            return

    def _leave_later(self, keys: List[Text], token: Text, conversation_id: Text) -> None:
        """Removes a ticket in the background, retrying until its lease has run out."""

        async def leave() -> None:
            loop = asyncio.get_running_loop()
            give_up = loop.time() + self.lease_seconds + self.call_timeout
            while loop.time() < give_up:
                try:
                    await self._call(
                        self._leave(keys=keys, args=[token]), "release", conversation_id
                    )
                    return
                except LockError:
                    await asyncio.sleep(self.socket_timeout)

        task = asyncio.ensure_future(leave())
        self._cleanups.add(task)
        task.add_done_callback(self._cleanups.discard)

    async def check_writable(self) -> None:
        """Raises unless Redis takes a write now (for /health)."""
        await self._call(
            self.red.set(f"{self.key_prefix}health", "1", px=int(self.lease_seconds * 1000)),
            "check",
            "health",
        )
