"""The decision, over every combination of company size, function group and budget:
the contracted choice, reasons that name only the deciding answers, what would change it."""

import itertools

import pytest

from actions.decision import (
    BACK_OFFICE,
    BPO,
    BUDGETS,
    CALL_CENTER,
    COMPANY_SIZES,
    CUSTOMER_COMMUNICATION,
    recommend,
    what_would_change,
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
    assert result.choice == expected_model(size, group, budget)
    assert result.reasons, "a recommendation always says why"


@pytest.mark.parametrize("function", CUSTOMER_COMMUNICATION)
def test_each_communication_task_alone_goes_to_a_call_center_for_a_small_company(function):
    assert recommend("small", [function], "moderate").choice == CALL_CENTER


@pytest.mark.parametrize("function", BACK_OFFICE)
def test_each_back_office_task_needs_a_bpo_even_when_small_and_tight(function):
    result = recommend("small", [function], "tight")
    assert result.choice == BPO
    assert "back-office" in result.reasons[0]


def test_reasons_name_the_users_answers():
    result = recommend("small", ["customer_support", "sales"], "moderate")
    text = " ".join(result.reasons)
    assert "customer support and sales" in text
    assert "small company (under 50 people)" in text
    assert result.decided_by == ("outsourced_functions", "company_size")


def test_a_tight_budget_decides_for_a_large_company_with_customer_contact_only():
    result = recommend("large", ["customer_support"], "tight")
    assert result.choice == CALL_CENTER
    assert "budget is tight" in " ".join(result.reasons)
    assert result.decided_by == ("outsourced_functions", "budget")


@pytest.mark.parametrize("size", COMPANY_SIZES)
@pytest.mark.parametrize("budget", BUDGETS)
def test_back_office_work_is_the_only_reason_given_for_a_bpo(size, budget):
    result = recommend(size, ["payroll"], budget)
    text = " ".join(result.reasons).lower()
    assert result.decided_by == ("outsourced_functions",)
    assert "budget" not in text, "a budget is no reason for a BPO"
    assert "complex" not in text


def test_the_open_case_says_what_each_option_offers_without_inventing_needs():
    result = recommend("large", ["customer_support", "sales"], "flexible")
    text = " ".join(result.reasons)
    assert result.choice == BPO
    assert "complex" not in text
    assert "call center would handle that well" in text
    assert "can include a call center" in text


@pytest.mark.parametrize(
    "size,group,budget", list(itertools.product(COMPANY_SIZES, FUNCTION_GROUPS, BUDGETS))
)
def test_each_change_named_really_changes_the_choice(size, group, budget):
    choice = recommend(size, FUNCTION_GROUPS[group], budget).choice
    changes = what_would_change(size, FUNCTION_GROUPS[group], budget)
    if choice == CALL_CENTER:
        assert changes, "back-office work would always change a call center"
    other = "a BPO" if choice == CALL_CENTER else "a call center"
    assert all(other in change for change in changes)


def test_what_would_change_a_call_center_for_a_small_company():
    changes = what_would_change("small", ["customer_support"], "moderate")
    assert any("back-office work" in c for c in changes)
    assert any("large company" in c for c in changes)


def test_bpo_reasons_mention_it_can_include_a_call_center_for_mixed_tasks():
    result = recommend("medium", ["customer_support", "payroll"], "moderate")
    text = " ".join(result.reasons)
    assert "payroll" in text and "customer support" in text
    assert "can include a call center" in text


def test_large_company_with_communication_only_and_money_gets_a_bpo_and_is_told_why():
    result = recommend("large", ["customer_support"], "flexible")
    assert result.choice == BPO
    assert "large company" in " ".join(result.reasons)
    assert result.decided_by == ("outsourced_functions", "company_size", "budget")


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
