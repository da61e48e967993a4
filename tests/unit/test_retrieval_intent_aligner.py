"""The intent of a knowledge question follows the ResponseSelector's topic."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.retrieval_intent_aligner import RetrievalIntentAligner


def parsed(intent: str, ranking, key: str) -> Message:
    selector_ranking = [
        {"intent_response_key": k, "confidence": 0.1}
        for k in ("definition/bpo", "difference/overview", "careers/bpo")
    ]
    return Message(
        data={
            "text": "how can i move up in a bpo",
            "intent": {"name": intent, "confidence": ranking[0]["confidence"]},
            "intent_ranking": ranking,
            "response_selector": {
                "default": {"response": {"intent_response_key": key}, "ranking": selector_ranking}
            },
        }
    )


def test_knowledge_intent_takes_the_selected_topics_intent_and_their_joint_confidence():
    ranking = [
        {"name": "difference", "confidence": 0.5},
        {"name": "careers", "confidence": 0.3},
        {"name": "greet", "confidence": 0.2},
    ]
    (message,) = RetrievalIntentAligner({}).process([parsed("difference", ranking, "careers/bpo")])
    assert message.get("intent") == {"name": "careers", "confidence": 0.8}
    assert [e["name"] for e in message.get("intent_ranking")] == ["careers", "greet"]


def test_conversation_intents_are_left_alone():
    ranking = [{"name": "greet", "confidence": 0.9}, {"name": "definition", "confidence": 0.1}]
    (message,) = RetrievalIntentAligner({}).process([parsed("greet", ranking, "definition/bpo")])
    assert message.get("intent") == {"name": "greet", "confidence": 0.9}


def named(subject: str, aspect: str, key: str, confidence: float = 0.45) -> Message:
    ranking = [
        {"name": key.split("/")[0], "confidence": confidence},
        {"name": "request_recommendation", "confidence": 1 - confidence},
    ]
    message = parsed(key.split("/")[0], ranking, key)
    message.set(
        "entities",
        [{"entity": "subject", "value": subject}, {"entity": "aspect", "value": aspect}],
    )
    return message


def test_an_unsure_reading_that_names_the_topics_subject_and_aspect_is_made_sure():
    """ "call centre perks for a tiny florist like us": the one subject and the aspect of the
    topic chosen, though the story makes the classifier unsure."""
    (message,) = RetrievalIntentAligner({}).process(
        [named("call_center", "benefits", "benefits/call_center")]
    )
    assert message.get("intent") == {"name": "benefits", "confidence": 0.6}


def test_an_unsure_reading_that_names_another_topic_stays_unsure():
    (message,) = RetrievalIntentAligner({}).process(
        [named("bpo", "benefits", "benefits/call_center")]
    )
    assert message.get("intent") == {"name": "benefits", "confidence": 0.45}
    (message,) = RetrievalIntentAligner({}).process(
        [named("bpo", "careers", "benefits/bpo", confidence=0.2)]
    )
    assert message.get("intent")["confidence"] == 0.2


def bare(text: str, intent: str, entities) -> Message:
    message = parsed(intent, [{"name": intent, "confidence": 0.58}], "definition/bpo")
    message.set("text", text)
    found = []
    for word, entity, value in entities:
        start = text.index(word)
        found.append({"entity": entity, "value": value, "start": start, "end": start + len(word)})
    message.set("entities", found)
    return message


def test_nothing_but_a_subject_and_an_aspect_is_that_question():
    """ "cc services", read as a form answer: what a call center does."""
    entities = [("cc", "subject", "call_center"), ("services", "aspect", "services")]
    (message,) = RetrievalIntentAligner({}).process([bare("cc services?", "inform", entities)])
    assert message.get("intent")["name"] == "services"
    key = message.get("response_selector")["default"]["response"]["intent_response_key"]
    assert key == "services/call_center"
    # ... not with more said, nor a conversation intent
    (message,) = RetrievalIntentAligner({}).process(
        [bare("cc services for our shop", "inform", entities)]
    )
    assert message.get("intent")["name"] == "inform"
    (message,) = RetrievalIntentAligner({}).process([bare("cc services", "stop", entities)])
    assert message.get("intent")["name"] == "stop"


def preamble_message(text, intent, subject_word, confidence=0.9):
    start = text.index(subject_word)
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.95},
            "intent_ranking": [{"name": intent, "confidence": 0.95}],
            "entities": [{"entity": "subject", "value": "bpo", "start": start, "end": start + 3}],
            "response_selector": {
                "default": {
                    "response": {"intent_response_key": "services/bpo", "confidence": confidence}
                }
            },
        }
    )


def test_a_question_after_words_of_the_visitors_day_is_the_knowledge_question():
    text = "in a rush before my 4pm meeting - what can a bpo do for us"
    (result,) = RetrievalIntentAligner({}).process([preamble_message(text, "out_of_scope", "bpo")])
    assert result.get("intent")["name"] == "services"


@pytest.mark.parametrize(
    "text, confidence",
    [
        # no words of the day before it
        ("my question: what can a bpo do about my tax return", 0.9),
        # a topic the selector is unsure of
        ("quick one - what does a bpo pay on weekends", 0.5),
        # no question after the dash
        ("before lunch - bpo people were rude to me", 0.9),
    ],
)
def test_out_of_scope_stays_without_a_question_after_a_preamble(text, confidence):
    message = preamble_message(text, "out_of_scope", "bpo", confidence)
    (result,) = RetrievalIntentAligner({}).process([message])
    assert result.get("intent")["name"] == "out_of_scope"
