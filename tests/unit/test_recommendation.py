"""The decision, over every combination of company size, function group and budget."""

import itertools

import pytest

from actions.recommendation import (
    BACK_OFFICE,
    BPO,
    BUDGETS,
    CALL_CENTER,
    COMPANY_SIZES,
    CUSTOMER_COMMUNICATION,
    recommend,
)

FUNCTION_GROUPS = {
    "communication only": ["customer_support", "sales"],
    "back office only": ["payroll", "accounting"],
    "both": ["customer_support", "hr"],
}


def expected_model(size: str, group: str, budget: str) -> str:
    if group != "communication only":
        return BPO
    if size in ("small", "medium") or budget == "tight":
        return CALL_CENTER
    return BPO


@pytest.mark.parametrize(
    "size,group,budget", list(itertools.product(COMPANY_SIZES, FUNCTION_GROUPS, BUDGETS))
)
def test_every_combination_gets_the_contracted_model(size, group, budget):
    result = recommend(size, FUNCTION_GROUPS[group], budget)
    assert result.model == expected_model(size, group, budget)
    assert result.reasons, "a recommendation always says why"


@pytest.mark.parametrize("function", CUSTOMER_COMMUNICATION)
def test_each_communication_task_alone_goes_to_a_call_center_for_a_small_company(function):
    assert recommend("small", [function], "moderate").model == CALL_CENTER


@pytest.mark.parametrize("function", BACK_OFFICE)
def test_each_back_office_task_needs_a_bpo_even_when_small_and_tight(function):
    result = recommend("small", [function], "tight")
    assert result.model == BPO
    assert "back-office" in result.reasons[0]


def test_reasons_name_the_users_answers():
    result = recommend("small", ["customer_support", "sales"], "tight")
    text = " ".join(result.reasons)
    assert "customer support and sales" in text
    assert "small company (under 50 people)" in text
    assert "budget is tight" in text


def test_bpo_reasons_mention_it_can_include_a_call_center_for_mixed_tasks():
    result = recommend("medium", ["customer_support", "payroll"], "moderate")
    text = " ".join(result.reasons)
    assert "payroll" in text and "customer support" in text
    assert "can include a call center" in text


def test_large_company_with_communication_only_and_money_gets_a_bpo_and_is_told_why():
    result = recommend("large", ["customer_support"], "flexible")
    assert result.model == BPO
    assert "large company" in " ".join(result.reasons)


@pytest.mark.parametrize(
    "args",
    [
        ("tiny", ["sales"], "tight"),
        ("small", [], "tight"),
        ("small", ["cooking"], "tight"),
        ("small", ["sales"], "huge"),
    ],
)
def test_invalid_answers_are_refused(args):
    with pytest.raises(ValueError):
        recommend(*args)
