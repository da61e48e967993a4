"""A message dictated to a phone is read as if typed."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.dictation import DictationReader


@pytest.mark.parametrize(
    "said, typed",
    [
        ("what does a b p o do question mark", "what does a bpo do?"),
        ("are b p o s cheaper", "are bpos cheaper"),
        ("bee pee oh jobs near me", "bpo jobs near me"),
        ("can r. p. a. replace agents", "can rpa replace agents"),
        ("does our h r need a c r m", "does our hr need a crm"),
        ("what about a i exclamation mark", "what about ai!"),
        ("um so what is a cole centre", "um so what is a call centre"),
        ("why out source at all period we are a bakery", "why outsource at all. we are a bakery"),
        (
            "do they handle in bound and out bound calls",
            "do they handle inbound and outbound calls",
        ),
        ("is it big in health care comma or not really", "is it big in healthcare, or not really"),
        ("start up owner here which one fits", "startup owner here which one fits"),
        ("advice for our tech start up", "advice for our tech startup"),
    ],
)
def test_dictation_slips_are_read_as_typed(said, typed):
    assert DictationReader({}).rewritten(said) == typed


@pytest.mark.parametrize(
    "text",
    [
        "we have a trial period of 3 months",
        "the busy period is december",
        "plan a b or c",
        "we need i t support",
        "umbrella company payroll",
        "what is a bpo?",
        "how do i start up a call center",
        "we are a start-up in e-commerce",
        "we need a i t person",
        "is there a big question mark over quality",
        "cover for a 12 month period",
        "the initial period is 6 months",
        "is there a minimum period",
    ],
)
def test_typed_text_is_left_as_it_is(text):
    assert DictationReader({}).rewritten(text) == text


def test_the_message_text_is_rewritten():
    reader = DictationReader({})
    (message,) = reader.process([Message(data={"text": "hmm what is a b p o"})])
    assert message.get("text") == "hmm what is a bpo"
