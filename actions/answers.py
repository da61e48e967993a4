"""Turn the user's answers (entity values, free text, button payloads) into slot values."""

from __future__ import annotations

import re
from typing import Any, List, Optional

from actions.recommendation import BUDGETS, COMPANY_SIZES, FUNCTIONS

SMALL_LIMIT = 50  # under 50 people: small
LARGE_LIMIT = 250  # 250 people and more: large

_WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve "
        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_WORD_NUMBERS.update(
    {
        word: 10 * (i + 2)
        for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    }
)
_WORD_NUMBERS["dozen"] = 12
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000}

_BELOW = re.compile(r"\b(under|less than|fewer than|below|up to|not even)\b")
_ABOVE = re.compile(r"\b(over|more than|above|at least)\b|\+")
_DIGITS = re.compile(r"(\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)\s*(?:(k|thousand|hundred|million)\b)?")


def _number_from_digits(text: str) -> Optional[float]:
    match = _DIGITS.search(text)
    if not match:
        return None
    value = float(re.sub(r"[, ]", "", match.group(1)))
    if match.group(2):
        value *= _MULTIPLIERS[match.group(2)]
    return value


def _number_from_words(text: str) -> Optional[float]:
    total, current, seen, previous = 0, 0, False, ""
    for word in re.findall(r"[a-z]+", text):
        if word in _WORD_NUMBERS:
            current += _WORD_NUMBERS[word]
            seen = True
        elif word in _MULTIPLIERS and (seen or previous == "a"):
            seen = True
            current = max(current, 1) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1_000:
                total, current = total + current, 0
        elif seen and word != "and":
            break
        previous = word
    return float(total + current) if seen else None


def headcount(text: str) -> Optional[float]:
    """The number of people a phrase like 'about 30 people' or 'over 500' names."""
    lowered = text.lower()
    number = _number_from_digits(lowered)
    if number is None:
        number = _number_from_words(lowered)
    if number is None or number <= 0:
        return None
    if _BELOW.search(lowered):
        number -= 1
    elif _ABOVE.search(lowered):
        number += 1
    return number


def size_from_headcount(people: float) -> str:
    if people < SMALL_LIMIT:
        return "small"
    if people < LARGE_LIMIT:
        return "medium"
    return "large"


def parse_company_size(value: Any) -> Optional[str]:
    """'medium' -> 'medium'; 'about 30 people' -> 'small'; 'no idea' -> None."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text in COMPANY_SIZES:
        return text
    people = headcount(text)
    if people is not None:
        return size_from_headcount(people)
    return None


def _flatten(value: Any) -> List[Any]:
    if isinstance(value, (list, tuple)):
        return [item for element in value for item in _flatten(element)]
    return [value]


def parse_functions(value: Any) -> List[str]:
    """Known function names from an entity list (possibly nested), in order, once each."""
    found: List[str] = []
    for item in _flatten(value):
        name = str(item).strip().lower() if item is not None else ""
        if name in FUNCTIONS and name not in found:
            found.append(name)
    return found


def parse_budget(value: Any) -> Optional[str]:
    if isinstance(value, str) and value.strip().lower() in BUDGETS:
        return value.strip().lower()
    return None
