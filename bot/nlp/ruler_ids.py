"""Entity values from the entity_ruler's pattern ids.

Rasa's SpacyEntityExtractor gives an entity's text ("call centres", "wfh"); each
pattern in bot/nlp/*patterns.jsonl names its canonical value as its `id`
("call_center", "remote"), so this component puts that value in its place. A pattern
id of "number" (a head count) keeps the text: bot.nlp.form_answers reads numbers.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import StatelessComponent

KEEP_TEXT = "number"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class RulerEntityIds(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None or not message.get(ENTITIES):
                continue
            ids = {(e.start_char, e.end_char): e.ent_id_ for e in doc.ents if e.ent_id_}
            for entity in message.get(ENTITIES):
                canonical = ids.get((entity.get("start"), entity.get("end")))
                if canonical and canonical != KEEP_TEXT:
                    entity["value"] = canonical
        return messages
