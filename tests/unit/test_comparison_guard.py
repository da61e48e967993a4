"""Comparisons of other things are out of scope; the assistant's own are not."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.comparison_guard import ComparisonGuard


def message(text, entities=()):
    return Message(
        data={
            "text": text,
            "entities": list(entities),
            "intent": {"name": "difference", "confidence": 0.9},
            "intent_ranking": [{"name": "difference", "confidence": 0.9}],
        }
    )


def entity(text, sentence, name, value):
    start = sentence.index(text)
    return {"entity": name, "value": value, "start": start, "end": start + len(text)}


@pytest.mark.parametrize(
    "text",
    [
        "what's the difference between saas and paas?",
        "b2b vs b2c whats the difference",
        "difference between customer service and customer experience",
        "what is the different of seo and sem",
        "inbound marketing vs outbound marketing, which works better",
        "leasing or buying our vans, which is cheaper?",
        "which is better for a shop: a franchise or an independent store",
        "franchise or licence - what is the difference?",
        "support and resistance in trading, whats the difference",
        "kpi and okr, how are they different",
        "diff btw crm n erp?",
        "how does a sole trader differ from a limited company",
        "how is a franchise different from a licensed one",
        "what separates a mortgage broker from a bank",
        "is a franchise different from a licence or basically the same",
        "is an llc really different than a sole proprietorship",
    ],
)
def test_other_comparisons_become_out_of_scope(text):
    entities = []
    if "vs" in text:
        entities = [entity("vs", text, "aspect", "difference")]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_task_word_in_a_comparison_asked_after_it_is_no_answer():
    text = "b2b vs b2c sales, how are they different"
    entities = [entity("sales", text, "outsourced_function", "sales")]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_two_tasks_compared_with_the_question_after_them_stay():
    text = "phone support vs payroll, how do they differ when you outsource them?"
    entities = [
        entity("phone support", text, "outsourced_function", "customer_support"),
        entity("payroll", text, "outsourced_function", "payroll"),
    ]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] != "out_of_scope"


def test_one_task_compared_with_another_thing_and_the_difference_at_the_end_is_asked():
    text = "customer success vs customer support difference"
    entities = [entity("customer support", text, "outsourced_function", "customer_support")]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_task_set_against_another_thing_with_the_diff_asked_after_is_asked():
    text = "payroll vs people ops, whats the diff"
    entities = [entity("payroll", text, "outsourced_function", "payroll")]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_one_task_under_two_names_compared_is_asked():
    text = "bookkeeping vs accounting what's the difference"
    entities = [
        entity("bookkeeping", text, "outsourced_function", "accounting"),
        entity("accounting", text, "outsourced_function", "accounting"),
    ]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_one_task_under_two_names_compared_for_a_bpo_stays():
    text = "payroll vs salary processing, what's different when a bpo does it?"
    entities = [
        entity("payroll", text, "outsourced_function", "payroll"),
        entity("salary processing", text, "outsourced_function", "payroll"),
        entity("bpo", text, "subject", "bpo"),
    ]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] != "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "and which sorts of companies go for that, like banks or shops?",
        "which kinds of firms hire them, such as hotels or airlines?",
    ],
)
def test_examples_given_after_a_question_compare_nothing(text):
    (result,) = ComparisonGuard({}).process([message(text)])
    assert result.get("intent")["name"] == "difference"


def test_their_work_compared_and_which_one_does_it_stays():
    text = (
        "customer support vs running business processes, which one is the call center and "
        "which the bpo"
    )
    entities = [
        entity("customer support", text, "outsourced_function", "customer_support"),
        entity("call center", text, "subject", "call_center"),
        entity("bpo", text, "subject", "bpo"),
    ]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] != "out_of_scope"


def test_other_things_compared_beside_both_named_are_still_other_things():
    text = "i work at a bpo and my friend at a call centre, zoom vs teams, which is better?"
    found = [
        entity("bpo", text, "subject", "bpo"),
        entity("call centre", text, "subject", "call_center"),
    ]
    (result,) = ComparisonGuard({}).process([message(text, found)])
    assert result.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text,entities",
    [
        ("difference between a bpo and a call center", [("bpo", "subject", "bpo")]),
        ("bpo vs cc?", [("cc", "subject", "call_center")]),
        ("what's the difference between them", []),
        ("difference between inbound and outbound calls", []),
        ("the difference in services: customer support vs full business process management", []),
        ("between 40 and 60", [("40", "company_size", "medium")]),
        ("bpo or call centre, which one for us?", [("bpo", "subject", "bpo")]),
        ("outsourcing or keeping it in-house, which is cheaper?", []),
        ("inbound vs outbound, which do call centers do more", []),
        ("bpo and call center, whats the difference", [("bpo", "subject", "bpo")]),
        ("front office and back office - what's the difference", []),
        (
            "we run a bakery and get calls, what's the difference between a bpo and a call centre",
            [("bpo", "subject", "bpo")],
        ),
        ("ok and thanks, how do they differ", []),
        (
            "how does a bpo differ from a call center",
            [("bpo", "subject", "bpo"), ("call center", "subject", "call_center")],
        ),
        (
            "how is the back office different from the front one",
            [("back office", "aspect", "front_back_office")],
        ),
        ("how is the bigger one different from the smaller one", []),
        (
            "is a bpo really different from a call centre or the same thing",
            [("bpo", "subject", "bpo")],
        ),
        ("is it different from the other one?", []),
        ("what really separates a bpo from a call center", [("bpo", "subject", "bpo")]),
        ("i read your answer and i still dont get what's the difference", []),
        (
            "chat vs phone support, how difficult is it for a bpo to do both?",
            [("phone support", "outsourced_function", "customer_support")],
        ),
        # both named around it: other things as examples of how they differ
        (
            "do bpos use other software than call centres, like crm versus erp?",
            [("bpos", "subject", "bpo"), ("call centres", "subject", "call_center")],
        ),
    ],
)
def test_the_assistants_own_comparisons_stay(text, entities):
    found = [entity(t, text, name, value) for t, name, value in entities]
    (result,) = ComparisonGuard({}).process([message(text, found)])
    assert result.get("intent")["name"] == "difference"


def test_a_size_word_is_no_answer_but_a_head_count_is():
    text = "difference between an llc and a corporation"
    word = {
        **entity("corporation", text, "company_size", "large"),
        "extractor": "SpacyEntityExtractor",
    }
    (result,) = ComparisonGuard({}).process([message(text, [word])])
    assert result.get("intent")["name"] == "out_of_scope"
    text = "between forty and sixty people"
    count = {**entity("forty", text, "company_size", "medium"), "extractor": "FormAnswerClassifier"}
    (result,) = ComparisonGuard({}).process([message(text, [count])])
    assert result.get("intent")["name"] == "difference"


@pytest.mark.parametrize(
    "text, counted",
    [
        ("we're a 50 person agency arguing about it, what's the difference between cpc and cpm?",
         "we're a 50 person agency arguing about it"),
        ("we're setting up it support for 70 staff, whats the diff between sla and ola",
         "we're setting up it support for 70 staff"),
    ],
)  # fmt: skip
def test_a_company_told_of_before_a_difference_asked_is_no_answer(text, counted):
    size = {**entity(counted, text, "company_size", "medium"), "extractor": "FormAnswerClassifier"}
    (result,) = ComparisonGuard({}).process([message(text, [size])])
    assert result.get("intent")["name"] == "out_of_scope"
    # ... while a head count in words between two numbers is one
    text = "somewhere between forty and sixty of us"
    size = {**entity(text, text, "company_size", "medium"), "extractor": "FormAnswerClassifier"}
    (result,) = ComparisonGuard({}).process([message(text, [size])])
    assert result.get("intent")["name"] == "difference"


def test_two_things_then_the_difference_asked_without_a_comma_are_compared():
    (result,) = ComparisonGuard({}).process([message("acd and ivr whats the difference")])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_budget_word_is_no_answer_in_a_comparison():
    text = "sole trader vs limited company"
    word = {
        **entity("limited", text, "budget", "tight"),
        "extractor": "SpacyEntityExtractor",
    }
    (result,) = ComparisonGuard({}).process([message(text, [word])])
    assert result.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text, first, second, departments",
    [
        ("payroll vs hr, whats the difference between the two departments", "payroll", "hr",
         True),
        ("accounting and payroll teams, what's the difference?", "accounting", "payroll", True),
        ("hr vs payroll, what's the difference", "hr", "payroll", True),
        # two kinds of work a call center does, compared: asked
        ("customer service vs telemarketing, what's the difference?", "customer service",
         "telemarketing", False),
    ],
)  # fmt: skip
def test_two_tasks_compared_as_departments_are_out_of_scope(text, first, second, departments):
    values = {"customer service": "customer_support", "telemarketing": "sales"}
    entities = [
        entity(first, text, "outsourced_function", values.get(first, first)),
        entity(second, text, "outsourced_function", values.get(second, second)),
    ]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert (result.get("intent")["name"] == "out_of_scope") is departments


def test_a_distinction_between_two_other_things_is_out_of_scope():
    text = (
        "Could you explain the distinction between a help desk and a service desk as defined in"
        " ITIL? Our IT department uses both terms."
    )
    (result,) = ComparisonGuard({}).process([message(text)])
    assert result.get("intent")["name"] == "out_of_scope"


def test_two_other_things_compared_then_a_question_about_a_bpo_stays():
    text = "what's the difference between a help desk and a service desk? which one does a bpo run"
    entities = [entity("bpo", text, "subject", "bpo")]
    (result,) = ComparisonGuard({}).process([message(text, entities)])
    assert result.get("intent")["name"] == "difference"
