"""Load over REST and /model/parse, and the understanding figures measured via /model/parse."""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bench.servers import Served

REJECTED = ("out_of_scope", "nlu_fallback")


@dataclass
class Sample:
    """Latencies (seconds) of one kind of load, pooled over rounds."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    walls: list[float] = field(default_factory=list)  # per round, concurrent loads
    counts: list[int] = field(default_factory=list)  # messages per round

    def add(self, other: Sample) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.walls += other.walls
        self.counts += other.counts

    def summary(self) -> dict[str, Any]:
        return summarise(self.latencies, self.errors, self.walls, self.counts)


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear-interpolated percentile (p in 0..100), as numpy's default."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(
    latencies: Sequence[float],
    errors: int = 0,
    walls: Sequence[float] = (),
    counts: Sequence[int] = (),
) -> dict[str, Any]:
    ms = [value * 1000 for value in latencies]
    result: dict[str, Any] = {
        "n": len(ms),
        "errors": errors,
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms) if ms else None,
        "mean_ms": statistics.fmean(ms) if ms else None,
    }
    if walls:
        rates = [count / wall for count, wall in zip(counts, walls, strict=False) if wall > 0]
        result["throughput_per_round"] = rates
        result["throughput_msgs_s"] = statistics.median(rates) if rates else None
    return result


def messages(conversations: list[list[str]], start: int = 0) -> Iterator[tuple[bool, str]]:
    """Endless (new_conversation, text) stream cycling through the scripts."""
    index = start
    while True:
        script = conversations[index % len(conversations)]
        for position, text in enumerate(script):
            yield position == 0, text
        index += 1


def _ok(status: int, body: Any) -> bool:
    return status == 200 and isinstance(body, list) and len(body) > 0


def converse(served: Served, count: int, start: int = 0) -> Sample:
    """`count` messages one after the other; a new UUID sender per conversation."""
    sample = Sample()
    sender = ""
    stream = messages(served.bot.conversations, start)
    for _ in range(count):
        new, text = next(stream)
        if new:
            sender = str(uuid.uuid4())
        status, body, latency = served.send(sender, text)
        sample.latencies.append(latency)
        sample.errors += not _ok(status, body)
    return sample


def concurrent(served: Served, users: int, per_user: int) -> Sample:
    """`users` threads, each its own conversations, all released at once."""
    barrier = threading.Barrier(users + 1)
    results: list[Sample] = []

    def user(index: int) -> Sample:
        barrier.wait()
        return converse(served, per_user, start=index)

    with ThreadPoolExecutor(max_workers=users) as pool:
        futures = [pool.submit(user, index) for index in range(users)]
        barrier.wait()
        started = time.perf_counter()
        results = [future.result() for future in futures]
        wall = time.perf_counter() - started
    sample = Sample(walls=[wall], counts=[users * per_user])
    for result in results:
        sample.latencies += result.latencies
        sample.errors += result.errors
    return sample


def parse_load(served: Served, count: int, start: int = 0) -> Sample:
    sample = Sample()
    texts = served.bot.parse_texts
    for index in range(start, start + count):
        status, body, latency = served.parse(texts[index % len(texts)])
        sample.latencies.append(latency)
        sample.errors += status != 200
    return sample


def intent_of(body: Any) -> str:
    return ((body or {}).get("intent") or {}).get("name") or ""


def response_key_of(body: Any) -> str:
    """The `<intent>/<topic>` key the ResponseSelector chose (any selector)."""
    selectors = (body or {}).get("response_selector") or {}
    intent = intent_of(body)
    for name, selector in selectors.items():
        if name in ("all_retrieval_intents",):
            continue
        key = ((selector or {}).get("response") or {}).get("intent_response_key") or ""
        if name in (intent, "default") and key:
            return key
    return ""


def rejection_rate(served: Served, sentences: Sequence[str]) -> dict[str, Any]:
    """Share of out-of-scope sentences classified as out_of_scope or nlu_fallback."""
    missed = []
    for text in sentences:
        _, body, _ = served.parse(text)
        intent = intent_of(body)
        if intent not in REJECTED:
            missed.append({"text": text, "intent": intent})
    total = len(sentences)
    return {"rate": (total - len(missed)) / total if total else None, "n": total, "missed": missed}


def held_out_accuracy(served: Served, examples: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Full-label accuracy (intent, and `<intent>/<topic>` for retrieval intents) and
    intent-only accuracy, as tests/test_data_and_model.py computes them."""
    wrong, intent_wrong = [], 0
    for label, text in examples:
        _, body, _ = served.parse(text)
        base = label.split("/", 1)[0]
        predicted = intent_of(body)
        key = response_key_of(body) if "/" in label else ""
        if predicted != base:
            intent_wrong += 1
        if predicted != base or ("/" in label and key != label):
            wrong.append({"text": text, "label": label, "intent": predicted, "key": key})
    total = len(examples)
    return {
        "accuracy": (total - len(wrong)) / total if total else None,
        "intent_accuracy": (total - intent_wrong) / total if total else None,
        "n": total,
        "wrong": wrong,
    }
