"""Messages made mostly of words the assistant's topics never use are out of scope."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.unknown_words import UnknownWordsClassifier

TRAINING = [
    ("what is a bpo", "definition"),
    ("how does a call center work", "definition"),
    ("stop the questions please", "stop"),
    ("bonjour comment allez vous", "out_of_scope"),  # an out-of-scope example's words
]


@pytest.fixture
def tokenizer() -> WhitespaceTokenizer:
    return WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())


@pytest.fixture
def classifier(tmp_path, tokenizer) -> UnknownWordsClassifier:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    training_data = TrainingData(
        [Message(data={"text": text, "intent": intent}) for text, intent in TRAINING]
    )
    tokenizer.process_training_data(training_data)
    config = UnknownWordsClassifier.get_default_config()
    UnknownWordsClassifier.create(config, storage, Resource("words"), context).train(training_data)
    return UnknownWordsClassifier.load(config, storage, Resource("words"), context)


def classified(classifier, tokenizer, text: str, guess: str = "stop") -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": guess, "confidence": 0.8},
            "intent_ranking": [
                {"name": guess, "confidence": 0.8},
                {"name": "definition", "confidence": 0.2},
            ],
        }
    )
    tokenizer.process([message])
    (message,) = classifier.process([message])
    return message


def test_a_message_in_another_language_is_out_of_scope(classifier, tokenizer):
    message = classified(classifier, tokenizer, "bonjour quel temps fait il")
    assert message.get("intent") == {"name": "out_of_scope", "confidence": 1.0}
    assert [e["name"] for e in message.get("intent_ranking")] == [
        "out_of_scope",
        "stop",
        "definition",
    ]
    assert sum(e["confidence"] for e in message.get("intent_ranking")) == pytest.approx(1.0)


def test_a_question_with_a_few_new_words_keeps_its_intent(classifier, tokenizer):
    message = classified(classifier, tokenizer, "what is a bpo exactly", guess="definition")
    assert message.get("intent") == {"name": "definition", "confidence": 0.8}


def test_single_words_are_left_to_the_classifiers(classifier, tokenizer):
    message = classified(classifier, tokenizer, "stoppp")
    assert message.get("intent")["name"] == "stop"


@pytest.mark.parametrize("text", ["ghjkghjk", "kkkkkkk", "hahahaha", "asdfgh", "??", "!!!", "👍"])
def test_keys_struck_and_nothing_said_are_out_of_scope(classifier, tokenizer, text):
    # (read as "stop", they would have ended the form)
    message = classified(classifier, tokenizer, text)
    assert message.get("intent") == {"name": "out_of_scope", "confidence": 1.0}


# (a word never seen, with the letters of a word, is a typo perhaps: "outsorcing"; a known
# word said twice, "isis" like "okok", is that word)
@pytest.mark.parametrize("text", ["stoppp", "bpo", "outsorcing", "k", "isis"])
def test_a_known_word_drawn_out_or_a_new_word_is_not_struck_keys(classifier, tokenizer, text):
    assert classified(classifier, tokenizer, text).get("intent")["name"] == "stop"


def test_numbers_and_punctuation_are_not_words(classifier, tokenizer):
    message = classified(classifier, tokenizer, "call center 30 40 50 ?", guess="definition")
    assert message.get("intent")["name"] == "definition"
