"""Slot values from what NLU read, and how a correction combines with earlier answers."""

import pytest

from actions.answers import (
    adds_to_earlier,
    is_bare_number,
    merged_functions,
    parse_budget,
    parse_company_size,
    parse_functions,
    unasked_values,
)


def test_functions_are_flattened_deduplicated_and_filtered():
    value = [["sales", "surveys"], "Sales", "cooking", None, "payroll"]
    assert parse_functions(value) == ["sales", "surveys", "payroll"]


def test_free_text_without_known_functions_gives_nothing():
    assert parse_functions(["we sell shoes"]) == []


@pytest.mark.parametrize(
    "value,budget",
    [
        ("tight", "tight"),
        (" Flexible ", "flexible"),
        ("unsure", "unsure"),
        ("huge", None),
        (3, None),
    ],
)
def test_budget(value, budget):
    assert parse_budget(value) == budget


@pytest.mark.parametrize("value,size", [("small", "small"), ("Medium", "medium"), ("30", None)])
def test_company_size_takes_only_the_three_classes(value, size):
    assert parse_company_size(value) == size


@pytest.mark.parametrize(
    "text,adds",
    [
        ("oh and payroll too", True),
        ("also payroll", True),
        ("and the bookkeeping", True),
        ("plus hr as well", True),
        ("just payroll", False),
        ("actually only customer support", False),
    ],
)
def test_adding_or_replacing(text, adds):
    assert adds_to_earlier(text) == adds


def test_an_added_task_joins_the_earlier_ones():
    assert merged_functions(["payroll"], ["customer_support"], "oh, and payroll too") == [
        "customer_support",
        "payroll",
    ]


def test_a_replacement_replaces():
    assert merged_functions(["payroll"], ["customer_support"], "no, just payroll") == ["payroll"]


def test_a_task_taken_away_leaves_the_rest():
    assert merged_functions(
        [], ["customer_support", "analytics"], "forget the analytics", ["analytics"]
    ) == ["customer_support"]


@pytest.mark.parametrize("text,bare", [("250", True), ("5,000+", True), ("about 300", False)])
def test_bare_numbers(text, bare):
    assert is_bare_number(text) == bare


def test_only_replaces_the_tasks_even_after_and():
    text = "and scratch the IT, only answering pt calls"
    assert merged_functions(["customer_support"], ["it_support", "hr"], text, ["it_support"]) == [
        "customer_support"
    ]
    assert merged_functions(["payroll"], ["hr"], "we just need payroll as well") == [
        "hr",
        "payroll",
    ]
    # "also" said first goes on talking; "only" replaces, "what we really need is" too
    text = "Also, I misspoke: we only want to outsource the customer complaints line"
    assert merged_functions(["customer_support"], ["logistics"], text) == ["customer_support"]
    text = "then what we really need is someone to call clients with overdue fees"
    assert merged_functions(["collections"], ["administration"], text) == ["collections"]
    # "Also," first still adds
    assert merged_functions(["payroll"], ["customer_support"], "Also, payroll.") == [
        "customer_support",
        "payroll",
    ]


MODEL_TASK = {"entity": "outsourced_function", "extractor": "FormAnswerClassifier"}


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # said of the budget, a money word the model reads as a task is no task
        ("we pay per month", [{**MODEL_TASK, "value": "payroll", "confidence": 0.95}], []),
        # unless the visitor marks a change, or names the task exactly
        ("oh and we pay people monthly too",
         [{**MODEL_TASK, "value": "payroll", "confidence": 0.95}], ["payroll"]),
        ("payroll, moderate budget",
         [{"entity": "outsourced_function", "value": "payroll", "start": 0, "end": 7}],
         ["payroll"]),
        ("moderate budget, mostly for payroll",
         [{"entity": "outsourced_function", "value": "payroll", "start": 28, "end": 35}],
         ["payroll"]),
        # a word of a task in why the budget is what it is
        ("tight, margins in freight are razor thin",
         [{"entity": "outsourced_function", "value": "logistics", "start": 18, "end": 25}], []),
        # a change marked so counts even where the model is only fairly sure
        ("wait, we also want them to sort out the monthly pay",
         [{**MODEL_TASK, "value": "payroll", "confidence": 0.7}], ["payroll"]),
    ],
)  # fmt: skip
def test_tasks_told_while_another_question_is_asked(tracker_factory, text, entities, expected):
    tracker = tracker_factory(slots={"requested_slot": "budget"}, text=text, entities=entities)
    assert unasked_values(tracker, 0.8).get("outsourced_functions", []) == expected
    asked = tracker_factory(
        slots={"requested_slot": "outsourced_functions"}, text=text, entities=entities
    )
    assert parse_functions(unasked_values(asked, 0.8).get("outsourced_functions")) == [
        e["value"] for e in entities
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("around 55 teachers and admin", []),  # who works there
        ("about 40, and we need admin help", ["administration"]),
        ("we're about 40 and the admin side is a nightmare", ["administration"]),
        ("30 people, admin", ["administration"]),  # listed beside the head count
        ("including musicians, librarians and admin, we are 95", []),
    ],
)
def test_tasks_named_with_the_head_count(tracker_factory, text, expected):
    start = text.index("admin")
    admin = [
        {"entity": "outsourced_function", "value": "administration", "start": start,
         "end": start + 5}
    ]  # fmt: skip
    tracker = tracker_factory(slots={"requested_slot": "company_size"}, text=text, entities=admin)
    assert unasked_values(tracker, 0.8).get("outsourced_functions", []) == expected


def test_tasks_the_model_reads_beside_the_head_count_count_when_work_is_asked(tracker_factory):
    text = "we are 80 people and need sales and support"
    entities = [
        {"entity": "outsourced_function", "value": "sales", "start": 26, "end": 31},
        {"entity": "outsourced_function", "value": "customer_support", "start": 0, "end": 43,
         "confidence": 0.97, "extractor": "FormAnswerClassifier"},
    ]  # fmt: skip
    tracker = tracker_factory(
        slots={"requested_slot": "company_size"}, text=text, entities=entities
    )
    found = unasked_values(tracker, 0.8).get("outsourced_functions", [])
    assert sorted(parse_functions(found)) == ["customer_support", "sales"]
