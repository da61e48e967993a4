"""Intent and knowledge-topic classifiers without a TensorFlow model.

Two logistic regressions over the sparse features of the CountVectorsFeaturizers:
one picks the intent (as Rasa's DIETClassifier did), the other the `<intent>/<topic>`
key of a knowledge question, with the output of Rasa's ResponseSelector
(`response_selector` -> `default`), so the retrieval actions, the aligner and
`/model/parse` work unchanged. DIET and the ResponseSelector cost ~500 MB and
seconds of start-up; these scored as well (see config.yml). The weights are stored
as plain arrays (.npz, no pickle), so loading them runs no code from the model file."""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple, Type

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_DEFAULT_INTENT,
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import (
    FEATURE_TYPE_SENTENCE,
    FEATURE_TYPE_SEQUENCE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix, csr_matrix, hstack

from bot.nlp.base import TrainedComponent, flagged

logger = logging.getLogger(__name__)


def sentence_features(message: Message) -> Tuple[np.ndarray, np.ndarray, int]:
    """The sentence features of every featurizer side by side, sparse ones first, as
    (values, columns, width).

    Read from `message.features` directly: Rasa's `get_sparse_features` copies and
    re-stacks them on every call (~5% of a turn, with two classifiers).
    """
    sentence = [
        f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE
    ]
    values, columns, width = [], [], 0
    for feature in [f for f in sentence if f.is_sparse()] + [f for f in sentence if f.is_dense()]:
        row = coo_matrix(feature.features)
        values.append(row.data)
        columns.append(row.col + width)
        width += row.shape[1]
    if not values:
        return np.zeros(0), np.zeros(0, dtype=int), 0
    return np.concatenate(values), np.concatenate(columns), width


def token_features(message: Message) -> csr_matrix:
    """The sequence features of every sparse featurizer side by side: one row per token
    (word unigrams and character n-grams; bigrams exist only for the whole sentence)."""
    sequence = [
        f.features
        for f in message.features
        if f.attribute == TEXT and f.type == FEATURE_TYPE_SEQUENCE and f.is_sparse()
    ]
    if not sequence:
        return csr_matrix((0, 0))
    return hstack(sequence, format="csr")


def feature_matrix(messages: List[Message]) -> csr_matrix:
    rows = [sentence_features(m) for m in messages]
    width = max((w for _, _, w in rows), default=0)
    return csr_matrix(
        (
            np.concatenate([v for v, _, _ in rows]),
            np.concatenate([c for _, c, _ in rows]),
            np.cumsum([0] + [len(v) for v, _, _ in rows]),
        ),
        shape=(len(rows), width),
    )


class _SparseLogisticRegression(TrainedComponent):
    """Shared training, storage and scoring; subclasses choose labels and output."""

    FILE = "weights.npz"

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Featurizer]

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """This whole module: Rasa's cache fingerprints only a subclass's own source, so a
        change to the shared code below would otherwise restore stale trained weights."""
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 1.0, "max_iter": 200, "random_state": 2024, "ranking_length": 10}

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, model_storage, resource)
        self.classes: Optional[np.ndarray] = None
        # weights: features x classes, so that scoring one message reads only the
        # rows of the features it has (microseconds, instead of a sparse product)
        self.weights: Optional[np.ndarray] = None
        self.intercept: Optional[np.ndarray] = None

    def labelled(self, training_data: TrainingData) -> List[Message]:
        raise NotImplementedError

    def label(self, message: Message) -> Text:
        raise NotImplementedError

    def train(self, training_data: TrainingData) -> Resource:
        from sklearn.linear_model import LogisticRegression

        examples = self.labelled(training_data)
        labels = [self.label(e) for e in examples]
        if len(set(labels)) > 1:
            model = LogisticRegression(
                C=self.config["C"],
                max_iter=self.config["max_iter"],
                random_state=self.config["random_state"],
                class_weight="balanced",
            )
            model.fit(feature_matrix(examples), labels)
            self.classes = np.array([str(c) for c in model.classes_])
            coef, intercept = model.coef_, model.intercept_
            if len(self.classes) == 2:  # sklearn's binary case: one row, as a softmax of two
                coef, intercept = (
                    np.vstack([-coef, coef]) / 2,
                    np.hstack([-intercept, intercept]) / 2,
                )
            self.weights, self.intercept = np.ascontiguousarray(coef.T), intercept
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            if self.classes is not None:
                np.savez(
                    directory / self.FILE,
                    classes=self.classes,
                    weights=self.weights,
                    intercept=self.intercept,
                )

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> _SparseLogisticRegression:
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                if (directory / cls.FILE).exists():
                    with np.load(directory / cls.FILE, allow_pickle=False) as weights:
                        component.classes = weights["classes"]
                        component.weights = weights["weights"]
                        component.intercept = weights["intercept"]
        except ValueError:
            logger.debug(f"{cls.__name__} has no trained weights; it predicts nothing.")
        return component

    def rankings(self, messages: List[Message]) -> List[List[tuple]]:
        """(label, probability) pairs per message, best first (multinomial softmax)."""
        rows = []
        for message in messages:
            values, columns, _ = sentence_features(message)
            rows.append(values @ self.weights[columns] + self.intercept)
        scores = np.vstack(rows)
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        result = []
        for row in probabilities:
            order = np.argsort(-row)[: self.config["ranking_length"] or None]
            result.append([(str(self.classes[i]), float(row[i])) for i in order])
        return result

    def process(self, messages: List[Message]) -> List[Message]:
        if self.classes is None or not messages:
            return messages
        for message, ranking in zip(messages, self.rankings(messages), strict=True):
            self.annotate(message, ranking)
        return messages

    def annotate(self, message: Message, ranking: List[tuple]) -> None:
        """Write the ranking into the message, in the format its readers expect."""
        raise NotImplementedError


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SparseIntentClassifier(_SparseLogisticRegression, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **_SparseLogisticRegression.get_default_config(),
            # examples whose intent carries one of these metadata flags teach other
            # components only (the form's task descriptions: many everyday words that would
            # pull questions towards "inform")
            "leave_out_flagged": ["form_answer_only"],
        }

    def labelled(self, training_data: TrainingData) -> List[Message]:
        flags = self.config["leave_out_flagged"]
        flags = [flags] if isinstance(flags, str) else flags
        return [
            e
            for e in training_data.intent_examples
            if e.get(INTENT) and e.get(TEXT) and not any(flagged(e, f) for f in flags)
        ]

    def label(self, message: Message) -> Text:
        return message.get(INTENT)

    def annotate(self, message: Message, ranking: List[tuple]) -> None:
        entries = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: p} for name, p in ranking]
        message.set(INTENT, entries[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, entries, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SparseResponseSelector(_SparseLogisticRegression):
    def labelled(self, training_data: TrainingData) -> List[Message]:
        return [
            e for e in training_data.intent_examples if e.get(INTENT_RESPONSE_KEY) and e.get(TEXT)
        ]

    def label(self, message: Message) -> Text:
        return message.get(INTENT_RESPONSE_KEY)

    @functools.cached_property
    def retrieval_intents(self) -> List[Text]:
        """The intent parts of the keys it was trained on."""
        return sorted({str(key).split("/")[0] for key in self.classes})

    def annotate(self, message: Message, ranking: List[tuple]) -> None:
        key, confidence = ranking[0]
        properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME, {})
        properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = self.retrieval_intents
        properties[RESPONSE_SELECTOR_DEFAULT_INTENT] = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: [],
                PREDICTED_CONFIDENCE_KEY: confidence,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{key}",
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {INTENT_RESPONSE_KEY: k, PREDICTED_CONFIDENCE_KEY: p} for k, p in ranking
            ],
        }
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
