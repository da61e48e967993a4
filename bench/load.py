"""Load over the REST channel and /model/parse: one user, many users at once."""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bench import support
from bench.bots import Served


@dataclass
class Sample:
    """Latencies (seconds) of one kind of load, pooled over rounds."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    rates: list[float] = field(default_factory=list)  # messages/s per round, concurrent loads

    def add(self, other: Sample) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.rates += other.rates

    def summary(self) -> dict[str, Any]:
        figures = {"errors": self.errors, **support.latency_figures(self.latencies)}
        if self.rates:
            figures["throughput_per_round"] = self.rates
            figures["throughput_msgs_s"] = statistics.median(self.rates)
        return figures


def messages(conversations: list[list[str]], start: int = 0) -> Iterator[tuple[bool, str]]:
    """Endless (new_conversation, text) stream cycling through the scripts."""
    index = start
    while True:
        script = conversations[index % len(conversations)]
        yield from ((position == 0, text) for position, text in enumerate(script))
        index += 1


def converse(served: Served, count: int, start: int = 0) -> Sample:
    """`count` messages one after the other; a new sender per conversation."""
    sample, sender, stream = Sample(), "", messages(served.bot.conversations, start)
    for _ in range(count):
        new, text = next(stream)
        sender = str(uuid.uuid4()) if new else sender
        status, body, latency = served.send(sender, text)
        sample.latencies.append(latency)
        sample.errors += not (status == 200 and isinstance(body, list) and body)
    return sample


def concurrent(served: Served, users: int, per_user: int) -> Sample:
    """`users` threads, each its own conversations, all released at once."""
    barrier = threading.Barrier(users + 1)

    def user(index: int) -> Sample:
        barrier.wait()
        return converse(served, per_user, start=index)

    with ThreadPoolExecutor(max_workers=users) as pool:
        futures = [pool.submit(user, index) for index in range(users)]
        barrier.wait()
        started = time.perf_counter()
        results = [future.result() for future in futures]
        wall = time.perf_counter() - started
    sample = Sample(rates=[users * per_user / wall])
    for result in results:
        sample.add(result)
    return sample


def parse_load(served: Served, count: int, start: int = 0) -> Sample:
    sample, texts = Sample(), served.bot.parse_texts
    for index in range(start, start + count):
        status, _, latency = served.parse(texts[index % len(texts)])
        sample.latencies.append(latency)
        sample.errors += status != 200
    return sample
