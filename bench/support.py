"""What the benchmark and the tests share: NLU examples (read by Rasa's own loader),
text normalisation, latency figures (`statistics`), accuracy over NLU readings, and
the conversation store's events. Imports bot/ and Rasa's `rasa.shared` (no model)."""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
from collections import defaultdict
from contextlib import closing
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

Parse = Callable[[str], Any]  # text -> NLU's reading (the JSON of /model/parse)


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(label, text) of each example of a Rasa NLU file or folder, entity annotations
    removed; the label is the intent, or `<intent>/<topic>` for a retrieval intent."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [(e.get_full_intent(), e.get("text")) for e in load_data(str(path)).intent_examples]


def examples_by_label(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for label, text in nlu_examples(path):
        found[label].append(text)
    return found


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, spaces collapsed ("What's up?" -> "what s up")."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split()) or text.strip()


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a text file."""
    lines = (line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def unseen(sentences: Iterable[str], examples: Iterable[tuple[str, str]]) -> list[str]:
    """The sentences that are not (once normalised) among the examples."""
    known = {normalise(text) for _, text in examples}
    return [s for s in sentences if normalise(s) not in known]


def latency_figures(seconds: Sequence[float]) -> dict[str, Any]:
    """n, p50/p95/p99 (linear interpolation, as numpy's default), max and mean, in ms."""
    ms = sorted(value * 1000 for value in seconds)
    if not ms:
        return {"n": 0, **dict.fromkeys(("p50_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms"))}
    # statistics.quantiles needs two values; those of one value are that value
    cuts = statistics.quantiles(ms if len(ms) > 1 else ms * 2, n=100, method="inclusive")
    return {
        "n": len(ms),
        "p50_ms": cuts[49],
        "p95_ms": cuts[94],
        "p99_ms": cuts[98],
        "max_ms": ms[-1],
        "mean_ms": statistics.fmean(ms),
    }


def intent_of(reading: Any) -> str:
    return ((reading or {}).get("intent") or {}).get("name") or ""


def response_key_of(reading: Any) -> str:
    """The `<intent>/<topic>` key the response selector chose for the intent."""
    selectors = (reading or {}).get("response_selector") or {}
    for name in (intent_of(reading), "default"):
        key = ((selectors.get(name) or {}).get("response") or {}).get("intent_response_key")
        if key:
            return key
    return ""


def held_out_accuracy(parse: Parse, examples: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Share of examples whose whole label NLU reads (the intent, and for a retrieval
    intent its `<intent>/<topic>` key), and the share whose intent it reads."""
    wrong, intent_wrong, total = [], 0, len(examples)
    for label, text in examples:
        reading, base = parse(text), label.split("/", 1)[0]
        intent, key = intent_of(reading), response_key_of(reading) if "/" in label else ""
        intent_wrong += intent != base
        if intent != base or ("/" in label and key != label):
            wrong.append({"text": text, "label": label, "intent": intent, "key": key})
    return {
        "accuracy": (total - len(wrong)) / total if total else None,
        "intent_accuracy": (total - intent_wrong) / total if total else None,
        "n": total,
        "wrong": wrong,
    }


def rejection_rate(parse: Parse, sentences: Sequence[str]) -> dict[str, Any]:
    """Share of sentences NLU reads as out_of_scope or nlu_fallback."""
    missed = [{"text": text, "intent": intent_of(parse(text))} for text in sentences]
    missed = [miss for miss in missed if miss["intent"] not in ("out_of_scope", "nlu_fallback")]
    total = len(sentences)
    return {"rate": (total - len(missed)) / total if total else None, "n": total, "missed": missed}


def stored_events(db_path: Path, sender: str) -> list[tuple[str, dict[str, Any]]]:
    """(type, event) of one conversation in the SQLite conversation store, in order."""
    with closing(sqlite3.connect(db_path)) as db:
        rows = db.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    return [(type_name, json.loads(data)) for type_name, data in rows]
