"""What a form answer means once NLU has read it: plain functions over slot values
and the latest message, unit-tested without a server."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker

from actions.decision import BUDGETS, COMPANY_SIZES, FUNCTIONS

FORM_SLOTS = ("company_size", "outsourced_functions", "budget")
SLOT_OF_ENTITY = {
    "company_size": "company_size",
    "outsourced_function": "outsourced_functions",
    "budget": "budget",
}
REMOVED = "removed"  # the entity role of a task the visitor takes away ("forget the HR")
GUESS = "guess"  # the entity role of NLU's likeliest reading below its threshold
UNSURE = "unsure"  # the budget answer "not sure": taken as moderate, and said so

_ADDING = re.compile(
    r"\b(too|also|as well|plus|add|adding|another|in addition|on top|besides|and also)\b"
    r"|^\s*(oh,?\s+)?and\b",
    re.IGNORECASE,
)
_CHANGING = re.compile(
    r"\b(actually|instead|rather|change|correction|sorry|wait|oops|meant|forgot|forget|"
    r"only|just|also|too|as well|plus|add|adding|not|no longer)\b|^\W*(?:oh\W+)?and\b",
    re.IGNORECASE,
)
MARKED_CHANGE_CONFIDENCE = 0.5
# the visitor does not know (the answer to the budget question, when nothing else is read)
_UNSURE = re.compile(
    r"\b(no idea|not sure|unsure|dunno|don'?t know|do not know|no clue|not a clue|"
    r"can'?t say|cannot say|could(?:n'?t| not) (?:say|tell)|too early to (?:say|tell)|"
    r"hard to say|haven'?t (decided|a clue)|not decided|undecided|"
    # "it'll depend on what they quote us", "we will see what offers come in"
    r"(?:it|that|it'?ll|it will|that'?ll|will|would) depends?|depending on|we'?ll see|"
    # "depends how much it is", "depends on the price"
    r"^\W*depends?\b|"
    r"we will see|see what (?:offers?|quotes?|prices?)|"
    # "i'll have to see what the accountant says", "need to check with the board"
    r"(?:have|need|got) to (?:see|check|ask)|gotta (?:see|check|ask)|"
    r"see what (?:the|my|our) \w+ (?:says?|thinks?)|"
    r"(?:ask|check with) (?:the|my|our) (?:accountant|boss|board|partners?|finance|director|"
    r"manager|wife|husband|owner)|"
    # "whatever makes sense": the amount left to the advice
    r"whatever (?:makes sense|is (?:normal|reasonable|sensible|usual|fair)|you (?:think|suggest))|"
    r"no (real )?(idea|clue)|not certain|to be (?:decided|confirmed|determined)|tbd|tbc)\b",
    re.IGNORECASE,
)


# "we want somebody external to look after our laptops": work the visitor wants done
_WANTS_IT_DONE = re.compile(
    # ("we're 40 people and need an outsourcing partner")
    r"\b(?:we|i|and)(?:'d| would)?\s+(?:really\s+)?(?:want|need|like|are looking for|"
    r"am looking for|are after|are thinking of|plan)\b.{0,30}?\b(?:someone|somebody|"
    r"some(?:one|body) external|external|outside|"
    r"an? (?:company|firm|provider|partner|agency|team)|outsourc\w*|"
    r"hand(?:ing)? (?:over|off)|to (?:handle|take care of|look after|do|run|manage))\b",
    re.IGNORECASE,
)
# ... told as done: "we need bookings taken by phone, plus the books and payroll done" (not
# "i need to know what's covered", "do we need payroll done in house?")
_NEEDS_IT_DONE = re.compile(
    r"\b(?:we|i)\s+(?:really\s+)?(?:want|need)\b(?!\s+to\b)[^.?!]{0,60}?\b(?:done|taken|"
    r"handled|answered|looked after|taken care of)\b(?!\s+in[- ]?house)",
    re.IGNORECASE,
)
_ASKED = re.compile(r"\?|^\W*(?:do|does|should|can|could|would|is|are)\b", re.IGNORECASE)


def wants_work_done(text: str) -> bool:
    return bool(
        _WANTS_IT_DONE.search(text) or (_NEEDS_IT_DONE.search(text) and not _ASKED.search(text))
    )


# "Hi! We're a regional airline with 1,100 employees.": the visitor introduces the company
_INTRODUCTION = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|hola|ola|good (?:morning|afternoon|evening|day))\b\W*)*"
    r"(?:we(?:'re| are)|i (?:run|own|manage))\s+(?:an?|the)\s+(?!bit\b|little\b|lot\b)"
    r"[^?]*\b(?:with|of|employing|that employs)\s+[^?]*\d[^?]*$",
    re.IGNORECASE,
)


def introduces_the_company(text: str) -> bool:
    return bool(_INTRODUCTION.search(text))


# "many", "loads of staff": a size nobody can place in a class; the question again
_VAGUE_AMOUNT = re.compile(
    r"^\W*(?:(?:oh|well|hmm|quite|so|very|really|too)\s+)*(?:many|lots|a lot|loads|plenty|"
    r"heaps|tons|a bunch|a good number|quite a few|a fair few|enough|some|several)"
    r"(?:\s+of\s+(?:us|them|people|ppl|staff|employees|workers))?\W*$",
    re.IGNORECASE,
)


# people getting in touch, told as the work to hand over with no task named: "families ringing
# the out of hours line", "people calling nonstop to ask if the guitar is still there", "an
# emergency line at night for customers with burst pipes": answering them
_CONTACT = re.compile(
    r"\b(?:call(?:s|ing|ers)?|ring(?:s|ing)?|phon(?:e|es|ing)|e-?mail(?:s|ing)?|"
    r"messag(?:e|es|ing)|texting|text messages?|dms?|whatsapps?|enquir(?:y|ies)|"
    r"inquir(?:y|ies)|"
    r"hotline|(?:phone|help|out of hours|emergency|support|customer|booking|night) line|"
    r"pick(?:s|ing)? up|answer(?:s|ing)? (?:the )?(?:phones?|calls?|e-?mails?|messages?))\b",
    re.IGNORECASE,
)
# ... not "no calls, it's the paperwork", "not the phones", "email marketing"
_NO_CONTACT = re.compile(
    r"\b(?:no (?:more )?|not (?:the |any |really )?|nothing (?:with|about|to do with) (?:the )?|"
    r"without (?:the )?|(?:don'?t|do not|dont) (?:get |have |need )?(?:many |any |much )?|"
    r"isn'?t (?:the )?)(?:calls?|phones?|e-?mails?|messages?|texts?|ringing|phoning|calling|"
    r"lines?)\b"
    r"|\b(?:e-?mail|text|sms|whatsapp)s? (?:marketing|campaigns?|newsletters?|blasts?)\b"
    r"|\bnewsletters?\b",
    re.IGNORECASE,
)


def tells_of_contact(text: str) -> bool:
    return bool(_CONTACT.search(text or "")) and not _NO_CONTACT.search(text or "")


def says_a_vague_amount(text: str) -> bool:
    return bool(_VAGUE_AMOUNT.match(text or ""))


def says_unsure(text: str) -> bool:
    return bool(_UNSURE.search(text)) or says_it_depends(text)


# "depends how much it costs tbh", "it all depends on the price": the budget left to the
# price, whatever else the words sound like
_DEPENDS_FIRST = re.compile(
    r"^\W*(?:(?:well|hmm+|honestly|tbh|idk|i guess)\W+)*(?:(?:it|that)(?:'ll| will)?\s+)?"
    r"(?:all\s+)?depends?\b(?!.*\b(?:tight|flexible|moderate|cheap|generous|limited)\b)",
    re.IGNORECASE,
)


def says_it_depends(text: str) -> bool:
    return bool(_DEPENDS_FIRST.search(text or ""))


# "about 10k per month", "$2,000 a month", "50 grand a year": an amount of money, which
# says nothing of tight or generous without knowing the company
_AMOUNT = re.compile(
    r"[$€£¥₹₱]\s?\d|\d[\d.,]*\s?[$€£¥₹₱]|\b(?:usd|eur|gbp|inr)\s?\d"
    r"|\d[\d.,]*\s?(?:k|m|mil|million|bn|billion|thousand|grand|quid|euros?|dollars?|"
    r"pounds(?!\s+of\b)|bucks|usd|eur|gbp|inr|pesos?|rupees?)\b"
    r"|\d[\d.,]*\s*(?:per|a|an|every|each|/)\s*(?:month|mo|year|yr|quarter|hour|hr)\b",
    re.IGNORECASE,
)


def names_an_amount(text: str) -> bool:
    return bool(_AMOUNT.search(text))


_BARE_NUMBER = re.compile(r"^[\s\d.,+~%kK?!-]*$")


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


def parse_company_size(value: Any) -> Optional[str]:
    text = value.strip().lower() if isinstance(value, str) else None
    return text if text in COMPANY_SIZES else None


def parse_budget(value: Any) -> Optional[str]:
    text = value.strip().lower() if isinstance(value, str) else None
    return text if text in (*BUDGETS, UNSURE) else None


def parse_settled_budget(value: Any) -> Optional[str]:
    """A budget that is an answer: tight, moderate or flexible, not "not sure"."""
    budget = parse_budget(value)
    return None if budget == UNSURE else budget


PARSERS = {
    "company_size": parse_company_size,
    "budget": parse_budget,
    "outsourced_functions": parse_functions,
}


def strongest(parse: Any, candidates: List[Any]) -> Any:
    """The last candidate that parses: candidates come weakest first, and of several
    entities the last one counts, as in Rasa's slot mappings."""
    return next((v for v in map(parse, reversed(candidates)) if v), None)


def answers_in_message(tracker: Tracker, min_confidence: float) -> Dict[Text, Any]:
    """Form slot -> the answer the latest message gives it this confidently."""
    given = unasked_values(tracker, min_confidence)
    answers = {
        "company_size": strongest(parse_company_size, given.get("company_size", [])),
        "outsourced_functions": parse_functions(given.get("outsourced_functions", [])),
        "budget": strongest(parse_settled_budget, given.get("budget", [])),
    }
    return {slot: value for slot, value in answers.items() if value}


_ONLY = re.compile(
    r"\b(only|just|nothing but|solely|what (?:we|i) (?:really|actually) (?:need|want))\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(too|also|as well|plus|add|adding|in addition|on top|besides)\b", re.I)


# "Also," said first goes on talking: it does not keep "only" from replacing the tasks
_ALSO_FIRST = re.compile(r"^\W*(?:oh\W+)?also\s*,", re.IGNORECASE)


def adds_to_earlier(text: Text) -> bool:
    """'oh, and payroll too' adds to the tasks given before; 'just payroll' replaces them."""
    return bool(_ADDING.search(text or ""))


def is_bare_number(text: Text) -> bool:
    return bool(re.search(r"\d", text or "")) and bool(_BARE_NUMBER.match(text or ""))


def entity_values(
    tracker: Tracker, min_confidence: float = 0.0, role: Optional[Text] = None
) -> Dict[Text, List[Any]]:
    """Form slot -> the values the latest message's entities give it (an exact term
    from the entity_ruler has no confidence and always counts); with a role, only
    the entities of that role (GUESS, REMOVED)."""
    values: Dict[Text, List[Any]] = {}
    for entity in tracker.latest_message.get("entities") or []:
        slot = SLOT_OF_ENTITY.get(entity.get("entity"))
        confidence = entity.get("confidence")
        if entity.get("role") != role:
            continue
        if slot and (confidence is None or confidence >= min_confidence):
            values.setdefault(slot, []).append(entity.get("value"))
    return values


# words that ask for work to be done, beside an answer to another question
_ASKS_FOR_WORK = re.compile(
    r"\b(need|needs|want|looking for|outsourc\w*|help|someone|somebody|handl\w*|take over|"
    r"hand (?:over|off)|sort\w*|nightmare|too much|swamp\w*|drowning|killing)\b",
    re.IGNORECASE,
)


_FOR_A_TASK = re.compile(
    r"\b(?:for|mostly|mainly|just|only)\s+(?:the\s+|our\s+)?(?:\w+\s+)?$", re.IGNORECASE
)


def _listed_alone(text: Text, entity: Dict[Text, Any]) -> bool:
    """The entity's words are an item of their own after the head count ("30 people,
    customer support"), not one in a list of who works there ("including musicians,
    librarians and administration, we are 95")."""
    start = entity.get("start") or 0
    before = re.split(r"[,;.:]", text[:start])[-1].strip().lower()
    after = re.split(r"[,;.:]", text[start:])[0]
    return (
        start > 0
        and before in ("", "and", "plus", "mainly", "mostly", "just", "only")
        and len(after.split()) <= 3
        and not _WHO_WORKS_THERE.search(text)
    )


_WHO_WORKS_THERE = re.compile(r"\b(?:including|incl|inc|counting)\b", re.IGNORECASE)


def _listed(text: Text, entity: Dict[Text, Any]) -> bool:
    """The entity's words stand as an item of their own, between commas (up to 3 words)."""
    start = entity.get("start")
    if start is None:
        return True
    before = re.split(r"[,;.:]", text[:start])[-1]
    after = re.split(r"[,;.:]", text[start:])[0]
    # "moderate budget, mostly for payroll and hr"
    return len((before + after).split()) <= 3 or bool(_FOR_A_TASK.search(before))


def unasked_values(tracker: Tracker, min_confidence: float) -> Dict[Text, List[Any]]:
    """Like `entity_values`; but while the form asks about something else, tasks count
    only as exact terms or where the visitor marks a change ("oh, and payroll too"):
    "we pay per month", said of the budget, is no task."""
    asked = tracker.get_slot("requested_slot")
    text = tracker.latest_message.get("text") or ""
    if asked is not None and _CHANGING.search(text):
        # "wait, we also want them to work out everyone's monthly pay": marked as a
        # change, a reading the model is fairly sure of counts
        return entity_values(tracker, min(min_confidence, MARKED_CHANGE_CONFIDENCE))
    given = entity_values(tracker, min_confidence)
    if asked in (None, "outsourced_functions"):
        return given
    asks_for_work = bool(_ASKS_FOR_WORK.search(text))

    def a_task(entity: Dict[Text, Any]) -> bool:
        if asked == "budget":
            # "tight, margins in freight are razor thin": why the budget is what it is; a
            # task listed beside the budget ("payroll, moderate budget") is one
            return asks_for_work or _listed(text, entity)
        if asked == "company_size":
            # "around 55 teachers and admin": who works there, no task; but "30 people,
            # customer support" lists one
            return asks_for_work or _listed_alone(text, entity)
        return True

    exact = [
        e.get("value")
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "outsourced_function"
        and not e.get("role")
        and e.get("confidence") is None
        and a_task(e)
    ]
    read = given.pop("outsourced_functions", [])
    if asked == "company_size" and asks_for_work:
        # "we are 80 people and need sales and support": the model's sure readings too
        exact += [value for value in read if value not in exact]
    return {**given, "outsourced_functions": exact} if exact else given


def value_before_this_turn(tracker: Tracker, slot: Text) -> Any:
    """The slot's value before the latest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
        elif seen_user and event.get("event") in ("restart", "session_started"):
            return None
    return None


def bot_turn_before(tracker: Tracker) -> List[Dict]:
    """The bot's events between the visitor's last two messages."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    before = tracker.events[: users[-1]] if users else []
    turn: List[Dict] = []
    for event in reversed(before):
        if event.get("event") == "user":
            break
        turn.append(event)
    return turn


def slots_set_this_turn(tracker: Tracker) -> List[Text]:
    """Names of the slots set since the user's latest message."""
    names: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot":
            names.append(event.get("name"))
    return names


def removed_functions(tracker: Tracker) -> List[str]:
    """Tasks the latest message takes away ("forget the analytics")."""
    return parse_functions(entity_values(tracker, role=REMOVED).get("outsourced_functions", []))


def merged_functions(
    new: List[str], before: Any, text: Text, removed: Sequence[str] = ()
) -> List[str]:
    """The tasks after an answer: added to the earlier ones when the visitor says so
    ("oh, and payroll too"), less the ones taken away ("forget the analytics")."""
    earlier = [f for f in parse_functions(before) if f not in removed]
    said = _ALSO_FIRST.sub("", text or "")  # "Also, I misspoke: we only want ..."
    if new and _ONLY.search(said) and not _ALSO.search(said):
        return new  # "and scratch the IT, only the phones": these alone
    if earlier and (adds_to_earlier(text) or (removed and not new)):
        return earlier + [f for f in new if f not in earlier]
    return new
