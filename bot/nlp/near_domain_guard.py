"""Requests next to a topic, not on it, are out of scope.

"resume objective for a call center job" or "how to pass a bpo walk-in interview"
share every content word with the careers answers, which say what roles and paths a
call center or a BPO offers; they ask for help with one person's job application,
which the assistant does not give. When the topic chosen is of a kind listed in
`markers` and the message has one of that kind's markers, the message becomes
`out_of_scope`, whose reply says what the assistant covers.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import RESPONSE_SELECTOR_DEFAULT_INTENT, RESPONSE_SELECTOR_PROPERTY_NAME
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import StatelessComponent, overrule_intent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NearDomainGuard(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # topic kind -> words that ask for something next to it (set in config.yml)
        return {"markers": {}, "intent": "out_of_scope", "confidence": 0.9}

    @functools.cached_property
    def patterns(self) -> Dict[Text, Pattern]:
        return {
            kind: re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
            for kind, words in self.config["markers"].items()
        }

    def is_next_to_topic(self, message: Message) -> bool:
        selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
            RESPONSE_SELECTOR_DEFAULT_INTENT
        ) or {}
        key = (selection.get("response") or {}).get("intent_response_key") or ""
        kind = key.split("/")[0]
        intent = (message.get(INTENT) or {}).get("name")
        pattern = self.patterns.get(kind)
        return bool(pattern and intent == kind and pattern.search(message.get(TEXT) or ""))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self.is_next_to_topic(message):
                continue
            overrule_intent(message, self.config["intent"], self.config["confidence"])
        return messages
