"""The recommendation's questions turned down: a stop, its question answered first."""

import pytest

from bot.nlp.questions_declined import QuestionsDeclined
from tests.unit.conftest import parsed_message

FLAG = {"entity": "follow_up_shape", "value": "true"}


def after(text, intent, topic, entities=()):
    message = parsed_message(text, intent, 0.9, [FLAG, *entities], topic)
    (result,) = QuestionsDeclined({}).process([message])
    return result.get("intent")["name"], sorted(e["entity"] for e in result.get("entities"))


SUBJECT = {"entity": "subject", "value": "call_center", "start": 40, "end": 51}
TASK = {"entity": "outsourced_function", "value": "customer_support"}
SIZE = {"entity": "company_size", "value": "small"}


@pytest.mark.parametrize(
    "text, intent, topic, entities, expected",
    [
        # a question beside the words: its answer, then no more questions
        ("no need for a recommendation, just tell me what they have in common", "follow_up",
         "difference/similarities", [], ("stop", ["answer_first"])),
        ("skip the questions, whats the main difference", "difference", "difference/overview",
         [], ("stop", ["answer_first"])),
        ("i dont want the quiz, what does a call centre do", "services", "services/call_center",
         [SUBJECT], ("stop", ["answer_first", "subject"])),
        ("not now thanks. in one sentence, whats the main difference", "deny",
         "difference/overview", [], ("stop", ["answer_first"])),
        # turned down with nothing asked
        ("no need for a recommendation", "request_recommendation", "choosing/overview", [],
         ("stop", ["follow_up_shape"])),
        # a side the question needs and does not name: left to ask which
        ("no need for a recommendation, what are the advantages?", "follow_up", "benefits/bpo",
         [], ("follow_up", ["follow_up_shape"])),
        # set aside as out of scope: stays so
        ("skip the questions, how much do call center agents earn?", "out_of_scope",
         "careers/call_center", [{"entity": "near_domain", "value": "careers"}],
         ("out_of_scope", ["follow_up_shape", "near_domain"])),
        # the form answered, or the choice asked, all the same
        ("no need for the quiz, we're 30 people and need our phones answered", "inform",
         "choosing/overview", [SIZE, TASK], ("inform", ["company_size", "follow_up_shape",
                                                        "outsourced_function"])),
        ("i dont need a recommendation for a vendor, which type suits a 20 person clinic?",
         "request_recommendation", "choosing/overview", [],
         ("request_recommendation", ["follow_up_shape"])),
        ("no thanks, which one would suit a small bakery like mine?", "request_recommendation",
         "choosing/overview", [], ("request_recommendation", ["follow_up_shape"])),
        # customers' questions are no questions of the form
        ("we dont want questions from customers going unanswered, can a call center help",
         "benefits", "benefits/call_center", [SUBJECT],
         ("benefits", ["follow_up_shape", "subject"])),
        ("not now thanks", "deny", "difference/overview", [], ("deny", ["follow_up_shape"])),
    ],
)  # fmt: skip
def test_the_questions_turned_down(text, intent, topic, entities, expected):
    assert after(text, intent, topic, entities) == expected


@pytest.mark.parametrize(
    "text, intent", [("no thanks, that's all", "deny"), ("not now, maybe later.", "deny")]
)
def test_a_no_thanks_asking_nothing_turns_down_only_what_was_offered(text, intent):
    assert after(text, intent, "choosing/overview")[0] == intent
