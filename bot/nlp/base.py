"""The bases of this project's NLU components, so each one holds only what it does:
Rasa's `create` builds a component from its configuration (defaults, then
config.yml), and a trained one also keeps where Rasa stores its model."""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Pattern, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_DEFAULT_INTENT,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    METADATA,
    METADATA_INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class StatelessComponent(GraphComponent):
    """Nothing to train or store."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> StatelessComponent:
        return cls(config)


class TextRewriter(StatelessComponent):
    """Rewrites the text of each message read, before spaCy reads it; the training
    examples, typed as visitors type, pass unchanged. (Registered by each subclass as a
    featurizer, so that the recipe puts it in the chain before the tokenizer.)"""

    def rewritten(self, text: Text) -> Text:
        raise NotImplementedError

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if text:
                rewritten = self.rewritten(text)
                if rewritten != text:
                    message.set(TEXT, rewritten)
        return messages


class TrainedComponent(GraphComponent):
    """Trained, and stored in Rasa's model storage under its resource."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TrainedComponent:
        return cls(config, model_storage, resource)


def overrule_intent(message: Message, name: Text, confidence: float, replace: bool = False) -> None:
    """Give the message another intent. `replace`: the reading it replaces leaves the
    ranking (so that the FallbackClassifier sees no close second) and the others keep
    their confidences; otherwise every other reading shrinks by the new one's share."""
    replaced = (message.get(INTENT) or {}).get("name") if replace else None
    verdict = {"name": name, "confidence": confidence}
    others = [
        entry if replace else {**entry, "confidence": entry["confidence"] * (1 - confidence)}
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry["name"] not in (name, replaced)
    ]
    message.set(INTENT, verdict, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [verdict, *others], add_to_output=True)


# a request for the reasons of a recommendation given: "why did you recommend that for us?"
ASKS_WHY = re.compile(r"\b(?:why|how come|reasons?|made you|makes you|based on)\b", re.IGNORECASE)

# the two subjects' names as a regular expression, for patterns around them
SUBJECT_NAMES = r"(?:bpos?|call[- ]?cent(?:er|re)s?)"
# outsourcing itself, misspelt too ("outsorce", "outscourcing")
OUTSOURCING_WORD = r"\bouts\w{0,3}rc\w*"
# what one of them does, asked: "what exactly would a call center do", "what else could a bpo
# take over" (the verbs close the group: callers add their own before ")")
WHAT_ONE_DOES = (
    # ("what work does a call centre do when it rings customers")
    # ("which processes can a BPO take over?")
    r"(?:what|which)\s+(?:(?:else|exactly|actually|really)\s+|(?:(?:kinds?|sorts?|types?)\s+of\s+)?"
    r"(?:work|tasks|things|stuff|processes|functions)\s+)?(?:can|could|would|will|does|do)\s+"
    rf"(?:an?\s+|the\s+)?(?P<subject>{SUBJECT_NAMES})\s+(?:\w+\s+)?"
    r"(?:do|handle|offer|cover|provide|take on|take over"
)

# an aspect a question names -> the topic about it ({subject}: the subject's own answer
# of that kind), in order of precedence where a question names several
ASPECT_TOPICS: Dict[Text, Text] = {
    "benefits": "benefits/{subject}",
    "careers": "careers/{subject}",
    "services": "services/{subject}",
    "industries": "services/industries",
    "locations": "services/locations",
    "technology": "difference/technology",
    "channels": "difference/channels",
    "ai": "trends/ai_automation",
    "remote": "trends/remote_global",
    "trends": "trends/overview",
    "savings": "benefits/outsourcing_savings",
    "definition": "definition/{subject}",
}


def selected_topic(message: Message) -> Text:
    """The `<intent>/<topic>` key the topic classifier chose for the message, or ''."""
    selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
        RESPONSE_SELECTOR_DEFAULT_INTENT
    ) or {}
    return (selection.get("response") or {}).get(INTENT_RESPONSE_KEY) or ""


def select_topic(message: Message, key: Text) -> None:
    """Make `<intent>/<topic>` the topic chosen for the message (and its answer)."""
    selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
        RESPONSE_SELECTOR_DEFAULT_INTENT
    )
    if selection:
        selection["response"][INTENT_RESPONSE_KEY] = key
        selection["response"][RESPONSE_SELECTOR_UTTER_ACTION_KEY] = f"utter_{key}"


# a message that asks: a question mark, or a start like a question or a request
# ("kindly explain back office work", "wat is a bpo")
QUESTION_SHAPE = re.compile(
    r"\?|^\W*(?:(?:kindly|please|pls|plz)\s+(?=(?:tell|explain|define|describe|give|compare|"
    r"list)\b))?(what|whats|what's|wat|wats|how|why|which|who|where|when|is|are|does|do|can|could|"
    r"should|would|will|tell|explain|define|describe|give|compare|list)\b",
    re.IGNORECASE,
)


def names_a_subject(message: Message) -> bool:
    return any(e.get("entity") == "subject" for e in message.get(ENTITIES) or [])


def asks_how_they_relate(message: Message) -> bool:
    """ "... can a call center be part of a bpo, or is it always separate?": in the last
    sentence, a word of how they relate between one of the two and the other ("we're part
    of a hospital group, bpo or call center?" relates neither to the other)."""
    text = message.get(TEXT) or ""
    start = last_sentence_start(text.rstrip())
    entities = [e for e in message.get(ENTITIES) or [] if e.get("start", -1) >= start]
    subjects = [e for e in entities if e.get("entity") == "subject"]
    return any(
        a.get("entity") == "aspect"
        and a.get("value") == "relationship"
        and any(
            first.get("end", 0) <= a["start"]
            and a.get("end", a["start"]) <= second.get("start", 0)
            and first.get("value") != second.get("value")
            and len(text[a.get("end", a["start"]) : second["start"]].split()) <= 3
            for first in subjects
            for second in subjects
        )
        for a in entities
    )


def is_knowledge_question(message: Message) -> bool:
    """NLU took the message for a knowledge question: its intent is its topic's."""
    intent = (message.get(INTENT) or {}).get("name")
    return bool(intent) and selected_topic(message).split("/")[0] == intent


GUESS = "guess"  # the role of a likeliest value below the threshold
# the tasks of customer communication (the others are the back office's): work described
# with one of the others is a BPO's (the recommendation's own list is in actions/decision.py)
CUSTOMER_TASKS = ("customer_support", "sales", "surveys", "collections", "order_taking")

# words of money, which a budget rests on ("need help deciding" names none)
MONEY = re.compile(
    r"\b(budget\w*|money|cash|funds?|funding|financ\w*|costs?|pric\w+|pay|spend\w*|"
    r"afford\w*|cheap\w*|expens\w*|broke|wallet|pockets?|euros?|dollars?|pounds|bucks|"
    r"grand|quid|rupees?|pesos?|usd|eur|gbp|inr)\b|[$€£¥₹₱]",
    re.IGNORECASE,
)


def names_money(text: Text) -> bool:
    return bool(MONEY.search(text))


_SENTENCE_END = re.compile(r"[.!?]+\s+")


def last_sentence_start(text: Text) -> int:
    """Where the last sentence of `text` begins (0 for a single one)."""
    return max((m.end() for m in _SENTENCE_END.finditer(text)), default=0)


def sentence_at(text: Text, at: int) -> Text:
    """The sentence of `text` that the character at `at` stands in."""
    start = last_sentence_start(text[:at])
    end = next((m.end() for m in _SENTENCE_END.finditer(text) if m.end() > at), len(text))
    return text[start:end].strip()


def sentences_of(text: Text) -> List[Text]:
    """The sentences of `text`, each with the punctuation that ends it."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    parts = (text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False))
    return [part for part in parts if part]


def word_pattern(words: Iterable[Text]) -> Pattern:
    """Any of these words or phrases (regular expressions), as whole words, any case."""
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


# the tasks a knowledge question states, held back as guesses (FormAnswerClassifier): a
# later component that finds the message a request for the recommendation gives them back
HELD_BACK = "held_back_tasks"


def _held_key(entity: Dict) -> tuple:
    return (entity.get("start"), entity.get("end"), str(entity.get("value")))


def flagged(example: Message, flag: Text) -> bool:
    """The training example's intent carries this metadata flag (data/nlu: `metadata:`)."""
    flags = (example.get(METADATA) or {}).get(METADATA_INTENT) or {}
    return isinstance(flags, dict) and bool(flags.get(flag))


def without_role(entity: Dict) -> Dict:
    """The entity as stated (its role, a guess or a value held back, dropped)."""
    return {k: v for k, v in entity.items() if k != "role"}


def state(message: Message, chosen: List[Dict]) -> None:
    """The chosen entities of the message are stated: their roles dropped."""
    message.set(
        ENTITIES,
        [without_role(e) if e in chosen else e for e in message.get(ENTITIES) or []],
        add_to_output=True,
    )


def hold_back(message: Message, entities: Iterable[Dict]) -> None:
    message.set(HELD_BACK, [*(message.get(HELD_BACK) or []), *entities])


def give_back_held_tasks(message: Message) -> None:
    """The tasks a message read as a knowledge question held back, stated again (it asks
    for the recommendation: "... the taproom phone plus the insta DMs are too much. which
    one fits?"), whether kept as guesses or set aside ("need ppl to call our lapsed gym
    members ..., bpo or cc which one?" names the subjects)."""
    held = {_held_key(e): e for e in message.get(HELD_BACK) or []}
    if not held:
        return
    entities = message.get(ENTITIES) or []
    present = {_held_key(e) for e in entities}
    message.set(
        ENTITIES,
        [
            *(without_role(e) if _held_key(e) in held else e for e in entities),
            *(without_role(e) for key, e in held.items() if key not in present),
        ],
        add_to_output=True,
    )
