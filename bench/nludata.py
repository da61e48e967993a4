"""Read Rasa's YAML NLU examples without a YAML library (the format is simple)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_ENTITY = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_ITEM = re.compile(r"^-\s*(intent|synonym|regex|lookup):\s*(\S+)")


def strip_annotations(text: str) -> str:
    """`[20 people](company_size)` -> `20 people`."""
    return _ENTITY.sub(r"\1", text)


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(intent, example) pairs of a Rasa 3 YAML NLU file, in file order."""
    examples: list[tuple[str, str]] = []
    intent = None
    in_examples = False
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        item = _ITEM.match(stripped)
        if item:
            intent = item.group(2) if item.group(1) == "intent" else None
            in_examples = False
        elif stripped.startswith("examples:"):
            in_examples = True
        elif in_examples and intent and stripped.startswith("- "):
            examples.append((intent, strip_annotations(stripped[2:].strip())))
        elif stripped and not line[:1].isspace():
            intent, in_examples = None, False
    return examples


def read_dir(folder: Path) -> list[tuple[str, str]]:
    examples: list[tuple[str, str]] = []
    for path in sorted(Path(folder).rglob("*.yml")):
        examples.extend(read_examples(path))
    return examples


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a text file."""
    lines = (line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def unseen(sentences: Iterable[str], training: Iterable[tuple[str, str]]) -> list[str]:
    """The sentences that do not appear (normalised) in the training examples."""
    known = {normalise(text) for _, text in training}
    return [s for s in sentences if normalise(s) not in known]
