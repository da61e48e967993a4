"""The realistic evaluation: visitors' questions, follow-ups and recommendation
dialogues (tests/realistic/, written blind, never used for training), sent through
the REST channel and judged by the reply the visitor gets.

`make bench` prints these figures; tests/test_realistic.py fails below the targets.
"""

from __future__ import annotations

import argparse
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import yaml

from actions.decision import BUDGET_LABELS, FUNCTION_LABELS, SIZE_LABELS
from bot.processes import REPO_ROOT
from bot.rest_client import AssistantClient, Replies

DATA = REPO_ROOT / "tests" / "realistic"  # the set the work was measured against
FRESH = REPO_ROOT / "tests" / "realistic_fresh"  # a second blind set, written last
THIRD = REPO_ROOT / "tests" / "realistic_third"  # a third blind set (session 4)
FOURTH = REPO_ROOT / "tests" / "realistic_fourth"  # a fourth, other voices (session 4)
FIFTH = REPO_ROOT / "tests" / "realistic_fifth"  # a fifth, written last: only figures read
SIXTH = REPO_ROOT / "tests" / "realistic_sixth"  # a sixth (session 5): development, misses read
SEVENTH = REPO_ROOT / "tests" / "realistic_seventh"  # a seventh (session 5): only figures read
EIGHTH = REPO_ROOT / "tests" / "realistic_eighth"  # an eighth (session 5): development, misses read
NINTH = REPO_ROOT / "tests" / "realistic_ninth"  # a ninth (session 6): development, misses read
TENTH = REPO_ROOT / "tests" / "realistic_tenth"  # a tenth (session 6): only figures read
ELEVENTH = REPO_ROOT / "tests" / "realistic_eleventh"  # session 6: development, follow-ups
TWELFTH = REPO_ROOT / "tests" / "realistic_twelfth"  # session 6: development, dialogues
THIRTEENTH = REPO_ROOT / "tests" / "realistic_thirteenth"  # session 6: development, dialogues
FOURTEENTH = REPO_ROOT / "tests" / "realistic_fourteenth"  # session 7: development, misses read
FIFTEENTH = REPO_ROOT / "tests" / "realistic_fifteenth"  # session 7: only figures read
SIXTEENTH = REPO_ROOT / "tests" / "realistic_sixteenth"  # session 7: run once at the end
SEVENTEENTH = REPO_ROOT / "tests" / "realistic_seventeenth"  # session 7: development, dialogues
EIGHTEENTH = REPO_ROOT / "tests" / "realistic_eighteenth"  # session 8: development, misses read
NINETEENTH = REPO_ROOT / "tests" / "realistic_nineteenth"  # session 8: only figures read
TWENTIETH = REPO_ROOT / "tests" / "realistic_twentieth"  # session 8: development, misses read
TWENTYFIRST = REPO_ROOT / "tests" / "realistic_twentyfirst"  # session 9: development, misses read
TWENTYSECOND = REPO_ROOT / "tests" / "realistic_twentysecond"  # session 9: only figures read
TWENTYTHIRD = REPO_ROOT / "tests" / "realistic_twentythird"  # session 9: development, misses read
TWENTYFOURTH = REPO_ROOT / "tests" / "realistic_twentyfourth"  # session 10: dev, misses read
TWENTYFIFTH = REPO_ROOT / "tests" / "realistic_twentyfifth"  # session 10: dev, misses read
TWENTYSIXTH = REPO_ROOT / "tests" / "realistic_twentysixth"  # session 10: only figures read
TWENTYSEVENTH = REPO_ROOT / "tests" / "realistic_twentyseventh"  # session 10: dev, misses read
TWENTYEIGHTH = REPO_ROOT / "tests" / "realistic_twentyeighth"  # session 10: only figures read
TWENTYNINTH = REPO_ROOT / "tests" / "realistic_twentyninth"  # session 11: dev, follow-ups
THIRTIETH = REPO_ROOT / "tests" / "realistic_thirtieth"  # session 11: dev, dialogues
THIRTYFIRST = REPO_ROOT / "tests" / "realistic_thirtyfirst"  # session 11: only figures read
THIRTYSECOND = REPO_ROOT / "tests" / "realistic_thirtysecond"  # session 11: dev, knowledge
THIRTYTHIRD = REPO_ROOT / "tests" / "realistic_thirtythird"  # session 12: honest
THIRTYFOURTH = REPO_ROOT / "tests" / "realistic_thirtyfourth"  # session 12: dev, hard cases
THIRTYFIFTH = REPO_ROOT / "tests" / "realistic_thirtyfifth"  # session 12: dev, dialogues
THIRTYSIXTH = REPO_ROOT / "tests" / "realistic_thirtysixth"  # session 13: honest
THIRTYSEVENTH = REPO_ROOT / "tests" / "realistic_thirtyseventh"  # session 13: dev, hardest
THIRTYEIGHTH = REPO_ROOT / "tests" / "realistic_thirtyeighth"  # session 13: dev, dialogues
THIRTYNINTH = REPO_ROOT / "tests" / "realistic_thirtyninth"  # session 14: honest
FORTIETH = REPO_ROOT / "tests" / "realistic_fortieth"  # session 14: dev, follow-ups, dialogues
FORTYFIRST = REPO_ROOT / "tests" / "realistic_fortyfirst"  # session 14: dev, follow-ups
FORTYSECOND = REPO_ROOT / "tests" / "realistic_fortysecond"  # session 15: only figures read
FORTYTHIRD = REPO_ROOT / "tests" / "realistic_fortythird"  # session 15: dev, dialogues
FORTYFOURTH = REPO_ROOT / "tests" / "realistic_fortyfourth"  # session 16: only figures read
FORTYFIFTH = REPO_ROOT / "tests" / "realistic_fortyfifth"  # session 16: dev, everyday words
FORTYSIXTH = REPO_ROOT / "tests" / "realistic_fortysixth"  # session 17: only figures read
FORTYSEVENTH = REPO_ROOT / "tests" / "realistic_fortyseventh"  # session 17: dev, everyday words
FORTYEIGHTH = REPO_ROOT / "tests" / "realistic_fortyeighth"  # session 18: only figures read
FORTYNINTH = REPO_ROOT / "tests" / "realistic_fortyninth"  # session 18: dev, dialogues
FIFTIETH = REPO_ROOT / "tests" / "realistic_fiftieth"  # session 19: only figures read
FIFTYFIRST = REPO_ROOT / "tests" / "realistic_fiftyfirst"  # session 19: dev, dialogues
FIFTYSECOND = REPO_ROOT / "tests" / "realistic_fiftysecond"  # session 20: dev, dialogues
FIFTYTHIRD = REPO_ROOT / "tests" / "realistic_fiftythird"  # session 21: dev, dialogues
FIFTYFOURTH = REPO_ROOT / "tests" / "realistic_fiftyfourth"  # session 22: dev, dialogues
FIFTYFIFTH = REPO_ROOT / "tests" / "realistic_fiftyfifth"  # session 24: only figures read
FIFTYSIXTH = REPO_ROOT / "tests" / "realistic_fiftysixth"  # session 25: only figures read
FIFTYSEVENTH = REPO_ROOT / "tests" / "realistic_fiftyseventh"  # session 26: only figures read
FIFTYEIGHTH = REPO_ROOT / "tests" / "realistic_fiftyeighth"  # session 27: only figures read
FIFTYNINTH = REPO_ROOT / "tests" / "realistic_fiftyninth"  # session 28: only figures read
SIXTIETH = REPO_ROOT / "tests" / "realistic_sixtieth"  # session 29: only figures read
SIXTYFIRST = REPO_ROOT / "tests" / "realistic_sixty_first"  # session 30: only figures read
SIXTYSECOND = REPO_ROOT / "tests" / "realistic_sixty_second"  # session 31: only figures read
SIXTYTHIRD = REPO_ROOT / "tests" / "realistic_sixty_third"  # session 32: only figures read
SIXTYFOURTH = REPO_ROOT / "tests" / "realistic_sixty_fourth"  # session 33: only figures read
SIXTYFIFTH = REPO_ROOT / "tests" / "realistic_sixty_fifth"  # session 34: only figures read
SIXTYSIXTH = REPO_ROOT / "tests" / "realistic_sixty_sixth"  # session 35: only figures read
SIXTYSEVENTH = REPO_ROOT / "tests" / "realistic_sixty_seventh"  # session 36: only figures read
SIXTYEIGHTH = REPO_ROOT / "tests" / "realistic_sixty_eighth"  # session 37: only figures read
SIXTYNINTH = REPO_ROOT / "tests" / "realistic_sixty_ninth"  # session 38: only figures read
SEVENTIETH = REPO_ROOT / "tests" / "realistic_seventieth"  # session 39: only figures read
SEVENTYFIRST = REPO_ROOT / "tests" / "realistic_seventyfirst"  # session 40: only figures read
SEVENTYSECOND = REPO_ROOT / "tests" / "realistic_seventysecond"  # session 41: only figures read
SEVENTYTHIRD = REPO_ROOT / "tests" / "realistic_seventythird"  # session 42: only figures read
SEVENTYFOURTH = REPO_ROOT / "tests" / "realistic_seventyfourth"  # session 43: only figures read
SEVENTYFIFTH = REPO_ROOT / "tests" / "realistic_seventyfifth"  # session 44: only figures read
SEVENTYSIXTH = REPO_ROOT / "tests" / "realistic_seventysixth"  # session 45: only figures read
SEVENTYSEVENTH = REPO_ROOT / "tests" / "realistic_seventyseventh"  # session 46: only figures read
SEVENTYEIGHTH = REPO_ROOT / "tests" / "realistic_seventyeighth"  # session 47: only figures read
SEVENTYNINTH = REPO_ROOT / "tests" / "realistic_seventyninth"  # session 48: only figures read
EIGHTIETH = REPO_ROOT / "tests" / "realistic_eightieth"  # session 49: only figures read
SETS = {
    "first": DATA,
    "fresh": FRESH,
    "third": THIRD,
    "fourth": FOURTH,
    "fifth": FIFTH,
    "sixth": SIXTH,
    "seventh": SEVENTH,
    "eighth": EIGHTH,
    "ninth": NINTH,
    "tenth": TENTH,
    "eleventh": ELEVENTH,
    "twelfth": TWELFTH,
    "thirteenth": THIRTEENTH,
    "fourteenth": FOURTEENTH,
    "fifteenth": FIFTEENTH,
    "sixteenth": SIXTEENTH,
    "seventeenth": SEVENTEENTH,
    "eighteenth": EIGHTEENTH,
    "nineteenth": NINETEENTH,
    "twentieth": TWENTIETH,
    "twentyfirst": TWENTYFIRST,
    "twentysecond": TWENTYSECOND,
    "twentythird": TWENTYTHIRD,
    "twentyfourth": TWENTYFOURTH,
    "twentyfifth": TWENTYFIFTH,
    "twentysixth": TWENTYSIXTH,
    "twentyseventh": TWENTYSEVENTH,
    "twentyeighth": TWENTYEIGHTH,
    "twentyninth": TWENTYNINTH,
    "thirtieth": THIRTIETH,
    "thirtyfirst": THIRTYFIRST,
    "thirtysecond": THIRTYSECOND,
    "thirtythird": THIRTYTHIRD,
    "thirtyfourth": THIRTYFOURTH,
    "thirtyfifth": THIRTYFIFTH,
    "thirtysixth": THIRTYSIXTH,
    "thirtyseventh": THIRTYSEVENTH,
    "thirtyeighth": THIRTYEIGHTH,
    "thirtyninth": THIRTYNINTH,
    "fortieth": FORTIETH,
    "fortyfirst": FORTYFIRST,
    "fortysecond": FORTYSECOND,
    "fortythird": FORTYTHIRD,
    "fortyfourth": FORTYFOURTH,
    "fortyfifth": FORTYFIFTH,
    "fortysixth": FORTYSIXTH,
    "fortyseventh": FORTYSEVENTH,
    "fortyeighth": FORTYEIGHTH,
    "fortyninth": FORTYNINTH,
    "fiftieth": FIFTIETH,
    "fiftyfirst": FIFTYFIRST,
    "fiftysecond": FIFTYSECOND,
    "fiftythird": FIFTYTHIRD,
    "fiftyfourth": FIFTYFOURTH,
    "fiftyfifth": FIFTYFIFTH,
    "fiftysixth": FIFTYSIXTH,
    "fiftyseventh": FIFTYSEVENTH,
    "fiftyeighth": FIFTYEIGHTH,
    "fiftyninth": FIFTYNINTH,
    "sixtieth": SIXTIETH,
    "sixtyfirst": SIXTYFIRST,
    "sixtysecond": SIXTYSECOND,
    "sixtythird": SIXTYTHIRD,
    "sixtyfourth": SIXTYFOURTH,
    "sixtyfifth": SIXTYFIFTH,
    "sixtysixth": SIXTYSIXTH,
    "sixtyseventh": SIXTYSEVENTH,
    "sixtyeighth": SIXTYEIGHTH,
    "sixtyninth": SIXTYNINTH,
    "seventieth": SEVENTIETH,
    "seventyfirst": SEVENTYFIRST,
    "seventysecond": SEVENTYSECOND,
    "seventythird": SEVENTYTHIRD,
    "seventyfourth": SEVENTYFOURTH,
    "seventyfifth": SEVENTYFIFTH,
    "seventysixth": SEVENTYSIXTH,
    "seventyseventh": SEVENTYSEVENTH,
    "seventyeighth": SEVENTYEIGHTH,
    "seventyninth": SEVENTYNINTH,
    "eightieth": EIGHTIETH,
}
RECOMMENDATION = {
    "call_center": "My recommendation: a call center",
    "bpo": "My recommendation: a BPO",
}
FORM_SLOTS = ("company_size", "outsourced_functions", "budget")
MAX_TURNS = 14

Send = Callable[[str, str], Replies]


def load(name: str, data: Path = DATA) -> Any:
    return yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8"))


def rest_sender(base_url: str, timeout: float = 30) -> Send:
    """send(sender, text) -> the bot's replies, through the REST channel."""
    return AssistantClient(base_url, timeout).send


def _response_texts(path: Path) -> Dict[str, List[str]]:
    responses = yaml.safe_load(path.read_text(encoding="utf-8"))["responses"]
    return {
        name: [v["text"] for v in variants if "text" in v] for name, variants in responses.items()
    }


def _texts(replies: Replies) -> List[str]:
    return [reply.get("text") or "" for reply in replies]


@dataclass
class Judge:
    """Which answer a reply is, from the texts the assistant's responses have."""

    topics: Dict[str, str] = field(default_factory=dict)  # answer text -> topic key
    rejections: List[str] = field(default_factory=list)
    clarifications: List[str] = field(default_factory=list)
    questions: Dict[str, List[str]] = field(default_factory=dict)  # slot -> question texts

    @classmethod
    def from_repo(cls) -> "Judge":
        judge = cls()
        for name, texts in _response_texts(REPO_ROOT / "data" / "responses" / "faq.yml").items():
            for text in texts:
                judge.topics[text] = name.removeprefix("utter_")
        domain = _response_texts(REPO_ROOT / "domain.yml")
        for name in ("utter_out_of_scope", "utter_default", "utter_near_domain"):
            judge.rejections += domain.get(name, [])
        judge.clarifications = [
            *domain.get("utter_ask_follow_up_topic", []),
            *domain.get("utter_ask_which_side", []),
        ]
        for slot in FORM_SLOTS:
            judge.questions[slot] = domain.get(f"utter_ask_{slot}", [])
        return judge

    def topic(self, replies: Replies) -> str:
        """The knowledge topic answered, or 'rejected', 'clarify', 'form', 'other'."""
        texts = _texts(replies)
        for text in texts:
            if text in self.topics:
                return self.topics[text]
        if any(text in self.rejections for text in texts):
            return "rejected"
        if any(text in self.clarifications for text in texts):
            return "clarify"
        return "form" if self.asked_slot(replies) else "other"

    def asked_slot(self, replies: Replies) -> Optional[str]:
        for text in reversed(_texts(replies)):
            for slot, questions in self.questions.items():
                if text in questions:
                    return slot
        return None


def recommendation_in(replies: Replies) -> Optional[str]:
    for text in _texts(replies):
        for model, marker in RECOMMENDATION.items():
            if marker in text:
                return model
    return None


def click(replies: Replies, value: str) -> Optional[str]:
    """The payload of the button for `value` ('payroll', 'tight', 'done')."""
    for button in (button for reply in replies for button in reply.get("buttons") or []):
        payload, title = button.get("payload", ""), button.get("title", "").lower()
        if f'"{value}"' in payload or title == value.lower():
            return payload
        if value == "done" and "that's all" in title:
            return payload
    return None


@dataclass
class DialogueResult:
    id: str
    reached: Optional[str]
    expected: Optional[str]
    turns: int
    after: Optional[str] = None
    usable: bool = False  # one free-text answer per question asked, no interjection
    expected_after: Optional[str] = None
    trace: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        before = self.reached == self.expected if self.expected else self.reached is not None
        return before and self.after == self.expected_after

    def say(self, send: Send, sender: str, message: str) -> Replies:
        replies = send(sender, message)
        self.trace += [f"> {message}"] + [f"< {text[:100]}" for text in _texts(replies)]
        return replies


def run_dialogue(send: Send, judge: Judge, dialogue: Dict[str, Any]) -> DialogueResult:
    sender, answers = str(uuid.uuid4()), dialogue.get("answers", {})
    queues = {slot: list(answers.get(slot, [])) for slot in FORM_SLOTS}
    interjection = dict(dialogue.get("interjection") or {})
    result = DialogueResult(dialogue["id"], None, dialogue["expected"], 0)
    result.usable = not interjection and all(
        len(given) <= 1 and not any(a.startswith("BUTTON:") for a in given)
        for given in answers.values()
    )
    result.expected_after = dialogue.get("expected_after")
    message: Optional[str] = dialogue["opening"]
    while message is not None and result.turns < MAX_TURNS:
        result.turns += 1
        replies = result.say(send, sender, message)
        result.reached = recommendation_in(replies)
        slot, message = judge.asked_slot(replies), None
        if result.reached or slot is None:
            break
        if interjection.get("when") == slot:
            message = interjection.pop("text")
            interjection.clear()
        elif queues[slot]:
            answer = queues[slot].pop(0)
            message = click(replies, answer[7:]) if answer.startswith("BUTTON:") else answer
        elif slot == "outsourced_functions":
            message = click(replies, "done")  # tasks picked by button: the visitor is done
    after = dialogue.get("after")
    if isinstance(after, list):  # corrections after it; `expected` is the final outcome
        result.expected, result.expected_after = None, dialogue["expected"]
    if result.reached and after:
        for message in after if isinstance(after, list) else [after]:
            replies = result.say(send, sender, message)
            result.after = recommendation_in(replies) or result.after
    return result


def slot_values(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The form's answers that NLU read in a message (the budget 'unsure' is moderate)."""
    found: Dict[str, Any] = {"company_size": None, "budget": None, "outsourced_functions": set()}
    for entity in parse_data.get("entities") or []:
        if entity.get("role"):
            continue
        if entity["entity"] == "company_size":
            found["company_size"] = entity["value"]
        elif entity["entity"] == "budget":
            found["budget"] = "moderate" if entity["value"] == "unsure" else entity["value"]
        elif entity["entity"] == "outsourced_function":
            found["outsourced_functions"].add(entity["value"])
    return found


def slot_cases(phrasings: Dict[str, Any]) -> List[tuple]:
    """(slot, phrasing, expected value) of each held-out form answer; the functions' value
    is a list of tasks (see `same_answer`)."""
    cases = [
        (slot, text, value)
        for slot in ("company_size", "budget")
        for value, texts in phrasings[slot].items()
        for text in texts
    ]
    return cases + [
        ("outsourced_functions", item["text"], item["expected"])
        for item in phrasings["outsourced_functions"]
    ]


def same_answer(slot: str, got: Any, expected: Any) -> bool:
    """The value read is the one expected (the functions: the exact set)."""
    return got == (set(expected) if slot == "outsourced_functions" else expected)


def slot_accuracy(
    parse: Callable[[str], Dict[str, Any]], data: Path = DATA
) -> tuple[Dict[str, float], List[str]]:
    """Per slot, the share of held-out phrasings read as their value (functions: the
    exact set)."""
    right, total, misses = Counter(), Counter(), []
    for slot, text, expected in slot_cases(load("slot_phrasings", data)):
        got = slot_values(parse(text))[slot]
        total[slot] += 1
        if same_answer(slot, got, expected):
            right[slot] += 1
        elif slot == "outsourced_functions":
            misses.append(f"functions: {text!r} -> {sorted(got)} (expected {expected})")
        else:
            misses.append(f"{slot}: {text!r} -> {got} (expected {expected})")
    return {slot: right[slot] / total[slot] for slot in total}, misses


# answers the form understands, for the questions a phrasing does not answer
_PLAIN_ANSWERS = {
    "company_size": "about 30 people",
    "outsourced_functions": "answering customer calls",
    "budget": "moderate",
}
_OPENING = "bpo or call center for us?"
_TOLD = re.compile(r"You told me: (.+?)\.(?:\n|$)")


def told_answers(replies: Replies) -> Optional[Dict[str, Any]]:
    """The answers the recommendation says it was given ("You told me: ..."), as values."""
    found = next((m.group(1) for t in _texts(replies) if (m := _TOLD.search(t))), None)
    if found is None:
        return None
    tasks = found.split(", outsourcing ", 1)[-1].rsplit(", with ", 1)[0]
    return {
        "company_size": next((v for v, label in SIZE_LABELS.items() if label in found), None),
        "budget": next((v for v, label in BUDGET_LABELS.items() if label in found), None),
        "outsourced_functions": {
            f for f, label in FUNCTION_LABELS.items() if re.search(rf"\b{label}\b", tasks)
        },
    }


def form_reading(send: Send, judge: Judge, slot: str, text: str) -> Any:
    """What the form fills for `slot` when the visitor answers its question with `text`:
    the other questions get plain answers, and the recommendation says what it was told.
    None when the form asks the question again."""
    sender = str(uuid.uuid4())
    replies, given = send(sender, _OPENING), False
    for _ in range(len(FORM_SLOTS) + 1):
        asked = judge.asked_slot(replies)
        if recommendation_in(replies) or asked is None or (asked == slot and given):
            break
        given = given or asked == slot
        replies = send(sender, text if asked == slot else _PLAIN_ANSWERS[asked])
    told = told_answers(replies)
    return None if told is None else told[slot]


def form_slot_accuracy(send: Send, judge: Judge, data: Path = DATA) -> Dict[str, float]:
    """Per slot, the share of held-out phrasings the form fills with their value when
    they answer its question, as the recommendation reports them (slot_accuracy reads
    NLU alone, without the question asked)."""
    right, total = Counter(), Counter()
    for slot, text, expected in slot_cases(load("slot_phrasings", data)):
        total[slot] += 1
        right[slot] += same_answer(slot, form_reading(send, judge, slot, text), expected)
    return {slot: right[slot] / total[slot] for slot in total}


@dataclass
class Figures:
    knowledge_accuracy: float
    knowledge_false_rejection: float
    out_of_scope_rejection: float
    follow_up_accuracy: float
    dialogues_reached: float
    dialogue_turns: float
    misses: Dict[str, List[str]]
    usable_turns: int = 0  # the most turns a dialogue took when every answer was usable

    def lines(self) -> List[str]:
        return [
            f"realistic knowledge accuracy        {self.knowledge_accuracy:.3f}",
            f"realistic in-scope false rejection  {self.knowledge_false_rejection:.3f}",
            f"near-domain/out-of-scope rejection  {self.out_of_scope_rejection:.3f}",
            f"follow-ups with the expected topic  {self.follow_up_accuracy:.3f}",
            f"dialogues reaching the expected recommendation {self.dialogues_reached:.3f}",
            f"visitor turns per successful dialogue {self.dialogue_turns:.2f}",
            f"most turns when every answer is usable {self.usable_turns}",
        ]


def evaluate_knowledge(
    send: Send, judge: Judge, data: Path = DATA
) -> tuple[float, float, List[str]]:
    outcomes, misses = Counter(), []
    for key, questions in load("knowledge", data).items():
        for question in questions:
            got = judge.topic(send(str(uuid.uuid4()), question))
            outcomes["ok" if got == key else ("rejected" if got == "rejected" else "wrong")] += 1
            if got != key:
                misses.append(f"{key} <- {question!r}: {got}")
    total = sum(outcomes.values())
    return outcomes["ok"] / total, outcomes["rejected"] / total, misses


def evaluate_out_of_scope(send: Send, judge: Judge, data: Path = DATA) -> tuple[float, List[str]]:
    items = load("out_of_scope", data)
    got = [(item, judge.topic(send(str(uuid.uuid4()), item["text"]))) for item in items]
    misses = [
        f"{i['category']}: {i['text']!r} -> {topic}" for i, topic in got if topic != "rejected"
    ]
    return (len(items) - len(misses)) / len(items), misses


def evaluate_follow_ups(send: Send, judge: Judge, data: Path = DATA) -> tuple[float, List[str]]:
    items, misses = load("followups", data), []
    for item in items:
        sender = str(uuid.uuid4())
        if item["first"]:
            send(sender, item["first"])
        got = judge.topic(send(sender, item["followup"]))
        if got != item["expected"]:
            misses.append(f"{item['first']!r} + {item['followup']!r}: {got} != {item['expected']}")
    return (len(items) - len(misses)) / len(items), misses


def evaluate_dialogues(
    send: Send, judge: Judge, data: Path = DATA
) -> tuple[float, float, int, List[DialogueResult]]:
    results = [run_dialogue(send, judge, d) for d in load("dialogues", data)]
    good = [r for r in results if r.ok]
    turns = sum(r.turns for r in good) / len(good) if good else 0.0
    usable = max((r.turns for r in good if r.usable), default=0)
    return len(good) / len(results), turns, usable, [r for r in results if not r.ok]


def evaluate(send: Send, data: Path = DATA) -> Figures:
    judge = Judge.from_repo()
    knowledge, false_rejection, knowledge_misses = evaluate_knowledge(send, judge, data)
    rejection, oos_misses = evaluate_out_of_scope(send, judge, data)
    follow_ups, follow_up_misses = evaluate_follow_ups(send, judge, data)
    reached, turns, usable_turns, failed = evaluate_dialogues(send, judge, data)
    misses = {
        "knowledge": knowledge_misses,
        "out_of_scope": oos_misses,
        "follow_ups": follow_up_misses,
        "dialogues": ["\n".join([f"{r.id}: {r.reached}/{r.after}"] + r.trace) for r in failed],
    }
    return Figures(
        knowledge, false_rejection, rejection, follow_ups, reached, turns, misses, usable_turns
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="the assistant's base URL")
    parser.add_argument("--misses", type=Path, help="write every miss to this file")
    parser.add_argument("--set", choices=SETS, default="first", help="which blind set")
    args = parser.parse_args()
    figures = evaluate(rest_sender(args.url), SETS[args.set])
    print("\n".join(figures.lines()))
    if args.misses:
        misses = figures.misses.items()
        args.misses.write_text("\n\n".join(f"## {k}\n" + "\n".join(v) for k, v in misses))


if __name__ == "__main__":
    main()
