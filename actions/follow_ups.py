"""Follow-up questions that lean on the previous answer ("and for a BPO?", "in terms
of technology?", "how do you get promoted there?").

The topic is looked up in plain tables from the previous topic, the subject the
follow-up names (`bpo`, `call_center` or `other`) and its aspect (an entity, or
else the kind of question the topic classifier sees in it).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import (
    GUESS,
    adds_to_earlier,
    answers_in_message,
    bot_turn_before,
    entity_values,
    is_bare_number,
    merged_functions,
    parse_functions,
    parse_settled_budget,
    says_unsure,
    strongest,
)
from actions.decision import BACK_OFFICE
from actions.recommend import (
    added_task_events,
    asks_a_verdict_on_it,
    start_form_events,
    tell_how_to_choose,
)
from actions.validation import UNASKED_CONFIDENCE, describe_answer
from actions.which_side import (
    ONE_SIDE_QUESTIONS,
    WHICH_SIDE,
    aspect_of_which_side,
    which_side_buttons,
)

BPO, CALL_CENTER = "bpo", "call_center"
BOTH = "both"  # the two side by side: an aspect's answer about both (topic_for)

# aspect -> topic, by subject (None: a topic about both, or the subject is not known)
ASPECTS: Dict[Text, Dict[Optional[Text], Text]] = {
    "definition": {BPO: "definition/bpo", CALL_CENTER: "definition/call_center"},
    "services": {
        BPO: "services/bpo",
        CALL_CENTER: "services/call_center",
        None: "difference/services",
    },
    "benefits": {
        BPO: "benefits/bpo",
        CALL_CENTER: "benefits/call_center",
        None: "benefits/outsourcing_savings",
    },
    "careers": {BPO: "careers/bpo", CALL_CENTER: "careers/call_center"},
    "technology": {None: "difference/technology"},
    "channels": {None: "difference/channels"},
    "structure": {None: "difference/structure"},
    "industries": {None: "services/industries"},
    "locations": {None: "services/locations"},
    "trends": {None: "trends/overview"},
    "ai": {None: "trends/ai_automation"},
    "remote": {None: "trends/remote_global"},
    "similarities": {None: "difference/similarities"},
    "relationship": {None: "difference/relationship"},
    "strategic": {None: "difference/strategic_vs_tactical"},
    "savings": {None: "benefits/outsourcing_savings"},
    "difference": {None: "difference/overview"},
    "choosing": {None: "choosing/overview"},
    "front_back_office": {None: "definition/front_back_office"},
    # "the bigger picture": the general answer of the previous answer's kind (resolve)
    "overview": {None: "difference/overview"},
}

# topic -> (aspect, subject): where each of the 24 answers sits in the table above
TOPICS: Dict[Text, tuple] = {
    "definition/bpo": ("definition", BPO),
    "definition/call_center": ("definition", CALL_CENTER),
    "definition/front_back_office": ("front_back_office", None),
    "difference/overview": ("difference", None),
    "difference/services": ("services", None),
    "difference/structure": ("structure", None),
    "difference/technology": ("technology", None),
    "difference/channels": ("channels", None),
    "difference/relationship": ("relationship", None),
    "difference/similarities": ("similarities", None),
    "difference/strategic_vs_tactical": ("strategic", None),
    "benefits/bpo": ("benefits", BPO),
    "benefits/call_center": ("benefits", CALL_CENTER),
    "benefits/outsourcing_savings": ("savings", None),
    "trends/overview": ("trends", None),
    "trends/ai_automation": ("ai", None),
    "trends/remote_global": ("remote", None),
    "services/bpo": ("services", BPO),
    "services/call_center": ("services", CALL_CENTER),
    "services/industries": ("industries", BPO),
    "services/locations": ("locations", BPO),
    "careers/call_center": ("careers", CALL_CENTER),
    "careers/bpo": ("careers", BPO),
    "choosing/overview": ("choosing", None),
}

# the same kind of answer for the other subject, where the table has none
OTHER_SUBJECT: Dict[Text, Text] = {
    "services/industries": "services/call_center",
    "services/locations": "services/locations",
}

# "tell me more": the natural next answer after each topic
NEXT: Dict[Text, Text] = {
    "definition/bpo": "services/bpo",
    "definition/call_center": "services/call_center",
    "definition/front_back_office": "difference/structure",
    "difference/overview": "difference/services",
    "difference/services": "difference/structure",
    "difference/structure": "difference/technology",
    "difference/technology": "trends/ai_automation",
    "difference/channels": "services/call_center",
    "difference/relationship": "difference/overview",
    "difference/similarities": "difference/overview",
    "difference/strategic_vs_tactical": "choosing/overview",
    "benefits/bpo": "services/bpo",
    "benefits/call_center": "services/call_center",
    "benefits/outsourcing_savings": "services/locations",
    "trends/overview": "trends/ai_automation",
    "trends/ai_automation": "trends/remote_global",
    "trends/remote_global": "services/locations",
    "services/bpo": "services/industries",
    "services/call_center": "difference/channels",
    "services/industries": "services/locations",
    "services/locations": "trends/remote_global",
    "careers/call_center": "careers/bpo",
    "careers/bpo": "careers/call_center",
    "choosing/overview": "difference/overview",
}


# answers that sort tasks into kinds: a task named after them is asked about them
ABOUT_FUNCTIONS = ("definition/front_back_office", "difference/structure")

# a subject named after an answer about both that is not the subjects' own answer:
# "so is a call centre basically that?" after the front and back office
SUBJECT_NAMED_AFTER: Dict[Text, Text] = {"definition/front_back_office": "difference/structure"}

# "why there?": the answer that gives the reasons for another one
# ("why would a company use one?" after what one is or does: its benefits)
WHY: Dict[Text, Text] = {
    "services/locations": "benefits/outsourcing_savings",
    "definition/bpo": "benefits/bpo",
    "definition/call_center": "benefits/call_center",
    "services/bpo": "benefits/bpo",
    "services/call_center": "benefits/call_center",
    # "why?" after the main difference: what each one does, the reason for it
    "difference/overview": "difference/services",
}

# "does that include chatbots?": aspects an answer already covers
INCLUDED: Dict[Text, tuple] = {"difference/technology": ("ai", "technology")}


def other(subject: Optional[Text]) -> Optional[Text]:
    return {BPO: CALL_CENTER, CALL_CENTER: BPO}.get(subject)


def topic_for(aspect: Text, subject: Optional[Text]) -> Optional[Text]:
    by_subject = ASPECTS.get(aspect, {})
    return by_subject.get(subject) or by_subject.get(None)


def resolve(
    previous: Optional[Text],
    subject: Optional[Text] = None,
    aspect: Optional[Text] = None,
    guess: Optional[Text] = None,
    asks_for_more: Optional[bool] = None,
    why: bool = False,
    includes: bool = False,
) -> Optional[Text]:
    """The topic a follow-up points to, or None when it needs a clarifying question.

    previous: the topic of the previous answer; subject: bpo, call_center or other;
    aspect: a key of ASPECTS; guess: the topic classifier's reading of the follow-up
    on its own, used when the follow-up names no aspect; why: it asks why ("why
    there?"); includes: it asks whether the answer includes something.
    """
    last_aspect, last_subject = TOPICS.get(previous, (None, None))
    if aspect == "overview":  # "and the bigger picture?": the general answer of that kind
        kind = (previous or "").partition("/")[0]
        return f"{kind}/overview" if f"{kind}/overview" in TOPICS else topic_for(aspect, None)
    if includes and aspect in INCLUDED.get(previous, ()):
        return previous
    if (
        previous in SUBJECT_NAMED_AFTER
        and subject in (BPO, CALL_CENTER)
        and aspect
        in (
            None,
            "services",
        )
    ):
        return SUBJECT_NAMED_AFTER[previous]  # "which of those does a bpo cover?"
    if subject == "other":
        subject = other(last_subject)
        if subject is None and not aspect:  # "can one be part of the other?" has one
            return None
    if aspect == "difference" and last_aspect == "services":
        return "difference/services"  # "how is that different from what a bpo does?"
    if why and previous in WHY and aspect == last_aspect and not subject:
        return WHY[previous]  # "you said asia and africa, why there exactly?"
    if aspect:
        found = topic_for(aspect, subject or last_subject)
        if found is None and aspect in ASPECTS:
            # "and the careers?" after an answer about both: the classifier's pick of the
            # two, else the first; each answer offers the other as a quick reply
            options = list(ASPECTS[aspect].values())
            found = guess if guess in options else options[0]
        return found
    if subject:
        if previous is None:
            return None
        if subject == last_subject:
            return previous
        if previous in SUBJECT_NAMED_AFTER:
            return SUBJECT_NAMED_AFTER[previous]
        if previous in OTHER_SUBJECT:
            return OTHER_SUBJECT[previous]
        return topic_for(last_aspect, subject) or previous
    if why and previous in WHY:  # "why there?" after where they are
        return WHY[previous]
    if guess in TOPICS:
        guess_aspect, guess_subject = TOPICS[guess]
        if guess_subject is None or last_subject is None:
            return guess
        return topic_for(guess_aspect, last_subject) or guess
    if asks_for_more is False:  # "so it can scale up and down?": about the same answer
        return previous
    return NEXT.get(previous)


def _topic_uttered(event: Dict[Text, Any]) -> Optional[Text]:
    """The knowledge topic a bot event answered, if it is one."""
    if event.get("event") != "bot":
        return None
    key = ((event.get("metadata") or {}).get("utter_action") or "").removeprefix("utter_")
    return key if key in TOPICS else None


def previous_topic(tracker: Tracker) -> Optional[Text]:
    """The knowledge topic of the latest bot answer before this message, if any."""
    for event in reversed(tracker.events[:-1] if tracker.events else []):
        if topic := _topic_uttered(event):
            return topic
    return None


def subject_asked_before(tracker: Tracker) -> Optional[Text]:
    """The one of the two the visitor's message before this one named, if it named one
    ("bpo trends", then "and careers?": a BPO's)."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    if len(users) < 2:
        return None
    # (the text NLU read, which its entities' offsets are of: a dictated message is
    # stored as sent and read rewritten)
    parsed = users[-2].get("parse_data") or {}
    text = parsed.get("text") or users[-2].get("text") or ""
    named = {
        e.get("value")
        for e in (users[-2].get("parse_data") or {}).get("entities") or []
        if e.get("entity") == "subject"
        # ("what trends are there in outsourcing besides call centres?")
        and not _APART_FROM.search(text[: e.get("start", 0)])
    }
    return named.pop() if len(named) == 1 and named <= {BPO, CALL_CENTER} else None


# "pros of the second one?", "careers in the first one?", "and the latter": one of the two by
# the order the question before named them in
_BY_ORDER = re.compile(
    r"\b(?:the|that)\s+(?:(?P<first>first|1st|former)|(?P<second>second|2nd|latter|last))"
    r"(?:\s+(?:one|option|kind|type)s?\b|(?='s\b|\s*(?:[?,.!]|$|(?:pros|cons|then|again)\b)))",
    re.IGNORECASE,
)


def subject_by_order(tracker: Tracker, text: Text) -> Optional[Text]:
    """The one of the two the follow-up names by its place in the visitor's question before
    ("the second one" after "how are call centers and bpos different?": a bpo)."""
    found = _BY_ORDER.search(text)
    users = [event for event in tracker.events if event.get("event") == "user"]
    if not found or len(users) < 2:
        return None
    named = sorted(
        (
            e
            for e in (users[-2].get("parse_data") or {}).get("entities") or []
            if e.get("entity") == "subject" and e.get("value") in (BPO, CALL_CENTER)
        ),
        key=lambda e: e.get("start", 0),
    )
    order = list(dict.fromkeys(e["value"] for e in named))
    if len(order) != 2:
        return None
    return order[0] if found.group("first") else order[1]


def topic_answered_last(tracker: Tracker) -> Optional[Text]:
    """The knowledge topic answered in the bot's turn just before this message, if any."""
    return next(filter(None, map(_topic_uttered, bot_turn_before(tracker))), None)


# a story that ends in a question about the answer just given: "ok we're a dental clinic,
# would they also do our billing?", "our 8 support staff all need health insurance, is
# that part of it?"
_ASKS_ABOUT_THE_ANSWER = re.compile(
    r"(?:^|[,.;:!?]\s*|\b(?:so|but|and|then)\s+)(?:(?:do|does|did|is|are|can|could|would|will|"
    r"should|might)\s+(?:they|that|this|it|those|both|ours|one of them)|(?:that'?s|thats|so that)"
    r"\s+\w+)\b[^,.;:!?]*\?+\W*$",
    re.IGNORECASE,
)
# ... but not one that asks which to pick ("would they suit us better than a bpo?")
_ASKS_WHICH = re.compile(
    r"\b(?:which|recommend\w*|suit\w*|fit\w*|better|best|go for|go with|pick|choose|right|"
    # ... or whether it is the one for them ("would it work for us?", "does that make sense
    # for a shop our size?", "would they be enough?")
    r"for (?:us|me|my|our|a (?:company|business|firm|shop) (?:like|our|my))|work for|make sense|"
    r"help (?:us|me)|enough|worth|doable|should|situation|options?|bpo or|call cent\w* or|"
    r"or (?:an? )?(?:bpo|call cent\w*))\b",
    re.IGNORECASE,
)
# what the question asks of the answer: what they do or what it includes ("would they also
# do our billing?", "is that part of it?"), not whether it suits ("would it be a smart
# move?") or something else ("will it rain?")
_WHAT_THEY_DO = re.compile(
    r"\b(?:do|does|handle|cover|include|take (?:on|over|care of)|run|manage|answer|deal with|"
    r"automate|go away|part of|count|apply|offer|provide)\b",
    re.IGNORECASE,
)
# the visitor's own company or customers told of ("our customers are mad we close at 6pm")
_WE = re.compile(
    r"\b(?:we|we'?re|we'?ve|our|ours|us|my (?:company|business|shop|firm|team|staff|customers|"
    r"clients))\b",
    re.IGNORECASE,
)


_PART_OF_IT = re.compile(r"\bpart of (?:it|that|this)\b", re.IGNORECASE)


_ME = re.compile(r"\b(?:i|me|my|i'?m|im)\b", re.IGNORECASE)


def asks_about_a_job(tracker: Tracker) -> bool:
    """ "what would my first position be if i join one" after what a call center is: the
    visitor asks about working there, which NLU may read as a request for a
    recommendation."""
    text = tracker.latest_message.get("text") or ""
    return bool(
        topic_answered_last(tracker)
        and not tracker.active_loop_name
        and first_entity(tracker, "aspect") == "careers"
        and _ME.search(text)
        and not _OWN_COMPANY.search(text)
    )


def asks_about_the_answer(tracker: Tracker) -> bool:
    """A message that tells of the visitor's company and asks about the knowledge answer
    just given, which NLU may read as a request for a recommendation."""
    text = tracker.latest_message.get("text") or ""
    question = _ASKS_ABOUT_THE_ANSWER.search(text)
    return bool(
        topic_answered_last(tracker)
        and not tracker.active_loop_name
        and question
        # ("my dog is sick, can it eat chocolate?": no story of the visitor's company)
        and _WE.search(text[: question.start()])
        and _WHAT_THEY_DO.search(text[question.start() :])
        and not _ASKS_WHICH.search(text[question.start() :])
    )


async def answer_about_the_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> List[EventType]:
    """The answer to a story's closing question about the answer just given: that answer
    again when the question names nothing of its own ("..., is that part of it?"), else
    the follow-up it points to ("..., would they also do our billing?")."""
    text = tracker.latest_message.get("text") or ""
    question = _ASKS_ABOUT_THE_ANSWER.search(text)
    asked_from = question.start() if question else len(text) + 1
    named = [
        e
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") in ("subject", "aspect", "outsourced_function")
        and e.get("extractor") != "FormAnswerClassifier"  # (its reading spans the message)
        and (e.get("start") or 0) >= asked_from
        # ("is that part of it?" asks whether it is included, not how the two relate)
        and not (e.get("value") == "relationship" and _PART_OF_IT.search(text))
    ]
    if not named:
        # ("users reach us on email and chat, not phone, does that still count?" after
        # what a call center does: the classifier sure of the story's own topic)
        story = classifier_guess(tracker.latest_message, STORY_GUESS)
        aspects = aspects_named(tracker)
        # (the story names that topic's aspect: "our bpo vendor wants to add a phone team,
        # so thats normal?" reads like what a bpo is, and names no aspect)
        topic = story if story in TOPICS and TOPICS[story][0] in aspects else None
        topic = topic or topic_answered_last(tracker)
        dispatcher.utter_message(response=f"utter_{topic}")
        return [SlotSet("follow_up_shape", False)]
    return await ActionAnswerFollowUp().run(dispatcher, tracker, domain)


RECOMMENDING_ACTIONS = (
    "action_recommend_model",
    "action_take_answer",
    "action_explain_recommendation",
)


def changes_the_size_or_budget(tracker: Tracker) -> bool:
    """The visitor tells of their own company a size or a budget other than the one
    given, in words the model reads surely ("we belong to a group of 900 staff"; not the
    ruler's "small businesses" in "does that apply to small businesses too?")."""
    text = tracker.latest_message.get("text") or ""
    if not _WE.search(text) or "?" in text:
        return False  # ("is that what you'd tell our parent company with 2000 staff?")
    return any(
        e.get("entity") in ("company_size", "budget")
        and not e.get("role")
        and (e.get("confidence") or 0.0) >= UNASKED_CONFIDENCE
        and e.get("value") != tracker.get_slot(e["entity"])
        for e in tracker.latest_message.get("entities") or []
    )


def recommendation_was_last(tracker: Tracker) -> bool:
    """The latest answer before this message was the recommendation or its reasons."""
    actions = [
        event.get("name")
        for event in bot_turn_before(tracker)
        if event.get("event") == "action" and event.get("name") != "action_listen"
    ]
    return bool(actions) and actions[0] in RECOMMENDING_ACTIONS


def aspects_named(tracker: Tracker) -> set:
    """The aspects the latest message names."""
    return {
        e.get("value")
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "aspect"
    }


def first_entity(tracker: Tracker, name: Text) -> Optional[Text]:
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == name and entity.get("value"):
            return str(entity["value"])
    return None


# "is it part of a call centre or the other way round": how they relate, asked outright
_HOW_THEY_RELATE = re.compile(
    r"\b(?:part of|inside|within|includes?|belongs?|under|contains?|subsets?|kind of|type of)\b",
    re.IGNORECASE,
)
# "and the other way round?" after one subject's answer: the other subject's
_OTHER_WAY_ROUND = re.compile(
    r"\b(?:the )?other way (?:a?round|about)\b|\bthe (?:reverse|opposite)\W*$|\bvice versa\b"
    r"|\b(?:works?|go(?:es)?|happens?|runs?) the other way\b"
    r"|^\W*(?:(?:and|ok(?:ay)?|now)\W+)?flip (?:it|that)\b",
    re.IGNORECASE,
)
# the words that turn the previous answer round without naming an aspect
_TURNED = re.compile(
    r"the (?:reverse|opposite)|flip (?:it|that)|(?:the )?other way (?:a?round|about)"
    r"|(?:works?|go(?:es)?|happens?|runs?) the other way"
)
# ... not what AI will do to them ("which one will be replaced more by robots"): the trends
_WHAT_AI_DOES_TO_THEM = re.compile(
    r"\b(?:replac\w*|take over|taking over|future|will|going to|gonna|threat\w*|kill\w*)\b",
    re.IGNORECASE,
)
# "which one leans more on chatbots?": the two set against each other
_WHICH_ONE_MORE = re.compile(
    r"\bwhich(?: one| of (?:them|the two|those))?\b[^?.!]*\b(?:more|less|most|least|better)\b",
    re.IGNORECASE,
)
# "where do the savings come from?": no place asked
_ABSTRACT_WHERE = re.compile(
    r"\bwhere(?=\s[^?.!]*\b(?:(?:comes?|coming) from|overlap\w*|fits? in|differ\w*)\b)",
    re.IGNORECASE,
)
# "the places where people sit answering phones": a "where" that describes, asking no place
_DESCRIBING_WHERE = re.compile(
    r"\b(?:places?|ones?|rooms?|buildings?|outfits?|setups?)\s+(?P<where>where)\b"
    r"(?!\s+(?:are|is|do|does|can|could)\s+(?:they|it|these|those|you|u|i|we)\b)"
    r"(?!\s+(?:i|we|you|u)\s+(?:live|are|work))",
    re.IGNORECASE,
)

_SUBJECT = r"(?:an?\s+|the\s+)?(?:bpos?|call[- ]?cent(?:er|re)s?|business process outsourcing)"
# a side alone, the reply to "a BPO or a call center?" ("for a bpo?", "the call centre one")
_ONLY_A_SIDE = re.compile(
    r"^\W*(?:(?:and|ok|okay|oh|um|uh|hmm+|hm|so|i mean|what about|how about|for|of|about|at|"
    r"in)\W+)*"
    rf"(?:{_SUBJECT}|cc)(?:\W+(?:one|side|pls|please|plz|thx|thanks|then|i guess|i think|"
    r"probably))*\W*$",
    re.IGNORECASE,
)
# "why do companies send their work there": why the work goes where the providers are
_WHY_SENT_THERE = re.compile(
    r"\b(?:why|how come)\b.{0,40}\b(?:send|sends|move|moves|ship|ships|outsource|outsources|"
    r"give|gives|hand|hands)\b.{0,25}\b(?:there|abroad|overseas|offshore)\b",
    re.IGNORECASE,
)
# "what roles are there apart from the phone agents": the one named is left out
_APART_FROM = re.compile(
    r"\b(?:apart from|besides|other than|except(?: for)?|aside from|beyond|not counting)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "what counts as back office work exactly?": what the two terms mean, not a task
_WHAT_COUNTS_AS_AN_OFFICE = re.compile(
    r"\bwhat(?:'?s|\s+(?:counts as|is|are|do you mean by|does .{0,20}mean by))\s+(?:the\s+|a\s+)?"
    r"(?:front|back)[- ]?office\b",
    re.IGNORECASE,
)
# "so is it a kind of bpo then": how they relate
# "and within a call centre?" after the jobs in a BPO: the other side, no relation asked
_WITHIN_A_SIDE = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|what about|how about)\W+)*(?:with)?in(?:side)?\s+"
    rf"{_SUBJECT}(?:\W+(?:then|too|though|for comparison))*\W*$",
    re.IGNORECASE,
)
_A_KIND_OF = re.compile(
    r"\b(?:is|are) (?:it|that|they|this|one) (?:just |basically |really )?(?:a |an )?"
    rf"(?:kind|type|sort|part|form|subset|branch|piece) of {_SUBJECT}"
    # "so is a call center one of those?" after what a bpo is
    rf"|\b(?:is|are) {_SUBJECT} (?:just |basically |really )?one of (?:those|them|these)\b"
    # "so is a call center inside that or a seperate thing"
    rf"|\b(?:is|are) {_SUBJECT} (?:inside|within|part of|under) (?:that|it|them|this|{_SUBJECT})"
    r"|\b(?:a )?sep[ae]rate (?:thing|business|industry|company|service)\b",
    re.IGNORECASE,
)
# "is that more or less than what a bpo covers": how they differ
_MORE_OR_LESS_THAN = re.compile(
    r"\b(?:more or less|bigger or smaller|wider or narrower|broader or narrower) than "
    rf"(?:what )?{_SUBJECT}"
    # "so is it bigger than a call center or what"
    r"|^\W*(?:(?:so|and|but|ok)\W+)*(?:is|are|isn'?t|aren'?t)\s+(?:it|that|this|they|"
    rf"{_SUBJECT})\s+(?:\w+\s+)?(?:bigger|smaller|larger|wider|broader|narrower) than {_SUBJECT}"
    r"\W*(?:(?:or what|then|tho|though)\W*)?$",
    re.IGNORECASE,
)
# "so which is cheaper", "is that the cheaper option for small businesses?": which one to
# pick, which the budget decides (not "cheaper than doing it ourselves": the savings; not
# "which is the cheapest country" or "which is cheaper, ivr or chatbots?")
_CHEAPER_ONE = re.compile(
    r"\b(?:which|what)(?:\s+one|\s+option|\s+of (?:the two|them|those))?(?:'?s|\s+is|\s+would be|"
    r"\s+works out)?\s+(?:the\s+)?(?:cheaper|cheapest|more affordable|less expensive|"
    r"more expensive|pricier)(?:\s+(?:one|option))?"
    r"(?=\W*(?:$|then\b|tho\b|overall\b|for (?:us|me|an?)\b))"
    r"|\bthe (?:cheaper|cheapest|more affordable|less expensive) (?:option|one|choice)\b"
    r"|\b(?:cheaper|more affordable|less expensive|more expensive|pricier) than "
    rf"(?:{_SUBJECT}|the other)",
    re.IGNORECASE,
)
# ... after an answer that compares other things: the jobs, hiring abroad or at home
_CHEAPER_OF_OTHERS = (
    "careers/bpo",
    "careers/call_center",
    "benefits/outsourcing_savings",
    "services/locations",
    "trends/remote_global",
)
# "why are they so cheap": where the savings come from
_WHY_CHEAP = re.compile(
    r"^\W*(?:(?:and|but|so|ok)\W+)?(?:why|how come)\b(?!\s+not\b)[^?.]{0,30}\b(?:cheap|cheaper|"
    r"inexpensive|low[- ]cost)\b",
    re.IGNORECASE,
)
# "so does a call centre do more than calls these days?": the channels
_BEYOND_CALLS = re.compile(
    r"\b(?:more than|other than|besides|beyond|apart from|not just|only|or just|or only|"
    r"still just|still only)\s+"
    # ("do they only do phone calls")
    r"(?:(?:do|take|handle|make|answer)\s+)?"
    r"(?:just\s+)?(?:(?:the\s+)?phones?\s+)?calls?\b(?!\s+cent)"
    # (not "apart from calls, can a bpo do our payroll?": a task asked about)
    r"(?=\W*(?:$|these days|now|nowadays|too|anymore|any more|then|or\b|"
    # ("... there or do they ...", not "apart from calls, there's payroll")
    r"there\b(?!\s*(?:'s|is|are|was|were)\b)))",
    re.IGNORECASE,
)
# "do they do live chat too or just phones", "so no live chat then?": which channels (the
# task's words, "live chat", are read as customer support, not as the channel)
_CHANNEL = (
    r"(?:live chat|web ?chat|chat|e-?mails?|whatsapp|sms|texts?|texting|social media|messenger)"
)
_ASKS_CHANNELS = re.compile(
    rf"\b{_CHANNEL}\b[^.?!]{{0,20}}\bor (?:just|only) (?:the )?(?:phones?|calls?|voice)\b"
    r"|\b(?:just|only) (?:the )?(?:phones?|calls?|voice)\b[^.?!]{0,20}\bor (?:also )?"
    rf"{_CHANNEL}\b"
    rf"|^\W*(?:(?:so|and|but|ok)\W+)*(?:no|any|not even) {_CHANNEL}\b"
    r"(?:\s+(?:then|either|at all))?\W*$",
    re.IGNORECASE,
)
# "why would a company outsource those instead of hiring staff": what outsourcing saves
_INSTEAD_OF_OWN_STAFF = re.compile(
    r"\b(?:instead of|rather than)\s+(?:hiring|employing|having|keeping|paying)\s+"
    r"(?:their |our |your |its |my )?(?:own )?(?:staff|people|employees|a team|an? in-?house|"
    r"in-?house|someone)",
    re.IGNORECASE,
)
# "is that changing?" after where they are: work done from anywhere now
_IS_CHANGING = re.compile(
    r"\b(?:is|are)\s+(?:that|this|it|they|those)\s+(?:still\s+)?(?:changing|shifting|"
    r"going to change)\b|\bwill (?:that|this|it) (?:change|last|stay that way)\b"
    r"|\b(?:still|always) the case\b",
    re.IGNORECASE,
)
# "is it just for tech/telecom companies?": the industries; "... for big companies?": which
# one goes with a size
_ONLY_FOR_SOME = re.compile(
    r"\b(?:just|only|mainly|mostly|purely)\s+(?:for|in|used (?:by|in))\s+"
    r"(?P<kind>(?:[\w/&-]+\s+){1,3})(?:compan(?:y|ies)|firms|businesses|industr(?:y|ies)|"
    r"sectors?|corporations|corps|ones)\b",
    re.IGNORECASE,
)
# "do banks and insurers use it too": who uses it, the industries where one is named
_WHO_USES_IT = re.compile(
    r"\b(?:do|does|would|can|could)\s+(?:\w+\s+){1,4}?(?:use|rely on|outsource to)\s+"
    r"(?:it|them|one|that|those|these)\b",
    re.IGNORECASE,
)
_SIZE_WORDS = re.compile(
    r"\b(?:big|bigger|small|smaller|large|larger|mid(?:-?sized?|size)?|medium|tiny|huge|giant|"
    r"enterprise)\b",
    re.IGNORECASE,
)
# "for small firms?", "and in bigger companies?": which one goes with a company of a size
# (as FollowUpShape's _FOR_A_KIND reads it, with a word of size)
# ("and mid-size businesses?", "is that true for small firms too")
_FOR_A_SIZE = re.compile(
    r"^\W*(?:(?:and|but|so|what about|how about)\s+(?:(?:for|in|at|with)\s+)?|"
    r"(?:for|in|at|with)\s+|(?:is|does|would)\s+(?:that|this|it)\s+(?:(?:also|still)\s+)?"
    r"(?:true|apply|hold|work|the same|same)\s+(?:for|in|at|with|to)\s+)(?:an?\s+|the\s+)?"
    # (not "and for the bigger outsourcing firms": the BPOs; "for startups?" is a size)
    rf"(?:(?:really\s+|very\s+)?{_SIZE_WORDS.pattern}\s+(?:(?!outsourc|bpo|call)[\w-]+\s+)?"
    r"(?:compan(?:y|ies)|business(?:es)?|biz|firms?|shops?|startups?|ones|sme'?s|"
    r"organi[sz]ations?|teams?|outfits?|corporations?|corps?|enterprises?|multinationals?|"
    r"brands?)|start-?ups?|sme'?s|multinationals?|corporations?)"
    r"(?:\s+(?:too|as well|also)|\W+(?:(?:is it|are they)\s+)?(?:still\s+)?worth it)?\W*$",
    re.IGNORECASE,
)
# ... after an answer about the two as companies (after the jobs or the trends, the same
# answer for a company of that size)
_ABOUT_THE_COMPANIES = (
    "choosing/",
    "definition/bpo",
    "definition/call_center",
    "difference/overview",
    "benefits/bpo",
    "benefits/call_center",
    "services/bpo",
    "services/call_center",
)
_PLACES = re.compile(
    r"\b(?:us|uk|eu|western|\w+(?:an|ese|ish)|in (?:the )?\w+|from \w+)\b", re.IGNORECASE
)
# "so not the same as a call center?" after what a bpo is: how the two differ (not "is it
# the same at a bpo?": the same aspect of the other)
_SAME_AS = re.compile(
    r"^\W*(?:(?:so|and|but|ok|wait|hmm+)\W+)*(?:(?:is|isn'?t|are|aren'?t)\s+)?(?:(?:it|that|this|"
    r"they|its|it'?s|thats|that'?s)\s+)?(?:not\s+)?(?:really\s+|just\s+|exactly\s+)?(?:the\s+)?"
    r"same(?: thing)? as (?:an?\s+|the\s+)?(?:bpos?|(?:call|contact)[- ]?cent(?:er|re)s?|cc|"
    # "so is it the same as an outsourcing company or no"
    r"outsourc\w*(?:\s+(?:company|companies|firms?|providers?|partners?))?)\b",
    re.IGNORECASE,
)
# "same thing for the bpos?": the previous question asked of another, not whether the two
# are the same thing
_SAME_FOR = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|now)\W+)?(?:the\s+)?same(?:\s+(?:thing|question|goes|again|deal))?"
    r"\s+(?:for|with|about|at|of)\b(?!\s+(?:both|the two|them both|each|all)\b)",
    re.IGNORECASE,
)
# "does the same logic apply to hospitals?", "is that true for banks too": the answer given,
# asked of a kind of company or a place, not the industries or the places themselves
_HOLDS_FOR = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)\W+)?(?:does|do|would|will|is)\s+(?:that|this|it|"
    r"the same(?:\s+(?:logic|rule|reasoning|advice|thinking|answer|thing))?)\s+(?:also\s+)?"
    r"(?:apply|hold(?:\s+true)?|work|go|count|true|the case)\s+(?:for|to|in|with|at)\b",
    re.IGNORECASE,
)
# "which one does a call centre belong to" after what the two offices are
_WHICH_HALF = re.compile(
    r"\bwhich (?:one|side|part|half|of (?:them|those|the two|these))\b[^?.!]{0,40}?"
    r"\b(?:belongs?|falls?|fits?|sits?) (?:to|under|in|into|within)\b",
    re.IGNORECASE,
)
# "in what ways is it like a bpo": what they share
_ALIKE = re.compile(
    r"\b(?:in what ways?|how|where)\s+(?:is|are)\s+(?:it|that|they|the two|an?\s+[\w-]+(?:\s+"
    rf"[\w-]+)?)\s+(?:(?:like|similar to)\s+{_SUBJECT}|alike|similar\b(?!\s+to))",
    re.IGNORECASE,
)
# "which of those can a bpo run for me" after the front and back office: what it does
_WHICH_OF_THOSE_DONE = re.compile(
    r"\bwhich (?:of (?:those|them|these)|ones?|parts?) (?:can|could|would|do|does|will) "
    rf"(?:{_SUBJECT}|cc|they)\s+(?:run|do|handle|take (?:on|over)|cover|manage)\b"
    # "what kind of calls do they make and take"
    r"|\bwhat (?:kinds?|sorts?|types?) of (?:calls|work|tasks|jobs|things|stuff|processes) "
    rf"(?:can|could|would|do|does|will) (?:{_SUBJECT}|cc|they|it|those|these)\s+(?:usually\s+)?"
    r"(?:make|take|do|handle|run|take (?:on|over)|cover|manage|get)\b",
    re.IGNORECASE,
)
# "is that any different from what call centers run?" after one kind of difference: that
# kind of difference again
_IS_THAT_DIFFERENT = re.compile(
    r"^\W*(?:(?:and|so|but|ok)\W+)?(?:is|are) (?:that|this|it|those) (?:any |really |much )?"
    r"different (?:from|to|than|at|in|for)\b",
    re.IGNORECASE,
)
_KINDS_OF_DIFFERENCE = ("services", "structure", "technology", "channels")
# "what's bpo better at": its advantages
_BETTER_AT = re.compile(
    rf"\bwhat(?:'?s| is| are| do| does)\s+{_SUBJECT}\s+"
    r"(?:(?!jobs|roles|careers|agents|staff|workers|employees)\w+\s+)?"
    r"(?:better|best|good|great) at\b",
    re.IGNORECASE,
)
# "who is it best suited for", "what size of company usually goes for one", "so is it more
# for small businesses?": which one goes with which company, the rule of thumb
_SUITED_FOR = re.compile(
    r"\bwho (?:is|are) (?:it|they|that|one|this) (?:best |most |better )?(?:suited|meant|made|"
    r"right|good) for\b"
    r"|\bwhat (?:size|kind|type|sort) of (?:company|companies|business(?:es)?|firms?)\b[^?.]{0,30}"
    r"\b(?:go(?:es)? for|use|uses|choose|chooses|pick|picks|suit\w*|fit\w*|need\w*|"
    r"(?:right|good|best|meant|made|ideal) for)\b"
    # "is that why smaller companies go for them?"
    rf"|\b{_SIZE_WORDS.pattern}\s+(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|ones)\s+"
    r"(?:go for|go with|pick|choose|use|prefer|opt for)\s+(?:them|it|one|those|that)\b"
    # "when would a company go for that instead of a call centre"
    r"|\bwhen (?:would|should|does|do|might) (?:a |an |my |our )?(?:company|business|firm)\s+"
    r"(?:go for|go with|pick|choose|opt for)\b"
    # "which for who?", "ok so when does each one make sense"
    r"|^\W*which (?:one )?for (?:who|whom|what)\W*$"
    r"|\bwhen (?:does|do|would|should) (?:each|either|which) (?:one )?"
    r"(?:make sense|fit|work|suit)\b(?!\W*\d)"
    r"|\b(?:is|are) (?:it|they|that|this|one) (?:(?:more|mostly|mainly|better|only|just|also|"
    r"even|really)\s+)?for\s+"
    r"(?:small|smaller|big|bigger|large|larger|mid(?:-?sized?|size)?|medium)[\s-]*(?:sized?\s+)?"
    r"(?:companies|businesses|firms|ones|shops)\b",
    re.IGNORECASE,
)
# the visitor's own path, after the jobs: "who is it best suited for, would it suit me"
_PERSONAL = re.compile(r"\b(?:me|my|i|i'?m|im|myself)\b", re.IGNORECASE)
# "they hiring?": the jobs
_HIRING = re.compile(
    r"^\W*(?:(?:and|so|ok|are|r)\W+)*(?:they|bpos?|call[- ]?cent\w+|those|these) (?:hiring|"
    r"recruiting)\b",
    re.IGNORECASE,
)
# "what would i work as there with an hr degree": the jobs, for the visitor
_MY_WORK = re.compile(
    r"\b(?:i|i'?d|me|my|someone like me)\b.{0,40}?\b(?:work as|job as|(?:a|an|my) (?:\w+ )?"
    r"(?:degree|diploma|qualification)|background in|experience in)\b"
    r"|\bwhat (?:would|could|can) i (?:work as|do there|be there)\b",
    re.IGNORECASE,
)
# "and whats good about them", "what's so great about it": the advantages
_GOOD_ABOUT = re.compile(
    r"\bwhat(?:'?s| is| are)?(?: so| the)? (?:good|great|nice|best)(?: (?:thing|things|part|"
    rf"bits?))? about (?:them|they|those|these|it|{_SUBJECT})\W*$",
    re.IGNORECASE,
)
# "what else is changing" after one of the trends: the trends as a whole
_WHAT_ELSE_CHANGES = re.compile(
    r"\b(?:else|other|besides|apart from|on top of)\b[^.?!]{0,30}\b(?:chang\w*|trends?|coming|"
    r"future|evolv\w*|shifts?|happening)\b",
    re.IGNORECASE,
)
# "what do they outsource exactly" after the industries: what the work handed over is
_WHAT_THEY_OUTSOURCE = re.compile(
    r"\bwhat (?:exactly |else |(?:kinds?|sorts?|types?) of (?:work|tasks|jobs|processes) |"
    r"work |tasks )?(?:do|does|would|can) "
    r"(?:they|companies|firms|businesses|those \w+) (?:usually |"
    r"typically |actually |exactly |mostly )?(?:outsource|hand (?:over|off)|"
    # "what kinds of work do they send over there" after where the providers are
    r"send (?:over|out|abroad|offshore|there)|farm out)\b",
    re.IGNORECASE,
)
# the difference as a whole, after one of its kinds: "so whats the main difference in one
# sentence", "the key difference then?", "the difference in a nutshell"
_MAIN_DIFFERENCE = re.compile(
    r"\b(?:main|key|biggest|big|basic|core|overall|real|actual|fundamental)\s+diff(?:erence)?\b"
    # "what's the main thing that seperates them"
    r"|\b(?:main|key|biggest|big|real) thing that (?:separates|seperates|sets (?:them|it) apart|"
    r"distinguishes|makes (?:them|it) different)\b"
    r"|\bdiff(?:erence)?\b[^.?!]{0,20}\b(?:in (?:one|a) (?:sentence|line|word)|in a nutshell|"
    r"in short|tl;?dr)\b",
    re.IGNORECASE,
)
# an aspect -> the narrower aspects it contains ("where does a call center sit in that?"
# asks for a place in the structure; "its advantage, cost wise" for the savings)
_NARROWER = {
    "technology": ("ai",),
    "trends": ("ai", "remote"),
    "locations": ("structure",),
    "benefits": ("savings",),  # "the advantage vs doing it ourselves, cost wise"
    "services": ("channels",),  # "do they do chat and whatsapp as well or just calls"
}


_SENTENCE_END = re.compile(r"[.!?]+\s+")
# when one is the right choice: "when does it make sense", "when is one worth it"
_WHEN_IT_FITS = re.compile(
    r"\bwhen\s+(?:does|would|is|do|will)\s+(?:it|one|that|this|they)\s+(?:really\s+|actually\s+)?"
    r"(?:make\s+sense|worth\s+it|a\s+good\s+(?:idea|fit|choice)|the\s+right\s+(?:choice|call)|"
    r"pay\s+off)",
    re.IGNORECASE,
)
# ... after what one is or does, or how they differ (not after the jobs or the trends)
_WHEN_IT_FITS_AFTER = ("definition/bpo", "definition/call_center", "services/bpo",
                       "services/call_center", "difference/overview")  # fmt: skip
# the aspect the previous answer is asked in: "front/back office wise?", "in terms of ..."
_IN_TERMS_OF = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|what about|how about)\W+)?(?:(?:in terms of|when it comes to)\s+"
    r"(?:the\s+)?[\w/ -]{1,30}|[\w/ -]{1,30}[- ]wise)\W*$",
    re.IGNORECASE,
)
_GENERAL_ASPECTS = ("definition", "difference")
_OFFICE_WORK = re.compile(
    r"\b(?:front|back)[- ]?office\s+(?:stuff|work|tasks?|jobs|side|processes|functions)\b",
    re.IGNORECASE,
)


def last_sentence_start(text: Text) -> int:
    """Where the last sentence of `text` begins (0 for a single one)."""
    return max((m.end() for m in _SENTENCE_END.finditer(text)), default=0)


def main_aspect(tracker: Tracker, previous: Optional[Text] = None) -> Optional[Text]:
    """The aspect the message asks about: "whats that about esims" names "definition"
    ("what's that") and remote work; the more specific one wins. After an answer about
    one aspect, a new one wins over that one ("why asia and africa, is it cheaper
    there?" after where they are: the savings)."""
    text = tracker.latest_message.get("text") or ""
    named_aspects = aspects_named(tracker)
    others = named_aspects - {"difference"}
    if _WITHIN_A_SIDE.match(text):
        return None
    if _MAIN_DIFFERENCE.search(text) and (previous or "").startswith("difference/"):
        return "overview"  # "so whats the main difference in one sentence" after one of them
    if _MAIN_DIFFERENCE.search(text) and not others:
        return "difference"  # "whats the actual difference" after anything else
    if previous == "difference/similarities" and _TURNED.search(text.lower()):
        return "difference"  # "and the other way round?" after what they share
    if previous == "definition/front_back_office" and _WHICH_HALF.search(text):
        return "structure"  # "which one does a call centre belong to": where each one works
    if (
        (previous or "").startswith("difference/")
        and "front_back_office" in named_aspects
        and _IN_TERMS_OF.search(text)
    ):
        return "structure"  # "front/back office wise?" after a difference: where each works
    if _WHEN_IT_FITS.search(text) and (previous or "").startswith(_WHEN_IT_FITS_AFTER):
        return "choosing"  # "when does it make sense" after what one is: how to choose
    if _A_KIND_OF.search(text):
        return "relationship"
    if previous == "services/locations" and _WHY_SENT_THERE.search(text):
        return "savings"  # "why do companies send their work there" (not the jobs there)
    if _WHY_CHEAP.search(text):
        return "savings"
    if _CHEAPER_ONE.search(text) and previous and previous not in _CHEAPER_OF_OTHERS:
        return "choosing"
    if _MORE_OR_LESS_THAN.search(text):
        return "difference"
    if _SAME_AS.search(text) and not others and (previous or "").startswith("definition/"):
        return "difference"
    if _BEYOND_CALLS.search(text) or (
        _ASKS_CHANNELS.search(text) and not (previous or "").startswith("careers/")
    ):
        return "channels"
    if _ALIKE.search(text):
        return "similarities"
    if _BETTER_AT.search(text):
        return "benefits"
    if (
        _GOOD_ABOUT.search(text)
        and not others
        and previous in TOPICS
        # of the one the previous answer was about, not of a job there, a tool or both
        and TOPICS[previous][1] in (BPO, CALL_CENTER)
        and not previous.startswith("careers/")
    ):
        return "benefits"
    if _SUITED_FOR.search(text):
        # ("who is it best suited for" after the jobs: who suits the job)
        if (previous or "").startswith("careers/"):
            return "careers"
        # "what kind of companies use it, like which sectors": the industries
        sectors = "industries" in others and not _SIZE_WORDS.search(text)
        return "industries" if sectors else "choosing"
    if _WHICH_OF_THOSE_DONE.search(text):
        return "services"
    if previous == "services/locations" and _IS_CHANGING.search(text):
        # ("is that changing because of ai?" names what changes it)
        return "ai" if "ai" in named_aspects else "remote"
    if (previous or "").startswith("careers/") and _PERSONAL.search(text):
        if named_aspects and named_aspects <= {"trends", "choosing", "benefits", "careers"}:
            return "careers"  # "whats coming next for me after that" after the jobs
    if _FOR_A_SIZE.match(text) and (previous or "").startswith(_ABOUT_THE_COMPANIES):
        return "choosing"
    if "industries" in named_aspects and _WHO_USES_IT.search(text):
        return "industries"  # "is that just a tech thing or do banks and insurers use it too"
    only_for = _ONLY_FOR_SOME.search(text)
    if only_for:
        kind = only_for.group("kind")
        if _PLACES.search(kind):
            return "locations"  # "is offshoring only for american companies"
        return "choosing" if _SIZE_WORDS.search(kind) else "industries"
    if (
        _HOLDS_FOR.search(text)
        and previous in TOPICS
        and named_aspects
        and named_aspects <= {"industries", "locations"}
        and TOPICS[previous][0] not in ("industries", "locations", "front_back_office")
        and not previous.startswith("definition/")
    ):
        return None
    if _INSTEAD_OF_OWN_STAFF.search(text):
        return "savings"
    if _HIRING.search(text) or _MY_WORK.search(text):
        return "careers"
    if (
        (previous or "").startswith("trends/")
        and previous != "trends/overview"
        and _WHAT_ELSE_CHANGES.search(text)
    ):
        return "trends"
    if _WHAT_THEY_OUTSOURCE.search(text):
        return "services"
    # "does that cover africa too?": "cover" asks whether the answer does, about no services
    asking = _DOES_THAT_INCLUDE.search(text)
    # "where do the savings come from?", "where does that overlap with a bpo?": no place
    abstract = _ABSTRACT_WHERE.search(text)
    describing = {m.start("where") for m in _DESCRIBING_WHERE.finditer(text)}
    same_for = _SAME_FOR.search(text)
    named = [
        e
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "aspect"
        and e.get("value")
        and not (asking and asking.start() <= e.get("start", -1) < asking.end())
        and not (same_for and e.get("start", -1) < same_for.end())
        and not (abstract and abstract.start() == e.get("start", -1))
        and e.get("start", -1) not in describing
    ]
    # "i keep reading about firms in asia and africa ... why is it so much cheaper?": a
    # last sentence that asks is the question; the story before it names aspects in passing
    # ("so they're cheaper? where does the saving come from": the savings, named twice)
    last = last_sentence_start(text.rstrip())
    asked = {e["value"] for e in named if e.get("start", -1) >= last}
    # (with or without its question mark: "... is a call centre just phone or can they answer
    # our website chat too")
    asks_last = text.rstrip().endswith("?") or _ASKS.match(text.rstrip()[last:])
    if asks_last and asked - set(_GENERAL_ASPECTS):
        named = [e for e in named if e["value"] in asked]
    about_both = previous in TOPICS and TOPICS[previous][1] is None
    if len(named) > 1 or (about_both and TOPICS[previous][0] != "relationship"):
        # "now the opposite, whats similar": "the opposite" turns, the other is asked; and
        # it turns only an answer about one of the two ("and the bpo, same or the
        # opposite?" after whether a call centre is strategic; "why not the reverse?"
        # after how they relate still asks how)
        named = [
            e
            for e in named
            if not _TURNED.fullmatch(text[e.get("start", 0) : e.get("end", 0)].lower())
        ]
    aspects = [str(e["value"]) for e in named]
    specific = [a for a in aspects if a not in _GENERAL_ASPECTS]
    if len(specific) > 1 and _OFFICE_WORK.search(text):
        # "will automation speed up the back office stuff": work of the back office, with
        # another aspect asked about it
        specific = [a for a in specific if a != "front_back_office"]
    if (
        {"ai", "technology"} <= set(specific)
        and _WHICH_ONE_MORE.search(text)
        and not _WHAT_AI_DOES_TO_THEM.search(text)
    ):
        return "technology"  # "which one leans more on chatbots and ivr?": their tools compared
    answered = TOPICS[previous][0] if previous in TOPICS else None
    if (
        specific
        and "difference" in aspects
        and all(a == answered for a in specific)
        # ("and is a bpo job any different" after the jobs: the jobs there, none compared)
        and answered != "careers"
    ):
        return "difference"  # "and how is that different from what a bpo offers?"
    if answered in specific and len(specific) > 1 and _ONE_SIDE.search(text):
        # "and on the bpo side, what systems and automation do they run on?" after the tech of
        # call centers: the same aspect, of the side it names (the other word is part of it)
        return answered
    specific = [a for a in specific if a != answered] or specific
    if (
        aspects == ["difference"]
        and (previous or "").startswith("difference/")
        and answered in _KINDS_OF_DIFFERENCE
        and _IS_THAT_DIFFERENT.search(text)
    ):
        return answered  # "is that any different from what call centers run" after the tech
    if "difference" in aspects and "technology" in specific:
        return "technology"  # "do they use diff tools too? like crm vs rpa": tools compared
    # "do they use ai now?": AI is the part of technology asked about
    specific = [a for a in specific if not set(_NARROWER.get(a, ())) & set(specific)]
    if not specific and _DOES_THAT_MEAN.search(text):
        return None  # "does that mean they're open at night?" asks about that answer
    return (specific or aspects or [None])[0]


def names_the_difference(tracker: Tracker) -> bool:
    return any(
        e.get("entity") == "aspect" and e.get("value") == "difference"
        for e in tracker.latest_message.get("entities") or []
    )


# "the outsourcing firms that do ...": the subject described by its work
_DESCRIBED_BY = re.compile(
    r"\s+(?:that|which|who)\s+(?:do|does|handle|handles|run|runs|take|takes|manage|manages|"
    r"cover|covers|offer|offers)\b",
    re.IGNORECASE,
)
# ... up to the end of its sentence or a clause that asks ("..., would they take hr too")
_ASKS_AGAIN = re.compile(
    r"[.?!]|,\s*(?:can|could|would|will|do|does)\s+(?:they|one|it|you|u)\b", re.IGNORECASE
)


def named_task(tracker: Tracker, guessed: bool = False) -> Optional[Text]:
    """A task the message names, unless its words are a subject's ("and the phone
    people?" names a call center, not customer support); `guessed`: also one NLU only
    guessed ("does that include fixing our staff's computers?" reads as a question)."""
    entities = tracker.latest_message.get("entities") or []
    subjects = [e for e in entities if e.get("entity") == "subject"]
    text = tracker.latest_message.get("text") or ""
    # "and for the outsourcing firms that do the whole lot, accounts hr and all that?": the
    # work that describes the subject, asked about as no task
    described = [s.get("end", 0) for s in subjects if _DESCRIBED_BY.match(text[s.get("end", 0) :])]
    roles = (None, GUESS) if guessed else (None,)
    for entity in entities:
        if entity.get("entity") != "outsourced_function" or entity.get("role") not in roles:
            continue
        start, end = entity.get("start", 0), entity.get("end", 0)
        if any(start <= s.get("start", -1) and s.get("end", -1) <= end for s in subjects):
            continue
        if any(at <= start and not _ASKS_AGAIN.search(text[at:start]) for at in described):
            continue
        return str(entity["value"])
    return None


def classifier_guess(message: Dict[Text, Any], threshold: float) -> Optional[Text]:
    """The topic classifier's reading of the message, when it is this sure."""
    selector = (message.get("response_selector") or {}).get("default") or {}
    prediction = selector.get("response") or {}
    if (prediction.get("confidence") or 0) < threshold:
        return None
    return prediction.get("intent_response_key")


# a follow-up that names nothing is about the previous answer unless the topic
# classifier is this sure of another, or it asks for more ("tell me more", "go on")
CONFIDENT_GUESS = 0.6
# a story that ends in "is that part of it?" is about the previous answer unless the
# classifier is this sure of another
STORY_GUESS = 0.9
# with nothing before it, a follow-up that is a question of its own is answered so
OWN_QUESTION_GUESS = 0.4
_WHY = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:why|how come)\b", re.IGNORECASE)
# "why does that matter?", "why is it important": the reasons the answer gives
_WHY_IT_MATTERS = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?why (?:does|would|should|is) (?:it|that|this) "
    r"(?:matter|important|a big deal|relevant)"
    r"(?:\s+(?:so much|at all|tho|though|to me|for us))?\W*$",
    re.IGNORECASE,
)
# "y?", "but why tho": the reason for the previous answer, and nothing else
_BARE_WHY = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:(?:why|how come|whys that|why is that|why so)"
    r"(?:\s+(?:tho|though))?\W*"
    # "why is that, sounds too good": what the visitor makes of it, no other question
    r"(?:(?<=[,.!-])\s*(?:it\s+|that\s+|this\s+)?(?:sounds?|seems?|looks?)\s+(?:\w+\s*){1,3}\W*)?"
    # ("y" alone may be a yes)
    r"|y(?:\s+(?:tho|though))?\s*\?+\W*|y\s+(?:tho|though)\W*)$",
    re.IGNORECASE,
)
# "is it because wages are lower there?": a reason asked for, not a task
_BECAUSE = re.compile(r"\b(?:because|cause|coz|cuz|due to)\b", re.IGNORECASE)
# "is it different in a bpo?", "is that any different at a call center"
_DIFFERENT_THERE = re.compile(
    r"^\W*(?:(?:and|so|but)\W+)?(?:(?:is|are|would)\s+(?:it|that|this|things|they)|"
    # "does it work the same at the bigger ones, the bpos?"
    r"(?:does|do|would)\s+(?:it|that|this|things|they)\s+work)\s+(?:any\s+)?"
    r"(?:different(?:ly)?|the same)\s+(?:in|at|for|with)\b",
    re.IGNORECASE,
)
# a question, asked without a question mark
_ASKS = re.compile(
    r"^\W*(?:do|does|did|is|are|can|could|should|would|will|what|how|which|who|where|when|why)"
    r"\b",
    re.IGNORECASE,
)
_ASKS_OF_SOMETHING = re.compile(
    r"^\W*(?:is|are|was|were|does|did|who|where|when|why|what|how)\b", re.IGNORECASE
)
_INCLUDES = re.compile(r"\b(include|includes|including|cover|covers|part of it)\b", re.IGNORECASE)
_MORE = re.compile(r"\b(more|go on|continue|else|next|another)\b|^\s*and\s*\??\s*$", re.I)
_EXAMPLES = re.compile(r"\b(examples?|for instance|such as|like what|eg|e\.g)\b", re.IGNORECASE)
# nothing but a request for more: "tell me more", "go on", "more please", "examples?"
_ASKS_FOR_MORE = re.compile(
    r"^\W*(ok(ay)?\W+|and\W+|pl(ea)?se?\W+|can you\W+)?"
    r"(tell me more|more( info(rmation)?| details)?|go on|keep going|continue|elaborate"
    r"|explain more|what else|examples?|for example)"
    r"(\W+(pl(ea)?se?|pls|plz|about (it|that|this)))?\W*$",
    re.IGNORECASE,
)

# "give me an example", "what do you mean by multiprocessing": about the previous answer
_EXAMPLE_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|hmm+)\W+)?(?:(?:can|could|would) (?:you|u)\s+)?"
    r"(?:please\s+|pls\s+)?"
    r"(?:give|show|provide|share)\s+(?:(?:me|us)\s+)?(?:an?\s+|some\s+|one\s+|a few\s+)?"
    r"(?:real\s+|concrete\s+|specific\s+|practical\s+|real[- ]life\s+|real[- ]world\s+)?examples?\b"
    r"|^\W*(?:any|some)\s+examples?\W*$"
    # "examples pls, for like a small shop"
    r"|^\W*(?:(?:ok(?:ay)?|and|so)\W+)?(?:some\s+|any\s+)?examples?\W*(?:pl(?:ea)?s[ez]?|please|plz)?"
    r"\W*(?:(?:for|like|in)\b[\w\s']{0,40})?\W*$",
    re.IGNORECASE,
)
# "in simpler words?", "explain like im 5": the previous answer again, it is the plain one
_SIMPLER = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|hmm+|sorry|um+)\W+)?(?:(?:can|could) (?:you|u)\s+)?(?:"
    r"(?:(?:say|put|explain)\s+(?:it|that|this)\s+)?(?:(?:in|into)\s+)?"
    r"(?:simpler|simple|plain(?:er)?|easier|laym[ae]n'?s?|normal|basic)\s+"
    r"(?:words|terms|english|language)"
    r"|(?:say|put|explain)\s+(?:it|that|this)\s+(?:more\s+simply|simpler|more\s+plainly)"
    r"|simpler|more simply|eli5"
    # "one line for my boss pls": the answer is short already
    r"|(?:in\s+|a\s+)?(?:one|1|a single)[- ](?:line|sentence|liner)(?:\s+version)?"
    r"(?:\s+for (?:my|our|the) (?:boss|manager|director|ceo|cfo|supervisor|e-?mail|slides?|deck))?"
    r"|(?:explain|say)\s+(?:it\s+|that\s+|this\s+)?like\s+(?:i'?m|im|i am)\s+"
    r"(?:5|five|a (?:kid|child|baby))"
    r"|(?:dumb|break)\s+(?:it|that|this)\s+down|(?:simplify|simplfy)(?:\s+(?:it|that|this))?"
    # ... and nothing else: "explain like im 5 what blockchain is" is a question of its own
    r")\W*(?:(?:a bit|a little|more|for me)\W*)?(?:pl(?:ea)?s[ez]?|please|thx|thanks)?\W*$",
    re.IGNORECASE,
)
_WHAT_DO_YOU_MEAN = re.compile(
    r"^\W*(?:(?:and|so|hmm+|sorry)\W+)?(?:what (?:do|did) (?:you|u) mean\b"
    # "meaning what exactly?"
    r"|meaning what\b(?:\s+(?:exactly|precisely|tho|though))?\W*$"
    # "you said scalable, how", "you mentioned deep understanding of customers, how come"
    r"|(?:you|u) (?:said|mentioned|say)\b)",
    re.I,
)
# "what does multiprocessing mean there?": a word of the answer just given, unless the word
# is a topic of its own ("what does inbound mean there?": what a call center does)
_MEANS_THERE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|hmm+|sorry)\W+)?what(?:'s| is| does| do)\s+"
    r"(?!(?:[\w-]+\s+){0,2}?(?:office|bpos?|call|outsourcing)\b)(?:[\w-]+\s+){1,3}?"
    r"mean\w*\s+(?:there|here|in (?:that|this|your)(?: (?:answer|context|case|sense))?)\W*$",
    re.I,
)
# the guard's mark on a message about another field (bot/nlp/near_domain_guard.py)
ELSEWHERE = "elsewhere"
# what the guard's mark covers when it is help with one's own application or pay (not
# "thinking of applying at one, what career could i expect there": the jobs asked about)
_APPLICATION_HELP = re.compile(
    r"\b(?:cvs?|resumes?|résumé|cover letters?|interviews?|salar(?:y|ies))\b", re.IGNORECASE
)


def application_help_marked(tracker: Tracker) -> bool:
    text = tracker.latest_message.get("text") or ""
    return any(
        e.get("entity") == "near_domain"
        and e.get("value") != ELSEWHERE
        and _APPLICATION_HELP.search(text[e.get("start", 0) : e.get("end", len(text))])
        for e in tracker.latest_message.get("entities") or []
    )


# "and in back office work?", "what about the front office side": the trend asked there
_IN_AN_OFFICE = re.compile(
    r"^\W*(?:(?:and|so|but|ok|what about|how about)\W+)*(?:in|for|on|at)?\s*(?:the\s+)?"
    r"(?:back|front)[- ]?office(?:\s+(?:work|side|stuff|jobs|tasks|processes))?\W*(?:too|then)?"
    r"\W*$",
    re.IGNORECASE,
)
# "does that include being reachable at night?", "would that also cover a seasonal
# peak?": whatever it names, a question about the previous answer
# "does that hold for tiny businesses as well", "is that true for a shop with 3 staff too"
_HOLDS_FOR_OTHERS = re.compile(
    r"\b(?:does|is)\s+(?:that|this|it)\s+(?:(?:still|also|really)\s+)?"
    r"(?:hold|apply|work|count|(?:be\s+)?true)\s+(?:for|to|with|at|in|of)\s+"
    r"(?:an?\s+|the\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:compan(?:y|ies)|business(?:es)?|firms?|"
    r"shops?|startups?|stores?|practices?|clinics?|salons?|restaurants?|charit(?:y|ies)|"
    r"one-man band|sole traders?|ones|outfits?|teams?|sme'?s?)\b.*\b(?:too|as well|also|either)\b",
    re.IGNORECASE,
)
# "is that always true?", "is it always cheaper?": whether the previous answer holds
# everywhere, which that answer says as far as the sources do
_ALWAYS_SO = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|hmm+)\W+)?(?:is|are|does|do|will|would)\s+"
    r"(?:that|this|it|they|that rule)\s+(?:\w+\s+)?always\b"
    r"|^\W*(?:(?:and|so|but)\W+)?(?:always|every time)\s*\?+\s*$",
    re.IGNORECASE,
)
# "does budget matter?" after what the choice depends on: that answer again
_WHAT_IT_DEPENDS_ON = r"(?:budget|size|costs?|price|money|headcount|company size|industry|tasks?)"
_MATTERS = re.compile(
    r"^\W*(?:(?:and|so|but|ok)\W+)?(?:does|do|would|will|is|are) (?:the |our |my |a )?"
    rf"{_WHAT_IT_DEPENDS_ON}\s+"
    r"(?:really |even |also )?(?:matter|count|make a difference|play a (?:role|part))\b"
    # "budget?", "and size?": one of the things it depends on, asked alone
    r"|^\W*(?:(?:and|so|but|ok|what about|how about)\W+)*(?:the |our |my )?"
    rf"{_WHAT_IT_DEPENDS_ON}\s*\?+\W*$",
    re.IGNORECASE,
)
_DOES_THAT_INCLUDE = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|hmm+)\W+)?(?:does|do|would|will|is|can|could)\s+"
    r"(?:that|this)\s+(?:\w+\s+)?(?:include|cover|apply to|extend to|come with)\b"
    # "are surveys part of that?" (not "is a call centre part of that": how the two relate)
    r"|^\W*(?:(?:and|so|but|ok(?:ay)?|hmm+)\W+)?(?:is|are)\s+"
    r"(?![^?]*\b(?:bpos?|call|contact|outsourc\w*|cc)\b)(?:[\w-]+\s+){1,3}(?:also\s+)?"
    r"(?:part of|included in|covered by)\s+(?:that|this|it)\W*$",
    re.IGNORECASE,
)


def asks_what_it_includes(tracker: Tracker) -> bool:
    """ "does that include payroll for 200 staff?" after a knowledge answer: a question
    about that answer, whatever facts of the company it gives."""
    text = tracker.latest_message.get("text") or ""
    return bool(previous_topic(tracker) and _ASKS.search(text) and _INCLUDES.search(text))


def answers_what_it_is(previous: Text) -> bool:
    """An answer about what one of the two is, whose examples are what it does."""
    return previous.startswith("definition/") and previous not in ABOUT_FUNCTIONS


def about_the_previous_answer(text: Text, previous: Optional[Text]) -> Optional[Text]:
    """The answer to "give me an example" or "what do you mean by ...?" after `previous`:
    after what one is, what it does; after any other answer, that answer again."""
    if not previous:
        return None
    if (
        _WHAT_DO_YOU_MEAN.search(text)
        or _MEANS_THERE.search(text)
        or _DOES_THAT_INCLUDE.search(text)
        or _SIMPLER.search(text)
    ):
        return previous
    if _EXAMPLE_ASKED.search(text):
        return NEXT.get(previous, previous) if answers_what_it_is(previous) else previous
    return None


# "which one?", "so which is better": the pick between the two, asked outright
_WHICH_ONE = re.compile(
    r"^\W*(?:(?:so|ok|okay|well|hmm+|and)\W+)*which(?: one| of the two| of them| is it)?"
    r"(?:\s+(?:is (?:better|best|right)|should (?:i|we) (?:get|pick|choose|go (?:for|with))|"
    r"do (?:you|u) (?:recommend|suggest)))?(?:\s+(?:then|for (?:us|me)))?\W*$",
    re.IGNORECASE,
)
_ELLIPTICAL = re.compile(
    r"^\s*(and|n|nd|or|but|so|also|same|then|even|(?:ok(?:ay)?|k|kk),? and|what about|how about|"
    r"and what about"
    r"|wbu|wby|what abt|how abt)\b"
    r"|\b(then|too|as well|instead)\s*\??\s*$",
    re.IGNORECASE,
)


# "what do they do?" with nothing before it leans on something; "front office and back
# office, what are they?", "the folks who answer the phones, what is that?" do not
SHORT_QUESTION_WORDS = 5
# a request NLU was unsure of is one for the recommendation only if it is about choosing
_ABOUT_CHOOSING = re.compile(
    r"\b(re?c+om+[ae]?n?d\w*|suggest\w*|advi[cs]e|which|choos\w*|pick|decide|help|options?|"
    r"models?|outsou?rc\w*|bpos?|call cent(?:er|re)s?)\b",
    re.IGNORECASE,
)
_THAT = re.compile(r"\b(that|this|its)\b", re.IGNORECASE)
_OWN_COMPANY = re.compile(
    r"\b(?:we|we'?re|our|us|i run|i own|staff|employees|company|business)\b", re.IGNORECASE
)
# the visitor as someone looking for work ("i studied hr, is there something for me?")
_MY_CAREER = re.compile(
    r"\b(?:i studied|i study|i'?m studying|my (?:degree|studies|background|experience)|"
    r"(?:a|my) (?:degree|diploma) in|(?:can|could|would) i (?:work|apply|join|start)|am i|"
    r"someone like me|people like me)\b",
    re.IGNORECASE,
)
# "for a small shop?", "and in a big company?": the previous answer, for someone
_FOR_WHOM = re.compile(
    r"^\W*(?:(?:and|but|what about|how about|same)\W+)?(?:for|in)\s+(?:an?|my|our|the|small|"
    r"big|large|tiny)\b(?:\s+[\w'-]+){0,4}\s*[?!.]*\s*$",
    re.IGNORECASE,
)
_DOES_THAT_MEAN = re.compile(
    r"\b(does|do|would) (that|this|it) mean\b|\b(that|this) means\b|\b(you|u) mean\b", re.I
)
# "and why is that better than a call centre?": the benefits of the other one
# "... at the other type of company", "in the other one": the other side's
_AT_THE_OTHER = re.compile(r"\b(?:at|in|for|with|over at)\s+the other\b", re.IGNORECASE)
_BETTER_THAN = re.compile(
    r"\b(better|more \w+|cheaper|faster) than\b"
    # "whats the upside vs just a call centre"
    r"|\b(?:upsides?|advantages?|benefits?|pros|plus(?:es)?|edge)\s+"
    r"(?:(?:of|in) (?:that|this|it|them|one)\s+)?(?:vs\.?|versus|over|compared (?:to|with))\b"
    # "why would i pick that over a bpo"
    r"|\b(?:pick|choose|go for|go with|prefer|use|take|want)\s+(?:that|this|it|them|one|those)"
    r"\s+(?:over|instead of|rather than)\b",
    re.IGNORECASE,
)
_POINTING_BACK = re.compile(r"\b(there|they|them|those|these|that one|it)\b", re.IGNORECASE)
# "how do i get hired in one": one of those just named
_IN_ONE = re.compile(r"\b(?:in|at|for|with|join|into) one\b(?! of)", re.IGNORECASE)
_THE_TWO = re.compile(r"\b(?:they|them|those two|these two|the two|both)\b", re.IGNORECASE)
# (misspelt too: "main diffrence between them")
_COMPARES = re.compile(
    r"\b(?:dif+e?r\w*|diffs?|compar\w*|similar\w*|alike|the same|in common)\b", re.I
)
_VERSUS = re.compile(r"\bvs\.?(?!\w)|\bversus\b", re.IGNORECASE)
# "the call center side": one of the two, after how they differ
_ONE_SIDE = re.compile(rf"\b(?:the\s+)?{_SUBJECT}\s+side\b", re.IGNORECASE)
# "how do the services compare": the services of the two, set side by side
_SERVICES_COMPARED = re.compile(
    r"\b(?:services|offerings?)\s+(?:compare|differ)\b|\bcompare (?:the |their )?services\b"
    # "and the difference to bpo in services?"
    r"|\b(?:differences?|differ\w*)\b[^?.!]{0,30}\b(?:in|on|with|regarding) (?:the |their )?"
    r"(?:services|offerings?)\b",
    re.IGNORECASE,
)
# "compared to a bpo?" after a call center's advantages: those advantages, over the other
_COMPARED_TO = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:compared (?:to|with)|vs\.?|versus|over|against|"
    r"relative to)\s+(?:an?\s+|the\s+)?\w+(?:\s+\w+)?\W*$",
    re.IGNORECASE,
)
# "and a call centre, for comparison?": the same question of the other one
_FOR_COMPARISON = re.compile(r"\b(?:for|in) comparison\W*$", re.IGNORECASE)
# "cons?", "any downsides?": what the other one does better
_CONS = re.compile(
    r"^\W*(?:(?:and|ok|so|but|what about|any)\W+)*(?:the\s+)?(?:cons|disadvantages?|downsides?|"
    r"drawbacks?|negatives?|weaknesses)\W*(?:then|tho|though)?\W*$",
    re.IGNORECASE,
)
# "ok but what is the future for it": goes on from something said before, about it
_GOES_ON_ABOUT_IT = re.compile(
    # ("IT" is the department; "the future of outsourcing, will it grow" names its "it")
    r"^\W*(?:ok(?:ay)?\W+)?(?:and|but|so|then)\b(?!.*\boutsourc)"
    r".*(?:(?-i:\bit\b)|\b(?:they|them|there|that one)\b)",
    re.IGNORECASE,
)
# "does that include healthcare?", "can they do payroll too?"
_ABOUT_THAT = re.compile(
    r"^\s*(does|do|is|are|can|could|would|will)\s+(that|this|they|those|these)\b", re.IGNORECASE
)


# a word that points back this far into a message points at the message itself ("i just
# got a job answering phones for a telecom company, how can i move up from there")
POINTS_WITHIN_AFTER = 8
_NAMED = re.compile(
    r"\b(?:a|an|the|its|their|our|my)\s+\w+"
    # "firms that handle accounting ...", "people who answer customer phones": described
    r"|\b(?:firms|companies|businesses|places|outfits|people|teams|ones|staff|agents|workers)\s+"
    r"(?:that|who|which|where)\b",
    re.IGNORECASE,
)
# "what promotions are there for people who ...": there is no place pointed back to
_THERE_IS = re.compile(r"\b(?:is|are|was|were|be|been)\s+$", re.IGNORECASE)
_FOR_THOSE_WHO = re.compile(
    r"^\s+for\s+(?:people|those|staff|agents|workers|someone|anyone|employees)\s+(?:who|that)\b",
    re.IGNORECASE,
)
_THANKS = re.compile(r"\b(?:thanks?|thank you|thx|ty|cheers|helpful|great|cool|got it)\b", re.I)
# "it" in a list of departments is IT ("give its accounting, hr and it to one outside firm")
_IT_DEPARTMENT = re.compile(
    r"\b(?:hr|payroll|accounting|accounts|admin|finance|sales|support|logistics|marketing)"
    r"\s*(?:,|and|&|or)\s*it\b",
    re.IGNORECASE,
)


def is_elliptical(text: Text, names_subject: bool = False, max_words: int = 3) -> bool:
    """'and for a bpo?', 'what about the tech side?', 'how do you get promoted there?':
    a message that only makes sense after another one."""
    if len(text.split()) <= max_words or _ELLIPTICAL.search(text) or _ABOUT_THAT.search(text):
        return True
    if names_subject:
        return False
    plain = _DESCRIBED_AHEAD.sub(" ", _IT_DEPARTMENT.sub(" ", text))
    return any(
        not _points_within(plain[: m.start()])
        and not (
            m.group(0).lower() == "there"
            and _THERE_IS.search(plain[: m.start()])
            and _FOR_THOSE_WHO.match(plain[m.end() :])
        )
        for m in _POINTING_BACK.finditer(plain)
    )


# "those places with rows of people on headsets": what the words after describe
_DESCRIBED_AHEAD = re.compile(
    r"\b(?:those|these)\s+\w+\s+(?:with|where|that|who|which|full of|filled with)\b",
    re.IGNORECASE,
)


def _points_within(before: Text) -> bool:
    """Far into a message, after something named in its sentence ("... a job answering
    phones for a telecom company, how can i move up from there"), not after thanks
    ("thanks, that was really helpful. one more thing, do they handle payroll")."""
    sentence = before[last_sentence_start(before) :]
    # ... or in the sentence before ("thinking about a job as a customer service operator.
    # what skills do i need, and where could it lead")
    earlier = before[: len(before) - len(sentence)].rstrip()
    prior = earlier[last_sentence_start(earlier) :]
    named = _NAMED.search(sentence) or (_NAMED.search(prior) and not _THANKS.search(prior))
    return len(before.split()) >= POINTS_WITHIN_AFTER and bool(named)


KNOWLEDGE_INTENTS = {topic.split("/")[0] for topic in TOPICS}


def in_scope_doubt(message: Dict[Text, Any]) -> bool:
    """NLU hesitated only between knowledge intents and a follow-up, and the topic
    classifier is sure: whichever it is, the topic is the same question."""
    ranking = [
        r.get("name")
        for r in message.get("intent_ranking") or []
        if r.get("name") != "nlu_fallback"
    ]
    top_two = set(ranking[:2])
    return (
        len(top_two) == 2
        and top_two <= KNOWLEDGE_INTENTS | {"follow_up"}
        and classifier_guess(message, OWN_QUESTION_GUESS) is not None
    )


class ActionAnswerFollowUp(Action):
    """A follow-up, or a message NLU was unsure of, answered from the context."""

    @staticmethod
    def _asks_to_recommend(tracker: Tracker) -> bool:
        """Below NLU's threshold, its likeliest reading was a request for a
        recommendation, or it hesitated between one and how to choose, or a form answer
        with a task."""
        ranking = [
            r.get("name")
            for r in tracker.latest_message.get("intent_ranking") or []
            if r.get("name") != "nlu_fallback"
        ]
        text = tracker.latest_message.get("text") or ""
        # an aspect asked about is no fact of a company ("what skills one needs for
        # starting there, kindly tell" after the jobs)
        facts = [
            e
            for e in tracker.latest_message.get("entities") or []
            if e.get("entity") not in ("aspect", "follow_up_shape") or e.get("value") == "choosing"
        ]
        if not (_ABOUT_CHOOSING.search(text) or facts):
            return False  # "can you call my mom for me": no choice, nothing of a company
        entities = tracker.latest_message.get("entities") or []
        if (
            previous_topic(tracker)
            and any(
                e.get("entity") == "aspect"
                and e.get("value") not in ("choosing", "industries", "locations")
                for e in entities
            )
            and not any(e.get("entity") in ("company_size", "budget") for e in entities)
            and not _OWN_COMPANY.search(text)
        ):
            return False  # "career prospects" after an answer asks about them, no request
        if (
            (previous_topic(tracker) or "").startswith("careers/")
            and _MY_CAREER.search(text)
            and not _OWN_COMPANY.search(text)
        ):
            return False  # "i studied hr, is there something for me?" after the jobs
        if ranking[:1] == ["request_recommendation"]:
            return True
        if set(ranking[:2]) == {"request_recommendation", "choosing"}:
            return True  # "i need advice on whether to go with a bpo or a call center"
        if previous_topic(tracker) and (
            _INCLUDES.search(text) or text.rstrip().endswith("?") or _ASKS.search(text)
        ):
            # "does that include surveys", "debt collection as well?", "do i need to know
            # accounting for that" after the jobs
            return False
        if _ASKS_OF_SOMETHING.search(text) and not _ABOUT_CHOOSING.search(text):
            return False  # "is teleperformance hiring right now": a question, no request
        return bool(named_task(tracker)) and bool(
            {"request_recommendation", "inform"} & set(ranking[:2])
        )

    @staticmethod
    def _more_tasks(
        dispatcher: CollectingDispatcher, tracker: Tracker, guessed: bool = False
    ) -> List[EventType]:
        named = entity_values(tracker).get("outsourced_functions", [])
        if guessed and not named:
            named = entity_values(tracker, role=GUESS).get("outsourced_functions", [])
        new = parse_functions(named)
        current = tracker.get_slot("outsourced_functions")
        text = tracker.latest_message.get("text") or ""
        functions = merged_functions(new, current, text) if current else new
        said = "Updated" if current else "Noted"
        dispatcher.utter_message(
            text=f"{said}: {describe_answer('outsourced_functions', functions)}."
        )
        return [SlotSet("outsourced_functions", functions)]

    def name(self) -> Text:
        return "action_answer_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        events = await self._answer(dispatcher, tracker, domain)
        # set by NLU for this message (domain.yml); always set back, as the rules say
        return [*events, SlotSet("follow_up_shape", False)]

    async def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.active_loop_name and is_bare_number(tracker.latest_message.get("text")):
            dispatcher.utter_message(response="utter_out_of_scope")  # "1200??": nothing asked
            return []
        if application_help_marked(tracker):
            # "what questions do they ask in a bpo interview": help with one's own job
            # application, marked by the guard, is next to the careers answers, not on them
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        if tracker.get_slot("recommended_model") and recommendation_was_last(tracker):
            from actions.recommend import ActionExplainRecommendation, ActionTakeAnswer

            if named_task(tracker) and not tracker.active_loop_name:
                # "could they also handle our stock and shipping?": a change of the answers
                return await ActionTakeAnswer().run(dispatcher, tracker, domain)
            if not tracker.active_loop_name and changes_the_size_or_budget(tracker):
                # "oh i should say we're part of a group with 800 people": a correction,
                # though it reads like a question about how the two relate
                return await ActionTakeAnswer().run(dispatcher, tracker, domain)
            text = tracker.latest_message.get("text") or ""
            guessed = named_task(tracker, guessed=True)
            if guessed and not tracker.active_loop_name and adds_to_earlier(text):
                # "oh and can they ring the members who are behind on their fees as well":
                # a task the visitor adds, in words NLU is less sure of
                return added_task_events(dispatcher, tracker, guessed)
            if first_entity(tracker, "aspect") is None or asks_a_verdict_on_it(text):
                # "and a bpo?", "why not the other one?", "is a call center worth it then?":
                # the recommendation's reasons
                return await ActionExplainRecommendation().run(dispatcher, tracker, domain)
        text = tracker.latest_message.get("text") or ""
        if (
            tracker.get_slot("requested_slot") == "outsourced_functions"
            and "?" not in text
            and not (
                _ASKS.search(text)
                or _WHAT_DO_YOU_MEAN.search(text)
                or _DOES_THAT_INCLUDE.search(text)
            )
            and named_task(tracker, guessed=True)
        ):
            # "calling clients to sell them travel insurance on top of their trip" when
            # the tasks are asked: the answer, though it names an industry
            return self._more_tasks(dispatcher, tracker, guessed=True)
        if (
            tracker.get_slot("requested_slot") == "budget"
            and "?" not in text
            and says_unsure(text)
            and first_entity(tracker, "subject") is None
            and first_entity(tracker, "aspect") is None
        ):
            # "depends how much it is" when the budget is asked: not sure, so moderate
            dispatcher.utter_message(response="utter_budget_assumed_moderate")
            return [SlotSet("budget", "moderate")]
        stated = strongest(
            parse_settled_budget,
            [
                *entity_values(tracker, role=GUESS).get("budget", []),
                *entity_values(tracker).get("budget", []),
            ],
        )
        if (
            tracker.get_slot("requested_slot") == "budget"
            and stated
            and "?" not in text
            and not _ASKS.search(text)
            and first_entity(tracker, "subject") is None
        ):
            # "the money is there if the service is good" when the budget is asked: the
            # answer, though it names the service
            return [SlotSet("budget", stated)]
        previous = previous_topic(tracker)
        if (
            previous is None
            and not tracker.active_loop_name
            and not tracker.get_slot("recommended_model")
            and _WHICH_ONE.match(text)
        ):
            # "which one?" with nothing asked before: which one to pick; what it depends
            # on, then the questions
            tell_how_to_choose(dispatcher, domain)
            return start_form_events(tracker, answers_in_message(tracker, UNASKED_CONFIDENCE))
        if (previous is None or tracker.active_loop_name) and _EXAMPLE_ASKED.search(text):
            # "can you give me some examples?" with nothing answered yet, or asked at one of
            # the form's questions: what the visitor can ask (the question comes again)
            dispatcher.utter_message(response="utter_help")
            return []
        aspect = main_aspect(tracker, previous)
        # the subjects named, not those left out ("what roles are there apart from the phone
        # agents" after what a bpo does)
        named = [
            e
            for e in tracker.latest_message.get("entities") or []
            if e.get("entity") == "subject" and not _APART_FROM.search(text[: e.get("start", 0)])
        ]
        subjects = {e.get("value") for e in named}
        subject = next((str(e["value"]) for e in named if e.get("value")), None)
        if subject in (None, "other") and (by_order := subject_by_order(tracker, text)):
            subject, subjects = by_order, {by_order}
        picked = aspect_of_which_side(tracker) if _ONLY_A_SIDE.match(text) else None
        if picked and len(subjects) == 1 and subject in (BPO, CALL_CENTER):
            # "for a bpo?" after "a BPO or a call center?": the question asked before
            dispatcher.utter_message(response=f"utter_{topic_for(picked, subject)}")
            return []
        if (
            subject is None
            and previous in TOPICS
            and TOPICS[previous][1] is None
            and BPO in ASPECTS.get(aspect or "", {})
            # ("meaning what exactly?" asks what the answer meant, of neither)
            and not _WHAT_DO_YOU_MEAN.search(text)
        ):
            # "and careers?" after the trends asked of a bpo: a bpo's
            subject = subject_asked_before(tracker)
        if (
            aspect == "relationship"
            and _OTHER_WAY_ROUND.search(text)
            and previous in TOPICS
            and TOPICS[previous][1] in (BPO, CALL_CENTER)
            # ("is it the other way round for a call center?" names the other one; "is it
            # part of a call centre or the other way round" asks how they relate)
            and subjects <= {other(TOPICS[previous][1])}
            and not _HOW_THEY_RELATE.search(text)
        ):
            # "and the other way round?" after the advantages of a bpo: a call center's
            aspect, subject = TOPICS[previous][0], other(TOPICS[previous][1])
        one_before = TOPICS[previous][1] if previous in TOPICS else None
        if (
            subject == "other"
            and one_before in (BPO, CALL_CENTER)
            and not (previous or "").startswith("careers/")
            and _BETTER_THAN.search(text)
        ):
            # "why would i pick that over the other" after what a bpo is: a bpo's advantages
            subject, aspect = one_before, "benefits"
        elif (
            subject == "other"
            and one_before in (BPO, CALL_CENTER)
            and aspect == "difference"
            and (_AT_THE_OTHER.search(text) or TOPICS[previous][0] in aspects_named(tracker))
        ):
            # "how is that different at the other type of company?" after the jobs at a call
            # center, "how does the other one compare, its strong points?": the same, there
            aspect = TOPICS[previous][0]
        elif (
            (previous or "").startswith("benefits/")
            and one_before in (BPO, CALL_CENTER)
            and not subjects
            and _CONS.match(text)
        ):
            # "cons?" after a call center's advantages: what the other one does better
            subject, aspect = other(one_before), "benefits"
        if previous and subjects == {subject} and subject in (BPO, CALL_CENTER):
            if _BETTER_THAN.search(text):  # the one named is the one compared with
                subject, aspect = other(subject), aspect or "benefits"
            elif aspect == "difference" and _DIFFERENT_THERE.search(text):
                aspect = None  # "is it different in a bpo" after the jobs: the jobs there
            elif aspect == "difference" and _FOR_COMPARISON.search(text) and one_before:
                aspect = None  # "and a call centre, for comparison?" after what a bpo does
            elif (
                aspect == "difference"
                and (previous or "").startswith("benefits/")
                and subject == other(one_before)
                and _COMPARED_TO.match(text)
            ):
                # "compared to a bpo?" after a call center's advantages: those, which are
                # its edge over a bpo
                subject, aspect = one_before, "benefits"
            elif aspect == "services" and _SERVICES_COMPARED.search(text):
                # "and the bpo? how do the services compare": the services of the two, side
                # by side, whichever is named
                subject = BOTH
            elif (
                previous == "difference/services"
                and aspect in (None, "difference")
                and _ONE_SIDE.search(text)
            ):
                aspect = "services"  # "break down the call center side for me"
        if (
            aspect is None
            and (previous or "").startswith("trends/")
            and not subjects
            and _IN_AN_OFFICE.match(text)
        ):
            aspect = TOPICS[previous][0]  # "and in back office work?" after the AI: the same
        if aspect is None and _WHAT_COUNTS_AS_AN_OFFICE.search(text):
            aspect = "front_back_office"  # (the work it names is its example, not a task)
        if (
            aspect is None
            and named_task(tracker, guessed=not tracker.active_loop_name)
            and not (_BECAUSE.search(text) and not tracker.active_loop_name)
        ):
            # "does that include payroll?"; "so is hr one of them?" about front/back office;
            # "do i need to know accounting for those?" about the jobs
            about_it = previous in ABOUT_FUNCTIONS or (previous or "").startswith("careers/")
            aspect = TOPICS[previous][0] if about_it else "services"
        unsure = (tracker.latest_message.get("intent") or {}).get("name") == "nlu_fallback"
        if tracker.active_loop_name and named_task(tracker):
            return self._more_tasks(dispatcher, tracker)  # "could they also do our payroll?"
        if unsure and not tracker.active_loop_name and self._asks_to_recommend(tracker):
            return start_form_events(tracker, answers_in_message(tracker, UNASKED_CONFIDENCE))
        if unsure and in_scope_doubt(tracker.latest_message):
            unsure = False  # "definition or a follow-up?": either way, the same answer
        if unsure and previous and _EXAMPLE_ASKED.search(text) and not subject:
            unsure = False  # "examples pls, for like a small shop": of the previous answer
        if unsure and previous and _ASKS_FOR_MORE.search(text):
            unsure = False  # "tell me more", "go on": the next answer after the previous
        if unsure and previous == "choosing/overview" and _MATTERS.search(text):
            unsure = False  # "budget?" after what the choice depends on: that answer
        if unsure and previous and _SIMPLER.search(text):
            dispatcher.utter_message(response=f"utter_{previous}")  # "simpler words pls"
            return []
        if unsure and previous and _DOES_THAT_INCLUDE.search(text) and not (subject or aspect):
            # "does that include lightening the load on our staff?": that answer again
            dispatcher.utter_message(response=f"utter_{previous}")
            return []
        if unsure and previous and _BARE_WHY.match(text):
            # "y?" after any answer: its reasons are in it, or in the answer that gives them
            dispatcher.utter_message(response=f"utter_{WHY.get(previous, previous)}")
            return []
        if unsure and previous in WHY and _WHY.search(text) and not subject:
            unsure = False  # "why would a company use one?" after what one is
        # "n what jobs can i get" as a first message: an aspect that leans on an answer
        # not given, asked about
        leans = previous is None and aspect and bool(_ELLIPTICAL.search(text))
        if unsure and (previous is None or not (subject or aspect)) and not leans:
            dispatcher.utter_message(response="utter_default")
            return []
        one_side = None
        if previous is None:  # a question of its own is answered; a fragment, asked about
            guess = classifier_guess(tracker.latest_message, OWN_QUESTION_GUESS)
            continues = bool(_ELLIPTICAL.search(text))  # "how about technology?": asked about
            if guess is None and subject in (BPO, CALL_CENTER) and not (aspect or continues):
                guess = topic_for("definition", subject)  # "tell me about bpos"
            # a question of its own about both ("front office and back office, what are
            # they?") is answered
            about_both = guess in TOPICS and TOPICS[guess][1] is None
            own = (about_both and not continues) or not is_elliptical(
                text, subject is not None, max_words=0
            )
            # but a short question that points back ("what do they do?") or whose answer
            # depends on the subject ("career path?", "what are the advantages") is
            # asked about: which of the two?
            kind = aspect or (TOPICS[guess][0] if guess in TOPICS else None)
            depends = (
                subject is None
                and len(text.split()) <= SHORT_QUESTION_WORDS
                and (
                    continues
                    or bool(_POINTING_BACK.search(text) or _THAT.search(text))
                    or BPO in ASPECTS.get(kind or "", {})
                )
            )
            # ("what makes them different", "how are they organised differently": with
            # nothing before, "they" in a question about both are the two)
            depends = depends and not (
                about_both and _THE_TWO.search(text) and _COMPARES.search(text) and not continues
            )
            # ("differences in services?": the two compared on that kind)
            depends = depends and not (
                about_both and kind in _KINDS_OF_DIFFERENCE and names_the_difference(tracker)
            )
            own = own and not depends and not (subject is None and _GOES_ON_ABOUT_IT.search(text))
            topic = guess if own else None
            named_pair = (
                topic_for(aspect, subject) if aspect and subject in (BPO, CALL_CENTER) else None
            )
            if (
                own
                and len(subjects) == 1
                and named_pair in TOPICS
                and TOPICS[named_pair][1] == subject
                and guess in TOPICS
                and TOPICS[guess][1] != subject
                # ("customer support shop vs full process outsourcer, how is it different":
                # the other one described, not named)
                and not names_the_difference(tracker)
                and not _COMPARES.search(text)
                and not _VERSUS.search(text)
            ):
                # "... is that the kind of work a call center does?": the one side and the
                # aspect it names, over a reading of the words that is about both
                topic = named_pair
            # what the question asks of one of the two, if it asks something of either
            one_side = kind if subject is None and kind in ONE_SIDE_QUESTIONS else None
            if topic is None and aspect and subject in (BPO, CALL_CENTER):
                # "how much does a bpo cost?", "and their careers at a bpo?" with nothing
                # before: the aspect and the subject name the answer
                topic = topic_for(aspect, subject)
        else:
            confident = classifier_guess(tracker.latest_message, CONFIDENT_GUESS)
            examples = bool(_EXAMPLES.search(text))
            # "examples?" after what one is: what it does; after any other answer
            # (the front and back office list theirs), that answer again
            more = bool(_MORE.search(text)) or (examples and answers_what_it_is(previous))
            if examples and not (subject or aspect):
                confident = None
            if _DOES_THAT_MEAN.search(text) and not (subject or aspect):
                # "does that mean they can be reachable day and night?" after the pros of
                # a call centre: about that answer, whatever else its words resemble
                confident = None
            topic = resolve(
                previous,
                subject,
                aspect,
                confident,
                more,
                why=bool(_WHY.search(text)),
                includes=bool(_INCLUDES.search(text)),
            )
            if (
                topic == "services/call_center"
                and previous == topic
                and not subject
                and named_task(tracker, guessed=True) in BACK_OFFICE
            ):
                # "can they do accounting too?" after what a call center does: no, that is
                # where the two differ
                topic = "difference/services"
            means_there = _MEANS_THERE.search(text) and aspect in (None, "definition")
            own_topic = aspect not in (None, "definition", TOPICS.get(previous, (None,))[0])
            if (_WHAT_DO_YOU_MEAN.search(text) or means_there) and not (subject or own_topic):
                # "what do u mean by multiprocessing": that answer's word ("what do you mean
                # by omnichannel" has a topic of its own: the channels)
                topic = previous
            elif _HOLDS_FOR_OTHERS.search(text) and not (subject or aspect):
                topic = previous  # "does that apply to small firms too": that answer again
            elif (
                _ALWAYS_SO.search(text)
                and not subject
                and aspect in (None, TOPICS.get(previous, (None,))[0])
            ):
                topic = previous  # "is that always true?": that answer again
            elif _WHY_IT_MATTERS.match(text) and not (subject or aspect):
                # "why does it matter?": the reasons for that answer, or that answer again
                topic = WHY.get(previous, previous)
            elif previous == "choosing/overview" and _MATTERS.search(text) and not subject:
                topic = previous  # "does budget matter?": what the choice depends on
        if topic is not None:
            dispatcher.utter_message(response=f"utter_{topic}")
        elif tracker.active_loop_name:
            pass  # the form's question comes again
        elif previous is None and one_side:
            # "what services do they offer" with nothing before: which one's?
            dispatcher.utter_message(response=WHICH_SIDE, buttons=which_side_buttons(one_side))
        else:
            dispatcher.utter_message(response="utter_ask_follow_up_topic")
        return []


# answers that end by offering the recommendation's questions ("If you like, I can ask
# you a few quick questions and recommend one for you.")
OFFERS_THE_QUESTIONS = ("choosing/overview",)


class ActionAnswerYes(Action):
    """ "yes" to an answer that offered the questions starts them; any other "yes"
    asks what the visitor would like to know next."""

    def name(self) -> Text:
        return "action_answer_yes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if previous_topic(tracker) in OFFERS_THE_QUESTIONS and not tracker.active_loop_name:
            return start_form_events(tracker, {})
        dispatcher.utter_message(response="utter_anything_else")
        return []


class ActionAnswerOutOfScope(Action):
    """Out of scope, unless it is a short question about one aspect of the previous
    answer that NLU could not place without it ("how does AI fit in?")."""

    MAX_WORDS = 6
    # on the previous answer's own aspect ("what skills do i need for the first job"
    # after the careers answer), a longer question is still about it
    MAX_WORDS_SAME_ASPECT = 10

    def name(self) -> Text:
        return "action_answer_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if asks_about_the_answer(tracker) and not first_entity(tracker, "near_domain"):
            # "our customers are mad we close at 6pm, could they cover nights?"
            return await answer_about_the_answer(dispatcher, tracker, domain)
        aspect = main_aspect(tracker)
        previous = previous_topic(tracker)
        topic = None
        # "difference": "saas vs paas" is a comparison of other things, whatever came before
        same_aspect = previous in TOPICS and TOPICS[previous][0] == aspect
        # "are they going to be replaced by robots": it points back at the answer
        leans = same_aspect or bool(
            _POINTING_BACK.search(text)
            or _THAT.search(text)
            # "how do i get hired in one"
            or (aspect == "careers" and _IN_ONE.search(text))
        )
        most = self.MAX_WORDS_SAME_ASPECT if leans else self.MAX_WORDS
        if (
            previous
            and aspect not in (None, "difference")
            and len(text.split()) <= most
            # "and a cv for that job?"; but "manufacturing as well?" after the industries is
            # asked of them, whatever else the word may be
            and first_entity(tracker, "near_domain") in (None, ELSEWHERE)
        ):
            named = first_entity(tracker, "subject")
            if named not in (BPO, CALL_CENTER):  # ("advantages of the latter")
                named = subject_by_order(tracker, text) or named
            subject = named
            topic = resolve(previous, subject, aspect)
        elif previous and len(text.split()) <= self.MAX_WORDS and _FOR_WHOM.search(text):
            topic = previous  # "for a small shop?" after how to choose: the same answer
        elif not first_entity(tracker, "near_domain") and (
            about := about_the_previous_answer(text, previous)
        ):
            topic = about  # "give me an example", "what do u mean by ...", "does that include"
        dispatcher.utter_message(response=f"utter_{topic}" if topic else "utter_out_of_scope")
        return []
