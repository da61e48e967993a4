"""Keeps the knowledge answers' texts out of NLU training: they were most of its time.

Rasa copies the text of each example's `utter_<intent>/<topic>` answer onto every
knowledge example (for a ResponseSelector that learns from answer texts). Ours
picks the key from the question alone, yet every answer was still parsed by
spaCy, tokenized, featurized and fingerprinted once per example (1,156 examples
of ~100-word answers): about half of a 49 s training. First in the pipeline,
this component passes the examples on without them. The answers still reach the
assistant through the domain, where the retrieval action reads them.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import RESPONSE
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.base import StatelessComponent


# Registered as a featurizer only so that the recipe puts it in the chain that
# processes training data; it adds no features.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class AnswerTextStripper(StatelessComponent):
    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        examples = [
            Message(
                data={key: value for key, value in example.data.items() if key != RESPONSE},
                output_properties=example.output_properties,
                features=example.features,
            )
            for example in training_data.training_examples
        ]
        return TrainingData(
            examples,
            entity_synonyms=training_data.entity_synonyms,
            regex_features=training_data.regex_features,
            lookup_tables=training_data.lookup_tables,
        )

    def process(self, messages: List[Message]) -> List[Message]:
        return messages
