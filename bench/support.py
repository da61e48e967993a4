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
from typing import Any, Callable, Dict, Iterable, List, Sequence, Tuple

REJECTED = ("out_of_scope", "nlu_fallback")
Parse = Callable[[str], Any]  # text -> NLU's reading (the JSON of /model/parse)


def nlu_examples(path: Path) -> List[Tuple[str, str]]:
    """(label, text) of each example of a Rasa NLU file or folder, entity annotations
    removed; the label is the intent, or `<intent>/<topic>` for a retrieval intent."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(example.get_full_intent(), example.get("text")) for example in data.intent_examples]


def examples_by_label(path: Path) -> Dict[str, List[str]]:
    found: Dict[str, List[str]] = defaultdict(list)
    for label, text in nlu_examples(path):
        found[label].append(text)
    return found


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, spaces collapsed ("What's up?" -> "what s up")."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split()) or text.strip()


def read_lines(path: Path) -> List[str]:
    """Non-empty, non-comment lines of a text file."""
    lines = (line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def unseen(sentences: Iterable[str], examples: Iterable[Tuple[str, str]]) -> List[str]:
    """The sentences that are not (once normalised) among the examples."""
    known = {normalise(text) for _, text in examples}
    return [s for s in sentences if normalise(s) not in known]


FIGURES = ("p50_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms")


def latency_figures(seconds: Sequence[float]) -> Dict[str, Any]:
    """n, p50/p95/p99 (linear interpolation, as numpy's default), max and mean, in ms."""
    ms = sorted(value * 1000 for value in seconds)
    if len(ms) < 2:  # statistics.quantiles needs two
        return {"n": len(ms), **dict.fromkeys(FIGURES, ms[0] if ms else None)}
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return {
        "n": len(ms),
        "p50_ms": statistics.median(ms),
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


def held_out_accuracy(parse: Parse, examples: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
    """Share of examples whose whole label NLU reads (the intent, and for a retrieval
    intent its `<intent>/<topic>` key), and the share whose intent it reads."""
    wrong, intent_wrong = [], 0
    for label, text in examples:
        reading, base = parse(text), label.split("/", 1)[0]
        intent, key = intent_of(reading), response_key_of(reading) if "/" in label else ""
        intent_wrong += intent != base
        if intent != base or ("/" in label and key != label):
            wrong.append({"text": text, "label": label, "intent": intent, "key": key})
    total = len(examples)
    return {
        "accuracy": (total - len(wrong)) / total if total else None,
        "intent_accuracy": (total - intent_wrong) / total if total else None,
        "n": total,
        "wrong": wrong,
    }


def rejection_rate(parse: Parse, sentences: Sequence[str]) -> Dict[str, Any]:
    """Share of sentences NLU reads as out_of_scope or nlu_fallback."""
    missed = [{"text": text, "intent": intent_of(parse(text))} for text in sentences]
    missed = [miss for miss in missed if miss["intent"] not in REJECTED]
    total = len(sentences)
    return {"rate": (total - len(missed)) / total if total else None, "n": total, "missed": missed}


def stored_events(db_path: Path, sender: str) -> List[Tuple[str, Dict[str, Any]]]:
    """(type, event) of one conversation in the SQLite conversation store, in order."""
    with closing(sqlite3.connect(db_path)) as db:
        rows = db.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    return [(type_name, json.loads(data)) for type_name, data in rows]
