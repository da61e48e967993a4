"""domain.yml's slot values and quick replies are the ones actions/decision.py gives."""

import re

import pytest

from actions import form_vocabulary
from actions.decision import BUDGETS, COMPANY_SIZES, FUNCTION_LABELS, FUNCTIONS


def test_domain_yml_is_regenerated_from_the_decisions_vocabulary():
    current = form_vocabulary.DOMAIN.read_text()
    assert form_vocabulary.regenerate(current) == current, "run python -m actions.form_vocabulary"


def test_every_value_has_a_button_with_its_label():
    text = form_vocabulary.DOMAIN.read_text()
    for function in FUNCTIONS:
        label = FUNCTION_LABELS[function]
        title = label[0].upper() + label[1:]
        assert (
            f'{{title: "{title}", payload: \'/inform{{"outsourced_function": "{function}"}}\'}}'
            in text
        )
    for entity, values in (("company_size", COMPANY_SIZES), ("budget", BUDGETS)):
        for value in values:
            assert re.search(rf'payload: \'/inform{{"{entity}": "{value}"}}\'', text)


def test_a_changed_label_reaches_the_domain(monkeypatch):
    monkeypatch.setitem(FUNCTION_LABELS, "hr", "human resources")
    fresh = form_vocabulary.regenerate(form_vocabulary.DOMAIN.read_text())
    assert '{title: "Human resources", payload: \'/inform{"outsourced_function": "hr"}\'}' in fresh


def test_a_domain_without_the_generated_block_is_refused():
    with pytest.raises(ValueError):
        form_vocabulary.regenerate("responses: {}\n")
