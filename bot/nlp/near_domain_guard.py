"""Requests next to a topic, not on it, are out of scope.

"resume objective for a call center job" or "how to pass a bpo walk-in interview"
share every content word with the careers answers, which say what roles and paths a
call center or a BPO offers; they ask for help with one person's job application,
which the assistant does not give. When the topic chosen is of a kind listed in
`markers` and the message has one of that kind's markers, the message becomes
`out_of_scope`, whose reply says what the assistant covers. Any message with a
marker of the chosen topic's kind carries a `near_domain` entity, so the dialogue
does not take it for a follow-up on that topic either.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Match, Optional, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    StatelessComponent,
    is_knowledge_question,
    overrule_intent,
    selected_topic,
    word_pattern,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NearDomainGuard(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # topic kind -> words that ask for something next to it (set in config.yml)
        return {"markers": {}, "intent": "out_of_scope", "confidence": 0.9}

    @functools.cached_property
    def patterns(self) -> Dict[Text, Pattern]:
        return {kind: word_pattern(words) for kind, words in self.config["markers"].items()}

    def marker(self, message: Message) -> Optional[Match]:
        pattern = self.patterns.get(selected_topic(message).split("/")[0])
        return pattern.search(message.get(TEXT) or "") if pattern else None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            marker = self.marker(message)
            if not marker:
                continue
            entity = {
                "entity": "near_domain",
                "value": selected_topic(message).split("/")[0],
                "start": marker.start(),
                "end": marker.end(),
                "extractor": "NearDomainGuard",
            }
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
            if is_knowledge_question(message):
                overrule_intent(message, self.config["intent"], self.config["confidence"])
        return messages
