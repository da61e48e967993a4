"""A polite message is read for what it asks or answers."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.pleasantries import PleasantryTrimmer


@pytest.mark.parametrize(
    "text, read",
    [
        (
            "Good evening, I hope you are well. What does a BPO actually do for a hospital? "
            "Many thanks in advance.",
            "What does a BPO actually do for a hospital?",
        ),
        ("Dear team, we are about 80 people. Kind regards", "Dear team, we are about 80 people."),
        ("Thanks, that was clear. And for a call center?", "And for a call center?"),
        ("Very helpful. Where are most of them based?", "Where are most of them based?"),
        ("hi, which one fits a small bakery", "which one fits a small bakery"),
    ],
)
def test_courtesies_around_a_message_are_set_aside(text, read):
    assert PleasantryTrimmer.rewritten(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "thanks!",
        "hello, good morning",
        "Thank you so much.",
        "hi",
        "thanks, bye",
        "bye",
        "hi, we run care homes and we're short of carers",
        "hi, is anybody here?",
    ],
)
def test_courtesies_alone_are_left_whole(text):
    assert PleasantryTrimmer.rewritten(text) == text


def test_the_message_text_is_rewritten():
    (message,) = PleasantryTrimmer({}).process([Message(data={"text": "Hello! what is a bpo?"})])
    assert message.get("text") == "what is a bpo?"
