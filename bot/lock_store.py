"""A Redis lock store whose lock is one atomic Redis operation (SET NX PX).

Rasa 3.6's RedisLockStore issues tickets with GET, then SET of the whole lock: two
replicas receiving messages of one conversation at the same moment can both get
ticket 0 and handle them at once, and one turn's events are lost.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# Delete the key only if it still holds our token (the lock may have expired and been retaken).
_RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # `type: bot.lock_store.AtomicRedisLockStore`
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        for name in ("port", "db"):
            if isinstance(kwargs.get(name), str):
                kwargs[name] = int(kwargs[name])
        super().__init__(**kwargs)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 0.02,
    ) -> AsyncGenerator[TicketLock, None]:
        key, token = self.key_prefix + conversation_id, uuid.uuid4().hex
        deadline = time.monotonic() + lock_lifetime
        while not self.red.set(key, token, nx=True, px=int(lock_lifetime * 1000)):
            if time.monotonic() > deadline:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(wait_time_in_seconds)
        try:
            yield TicketLock(conversation_id)
        finally:
            self.red.eval(_RELEASE, 1, key, token)
