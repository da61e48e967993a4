"""Makes a knowledge question's intent agree with the topic the selector chose.

One topic classifier (SparseResponseSelector) ranks all `<intent>/<topic>` keys
together, so it is the better judge of *which* knowledge intent a question belongs
to; the intent classifier's job is to tell knowledge questions from conversation.
When the intent classifier picks any knowledge intent, the intent becomes the
chosen key's intent, with the confidence it gives to knowledge questions as a
whole. `/model/parse` then always reports a consistent `intent` and
`intent_response_key`, and the dialogue rules run the retrieval action whose
answer is the selected one. An unsure reading whose question names the topic's one
subject and its aspect ("call centre advantages for a small salon like mine") is
made sure enough to be answered, and so is a message that is nothing but the two, read
as no knowledge question at all ("cc services").
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import RESPONSE_SELECTOR_DEFAULT_INTENT, RESPONSE_SELECTOR_PROPERTY_NAME
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    ASPECT_TOPICS,
    QUESTION_SHAPE,
    StatelessComponent,
    overrule_intent,
    select_topic,
    selected_topic,
)

# the end of words before the question: a dash, a colon ...
_PREAMBLE_END = re.compile(r"\s[-–—]+\s+|:\s+")
# ... words of the visitor's day and hurry
_OF_THE_DAY = re.compile(
    r"\b(?:quick(?:ly)?|before|after|between|while|meeting|lunch|"
    r"o'?clock|oclock|\d+\s*(?:am|pm)|secs?|seconds?|mins?|minutes?|busy|hurry|rush\w*|"
    r"running late)\b",
    re.IGNORECASE,
)


def named_topic(entities: List[Dict[Text, Any]]) -> Text:
    """The topic of the one subject and the one aspect the entities name, or ''."""
    subjects = {e.get("value") for e in entities if e.get("entity") == "subject"}
    aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
    if len(subjects) != 1 or len(aspects) != 1:
        return ""
    (subject,), (aspect,) = subjects, aspects
    return ASPECT_TOPICS.get(aspect, "").format(subject=subject)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RetrievalIntentAligner(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # a reading this unsure is made `named_confidence` sure where the question
            # names the one subject and the aspect of the topic chosen ("call centre
            # advantages for a small salon like mine": benefits/call_center)
            "named_from": 0.35,
            "named_confidence": 0.6,
            # ... and a message of nothing but a subject and an aspect, read as one of these
            "bare_readings": ["inform", "out_of_scope", "nlu_fallback"],
            # ... and a question after a preamble, read as these, whose topic is this sure
            "preamble_readings": ["out_of_scope", "nlu_fallback"],
            "preamble_topic_from": 0.8,
        }

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._align(message)
            self._named(message)
            self._bare_pair(message)
            self._after_a_preamble(message)
        return messages

    def _after_a_preamble(self, message: Message) -> None:
        """ "before my 2 oclock — what does a bpo do in a nutshell": a question that names
        one of the two, after words of the visitor's day, read whole as out of scope."""
        intent = (message.get(INTENT) or {}).get("name")
        selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
            RESPONSE_SELECTOR_DEFAULT_INTENT
        ) or {}
        key = selected_topic(message)
        text = message.get(TEXT) or ""
        cut = _PREAMBLE_END.search(text)
        if (
            intent not in self.config["preamble_readings"]
            or not key
            or (selection.get("response") or {}).get("confidence", 0.0)
            < self.config["preamble_topic_from"]
            or not cut
            or not _OF_THE_DAY.search(text[: cut.start()])
            or not QUESTION_SHAPE.match(text[cut.end() :])
            or not any(
                e.get("entity") == "subject" and e.get("start", 0) >= cut.end()
                for e in message.get(ENTITIES) or []
            )
        ):
            return
        overrule_intent(message, key.split("/")[0], self.config["named_confidence"])

    def _bare_pair(self, message: Message) -> None:
        """ "cc services", "bpo benefits?": one subject and one aspect, nothing else."""
        intent = (message.get(INTENT) or {}).get("name")
        entities = message.get(ENTITIES) or []
        if intent not in self.config["bare_readings"] or len(entities) != 2:
            return
        topic = named_topic(entities)
        if "/" not in topic:
            return
        rest = message.get(TEXT) or ""
        for e in entities:
            start, end = e.get("start", 0), e.get("end", 0)
            rest = rest[:start] + " " * (end - start) + rest[end:]
        if re.search(r"\w", rest):
            return
        select_topic(message, topic)
        overrule_intent(message, topic.split("/")[0], self.config["named_confidence"])

    def _named(self, message: Message) -> None:
        intent = message.get(INTENT) or {}
        key = selected_topic(message)
        confidence = intent.get("confidence", 0.0)
        if not key or intent.get("name") != key.split("/")[0]:
            return
        if not self.config["named_from"] <= confidence < self.config["named_confidence"]:
            return
        if named_topic(message.get(ENTITIES) or []) == key:
            overrule_intent(message, intent["name"], self.config["named_confidence"])

    @staticmethod
    def _align(message: Message) -> None:
        selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
            RESPONSE_SELECTOR_DEFAULT_INTENT
        )
        intent = message.get(INTENT) or {}
        if not selection or not intent.get("name"):
            return
        key: Optional[Text] = selection["response"].get("intent_response_key")
        knowledge_intents = {
            entry["intent_response_key"].split("/")[0] for entry in selection.get("ranking", [])
        }
        if not key or intent["name"] not in knowledge_intents:
            return
        ranking = message.get(INTENT_RANKING_KEY) or [intent]
        knowledge_confidence = sum(
            entry["confidence"] for entry in ranking if entry["name"] in knowledge_intents
        )
        aligned = {"name": key.split("/")[0], "confidence": knowledge_confidence}
        others = [entry for entry in ranking if entry["name"] not in knowledge_intents]
        message.set(INTENT, aligned, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [aligned, *others], add_to_output=True)
