"""Messages made mostly of words that no in-scope training example uses are out of scope.

A message in another language ("Quel temps fait-il à Lyon ?") shares character
n-grams with English training examples, so the classifiers still pick some
intent, sometimes confidently (`stop`, which would end the form). Whatever they
guessed, a message of at least `min_words` words of which more than
`max_unknown_share` appear in no training example of another intent becomes
`out_of_scope` (the out-of-scope examples themselves, in ~40 languages, do not
count as known words).
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.base import TrainedComponent, overrule_intent

VOCABULARY_FILE = "vocabulary.json"


def words(message: Message) -> List[Any]:
    return [t for t in message.get(TOKENS_NAMES[TEXT]) or [] if t.text.isalpha()]


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def mashed(word: Text, vocabulary: Set[Text]) -> bool:
    """Keys struck, no word typed: "kkkkkkk", "hahahaha", "asdfgh" (of one row of the
    keyboard, or of two letters at most), unless it is a known word drawn out ("okkk")."""
    letters = set(word.lower())
    drawn_out = re.sub(r"(.)\1+", r"\1", word.lower())
    # ... or said twice ("okok", "tyty")
    repeated = re.fullmatch(r"(.+?)\1+", drawn_out)
    return (
        len(word) >= 4
        and (len(letters) <= 2 or any(letters <= set(row) for row in _KEYBOARD_ROWS))
        and not (len(drawn_out) >= 2 and drawn_out in vocabulary)
        and not (repeated and len(repeated.group(1)) >= 2 and repeated.group(1) in vocabulary)
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsClassifier(TrainedComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "min_words": 2,
            "max_unknown_share": 0.6,
            "intent": "out_of_scope",
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        vocabulary: Optional[Set[Text]] = None,
    ) -> None:
        super().__init__(config, model_storage, resource)
        self.vocabulary = vocabulary or set()

    def train(self, training_data: TrainingData) -> Resource:
        self.vocabulary = {
            form
            for example in training_data.training_examples
            if example.get(INTENT) != self.config["intent"]
            for token in words(example)
            for form in (token.text.lower(), (token.lemma or "").lower())
            if form
        }
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary)))
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> UnknownWordsClassifier:
        with model_storage.read_from(resource) as directory:
            vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text()))
        return cls(config, model_storage, resource, vocabulary)

    def unknown_share(self, message: Message) -> Optional[float]:
        text = message.get(TEXT) or ""
        if text.strip() and not any(c.isalnum() for c in text):
            return 1.0  # "??", "!!!": nothing said
        found = words(message)
        # (one word alone is judged only when it is keys struck)
        struck = (
            len(found) == 1 and len(text.split()) == 1 and mashed(found[0].text, self.vocabulary)
        )
        if len(found) < self.config["min_words"] and not struck:
            return None
        unknown = [
            t
            for t in found
            if t.text.lower() not in self.vocabulary
            and (t.lemma or "").lower() not in self.vocabulary
        ]
        return len(unknown) / len(found)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            share = self.unknown_share(message)
            if share is None or share <= self.config["max_unknown_share"]:
                continue
            # the classifiers' ranking keeps its order, scaled to what is left
            overrule_intent(message, self.config["intent"], share)
        return messages
