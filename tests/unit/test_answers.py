"""Free-text and button answers become the slot values the contract names."""

import pytest

from actions.answers import parse_budget, parse_company_size, parse_functions


@pytest.mark.parametrize(
    "text,size",
    [
        ("about 30 people", "small"),
        ("30", "small"),
        ("we have 49 employees", "small"),
        ("under 50 employees", "small"),
        ("50 people", "medium"),
        ("more than 49 staff", "medium"),
        ("around two hundred employees", "medium"),
        ("249", "medium"),
        ("250", "large"),
        ("over 250 employees", "large"),
        ("1,200 staff", "large"),
        ("5k employees", "large"),
        ("twenty people", "small"),
        ("a team of 12", "small"),
        ("a dozen people", "small"),
        ("300ish people", "large"),
        ("2 000 staff", "large"),
        ("a hundred people", "medium"),
        ("about a thousand employees", "large"),
        ("two hundred and fifty people", "large"),
        ("small", "small"),
        ("Medium", "medium"),
        ("large", "large"),
    ],
)
def test_company_size_from_numbers_and_words(text, size):
    assert parse_company_size(text) == size


@pytest.mark.parametrize("text", ["no idea", "", "lots", "0 people", None, 42, ["small"]])
def test_unclear_company_size_is_rejected(text):
    assert parse_company_size(text) is None


def test_functions_are_flattened_deduplicated_and_filtered():
    value = [["sales", "surveys"], "Sales", "cooking", None, "payroll"]
    assert parse_functions(value) == ["sales", "surveys", "payroll"]


def test_free_text_without_known_functions_gives_nothing():
    assert parse_functions(["we sell shoes"]) == []


@pytest.mark.parametrize(
    "value,budget", [("tight", "tight"), (" Flexible ", "flexible"), ("huge", None), (3, None)]
)
def test_budget(value, budget):
    assert parse_budget(value) == budget
