"""Tasks a message takes away ("forget the analytics", "payroll, not hr")."""

import pytest

from bot.nlp.form_answers import taken_away


def found(text, *values):
    return [
        {"entity": "outsourced_function", "value": v, "start": text.index(word)}
        for v, word in values
    ]


@pytest.mark.parametrize(
    "text, values, removed",
    [
        ("i meant payroll, not hr", [("payroll", "payroll"), ("hr", "hr")], {"hr"}),
        ("payroll but not hr", [("payroll", "payroll"), ("hr", "hr")], {"hr"}),
        ("we dropped the analytics, keep payroll", [("analytics", "analytics"),
                                                    ("payroll", "payroll")], {"analytics"}),
        ("scrap the accounting, we only need sales", [("accounting", "accounting"),
                                                      ("sales", "sales")], {"accounting"}),
        ("payroll and hr", [("payroll", "payroll"), ("hr", "hr")], set()),
        ("not sure, maybe payroll", [("payroll", "payroll")], set()),
    ],
)  # fmt: skip
def test_tasks_taken_away(text, values, removed):
    assert taken_away(text, found(text, *values), "outsourced_function") == removed
