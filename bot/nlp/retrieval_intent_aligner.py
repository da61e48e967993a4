"""Makes a knowledge question's intent agree with the topic the selector chose.

One topic classifier (SparseResponseSelector) ranks all `<intent>/<topic>` keys
together, so it is the better judge of *which* knowledge intent a question belongs
to; the intent classifier's job is to tell knowledge questions from conversation.
When the intent classifier picks any knowledge intent, the intent becomes the
chosen key's intent, with the confidence it gives to knowledge questions as a
whole. `/model/parse` then always reports a consistent `intent` and
`intent_response_key`, and the dialogue rules run the retrieval action whose
answer is the selected one.
"""

from __future__ import annotations

from typing import List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import RESPONSE_SELECTOR_DEFAULT_INTENT, RESPONSE_SELECTOR_PROPERTY_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import StatelessComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RetrievalIntentAligner(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._align(message)
        return messages

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
