"""Every custom action, run as the action server runs it, with a CollectingDispatcher."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.form import ActionResetRecommendation, ValidateRecommendationForm
from actions.recommend import ActionExplainRecommendation, ActionRecommendModel

DOMAIN = {
    "forms": {
        "recommendation_form": {
            "required_slots": ["company_size", "outsourced_functions", "budget"]
        }
    },
    "slots": {
        "company_size": {"type": "categorical"},
        "outsourced_functions": {"type": "list"},
        "budget": {"type": "categorical"},
    },
}


def run(action, tracker):
    """Run an action as the action server would, on a fresh event loop of its own
    (a thread, so it works even where another test left a loop running)."""
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(asyncio.run, action.run(dispatcher, tracker, DOMAIN)).result()
    return events, dispatcher.messages


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def validation_run(tracker_factory, slot, value, requested):
    tracker = tracker_factory(
        slots={slot: value, "requested_slot": requested},
        events=[{"event": "slot", "name": slot, "value": value}],
        active_loop="recommendation_form",
    )
    return run(ValidateRecommendationForm(), tracker)


@pytest.mark.parametrize(
    "slot,value,expected",
    [
        ("company_size", "about 30 people", "small"),
        ("company_size", "medium", "medium"),
        ("company_size", "over 500 employees", "large"),
        ("outsourced_functions", ["payroll", "accounting"], ["payroll", "accounting"]),
        ("outsourced_functions", [["sales", "surveys"]], ["sales", "surveys"]),
        ("budget", "tight", "tight"),
    ],
)
def test_form_accepts_valid_answers_silently(tracker_factory, slot, value, expected):
    events, messages = validation_run(tracker_factory, slot, value, slot)
    assert slot_events(events)[slot] == expected
    assert messages == []


@pytest.mark.parametrize(
    "slot,value,example",
    [
        ("company_size", "no idea", "about 30 people"),
        ("outsourced_functions", ["we sell shoes"], "customer support and sales"),
        ("budget", "banana", "money is tight"),
    ],
)
def test_form_asks_again_with_an_example(tracker_factory, slot, value, example):
    events, messages = validation_run(tracker_factory, slot, value, slot)
    assert slot_events(events)[slot] is None
    assert len(messages) == 1 and example in messages[0]["text"]


def test_recommendation_for_a_small_support_team_on_a_tight_budget(tracker_factory):
    tracker = tracker_factory(
        slots={
            "company_size": "small",
            "outsourced_functions": ["customer_support"],
            "budget": "tight",
        }
    )
    events, messages = run(ActionRecommendModel(), tracker)
    assert events == [SlotSet("recommended_model", "call_center")]
    (message,) = messages
    assert "My recommendation: a call center" in message["text"]
    assert "small company (under 50 people)" in message["text"]
    assert "customer support" in message["text"]
    assert "tight" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == [
        "/explain_recommendation",
        "What are the advantages of a BPO?",
        "/restart",
    ]


def test_recommendation_for_back_office_work_is_a_bpo(tracker_factory):
    tracker = tracker_factory(
        slots={
            "company_size": "medium",
            "outsourced_functions": ["payroll", "accounting"],
            "budget": "moderate",
        }
    )
    events, messages = run(ActionRecommendModel(), tracker)
    assert events == [SlotSet("recommended_model", "bpo")]
    assert "My recommendation: a BPO" in messages[0]["text"]
    assert "payroll and accounting" in messages[0]["text"]
    assert messages[0]["buttons"][1]["payload"] == "What are the advantages of a call center?"


def test_recommendation_without_answers_offers_to_start(tracker_factory):
    events, messages = run(ActionRecommendModel(), tracker_factory())
    assert events == []
    assert messages[0]["buttons"] == [
        {"title": "Recommend one for me", "payload": "/request_recommendation"}
    ]


def test_explanation_repeats_the_reasons_and_the_rule(tracker_factory):
    tracker = tracker_factory(
        slots={
            "company_size": "large",
            "outsourced_functions": ["hr"],
            "budget": "flexible",
            "recommended_model": "bpo",
        }
    )
    events, messages = run(ActionExplainRecommendation(), tracker)
    assert events == []
    text = messages[0]["text"]
    assert "I suggested a BPO because you are a large company" in text
    assert "HR" in text and "back-office" in text
    assert "The rule I follow" in text


def test_explanation_before_any_recommendation(tracker_factory):
    events, messages = run(ActionExplainRecommendation(), tracker_factory())
    assert events == []
    assert "haven't recommended anything yet" in messages[0]["text"]


def test_reset_forgets_old_answers_but_keeps_this_turns(tracker_factory):
    tracker = tracker_factory(
        slots={
            "company_size": "large",
            "outsourced_functions": ["hr"],
            "budget": "tight",
            "recommended_model": "bpo",
        },
        events=[
            {"event": "slot", "name": "budget", "value": "tight"},
            {"event": "user", "text": "recommend something for my 20 person startup"},
            {"event": "slot", "name": "company_size", "value": "small"},
        ],
    )
    events, _ = run(ActionResetRecommendation(), tracker)
    assert slot_events(events) == {
        "outsourced_functions": None,
        "budget": None,
        "recommended_model": None,
    }
