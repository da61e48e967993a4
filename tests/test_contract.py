"""Every `<intent>/<topic>` key of the contract has training data, held-out data and an answer."""

from __future__ import annotations

import re
from typing import List

import pytest
import yaml

from bench.support import examples_by_label, normalise
from bot.processes import REPO_ROOT

# The knowledge contract: a question on each topic comes out of NLU with exactly this key.
CONTRACT_KEYS = [
    "definition/bpo", "definition/call_center", "definition/front_back_office",
    "difference/overview", "difference/services", "difference/structure",
    "difference/technology", "difference/channels", "difference/relationship",
    "difference/similarities", "difference/strategic_vs_tactical",
    "benefits/bpo", "benefits/call_center", "benefits/outsourcing_savings",
    "trends/overview", "trends/ai_automation", "trends/remote_global",
    "services/bpo", "services/call_center", "services/industries", "services/locations",
    "careers/call_center", "careers/bpo",
    "choosing/overview",
]  # fmt: skip
CONVERSATION_INTENTS = [
    "greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "help",
    "request_recommendation", "inform", "out_of_scope", "restart",
]  # fmt: skip
MIN_TRAINING_EXAMPLES = 12
MIN_HELD_OUT_EXAMPLES = 3

TRAINING = examples_by_label(REPO_ROOT / "data" / "nlu")
HELD_OUT = examples_by_label(REPO_ROOT / "tests" / "nlu")
RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "responses" / "faq.yml").read_text())["responses"]
DOMAIN = yaml.safe_load((REPO_ROOT / "domain.yml").read_text())


@pytest.mark.parametrize("key", CONTRACT_KEYS)
def test_each_key_has_training_data_held_out_data_and_an_answer(key):
    assert len(TRAINING[key]) >= MIN_TRAINING_EXAMPLES
    assert len(HELD_OUT[key]) >= MIN_HELD_OUT_EXAMPLES
    (answer,) = RESPONSES[f"utter_{key}"]
    assert 1 <= len(answer["buttons"]) <= 3
    assert len(answer["text"]) > 100


@pytest.mark.parametrize("intent", CONVERSATION_INTENTS)
def test_each_conversation_intent_has_training_and_held_out_data(intent):
    assert len(TRAINING[intent]) >= MIN_TRAINING_EXAMPLES
    assert len(HELD_OUT[intent]) >= MIN_HELD_OUT_EXAMPLES


def test_out_of_scope_has_at_least_60_examples():
    assert len(TRAINING["out_of_scope"]) >= 60


def test_no_more_topics_than_the_contract():
    retrieval_keys = {intent for intent in TRAINING if "/" in intent}
    assert retrieval_keys == set(CONTRACT_KEYS)
    assert {k.removeprefix("utter_") for k in RESPONSES} == set(CONTRACT_KEYS)


def test_held_out_examples_are_not_in_training():
    seen = {normalise(text) for texts in TRAINING.values() for text in texts}
    leaked = [t for texts in HELD_OUT.values() for t in texts if normalise(t) in seen]
    assert leaked == []


def all_button_payloads() -> List[str]:
    responses = {**RESPONSES, **DOMAIN["responses"]}
    return [
        button["payload"]
        for variations in responses.values()
        for variation in variations
        for button in variation.get("buttons", [])
    ]


def test_every_text_button_is_a_training_example_so_a_click_lands_on_its_topic():
    known = {normalise(text) for texts in TRAINING.values() for text in texts}
    text_payloads = [p for p in all_button_payloads() if not p.startswith("/")]
    assert text_payloads
    assert [p for p in text_payloads if normalise(p) not in known] == []


def test_every_command_button_names_a_domain_intent():
    intents = {i if isinstance(i, str) else next(iter(i)) for i in DOMAIN["intents"]}
    commands = [p for p in all_button_payloads() if p.startswith("/")]
    assert {re.match(r"/(\w+)", p).group(1) for p in commands} <= intents


def test_channels_answer_explains_the_disagreement():
    text = RESPONSES["utter_difference/channels"][0]["text"].lower()
    for fact in ("phone", "chat", "email", "messenger", "traditional", "internet"):
        assert fact in text


def test_the_forms_vocabulary_agrees_everywhere():
    """The form's values live in actions/decision.py (domain.yml's slot values and
    buttons are written from it by actions/form_vocabulary.py); the entity_ruler's
    pattern ids, the annotated training answers and NLU's size thresholds agree."""
    import json

    from actions.answers import UNSURE
    from actions.decision import BUDGETS, COMPANY_SIZES, FUNCTIONS, LARGE_FROM, MEDIUM_FROM
    from bot.channels.message_policy import entity_values_in

    config = yaml.safe_load((REPO_ROOT / "config.yml").read_text())
    (form_answers,) = [c for c in config["pipeline"] if c["name"].endswith("FormAnswerClassifier")]
    assert (form_answers["medium_from"], form_answers["large_from"]) == (MEDIUM_FROM, LARGE_FROM)

    values = {
        "company_size": set(COMPANY_SIZES),
        "budget": set(BUDGETS),
        "outsourced_function": set(FUNCTIONS),
    }
    slots = DOMAIN["slots"]
    assert set(slots["company_size"]["values"]) == values["company_size"]
    assert set(slots["budget"]["values"]) == values["budget"]
    in_buttons = entity_values_in(all_button_payloads())
    assert set(in_buttons["outsourced_function"]) == values["outsourced_function"]
    assert set(in_buttons["budget"]) == values["budget"]
    assert set(in_buttons["company_size"]) == values["company_size"]

    patterns = REPO_ROOT / "bot" / "nlp" / "patterns.jsonl"
    for line in patterns.read_text().splitlines():
        pattern = json.loads(line)
        # "a logistics company", "our finance director", "3 in administration", "emails
        # about late deliveries": what they are, who someone is, what contact is about
        if pattern["label"] in ("industry", "role", "topic"):
            continue  # no task
        if pattern["label"] == "subject":  # "answer phones for other companies" names a
            assert pattern["id"] in ("bpo", "call_center")  # subject, not a task
            continue
        if pattern["label"] == "aspect":  # "selling points" are advantages, not sales
            assert pattern["id"] == "benefits"
            continue
        # ("still working it out" is the budget's "not sure")
        assert pattern["id"] in values[pattern["label"]] | {"number", UNSURE}, pattern

    annotated = re.compile(r'"entity": "(\w+)", "value": "(\w+)"|\]\((\w+):(\w+)\)')
    text = (REPO_ROOT / "data" / "nlu" / "form_answers.yml").read_text()
    found = [(m[0] or m[2], m[1] or m[3]) for m in annotated.findall(text)]
    assert found
    for entity, value in found:
        assert value in values[entity] | {UNSURE}, (entity, value)


def test_follow_up_patterns_name_the_tables_subjects_and_aspects():
    import json

    from actions.follow_ups import ASPECTS

    path = REPO_ROOT / "bot" / "nlp" / "follow_up_patterns.jsonl"
    patterns = [json.loads(line) for line in path.read_text().splitlines()]
    assert {p["id"] for p in patterns if p["label"] == "aspect"} == set(ASPECTS)
    assert {p["id"] for p in patterns if p["label"] == "subject"} == {"bpo", "call_center", "other"}
