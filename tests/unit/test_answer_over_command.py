"""An answer to the form is not taken for a command to stop."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.answer_over_command import AnswerOverCommand


def intent_after(text, intent, entities):
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.6},
            "intent_ranking": [{"name": intent, "confidence": 0.6}],
            "entities": entities,
        }
    )
    (result,) = AnswerOverCommand({}).process([message])
    return result.get("intent")["name"]


RULER = {"extractor": "SpacyEntityExtractor"}
MODEL = {"extractor": "FormAnswerClassifier", "confidence": 0.7}


@pytest.mark.parametrize(
    "text, intent, entity, expected",
    [
        ("answering pt questions on the phone", "stop", {"entity": "outsourced_function", **RULER},
         "inform"),
        ("about 40 of us, that's it", "goodbye", {"entity": "company_size", **MODEL}, "inform"),
        ("stop, we only need payroll", "stop", {"entity": "outsourced_function", **RULER}, "stop"),
        ("no more questions about our books", "stop", {"entity": "outsourced_function", **MODEL},
         "stop"),
        ("enough questions", "stop", None, "stop"),
        ("payroll", "affirm", {"entity": "outsourced_function", **RULER}, "affirm"),
    ],
)  # fmt: skip
def test_an_answer_is_not_a_command(text, intent, entity, expected):
    assert intent_after(text, intent, [entity] if entity else []) == expected
