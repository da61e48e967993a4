"""The TF-free intent classifier and response selector: train, store, load, predict."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.retrieval_intent_aligner import RetrievalIntentAligner
from bot.nlp.sparse_classifiers import SparseIntentClassifier, SparseResponseSelector

EXAMPLES = {
    ("greet", None): ["hello there", "hi", "good morning", "hey bot", "hello"],
    ("goodbye", None): ["bye", "see you later", "goodbye for now", "bye bye", "later"],
    ("definition", "definition/bpo"): [
        "what is a bpo",
        "define bpo",
        "what does bpo mean",
        "explain bpo to me",
        "bpo meaning",
    ],
    ("careers", "careers/bpo"): [
        "jobs in a bpo",
        "bpo career path",
        "can i work in a bpo",
        "bpo jobs for graduates",
        "career growth at a bpo",
    ],
}


@pytest.fixture
def storage(tmp_path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.fixture
def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


@pytest.fixture
def featurize(storage, context):
    """Tokenize and featurize messages with Rasa's own components, trained on the examples."""
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizer = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "max_ngram": 4},
        storage,
        Resource("featurizer"),
        context,
    )
    messages = []
    for (intent, key), texts in EXAMPLES.items():
        for text in texts:
            data = {"text": text, "intent": intent}
            if key:
                data["intent_response_key"] = key
            messages.append(Message(data=data))
    training_data = TrainingData(messages)
    tokenizer.process_training_data(training_data)
    featurizer.train(training_data)
    featurizer.process_training_data(training_data)

    def run(texts: list[str]) -> list[Message]:
        unseen = [Message(data={"text": t}) for t in texts]
        tokenizer.process(unseen)
        featurizer.process(unseen)
        return unseen

    run.training_data = training_data
    return run


def trained(cls, featurize, storage, context, name: str):
    component = cls.create({**cls.get_default_config(), "C": 10}, storage, Resource(name), context)
    component.train(featurize.training_data)
    return component


def test_intent_classifier_ranks_unseen_messages(featurize, storage, context):
    classifier = trained(SparseIntentClassifier, featurize, storage, context, "intents")
    greeting, question = classifier.process(featurize(["hello bot", "what is bpo"]))
    assert greeting.get("intent")["name"] == "greet"
    assert question.get("intent")["name"] == "definition"
    ranking = question.get("intent_ranking")
    assert {entry["name"] for entry in ranking} == {"greet", "goodbye", "definition", "careers"}
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)
    assert ranking == sorted(ranking, key=lambda entry: -entry["confidence"])


def test_a_loaded_model_predicts_exactly_what_the_trained_one_did(featurize, storage, context):
    classifier = trained(SparseIntentClassifier, featurize, storage, context, "intents")
    loaded = SparseIntentClassifier.load(
        SparseIntentClassifier.get_default_config(), storage, Resource("intents"), context
    )
    texts = ["good morning", "jobs at a bpo", "bye for now"]
    assert [m.get("intent_ranking") for m in loaded.process(featurize(texts))] == [
        m.get("intent_ranking") for m in classifier.process(featurize(texts))
    ]


def test_response_selector_output_drives_the_retrieval_action(featurize, storage, context):
    selector = trained(SparseResponseSelector, featurize, storage, context, "selector")
    (message,) = selector.process(featurize(["is there a career in bpo"]))
    selection = message.get("response_selector")["default"]
    assert selection["response"]["intent_response_key"] == "careers/bpo"
    assert selection["response"]["utter_action"] == "utter_careers/bpo"
    assert [entry["intent_response_key"] for entry in selection["ranking"]] == [
        "careers/bpo",
        "definition/bpo",
    ]
    assert message.get("response_selector")["all_retrieval_intents"] == ["careers", "definition"]


def test_intent_of_a_knowledge_question_follows_the_selected_topic(featurize, storage, context):
    classifier = trained(SparseIntentClassifier, featurize, storage, context, "intents")
    selector = trained(SparseResponseSelector, featurize, storage, context, "selector")
    messages = featurize(["bpo jobs meaning"])
    (message,) = RetrievalIntentAligner({}).process(selector.process(classifier.process(messages)))
    key = message.get("response_selector")["default"]["response"]["intent_response_key"]
    assert message.get("intent")["name"] == key.split("/")[0]


def test_two_classes_are_scored_as_a_softmax_of_two(featurize, storage, context):
    only_two = TrainingData(
        [
            m
            for m in featurize.training_data.intent_examples
            if m.get("intent") in ("greet", "goodbye")
        ]
    )
    classifier = SparseIntentClassifier.create(
        SparseIntentClassifier.get_default_config(), storage, Resource("two"), context
    )
    classifier.train(only_two)
    hello, bye = classifier.process(featurize(["hello", "bye bye"]))
    assert hello.get("intent")["name"] == "greet"
    assert bye.get("intent")["name"] == "goodbye"
    assert hello.get("intent")["confidence"] > 0.5


def test_without_training_data_nothing_is_predicted(featurize, storage, context):
    classifier = SparseIntentClassifier.create(
        SparseIntentClassifier.get_default_config(), storage, Resource("empty"), context
    )
    classifier.train(TrainingData([]))
    loaded = SparseIntentClassifier.load(
        SparseIntentClassifier.get_default_config(), storage, Resource("empty"), context
    )
    (message,) = loaded.process(featurize(["hello"]))
    assert message.get("intent") is None


def test_examples_flagged_for_the_form_teach_no_intent(featurize, storage, context):
    flagged = featurize(["phoning pubs to sell our beer", "paying the pickers"])
    for message in flagged:
        message.set("intent", "inform")
        message.set("metadata", {"intent": {"form_answer_only": True}})
    data = TrainingData(featurize.training_data.training_examples + flagged)
    classifier = SparseIntentClassifier.create(
        {**SparseIntentClassifier.get_default_config(), "C": 10}, storage, Resource("i"), context
    )
    classifier.train(data)
    assert "inform" not in set(classifier.classes)
    unflagged = SparseIntentClassifier.create(
        {**SparseIntentClassifier.get_default_config(), "C": 10, "leave_out_flagged": "other"},
        storage,
        Resource("j"),
        context,
    )
    unflagged.train(data)
    assert "inform" in set(unflagged.classes)


def test_examples_with_any_of_the_flags_teach_no_intent(featurize, storage, context):
    flagged = featurize(["our sales fell all year", "paying the pickers"])
    for message, flag in zip(flagged, ["slot_answer_only", "form_answer_only"], strict=True):
        message.set("intent", "inform")
        message.set("metadata", {"intent": {flag: True}})
    data = TrainingData(featurize.training_data.training_examples + flagged)
    config = {"C": 10, "leave_out_flagged": ["form_answer_only", "slot_answer_only"]}
    classifier = SparseIntentClassifier.create(
        {**SparseIntentClassifier.get_default_config(), **config}, storage, Resource("k"), context
    )
    classifier.train(data)
    assert "inform" not in set(classifier.classes)
