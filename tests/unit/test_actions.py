"""Every custom action, run as the action server runs it, with a CollectingDispatcher."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.recommend import (
    HOW_TO_CHOOSE,
    ActionExplainRecommendation,
    ActionRecommendModel,
    ActionResetRecommendation,
    ActionStopQuestions,
    ActionTakeAnswer,
)
from actions.validation import ValidateRecommendationForm

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
REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL_SUPPORT_TIGHT = {
    "company_size": "small",
    "outsourced_functions": ["customer_support"],
    "budget": "tight",
}


def run(action, tracker, domain=None):
    """Run an action as the action server would, on a fresh event loop of its own
    (a thread, so it works even where another test left a loop running)."""
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(
            asyncio.run, action.run(dispatcher, tracker, domain or DOMAIN)
        ).result()
    return events, dispatcher.messages


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def entity(name, value, confidence=None, role=None):
    return {"entity": name, "value": value, "confidence": confidence, "role": role}


def validation_run(tracker_factory, slot, value, requested, text="", **kwargs):
    slots = {slot: value, "requested_slot": requested, **kwargs.pop("slots", {})}
    tracker = tracker_factory(
        slots=slots,
        events=[
            *kwargs.pop("before", []),
            {"event": "user", "text": text},
            {"event": "slot", "name": slot, "value": value},
        ],
        active_loop="recommendation_form",
        text=text,
        **kwargs,
    )
    return run(ValidateRecommendationForm(), tracker)


@pytest.mark.parametrize(
    "slot,value,expected",
    [
        ("company_size", "medium", "medium"),
        ("outsourced_functions", ["payroll", "accounting"], ["payroll", "accounting"]),
        ("outsourced_functions", [["sales", "surveys"]], ["sales", "surveys"]),
        ("budget", "tight", "tight"),
    ],
)
def test_form_accepts_valid_answers_silently(tracker_factory, slot, value, expected):
    events, messages = validation_run(tracker_factory, slot, value, slot)
    assert slot_events(events)[slot] == expected
    assert messages == []


def test_an_answer_read_from_entities_counts_whatever_the_intent(tracker_factory):
    events, _ = validation_run(
        tracker_factory,
        "company_size",
        "1200",
        "company_size",
        text="1200",
        intent="nlu_fallback",
        entities=[entity("company_size", "large", 1.0)],
    )
    assert slot_events(events)["company_size"] == "large"


@pytest.mark.parametrize(
    "slot,value",
    [("company_size", "no idea"), ("outsourced_functions", "we sell"), ("budget", "x")],
)
def test_not_understood_twice_never_gives_the_same_apology(tracker_factory, slot, value):
    events, first = validation_run(tracker_factory, slot, value, slot)
    assert slot_events(events)[slot] is None
    assert first == [{**first[0], "response": f"utter_unclear_{slot}"}]
    misses = slot_events(events)["unclear_answers"]
    events, second = validation_run(
        tracker_factory, slot, value, slot, slots={"unclear_answers": misses}
    )
    assert second[0]["response"] == "utter_unclear_again"
    assert second[0]["response"] != first[0]["response"]


@pytest.mark.parametrize(
    "text",
    [
        "owners ringing all day to ask if their horse is ready to collect",
        "the out of hours hotline for tenants",
        "someone to pick up when we're up a ladder",
        "we don't want to miss any calls",
        "no one picks up the phone when we're on site",
    ],
)
def test_people_getting_in_touch_told_as_the_tasks_is_answering_them(tracker_factory, text):
    events, messages = validation_run(
        tracker_factory, "outsourced_functions", text, "outsourced_functions", text=text
    )
    assert slot_events(events)["outsourced_functions"] == ["customer_support"]
    assert messages == []


@pytest.mark.parametrize(
    "text",
    [
        "no calls, honestly it's the boring stuff",
        "hmm, the thing with the line",
        "email marketing",
        "we dont get many calls, its the invoices",
    ],
)
def test_no_contact_told_is_no_task(tracker_factory, text):
    events, _ = validation_run(
        tracker_factory, "outsourced_functions", text, "outsourced_functions", text=text
    )
    assert slot_events(events)["outsourced_functions"] is None


def test_contact_told_while_another_question_is_asked_is_no_task(tracker_factory):
    text = "people ringing all day"
    events, _ = validation_run(tracker_factory, "outsourced_functions", text, "budget", text=text)
    assert not slot_events(events).get("outsourced_functions")


def test_functions_not_understood_switch_to_buttons(tracker_factory):
    events, _ = validation_run(
        tracker_factory, "outsourced_functions", "hmm", "outsourced_functions"
    )
    assert slot_events(events)["choosing_functions"] is True


def test_functions_picked_one_button_at_a_time_then_thats_all(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        ["payroll"],
        "outsourced_functions",
        text='/inform{"outsourced_function": "payroll"}',
        slots={"choosing_functions": True, "function_picks": ["hr"]},
    )
    assert slot_events(events)["outsourced_functions"] is None
    assert slot_events(events)["function_picks"] == ["hr", "payroll"]
    assert messages[0]["response"] == "utter_function_picked"
    events, _ = validation_run(
        tracker_factory,
        "outsourced_functions",
        "/affirm",
        "outsourced_functions",
        text="/affirm",
        intent="affirm",
        slots={"choosing_functions": True, "function_picks": ["hr", "payroll"]},
    )
    assert slot_events(events)["outsourced_functions"] == ["hr", "payroll"]
    assert slot_events(events)["choosing_functions"] is False


def test_thats_all_with_nothing_picked_ends_the_questions_and_says_why(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        "/affirm",
        "outsourced_functions",
        text="/affirm",
        intent="affirm",
        slots={"choosing_functions": True, "function_picks": None, "unclear_answers": 1},
    )
    assert slot_events(events)["requested_slot"] is None
    assert slot_events(events)["outsourced_functions"] is None
    assert messages == []  # no apology again
    tracker = tracker_factory(slots={"company_size": "small", "budget": None})
    _, messages = run(ActionRecommendModel(), tracker)
    assert messages[0]["response"] == "utter_no_tasks_picked"
    # a typed "ok" or "no, that's wrong" is no "That's all": the apology, the buttons
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        "ok",
        "outsourced_functions",
        text="ok",
        intent="affirm",
        slots={"choosing_functions": True, "function_picks": None, "unclear_answers": 1},
    )
    assert "requested_slot" not in slot_events(events)
    assert messages[0]["response"] == "utter_unclear_again"


def test_a_verdict_asked_at_a_question_is_answered_after_the_questions(tracker_factory):
    text = "is it overkill for us to go bpo?"
    events, messages = validation_run(
        tracker_factory, "budget", None, "budget", text, intent="request_recommendation"
    )
    assert messages[0]["response"] == "utter_explain_after_questions"
    assert slot_events(events)["budget"] is None and "unclear_answers" not in slot_events(events)


def test_not_sure_about_the_budget_means_moderate_and_says_so(tracker_factory):
    events, messages = validation_run(tracker_factory, "budget", "unsure", "budget")
    assert slot_events(events)["budget"] == "moderate"
    assert messages[0]["response"] == "utter_budget_assumed_moderate"


@pytest.mark.parametrize(
    "text",
    [
        "honestly we have no clue what providers charge",
        "it'll depend on what they quote us",
        "we will see what offers come in",
        "I could not say at this stage",
        "whatever makes sense",
        # left to someone else
        "i'll have to see what the accountant says",
        "need to check with the board first",
        "depends how much they'd charge",
    ],
)
def test_not_knowing_what_it_costs_is_not_sure_about_the_budget(tracker_factory, text):
    events, messages = validation_run(tracker_factory, "budget", None, "budget", text=text)
    assert slot_events(events)["budget"] == "moderate"
    assert messages[0]["response"] == "utter_budget_assumed_moderate"


@pytest.mark.parametrize(
    "text",
    ["about 10k per month", "$2,000 a month", "maybe 50 grand a year", "€800/month", "EUR 500"],
)
def test_an_amount_alone_is_a_moderate_budget_and_says_so(tracker_factory, text):
    events, messages = validation_run(tracker_factory, "budget", None, "budget", text=text)
    assert slot_events(events)["budget"] == "moderate"
    assert messages[0]["response"] == "utter_budget_amount_assumed_moderate"


def test_numbers_that_are_no_money_are_no_amount():
    from actions.answers import names_an_amount

    assert not any(map(names_an_amount, ["500 miles", "500 pounds of stock", "3 per week"]))


@pytest.mark.parametrize("text", ["about 10k per month", "we are 40 people"])
def test_an_amount_or_a_head_count_asked_about_another_question_is_no_budget(tracker_factory, text):
    events, _ = validation_run(
        tracker_factory, "budget", None, "company_size", text=text, slots={"budget": None}
    )
    assert slot_events(events).get("budget") is None


def test_not_sure_asked_about_another_question_is_no_budget(tracker_factory):
    # not while another question is asked
    events, _ = validation_run(
        tracker_factory, "budget", None, "company_size", text="no idea", slots={"budget": None}
    )
    assert slot_events(events).get("budget") is None


def test_a_correction_mid_form_is_taken_and_said_back(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "company_size",
        "large",
        "budget",
        text="actually we're about 300 people",
        entities=[entity("company_size", "large", 1.0)],
        before=[{"event": "slot", "name": "company_size", "value": "small"}],
    )
    assert slot_events(events)["company_size"] == "large"
    assert messages == [{**messages[0], "text": "Updated: a large company (250 people or more)."}]


def test_an_unsure_guess_at_an_unasked_question_is_ignored(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        ["hr"],
        "company_size",
        text="a handful of people",
        entities=[entity("outsourced_function", "hr", 0.67)],
    )
    assert slot_events(events)["outsourced_functions"] is None
    assert messages == []


def test_added_task_joins_the_earlier_ones(tracker_factory):
    events, _ = validation_run(
        tracker_factory,
        "outsourced_functions",
        ["payroll"],
        "budget",
        text="oh and payroll too",
        entities=[entity("outsourced_function", "payroll")],
        before=[{"event": "slot", "name": "outsourced_functions", "value": ["customer_support"]}],
    )
    assert slot_events(events)["outsourced_functions"] == ["customer_support", "payroll"]


def test_recommendation_for_a_small_support_team_on_a_tight_budget(tracker_factory):
    events, messages = run(ActionRecommendModel(), tracker_factory(slots=SMALL_SUPPORT_TIGHT))
    assert slot_events(events) == {
        "recommended_model": "call_center",
        "recommended_for": SMALL_SUPPORT_TIGHT,
    }
    (message,) = messages
    assert "My recommendation: a call center" in message["text"]
    assert "small company (under 50 people)" in message["text"]
    assert "customer support" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == ["/explain_recommendation", "What are the advantages of a BPO?", "/restart"]


def test_recommendation_without_answers_offers_to_start(tracker_factory):
    events, messages = run(ActionRecommendModel(), tracker_factory())
    assert events == []
    assert messages[0]["response"] == "utter_missing_answers"


def test_explanation_names_the_deciding_answers_and_what_would_change_it(tracker_factory):
    slots = {"company_size": "large", "outsourced_functions": ["hr"], "budget": "tight"}
    tracker = tracker_factory(
        slots={**slots, "recommended_model": "bpo"}, intent="explain_recommendation"
    )
    events, messages = run(ActionExplainRecommendation(), tracker)
    assert events == []
    text = messages[0]["text"]
    assert "I suggested a BPO because of what you told me: outsourcing HR." in text
    assert "large company" not in text and "tight" not in text
    assert "What would change it" in text and "a call center" in text


@pytest.mark.parametrize(
    "text, response",
    [
        ("why did you pick that one?", "utter_nothing_recommended_yet"),
        ("why a bpo", "utter_nothing_recommended_yet"),
        # why what? nothing was said before: what to talk about
        ("how so?", "utter_ask_follow_up_topic"),
        ("but why", "utter_ask_follow_up_topic"),
    ],
)
def test_explanation_before_any_recommendation(tracker_factory, text, response):
    tracker = tracker_factory(text=text, intent="explain_recommendation")
    events, messages = run(ActionExplainRecommendation(), tracker)
    assert events == []
    assert messages[0]["response"] == response


@pytest.mark.parametrize(
    "text, topic, answered",
    [
        # one of the two and what about it, before any recommendation: that answer
        ("if i outsource to a call centre what exactly would they handle for me",
         "services/call_center", True),
        # ... but a choice asked of is no knowledge question
        ("why would a call centre suit us", "benefits/call_center", False),
    ],
)  # fmt: skip
def test_a_knowledge_question_read_as_asking_for_reasons(tracker_factory, text, topic, answered):
    subject = topic.split("/")[1]
    entities = [
        {"entity": "subject", "value": subject},
        {"entity": "aspect", "value": topic.split("/")[0]},
    ]
    selector = {"default": {"response": {"intent_response_key": topic}}}
    tracker = tracker_factory(
        text=text,
        intent="explain_recommendation",
        entities=entities,
        parse={"response_selector": selector},
    )
    _, messages = run(ActionExplainRecommendation(), tracker)
    assert (messages[0]["response"] == f"utter_{topic}") is answered


def test_why_after_a_knowledge_answer_is_about_that_answer(tracker_factory):
    def asked(text, entities):
        return tracker_factory(
            events=[
                {"event": "user", "text": "what does a bpo do"},
                {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_services/bpo"}},
                {"event": "action", "name": "action_listen"},
                {"event": "user", "text": text},
            ],
            intent="explain_recommendation",
            entities=entities,
            text=text,
        )

    # what a bpo does: why a company would have it done, its benefits
    _, messages = run(ActionExplainRecommendation(), asked("why is that?", []))
    assert [m.get("response") for m in messages] == ["utter_benefits/bpo"]
    # naming the other one, it asks why this one is better: its benefits
    call_center = [{"entity": "subject", "value": "call_center"}]
    tracker = asked("and why is that better than a call centre", call_center)
    _, messages = run(ActionExplainRecommendation(), tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/bpo"]
    # why they are cheap: where the savings come from
    _, messages = run(ActionExplainRecommendation(), asked("how come theyre so cheap", []))
    assert [m.get("response") for m in messages] == ["utter_benefits/outsourcing_savings"]


def test_a_what_if_after_the_recommendation_gives_the_new_one(tracker_factory):
    tracker = tracker_factory(
        slots={
            **SMALL_SUPPORT_TIGHT,
            "recommended_model": "call_center",
            "recommended_for": SMALL_SUPPORT_TIGHT,
        },
        text="what if we also handed them our bookkeeping?",
        intent="explain_recommendation",
        entities=[entity("outsourced_function", "accounting")],
    )
    events, messages = run(ActionExplainRecommendation(), tracker)
    assert slot_events(events)["recommended_model"] == "bpo"
    assert slot_events(events)["outsourced_functions"] == ["customer_support", "accounting"]
    assert "That changes my recommendation" in messages[0]["text"]


def test_a_correction_after_the_recommendation_says_what_changed(tracker_factory):
    tracker = tracker_factory(
        slots={
            **SMALL_SUPPORT_TIGHT,
            "company_size": "large",
            "recommended_model": "call_center",
            "recommended_for": SMALL_SUPPORT_TIGHT,
        },
        events=[
            {"event": "slot", "name": "company_size", "value": "small"},
            {"event": "user", "text": "actually we're about 300 people"},
            {"event": "slot", "name": "company_size", "value": "large"},
        ],
        text="actually we're about 300 people",
        entities=[entity("company_size", "large", 1.0)],
    )
    events, messages = run(ActionTakeAnswer(), tracker)
    assert slot_events(events)["company_size"] == "large"
    assert "Updated: a large company (250 people or more)" in messages[0]["text"]
    assert "My recommendation stays the same" in messages[0]["text"]


def test_an_answer_out_of_the_blue_is_not_taken(tracker_factory):
    tracker = tracker_factory(
        slots={"company_size": "large"},
        events=[
            {"event": "user", "text": "250"},
            {"event": "slot", "name": "company_size", "value": "large"},
        ],
        text="250",
        entities=[entity("company_size", "large", 1.0)],
    )
    events, messages = run(ActionTakeAnswer(), tracker)
    assert events == [SlotSet("company_size", None)]
    assert messages[0]["response"] == "utter_out_of_scope"


@pytest.mark.parametrize(
    "text, confidence, starts",
    [
        ("our climbing gym has 40 staff and lots of members who never pay on time", 0.5, True),
        # the work read too unsurely, or asked about
        ("our climbing gym has 40 staff and lots of members who never pay on time", 0.2, False),
        ("our gym has 40 staff, do members who never pay on time count?", 0.5, False),
        ("the gym down the road has 40 staff and members who never pay", 0.5, False),
        ("our family has 6 people and bills never get paid on time", 0.5, False),
        ("we have 40 staff and members who never pay on time", 0.5, False),
        ("my bank has 5000 staff and still cant collect my payment", 0.5, False),
    ],
)
def test_the_visitors_company_told_with_its_size_and_unsure_work_starts_the_questions(
    tracker_factory, text, confidence, starts
):
    tracker = tracker_factory(
        events=[
            {"event": "user", "text": text},
            {"event": "slot", "name": "company_size", "value": "small"},
        ],
        text=text,
        intent="inform",
        entities=[
            entity("company_size", "small", 1.0),
            entity("outsourced_function", "collections", confidence),
        ],
    )
    events, messages = run(ActionTakeAnswer(), tracker)
    started = FollowupAction("recommendation_form") in events
    assert started is starts
    if starts:
        assert slot_events(events)["outsourced_functions"] == ["collections"]
    else:
        assert messages[0]["response"] == "utter_out_of_scope"


@pytest.mark.parametrize(
    "text, slot, value, starts",
    [
        ("we'd like someone external to run our payroll every month",
         "outsourced_functions", "payroll", True),
        # a task alone, out of the blue, is no request
        ("payroll", "outsourced_functions", "payroll", False),
        # a visitor who introduces the company
        ("Hi! We're a regional airline with 1,100 employees.", "company_size", "large", True),
        ("i run a bakery with 1100 staff", "company_size", "large", True),
        ("1,100 employees", "company_size", "large", False),  # a head count alone
        ("are we a big company with 1100 people?", "company_size", "large", False),
        # work wanted done, with only the size said
        ("we need an outsourcing partner but dont know what kind, 40 person agency",
         "company_size", "small", True),
        ("we're 60 people and need an outside partner", "company_size", "medium", True),
        # work the visitor needs done, told as done
        ("ferry operator, we need bookings taken by phone, plus the books and payroll done",
         "outsourced_functions", "payroll", True),
        ("do we need payroll done in house?", "outsourced_functions", "payroll", False),
        ("i want to understand how our payroll is handled", "outsourced_functions", "payroll",
         False),
    ],
)  # fmt: skip
def test_one_answer_out_of_the_blue_starts_the_questions_only_when_asked_or_introduced(
    tracker_factory, text, slot, value, starts
):
    entity_name = "outsourced_function" if slot == "outsourced_functions" else slot
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        text=text,
        entities=[entity(entity_name, value, 0.9 if slot == "outsourced_functions" else 1.0)],
    )
    events, messages = run(ActionTakeAnswer(), tracker)
    started = any(e.get("event") == "followup" for e in events)
    assert started is starts
    if started:
        assert slot_events(events)[slot] in (value, [value])
    else:
        assert messages[0]["response"] == "utter_out_of_scope"


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
        "unclear_answers": 0,
        "choosing_functions": False,
        "function_picks": None,
    }


def test_asking_for_help_with_one_more_task_after_the_recommendation_corrects_it(
    tracker_factory,
):
    """'also we want help with the IT desk' reads like a request for a recommendation;
    after one it adds a task, and no new round of questions starts."""
    text = "also we want help with the it helpdesk for our own staff"
    tracker = tracker_factory(
        slots={**SMALL_SUPPORT_TIGHT, "recommended_model": "call_center"},
        events=[{"event": "user", "text": text}],
        text=text,
        intent="request_recommendation",
        entities=[entity("outsourced_function", "it_support", 1.0)],
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    assert slot_events(events)["outsourced_functions"] == ["customer_support", "it_support"]
    assert "My recommendation: a BPO" in " ".join(m["text"] or "" for m in messages)
    assert events[-1] == FollowupAction("action_listen")


@pytest.mark.parametrize(
    "text, explained",
    [
        ("is a call center overkill for us?", True),
        ("would a bpo work better for us?", True),
        ("so do we even need a call center", True),
        # asked afresh
        ("ok now recommend one for my other company", False),
        ("start over, which one suits us?", False),
    ],
)
def test_a_verdict_asked_after_the_recommendation_gets_its_reasons(
    tracker_factory, text, explained
):
    tracker = tracker_factory(
        slots={**SMALL_SUPPORT_TIGHT, "recommended_model": "call_center"},
        events=[{"event": "user", "text": text}],
        text=text,
        intent="request_recommendation",
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    said = " ".join(m.get("text") or "" for m in messages)
    assert said.startswith("I suggested a call center because") is explained
    assert (events[-1] == FollowupAction("action_listen")) is explained


@pytest.mark.parametrize(
    "text, starts_again",
    [
        ("we run a bakery with 300 staff", False),
        ("we're a 300 person bakery", False),
        ("my bad, the bakery has 300 staff", False),
        ("what would you recommend for a bakery with 300 staff?", True),
        ("my friend runs a bakery with 300 staff", True),
        ("for our other business, a bakery with 300 staff", True),
        # someone else's business, or one of the past
        ("my husband has a bakery with 300 staff", True),
        ("my last company had 300 staff", True),
    ],
)
def test_an_introduction_after_the_recommendation_corrects_it_unless_asked_anew(
    tracker_factory, text, starts_again
):
    """Facts told after the recommendation change the answers it stands on; advice asked
    afresh, or about another business, starts a new round keeping this turn's facts."""
    tracker = tracker_factory(
        slots={
            **SMALL_SUPPORT_TIGHT,
            "recommended_model": "call_center",
            "recommended_for": SMALL_SUPPORT_TIGHT,
        },
        events=[
            {"event": "user", "text": text},
            {"event": "slot", "name": "company_size", "value": "large"},
        ],
        text=text,
        intent="request_recommendation",
        entities=[entity("company_size", "large", 1.0)],
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    said = " ".join(m.get("text") or "" for m in messages)
    if starts_again:
        assert slot_events(events)["outsourced_functions"] is None
        assert said == ""
    else:
        assert slot_events(events)["company_size"] == "large"
        assert slot_events(events)["outsourced_functions"] == ["customer_support"]
        assert "Updated: a large company" in said and "My recommendation" in said
        assert events[-1] == FollowupAction("action_listen")


def test_the_question_asked_takes_nlus_best_guess(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "budget",
        "not much at all",
        "budget",
        text="not much at all",
        entities=[entity("budget", "tight", 0.3, role="guess")],
    )
    assert slot_events(events)["budget"] == "tight"
    assert messages == []


@pytest.mark.parametrize("text", ["many", "loads of staff", "quite a lot"])
def test_a_vague_amount_is_no_size(tracker_factory, text):
    events, messages = validation_run(
        tracker_factory,
        "company_size",
        None,
        "company_size",
        text=text,
        entities=[entity("company_size", "small", 0.3, role="guess")],
    )
    assert slot_events(events).get("company_size") is None
    assert [m.get("response") for m in messages] == ["utter_unclear_company_size"]


def test_a_guess_never_answers_a_question_not_asked(tracker_factory):
    events, _ = validation_run(
        tracker_factory,
        "budget",
        None,
        "company_size",
        text="a handful of people",
        entities=[entity("budget", "tight", 0.3, role="guess")],
    )
    assert slot_events(events).get("budget") is None


def test_a_correction_while_the_budget_is_asked_takes_no_budget(tracker_factory):
    """'sorry, not 35, we're 350 ppl': the size changes; neither the head count nor a
    guess answers the budget, which is asked again."""
    text = "sorry not 35, we're 350 ppl incl all sites"
    headcount = {**entity("company_size", "large", 1.0), "extractor": "FormAnswerClassifier"}
    events, _ = validation_run(
        tracker_factory,
        "budget",
        None,
        "budget",
        text=text,
        slots={"company_size": "small", "outsourced_functions": ["customer_support"]},
        entities=[headcount, entity("budget", "tight", 0.3, role="guess")],
    )
    assert slot_events(events).get("budget") is None


def test_not_sure_about_the_tasks_is_not_mistaken_for_a_budget(tracker_factory):
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        "not sure",
        "outsourced_functions",
        text="not sure",
        entities=[entity("budget", "unsure", 0.9)],
    )
    assert messages[0]["response"] == "utter_unclear_outsourced_functions"
    assert slot_events(events)["choosing_functions"] is True


def test_why_during_the_questions_waits_for_the_answers(tracker_factory):
    tracker = tracker_factory(active_loop="recommendation_form", intent="explain_recommendation")
    events, messages = run(ActionExplainRecommendation(), tracker)
    assert events == []
    assert messages[0]["response"] == "utter_explain_after_questions"


def test_a_person_asked_for_gets_the_contact_path(tracker_factory, monkeypatch):
    from actions.handoff import ActionHumanHandoff

    monkeypatch.setenv("HUMAN_CONTACT", "sales@example.com")
    _, messages = run(ActionHumanHandoff(), tracker_factory(intent="human_handoff"))
    assert messages[0]["response"] == "utter_human_contact"
    assert messages[0]["contact"] == "sales@example.com"
    monkeypatch.delenv("HUMAN_CONTACT")
    _, messages = run(ActionHumanHandoff(), tracker_factory(intent="human_handoff"))
    assert messages[0]["response"] == "utter_no_human_contact"


def test_a_size_word_asked_about_the_budget_is_the_budget_alone(tracker_factory):
    """'medium' when the budget is asked: a moderate budget, and the size stays."""
    text = "medium"
    tracker = tracker_factory(
        slots={"company_size": "small", "outsourced_functions": ["payroll"],
               "requested_slot": "budget"},
        events=[
            {"event": "slot", "name": "company_size", "value": "small"},
            {"event": "user", "text": text},
            {"event": "slot", "name": "company_size", "value": "medium"},
            {"event": "slot", "name": "budget", "value": None},
        ],
        active_loop="recommendation_form",
        text=text,
        entities=[entity("company_size", "medium", None)],
    )  # fmt: skip
    events, messages = run(ValidateRecommendationForm(), tracker)
    assert slot_events(events)["company_size"] == "small"
    assert slot_events(events)["budget"] == "moderate"
    assert not any("Updated" in (m.get("text") or "") for m in messages)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("big", "flexible"),  # the form-answer model's reading of the word alone
        ("we're 400 people", None),  # (a head count says nothing of money)
    ],
)
def test_a_size_word_of_the_form_answer_model_is_the_budget_alone(tracker_factory, text, expected):
    events, _ = validation_run(
        tracker_factory,
        "budget",
        None,
        "budget",
        text=text,
        slots={"company_size": "small", "outsourced_functions": ["payroll"]},
        before=[{"event": "slot", "name": "company_size", "value": "small"}],
        entities=[{**entity("company_size", "large", 1.0), "extractor": "FormAnswerClassifier"}],
    )
    assert slot_events(events).get("budget") == expected


@pytest.mark.parametrize(
    "text, guessed, expected",
    [
        # the tasks, though NLU only guessed them
        ("paying my 6 staff every month, i keep getting it wrong", ["payroll"], ["payroll"]),
        # nothing else: the tasks asked again, without an apology
        ("sorry, we're actually 45 people", [], None),
    ],
)
def test_the_size_said_again_is_no_correction(tracker_factory, text, guessed, expected):
    """The size a small company already gave, said again while the tasks are asked."""
    headcount = {**entity("company_size", "small", 1.0), "extractor": "FormAnswerClassifier"}
    events, messages = validation_run(
        tracker_factory,
        "outsourced_functions",
        text,
        "outsourced_functions",
        text=text,
        slots={"company_size": "small"},
        before=[{"event": "slot", "name": "company_size", "value": "small"}],
        entities=[
            headcount,
            *(entity("outsourced_function", t, 0.6, role="guess") for t in guessed),
        ],
    )
    assert slot_events(events).get("outsourced_functions") == expected
    assert messages == []


def test_a_request_said_to_a_question_guesses_no_answer(tracker_factory):
    """'recommend first please' when the size is asked: the question again, no size."""
    text = "recommend first please"
    events, messages = validation_run(
        tracker_factory,
        "company_size",
        text,
        "company_size",
        text=text,
        intent="request_recommendation",
        entities=[entity("company_size", "medium", 0.4, role="guess")],
    )
    assert slot_events(events).get("company_size") is None
    assert messages[0]["response"] == "utter_unclear_company_size"


def _domain_with_answers():
    answers = yaml.safe_load((REPO_ROOT / "data" / "responses" / "faq.yml").read_text())
    return {**DOMAIN, "responses": answers["responses"]}


@pytest.mark.parametrize(
    "text, told",
    [
        ("so which is better for me", True),
        ("bpo or call center, which should we go for?", True),
        ("is a bpo worth it for a 40 person company?", True),
        ("can you recommend one for my company", False),
        ("which tasks can you help me with?", False),
    ],
)
def test_a_request_put_as_which_one_hears_how_the_choice_goes_first(tracker_factory, text, told):
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}], intent="request_recommendation", text=text
    )
    _, messages = run(ActionResetRecommendation(), tracker, _domain_with_answers())
    said = [m.get("utter_action") for m in messages]
    assert said == (["utter_choosing/overview"] if told else [])
    if told:  # without its quick replies: the questions come next
        assert messages[0]["text"].startswith("It depends on three things")
        assert not messages[0]["buttons"]


@pytest.mark.parametrize(
    "text, starts",
    [
        ("how should a business decide between a bpo and a call center", False),
        ("how do we decide between a bpo and a call center", True),
        ("im opening a small clinic, how do i pick, which one fits my clinic", True),
    ],
)
def test_how_to_choose_asked_of_ones_own_company_starts_the_questions(
    tracker_factory, text, starts
):
    from actions.recommend import ActionAnswerChoosing

    tracker = tracker_factory(
        events=[{"event": "user", "text": text}], intent="choosing", text=text
    )
    events, messages = run(ActionAnswerChoosing(), tracker, _domain_with_answers())
    assert messages[0].get("utter_action" if starts else "response") == ("utter_choosing/overview")
    started = any(e.get("name") == "recommendation_form" for e in events)
    assert started is starts


def test_which_is_better_right_after_how_to_choose_does_not_repeat_it(tracker_factory):
    text = "ok so which is better for me?"
    events = [
        {"event": "user", "text": "how do companies choose"},
        {"event": "bot", "text": "It depends", "metadata": {"utter_action": HOW_TO_CHOOSE}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text},
    ]
    tracker = tracker_factory(events=events, intent="request_recommendation", text=text)
    _, messages = run(ActionResetRecommendation(), tracker, _domain_with_answers())
    assert messages == []


@pytest.mark.parametrize(
    "text",
    ["which one came first?", "best bpo company in the philippines?"],
)
def test_a_request_that_asks_no_choice_hears_no_how_to_choose(tracker_factory, text):
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}], intent="request_recommendation", text=text
    )
    _, messages = run(ActionResetRecommendation(), tracker, _domain_with_answers())
    assert messages == []


@pytest.mark.parametrize(
    "text",
    [
        "our friend's company can't decide, how do they choose between a bpo and a call center?",
        "we are writing an article: how do firms choose between a bpo and a call center?",
        "a briefing for our board: how do businesses generally choose between the two?",
    ],
)
def test_how_to_choose_asked_for_others_starts_no_questions(tracker_factory, text):
    from actions.recommend import ActionAnswerChoosing

    tracker = tracker_factory(
        events=[{"event": "user", "text": text}], intent="choosing", text=text
    )
    events, messages = run(ActionAnswerChoosing(), tracker, _domain_with_answers())
    assert [m.get("response") for m in messages] == ["utter_choosing/overview"]
    assert events == []


@pytest.mark.parametrize(
    "text, corrects",
    [
        ("need a team to handle our payroll", True),
        ("we need someone to do our payroll", True),
        ("need a company to do payroll for my friend's shop?", False),
    ],
)
def test_work_handed_over_after_the_recommendation_corrects_its_tasks(
    tracker_factory, text, corrects
):
    tracker = tracker_factory(
        slots={
            **SMALL_SUPPORT_TIGHT,
            "recommended_model": "call_center",
            "recommended_for": SMALL_SUPPORT_TIGHT,
        },
        events=[
            {"event": "user", "text": text},
            {"event": "slot", "name": "outsourced_functions", "value": ["payroll"]},
        ],
        text=text,
        intent="request_recommendation",
        entities=[entity("outsourced_function", "payroll", 1.0)],
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    said = " ".join(m.get("text") or "" for m in messages)
    if corrects:
        assert slot_events(events)["company_size"] == "small"
        assert "payroll" in slot_events(events)["outsourced_functions"]
        assert "My recommendation: a BPO" in said
    else:
        assert said == ""


@pytest.mark.parametrize("text", ["depends how much it costs tbh", "it all depends on the price"])
def test_a_budget_left_to_the_price_is_not_sure_whatever_nlu_read(tracker_factory, text):
    events, messages = validation_run(tracker_factory, "budget", "flexible", "budget", text=text)
    assert slot_events(events)["budget"] == "moderate"
    assert messages[0]["response"] == "utter_budget_assumed_moderate"


def test_a_budget_that_depends_but_names_one_keeps_it(tracker_factory):
    text = "depends, but probably tight"
    events, _ = validation_run(tracker_factory, "budget", "tight", "budget", text=text)
    assert slot_events(events)["budget"] == "tight"


def test_a_size_asked_of_before_any_recommendation_gets_which_one_goes_with_it(
    tracker_factory,
):
    text = "is that overkill for a mid sized company"
    choosing = [{"entity": "aspect", "value": "choosing", "start": 0, "end": 0}]
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="explain_recommendation",
        entities=choosing,
        text=text,
    )
    _, messages = run(ActionExplainRecommendation(), tracker)
    assert [m.get("response") for m in messages] == [HOW_TO_CHOOSE]


def test_a_question_asked_before_the_choice_is_answered_before_the_questions(tracker_factory):
    text = "how will AI change call centres? and which one do we want"
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        text=text,
        intent="request_recommendation",
        entities=[{"entity": "answer_first", "value": "true", "start": 0, "end": 0}],
    )
    tracker.latest_message["response_selector"] = {
        "default": {"response": {"intent_response_key": "trends/ai_automation"}}
    }
    events, messages = run(ActionResetRecommendation(), tracker)
    assert [m.get("response") for m in messages] == [
        "utter_trends/ai_automation",
        "utter_then_which_suits_you",
    ]
    assert FollowupAction("action_listen") not in events  # the questions follow
    # without the flag, no answer of the topic the selector chose
    tracker.latest_message["entities"] = []
    _, messages = run(ActionResetRecommendation(), tracker)
    assert "utter_trends/ai_automation" not in [m.get("response") for m in messages]


ASKED_WITH_THE_STOP = {
    "response_selector": {
        "default": {"response": {"intent_response_key": "difference/similarities"}}
    }
}
FORM_LEFT = [
    {"event": "user", "text": "no need for a recommendation, what do they have in common"},
    {"event": "action", "name": "action_deactivate_loop"},
    {"event": "active_loop", "name": None},
]


def test_questions_turned_down_with_a_question_answer_it_then_stop(tracker_factory):
    tracker = tracker_factory(
        text="no need for a recommendation, just tell me what they have in common",
        intent="stop",
        entities=[entity("answer_first", "true")],
        parse=ASKED_WITH_THE_STOP,
        events=FORM_LEFT,
    )
    events, messages = run(ActionStopQuestions(), tracker)
    assert events == []
    assert [m["response"] for m in messages] == ["utter_difference/similarities", "utter_stopped"]


def test_a_question_turning_down_questions_never_started_is_only_answered(tracker_factory):
    tracker = tracker_factory(
        text="no need for a recommendation, just tell me what they have in common",
        intent="stop",
        entities=[entity("answer_first", "true")],
        parse=ASKED_WITH_THE_STOP,
        events=FORM_LEFT[:1],
    )
    _, messages = run(ActionStopQuestions(), tracker)
    assert [m["response"] for m in messages] == ["utter_difference/similarities"]


def test_a_plain_stop_says_the_questions_stopped(tracker_factory):
    tracker = tracker_factory(text="stop", intent="stop", events=FORM_LEFT)
    _, messages = run(ActionStopQuestions(), tracker)
    assert [m["response"] for m in messages] == ["utter_stopped"]
