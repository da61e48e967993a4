"""The follow-up table: (previous topic, subject, aspect) -> topic, over every topic."""

from pathlib import Path

import pytest
import yaml

from actions.follow_ups import (
    ASPECTS,
    NEXT,
    SUBJECT_NAMED_AFTER,
    TOPICS,
    ActionAnswerFollowUp,
    is_elliptical,
    main_aspect,
    previous_topic,
    resolve,
)
from tests.unit.test_actions import run

FAQ = Path(__file__).parents[2] / "data" / "responses" / "faq.yml"
KEYS = sorted(k.removeprefix("utter_") for k in yaml.safe_load(FAQ.read_text())["responses"])
WITH_SUBJECT = [k for k in KEYS if TOPICS[k][1] is not None and k.split("/")[0] != "services"]


def test_the_table_covers_exactly_the_knowledge_topics():
    assert sorted(TOPICS) == KEYS
    assert sorted(NEXT) == KEYS
    assert {t for by_subject in ASPECTS.values() for t in by_subject.values()} == set(KEYS)


@pytest.mark.parametrize("topic", KEYS)
def test_every_topic_has_a_next_one_and_its_own_aspect_leads_back(topic):
    aspect, subject = TOPICS[topic]
    assert resolve(topic) == NEXT[topic] != topic
    assert resolve(None, subject, aspect) == topic


@pytest.mark.parametrize("topic", [k for k in KEYS if TOPICS[k][1] is not None])
def test_the_other_subject_gets_the_same_kind_of_answer(topic):
    aspect, subject = TOPICS[topic]
    other = "call_center" if subject == "bpo" else "bpo"
    answer = resolve(topic, subject=other)
    assert answer != topic or topic == "services/locations"
    assert resolve(topic, subject="other") == answer
    if topic in WITH_SUBJECT:
        assert answer.split("/")[0] == topic.split("/")[0]
        assert TOPICS[answer][1] == other


@pytest.mark.parametrize("topic", [k for k in KEYS if TOPICS[k][1] is None])
def test_a_topic_about_both_answers_either_subject_itself_or_with_that_subjects_answer(topic):
    aspect = TOPICS[topic][0]
    for subject in ("bpo", "call_center"):
        after = SUBJECT_NAMED_AFTER.get(topic, topic)
        assert resolve(topic, subject=subject) == ASPECTS[aspect].get(subject, after)
    assert resolve(topic, subject="other") is None  # "the other one" of what? ask


@pytest.mark.parametrize(
    "previous,subject,aspect,guess,expected",
    [
        ("benefits/call_center", "bpo", None, None, "benefits/bpo"),
        ("services/bpo", "call_center", None, "definition/call_center", "services/call_center"),
        ("difference/overview", None, "technology", None, "difference/technology"),
        ("benefits/bpo", None, "careers", None, "careers/bpo"),
        ("definition/call_center", None, "ai", None, "trends/ai_automation"),
        ("services/bpo", None, "industries", None, "services/industries"),
        ("careers/call_center", None, None, "careers/bpo", "careers/call_center"),
        ("difference/relationship", None, "relationship", None, "difference/relationship"),
        ("definition/bpo", None, "difference", None, "difference/overview"),
        (None, "bpo", None, None, None),
        # "can one be part of the other?" after the general difference
        ("difference/overview", "other", "relationship", None, "difference/relationship"),
        ("difference/overview", "other", None, None, None),
        # an aspect with an answer per subject, after an answer about both
        ("difference/overview", None, "careers", "careers/call_center", "careers/call_center"),
        ("difference/overview", None, "careers", None, "careers/bpo"),
        # "and the bigger picture?": the general answer of the same kind
        ("trends/ai_automation", None, "overview", None, "trends/overview"),
        ("difference/technology", None, "overview", None, "difference/overview"),
        ("careers/bpo", None, "overview", None, "difference/overview"),
    ],
)
def test_follow_ups_as_visitors_ask_them(previous, subject, aspect, guess, expected):
    assert resolve(previous, subject, aspect, guess) == expected


def test_previous_topic_is_the_latest_knowledge_answer():
    class Tracker:
        events = [
            {"event": "bot", "metadata": {"utter_action": "utter_definition/bpo"}},
            {"event": "bot", "metadata": {"utter_action": "utter_greet"}},
            {"event": "user", "text": "and a call center?"},
        ]

    assert previous_topic(Tracker()) == "definition/bpo"


@pytest.mark.parametrize(
    "text,elliptical",
    [
        ("and for a bpo?", True),
        ("what about the technology side?", True),
        ("where are they located then?", True),
        ("careers?", True),
        ("are most bpo firms based abroad?", False),
        ("which jobs belong to the back office?", False),
        ("how do you get promoted there?", True),
        ("does that include chasing late payers", True),
        ("what do they do all day in a normal week", True),
        # what the word points at is in the message itself
        (
            "i just got a job answering phones for a telecom company, how can i move up from there",
            False,
        ),
        ("why would a company give its accounting, hr and it to one outside firm", False),
        ("thanks, that was really helpful. one more thing, do they handle payroll", True),
        # ... or in the sentence before it
        ("my cousin just started as a phone agent. what will she do there all day", False),
        ("ok thanks, great answer. and what do they charge for it", True),
        # ... or after it
        ("what are those places with rows of people on headsets answering calls", False),
        ("what do those firms do", True),
        # the firms described, then "there"; "are there" points nowhere
        ("what jobs exist at firms that handle accounting, hr and it for other companies, and "
         "how do you grow there", False),
        ("what promotions are there for people who answer customer phones for a living", False),
        ("what promotions are there", True),
        ("what promotions do they get there", True),
    ],
)  # fmt: skip
def test_elliptical_follow_ups_are_told_from_questions_of_their_own(text, elliptical):
    assert is_elliptical(text) == elliptical


def _after_recommendation(tracker_factory, text, entities):
    """A follow-up right after a call center was recommended to a small company."""
    return tracker_factory(
        slots={
            "company_size": "small",
            "outsourced_functions": ["customer_support"],
            "budget": "tight",
            "recommended_model": "call_center",
        },
        events=[
            {"event": "user", "text": "tight"},
            {"event": "action", "name": "recommendation_form"},
            {"event": "action", "name": "action_recommend_model"},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
        ],
        intent="follow_up",
        entities=entities,
        text=text,
    )


def test_a_follow_up_right_after_the_recommendation_gets_its_reasons(tracker_factory):
    from actions.follow_ups import ActionAnswerFollowUp
    from tests.unit.test_actions import run

    tracker = _after_recommendation(
        tracker_factory, "and a bpo?", [{"entity": "subject", "value": "bpo"}]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    text = messages[0]["text"]
    assert "I suggested a call center" in text and "What would change it" in text


@pytest.mark.parametrize(
    "text, aspect",
    [("is a call center worth it then?", "benefits"), ("ok but is it worth the cost", "savings")],
)
def test_a_verdict_on_the_recommendation_naming_an_aspect_gets_its_reasons(
    tracker_factory, text, aspect
):
    from actions.follow_ups import ActionAnswerFollowUp
    from tests.unit.test_actions import run

    tracker = _after_recommendation(tracker_factory, text, [{"entity": "aspect", "value": aspect}])
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert messages[0]["text"].startswith("I suggested a call center because")


@pytest.mark.parametrize(
    "text, recommended",
    [
        ("oh and can they ring the members who are behind on their fees as well", True),
        ("can they ring the members who are behind on their fees?", False),
    ],
)
def test_a_task_added_after_the_recommendation_in_unsure_words_changes_it(
    tracker_factory, text, recommended
):
    from actions.follow_ups import ActionAnswerFollowUp
    from tests.unit.test_actions import run

    guessed = {"entity": "outsourced_function", "value": "collections", "role": "guess",
               "start": 6, "end": 69, "confidence": 0.55}  # fmt: skip
    tracker = _after_recommendation(tracker_factory, text, [guessed])
    events, messages = run(ActionAnswerFollowUp(), tracker)
    said = " ".join(m.get("text") or "" for m in messages)
    tasks = [e.get("value") for e in events if e.get("name") == "outsourced_functions"]
    if recommended:
        assert "My recommendation: a call center" in said
        assert tasks == [["customer_support", "collections"]]
    else:
        assert "My recommendation" not in said and tasks == []


@pytest.mark.parametrize(
    "text, size, confidence, changed",
    [
        ("oh i should say we're part of a group with 800 people and they'd all be covered too",
         "large", 1.0, True),
        # the size said before, said again: a question about the two
        ("we're 12 people, is a call center part of a bpo?", "small", 1.0, False),
        # a size of other companies, in the ruler's words (no confidence) or asked about
        ("does that apply to large companies too?", "large", None, False),
        ("is that what you'd tell our parent company with 2000 staff?", "large", 1.0, False),
    ],
)  # fmt: skip
def test_a_new_size_after_the_recommendation_is_a_correction(
    tracker_factory, text, size, confidence, changed
):
    entities = [
        {"entity": "aspect", "value": "relationship"},
        {"entity": "company_size", "value": size, "confidence": confidence},
    ]
    tracker = _after_recommendation(tracker_factory, text, entities)
    events, messages = run_follow_up(tracker)
    said = " ".join(m.get("text") or "" for m in messages)
    sizes = [e.get("value") for e in events if e.get("name") == "company_size"]
    if changed:
        assert sizes == ["large"] and "My recommendation" in said
    else:
        assert sizes == [] and "My recommendation" not in said


def test_a_follow_up_that_names_nothing_is_about_the_previous_answer():
    assert resolve("benefits/bpo", asks_for_more=False) == "benefits/bpo"
    assert resolve("benefits/bpo", asks_for_more=True) == NEXT["benefits/bpo"]


def _after_knowledge_answer(tracker_factory, topic, text, intent, entities):
    return tracker_factory(
        events=[
            {"event": "user", "text": "first question"},
            {"event": "bot", "text": "an answer", "metadata": {"utter_action": f"utter_{topic}"}},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
        ],
        intent=intent,
        entities=entities,
        text=text,
    )


def test_a_task_named_after_a_knowledge_answer_asks_about_that_answer(tracker_factory):
    from actions.recommend import ActionTakeAnswer
    from tests.unit.test_actions import run

    function = [{"entity": "outsourced_function", "value": "collections"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "services/call_center", "debt collection as well?", "inform", function
    )
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/call_center"]

    hr = [{"entity": "outsourced_function", "value": "hr"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/front_back_office", "so is hr one of them?", "follow_up", hr
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_definition/front_back_office"]


def test_a_task_nlu_only_guessed_in_a_follow_up_is_still_the_task_asked_about(tracker_factory):
    # the topic classifier is fairly sure of the trends ("laptops" and "fixing")
    guessed = [{"entity": "outsourced_function", "value": "it_support", "role": "guess"}]
    text = "does that include fixing our staff's laptops?"
    tracker = _after_knowledge_answer(tracker_factory, "services/bpo", text, "follow_up", guessed)
    prediction = {"intent_response_key": "trends/ai_automation", "confidence": 0.7}
    tracker.latest_message["response_selector"] = {"default": {"response": prediction}}
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_services/bpo"]


def test_a_reason_asked_for_is_no_task_asked_about(tracker_factory):
    wages = [{"entity": "outsourced_function", "value": "payroll"}]
    text = "is it because wages are lower there"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/locations", text, "follow_up", wages
    )
    prediction = {"intent_response_key": "benefits/outsourcing_savings", "confidence": 0.8}
    tracker.latest_message["response_selector"] = {"default": {"response": prediction}}
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/outsourcing_savings"]


def run_follow_up(tracker):
    from tests.unit.test_actions import run

    return run(ActionAnswerFollowUp(), tracker)


def test_a_longer_form_answer_after_a_knowledge_answer_is_still_out_of_scope(tracker_factory):
    from actions.recommend import ActionTakeAnswer
    from tests.unit.test_actions import run

    payroll = [{"entity": "outsourced_function", "value": "payroll"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "services/bpo", "payroll tax rules in ohio please", "inform", payroll
    )
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_a_doubt_between_a_knowledge_intent_and_a_follow_up_is_answered(tracker_factory):
    text = "bpo?? what does that even stand for"
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "definition", "confidence": 0.53},
        {"name": "follow_up", "confidence": 0.47},
    ]
    selector = {"response": {"intent_response_key": "definition/bpo", "confidence": 0.95}}
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="nlu_fallback",
        text=text,
        entities=[{"entity": "subject", "value": "bpo"}],
        parse={"intent_ranking": ranking, "response_selector": {"default": selector}},
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_definition/bpo"]


def aspect_entity(value):
    return {"entity": "aspect", "value": value}


def test_a_short_question_on_an_aspect_of_the_previous_answer_is_answered(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    ai = [{"entity": "aspect", "value": "ai"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/overview", "how does ai fit in?", "out_of_scope", ai
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


@pytest.mark.parametrize(
    "text, entities",
    [
        ("whats the difference between saas and paas", [aspect_entity("difference")]),
        ("what's the weather like", []),
        ("how does ai change the way hospitals diagnose patients today", [aspect_entity("ai")]),
    ],
)
def test_out_of_scope_stays_out_of_scope_after_a_knowledge_answer(tracker_factory, text, entities):
    from actions.follow_ups import ActionAnswerOutOfScope

    tracker = _after_knowledge_answer(
        tracker_factory, "trends/overview", text, "out_of_scope", entities
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_why_after_a_knowledge_answer_gives_its_reasons_again(tracker_factory):
    from actions.recommend import ActionExplainRecommendation

    tracker = _after_knowledge_answer(
        tracker_factory,
        "difference/strategic_vs_tactical",
        "why is that?",
        "explain_recommendation",
        [],
    )
    _, messages = run(ActionExplainRecommendation(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/strategic_vs_tactical"]


def _opening(tracker_factory, text, topic, confidence=0.8):
    selector = {"response": {"intent_response_key": topic, "confidence": confidence}}
    return tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="follow_up",
        text=text,
        parse={"response_selector": {"default": selector}},
    )


@pytest.mark.parametrize(
    "text, guess, aspect",
    [
        ("what services do they offer", "difference/services", "services"),
        ("career path?", "careers/call_center", "careers"),
        ("what are the advantages", "benefits/bpo", "benefits"),
        # the same for both: which topic, not which side
        ("how is that different?", "difference/overview", None),
    ],
)
def test_with_nothing_before_a_question_that_depends_on_the_subject_asks_which(
    tracker_factory, text, guess, aspect
):
    tracker = _opening(tracker_factory, text, guess)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    if aspect is None:
        assert [m.get("response") for m in messages] == ["utter_ask_follow_up_topic"]
        return
    assert [m.get("response") for m in messages] == ["utter_ask_which_side"]
    asked = {"services": "does", "careers": "careers", "benefits": "advantages"}[aspect]
    buttons = messages[0]["buttons"]
    assert [b["title"] for b in buttons] == ["A BPO", "A call center"]
    assert all(asked in b["payload"] for b in buttons)
    assert "BPO" in buttons[0]["payload"] and "call center" in buttons[1]["payload"]


def _after_which_side(tracker_factory, aspect, text, entities, guess="definition/bpo"):
    from actions.follow_ups import which_side_buttons

    asked = {
        "event": "bot",
        "text": "Do you mean a BPO or a call center?",
        "data": {"buttons": which_side_buttons(aspect)},
        "metadata": {"utter_action": "utter_ask_which_side"},
    }
    return tracker_factory(
        events=[
            {"event": "user", "text": "what services do they offer"},
            asked,
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
        ],
        intent="follow_up",
        entities=entities,
        text=text,
        # (the topic classifier reads a side alone as what it is)
        parse={"response_selector": {"default": {"response": {
            "intent_response_key": guess, "confidence": 0.95}}}},
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # typed
        ("for a bpo?", [{"entity": "subject", "value": "bpo"}], "utter_services/bpo"),
        ("the call centre one", [{"entity": "subject", "value": "call_center"}],
         "utter_services/call_center"),
        ("what about a bpo?", [{"entity": "subject", "value": "bpo"}], "utter_services/bpo"),
        ("hmm, call center i think", [{"entity": "subject", "value": "call_center"}],
         "utter_services/call_center"),
        # a question of its own is its own
        ("and their careers at a bpo?",
         [{"entity": "subject", "value": "bpo"}, {"entity": "aspect", "value": "careers"}],
         "utter_careers/bpo"),
    ],
)  # fmt: skip
def test_the_side_picked_answers_the_question_asked_before(
    tracker_factory, text, entities, expected
):
    # (the classifier's guess, what a BPO is, loses to the table)
    tracker = _after_which_side(tracker_factory, "services", text, entities)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_a_side_named_a_turn_later_is_not_taken_as_the_pick(tracker_factory):
    # "which one?" asked two turns back, a greeting in between: "for a bpo?" is what one is
    tracker = _after_which_side(tracker_factory, "services", "hi", [])
    later = [
        {"event": "bot", "text": "Hello!", "metadata": {"utter_action": "utter_greet"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "for a bpo?"},
    ]
    tracker.events.extend(later)
    tracker.latest_message["text"] = "for a bpo?"
    tracker.latest_message["entities"] = [{"entity": "subject", "value": "bpo"}]
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_definition/bpo"]


@pytest.mark.parametrize(
    "text, entities",
    [
        # a question of its own about one side
        ("is a bpo cheaper?",
         [{"entity": "subject", "value": "bpo"}, {"entity": "aspect", "value": "savings"}]),
        # the side picked is the one kept, not the one named first
        ("not the bpo, the call centre",
         [{"entity": "subject", "value": "bpo"}, {"entity": "subject", "value": "call_center"}]),
    ],
)  # fmt: skip
def test_only_a_side_alone_is_the_pick(tracker_factory, text, entities):
    tracker = _after_which_side(tracker_factory, "services", text, entities)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] != ["utter_services/bpo"]


def test_every_question_of_one_side_has_an_answer_for_each_side():
    from actions.which_side import ONE_SIDE_QUESTIONS

    for aspect in ONE_SIDE_QUESTIONS:
        assert set(ASPECTS[aspect]) >= {"bpo", "call_center"}


def test_with_nothing_before_a_question_of_its_own_is_answered(tracker_factory):
    tracker = _opening(tracker_factory, "how is ai changing outsourcing", "trends/ai_automation")
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]
    tracker = _opening(
        tracker_factory, "how about in terms of technology?", "difference/technology"
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_ask_follow_up_topic"]
    # "they" set against each other, with nothing before: the two
    tracker = _opening(tracker_factory, "how do they differ", "difference/overview")
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/overview"]
    tracker = _opening(tracker_factory, "main diffrence between them", "difference/overview")
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/overview"]


def test_they_after_an_answer_about_one_subject_is_that_subject(tracker_factory):
    services = [{"entity": "aspect", "value": "services"}]
    tracker = _after_knowledge_answer(
        tracker_factory,
        "definition/call_center",
        "what services do they offer",
        "follow_up",
        services,
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/call_center"]


def test_a_subject_alone_with_nothing_before_gets_its_definition(tracker_factory):
    tracker = _opening(tracker_factory, "tell me about bpos", "benefits/bpo", confidence=0.3)
    tracker.latest_message["entities"] = [{"entity": "subject", "value": "bpo"}]
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_definition/bpo"]


def test_a_longer_question_on_the_previous_answers_own_aspect_is_answered(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    tracker = _after_knowledge_answer(
        tracker_factory,
        "careers/call_center",
        "what skills do i need for the first job",
        "out_of_scope",
        [aspect_entity("careers")],
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/call_center"]


def test_help_with_ones_own_job_application_stays_out_of_scope(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    near = {"entity": "near_domain", "value": "careers"}
    tracker = _after_knowledge_answer(
        tracker_factory,
        "careers/call_center",
        "what should my cv say for that job",
        "out_of_scope",
        [aspect_entity("careers"), near],
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_words_that_name_a_subject_are_no_task(tracker_factory):
    from actions.follow_ups import ActionAnswerFollowUp

    text = "and the phone people?"
    entities = [
        {"entity": "subject", "value": "call_center", "start": 8, "end": 20},
        {"entity": "outsourced_function", "value": "customer_support", "start": 4, "end": 21},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", text, "follow_up", entities
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_definition/call_center"]


@pytest.mark.parametrize(
    "previous, text, aspect, guess, expected",
    [
        ("services/locations", "why there?", None, None, "benefits/outsourcing_savings"),
        # a why with a confident reading of its own keeps it
        ("definition/call_center", "why would a company use one?", None,
         "benefits/call_center", "benefits/call_center"),
        ("difference/technology", "does that include chatbots?", "ai", None,
         "difference/technology"),
        ("services/call_center", "how will chatbots change that?", "ai", None,
         "trends/ai_automation"),
    ],
)  # fmt: skip
def test_why_and_includes_lean_on_the_previous_answer(previous, text, aspect, guess, expected):
    from actions.follow_ups import _INCLUDES, _WHY

    found = resolve(
        previous,
        aspect=aspect,
        guess=guess,
        why=bool(_WHY.search(text)),
        includes=bool(_INCLUDES.search(text)),
    )
    assert found == expected


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("definition/bpo", "tell me more", "utter_services/bpo"),
        ("definition/call_center", "go on", "utter_services/call_center"),
        ("definition/bpo", "examples?", "utter_services/bpo"),
        ("careers/call_center", "examples?", "utter_careers/call_center"),
        # why one would use what was just described: its benefits
        ("definition/call_center", "why would a shop use one?", "utter_benefits/call_center"),
        ("services/bpo", "why bother with them", "utter_benefits/bpo"),
    ],
)
def test_a_request_for_more_nlu_was_unsure_of_gets_the_next_answer(
    tracker_factory, previous, text, expected
):
    from actions.follow_ups import ActionAnswerFollowUp

    tracker = _after_knowledge_answer(tracker_factory, previous, text, "nlu_fallback", [])
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize("text", ["does that include surveys", "debt collection as well?"])
def test_a_task_asked_about_after_an_answer_nlu_was_unsure_of_is_a_follow_up(tracker_factory, text):
    """NLU torn between a follow-up and a form answer: the question is about the
    previous answer, not a request to start the recommendation."""
    from actions.follow_ups import ActionAnswerFollowUp

    tracker = _after_knowledge_answer(
        tracker_factory,
        "services/call_center",
        text,
        "nlu_fallback",
        [{"entity": "outsourced_function", "value": "surveys", "start": 0, "end": 3}],
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "follow_up", "confidence": 0.5},
        {"name": "inform", "confidence": 0.45},
    ]
    events, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/call_center"]
    assert not any(e.get("name") == "recommendation_form" for e in events)


@pytest.mark.parametrize(
    "text, starts",
    [
        ("i need help choosing, no idea where to start", True),
        ("can you ring my landlord for me", False),
    ],
)
def test_a_request_nlu_was_unsure_of_starts_the_form_only_if_it_is_about_choosing(
    tracker_factory, text, starts
):
    from actions.follow_ups import ActionAnswerFollowUp

    tracker = tracker_factory(text=text, intent="nlu_fallback")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "request_recommendation", "confidence": 0.52},
        {"name": "out_of_scope", "confidence": 0.48},
    ]
    events, _ = run(ActionAnswerFollowUp(), tracker)
    started = any(e.get("name") == "recommendation_form" for e in events)
    assert started == starts


def test_a_question_on_an_aspect_of_that_answer_is_answered(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    ai = [aspect_entity("ai")]
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/overview", "and what part does ai play in that", "out_of_scope", ai
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


def test_does_that_mean_asks_about_the_previous_answer(tracker_factory):
    text = "so does that mean they pick up at 3am too?"
    tracker = _after_knowledge_answer(
        tracker_factory, "benefits/call_center", text, "follow_up", [aspect_entity("definition")]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/call_center"]


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_does_that_include_asks_about_the_previous_answer(tracker_factory, intent):
    from actions.follow_ups import ActionAnswerOutOfScope

    text = "does that include taking work off our own staff?"
    tracker = _after_knowledge_answer(tracker_factory, "difference/similarities", text, intent, [])
    action = ActionAnswerOutOfScope() if intent == "out_of_scope" else ActionAnswerFollowUp()
    _, messages = run(action, tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/similarities"]


@pytest.mark.parametrize(
    "previous, text, named",
    [
        ("services/industries", "does that cover insurance", "industries"),
        ("services/locations", "does that cover africa too", "locations"),
    ],
)
def test_does_that_cover_asks_about_the_previous_answer_not_the_services(
    tracker_factory, previous, text, named
):
    cover = {"entity": "aspect", "value": "services", "start": text.index("cover"),
             "end": text.index("cover") + 5}  # fmt: skip
    entities = [cover, {**aspect_entity(named), "start": len(text) - 6, "end": len(text)}]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{previous}"]


def test_the_last_sentence_asks_the_aspects_of_a_story_are_in_passing(tracker_factory):
    text = (
        "interesting. i keep reading about firms in asia and africa doing this. "
        "why is it so much cheaper for a company to do it that way?"
    )
    entities = [
        {**aspect_entity("locations"), "start": text.index("asia"), "end": text.index("asia") + 4},
        {
            **aspect_entity("savings"),
            "start": text.index("cheaper"),
            "end": text.index("cheaper") + 7,
        },
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", text, "follow_up", entities
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/outsourcing_savings"]
    # a last sentence that asks nothing is no question ("... asking for our firm in asia")
    text = "why is it cheaper? asking for our firm in asia"
    entities = [
        {**aspect_entity("savings"), "start": 10, "end": 17},
        {**aspect_entity("locations"), "start": 42, "end": 46},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", text, "follow_up", entities
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/outsourcing_savings"]


def test_an_aspect_of_another_field_too_is_asked_of_the_previous_answer(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    entities = [aspect_entity("industries"), {"entity": "near_domain", "value": "elsewhere"}]
    text = "and manufacturing too?"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/bpo", text, "out_of_scope", entities
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/industries"]


def test_does_that_include_something_of_another_field_is_out_of_scope(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    marker = [{"entity": "near_domain", "value": "careers"}]
    text = "does that include writing my cover letter?"
    tracker = _after_knowledge_answer(tracker_factory, "careers/bpo", text, "out_of_scope", marker)
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


@pytest.mark.parametrize(
    "text",
    ["ok but why is that better than a call centre", "so why go with that over a call center"],
)
def test_better_than_the_one_named_asks_for_the_other_ones_benefits(tracker_factory, text):
    subject = [{"entity": "subject", "value": "call_center"}]
    tracker = _after_knowledge_answer(tracker_factory, "services/bpo", text, "follow_up", subject)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/bpo"]


@pytest.mark.parametrize(
    "previous, expected",
    [
        ("definition/call_center", "services/call_center"),  # what it does
        ("definition/front_back_office", "definition/front_back_office"),  # lists its own
        ("services/call_center", "services/call_center"),
    ],
)
def test_examples_after_an_answer(tracker_factory, previous, expected):
    ranking = [{"name": "follow_up", "confidence": 0.9}]
    selector = {"response": {"intent_response_key": "definition/call_center", "confidence": 0.9}}
    tracker = tracker_factory(
        events=[
            {"event": "user", "text": "first question"},
            {
                "event": "bot",
                "text": "an answer",
                "metadata": {"utter_action": f"utter_{previous}"},
            },
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": "like what, examples?"},
        ],
        intent="follow_up",
        text="like what, examples?",
        parse={"intent_ranking": ranking, "response_selector": {"default": selector}},
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


def test_for_whom_after_an_answer_is_that_answer(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope

    size = [{"entity": "company_size", "value": "small"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "choosing/overview", "and for a tiny bakery?", "out_of_scope", size
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_choosing/overview"]


def test_a_new_aspect_wins_over_the_one_just_answered(tracker_factory):
    aspects = [
        {"entity": "aspect", "value": "locations"},
        {"entity": "aspect", "value": "savings"},
    ]
    text = "why the philippines and india, is it cheaper there?"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/locations", text, "follow_up", aspects
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_benefits/outsourcing_savings"]


def test_a_narrower_aspect_wins_over_the_wider_one(tracker_factory):
    aspects = [
        {"entity": "aspect", "value": "technology"},
        {"entity": "aspect", "value": "ai"},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", "do they use ai now?", "follow_up", aspects
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


def test_a_place_in_the_structure_is_no_location(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "locations"},
        {"entity": "aspect", "value": "structure"},
    ]
    text = "and where does a call center sit in that?"
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/front_back_office", text, "follow_up", entities
    )
    assert main_aspect(tracker, "definition/front_back_office") == "structure"


@pytest.mark.parametrize("aspect", [None, "services"])
def test_a_subject_placed_in_the_front_and_back_office_gets_the_structure(aspect):
    # "which of those does a bpo cover vs a call center?"
    assert resolve("definition/front_back_office", "bpo", aspect) == "difference/structure"
    assert resolve("definition/bpo", "call_center", aspect) != "difference/structure"


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        ("how much does a bpo cost?",
         [{"entity": "subject", "value": "bpo"}, {"entity": "aspect", "value": "savings"}],
         "utter_benefits/outsourcing_savings"),
        # with no subject, "they" may be either: asked
        ("how are they organized differently", [{"entity": "aspect", "value": "structure"}],
         "utter_ask_follow_up_topic"),
        # the careers answer depends on which of the two: asked which
        ("career path there?", [{"entity": "aspect", "value": "careers"}],
         "utter_ask_which_side"),
    ],
)  # fmt: skip
def test_with_nothing_before_an_unsure_question_on_a_subject_gets_its_aspect(
    tracker_factory, text, entities, expected
):
    selector = {"response": {"intent_response_key": "difference/overview", "confidence": 0.2}}
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="follow_up",
        text=text,
        entities=entities,
        parse={"response_selector": {"default": selector}},
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_yes_to_the_offer_of_questions_starts_them(tracker_factory):
    from actions.follow_ups import ActionAnswerYes

    tracker = _after_knowledge_answer(tracker_factory, "choosing/overview", "yes", "affirm", [])
    events, messages = run(ActionAnswerYes(), tracker)
    assert messages == []
    assert events[-1] == {"event": "followup", "name": "recommendation_form", "timestamp": None}
    # any other "yes" asks what next
    tracker = _after_knowledge_answer(tracker_factory, "definition/bpo", "yes", "affirm", [])
    events, messages = run(ActionAnswerYes(), tracker)
    assert [m.get("response") for m in messages] == ["utter_anything_else"]
    assert events == []


@pytest.mark.parametrize("text", ["depends how much it costs", "it depends on the quote"])
def test_not_knowing_the_budget_read_as_a_follow_up_is_a_moderate_budget(tracker_factory, text):
    tracker = tracker_factory(
        slots={"requested_slot": "budget"},
        active_loop="recommendation_form",
        intent="follow_up",
        text=text,
    )
    events, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_budget_assumed_moderate"]
    assert {"event": "slot", "name": "budget", "value": "moderate"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


def test_not_knowing_something_else_in_the_form_is_no_budget(tracker_factory):
    tracker = tracker_factory(
        slots={"requested_slot": "company_size"},
        active_loop="recommendation_form",
        intent="follow_up",
        text="depends how you count",
    )
    _, messages = run_follow_up(tracker)
    assert messages == []


@pytest.mark.parametrize(
    "text, previous, expected",
    [
        ("give me an example", "definition/front_back_office", "definition/front_back_office"),
        ("can you give me some examples", "definition/bpo", "services/bpo"),
        ("what do u mean by multiprocessing", "benefits/bpo", "benefits/bpo"),
        ("ok what does scalability mean there?", "benefits/bpo", "benefits/bpo"),
        ("what does ivr mean in that answer", "difference/technology", "difference/technology"),
        ("what does rpa mean", "trends/ai_automation", None),
        ("what does back office mean there", "definition/bpo", None),
        ("give me an example", None, None),
        ("what is an example of a cv", "careers/bpo", None),
        ("does that include being open at night?", "benefits/call_center", "benefits/call_center"),
        ("so would that also cover a seasonal peak", "benefits/bpo", "benefits/bpo"),
        ("does that include anything", None, None),
        ("that includes night shifts", "careers/call_center", None),
    ],
)
def test_an_example_or_a_word_of_the_previous_answer_is_asked_about_it(text, previous, expected):
    from actions.follow_ups import about_the_previous_answer

    assert about_the_previous_answer(text, previous) == expected


def test_the_savings_are_the_advantage_asked_cost_wise(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "benefits"},
        {"entity": "aspect", "value": "savings"},
    ]
    text = "ok and whats the advantage vs doing it ourselves, cost wise"
    tracker = _after_knowledge_answer(tracker_factory, "services/bpo", text, "follow_up", entities)
    assert main_aspect(tracker, "services/bpo") == "savings"


def test_the_channels_are_the_service_asked_by_its_channels(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "services", "start": 0, "end": 10},
        {"entity": "aspect", "value": "channels", "start": 14, "end": 18},
    ]
    text = "do they do chat or email too or only phone"
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "follow_up", entities
    )
    assert main_aspect(tracker, "definition/call_center") == "channels"


def test_a_task_named_after_the_careers_answer_is_about_the_jobs(tracker_factory):
    tasks = [{"entity": "outsourced_function", "value": "accounting"}]
    text = "do i need to know accounting or it for those"
    tracker = _after_knowledge_answer(tracker_factory, "careers/bpo", text, "follow_up", tasks)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/bpo"]


def test_a_question_naming_a_task_after_the_jobs_is_about_the_jobs(tracker_factory):
    """Below NLU's threshold, "do i need to know accounting for that" after the careers
    answer asks about those jobs; it starts no recommendation."""
    accounting = [{"entity": "outsourced_function", "value": "accounting"}]
    text = "do i need to know bookkeeping for those roles"
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/bpo", text, "nlu_fallback", accounting
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "inform", "confidence": 0.5},
        {"name": "careers", "confidence": 0.3},
    ]
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/bpo"]


def test_an_aspect_leaning_on_nothing_said_before_asks_which(tracker_factory):
    """ "n what jobs can i get" as a first message, below NLU's threshold: which of the
    two is meant, not "I didn't understand"."""
    text = "and what jobs are there"
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="nlu_fallback",
        text=text,
        entities=[aspect_entity("careers")],
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_ask_which_side"]


def test_why_after_the_main_difference_gets_what_each_one_does(tracker_factory):
    from actions.recommend import ActionExplainRecommendation

    tracker = _after_knowledge_answer(
        tracker_factory, "difference/overview", "why?", "explain_recommendation", []
    )
    _, messages = run(ActionExplainRecommendation(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/services"]


def test_is_it_different_at_the_other_one_asks_the_same_of_it(tracker_factory):
    bpo = [{"entity": "subject", "value": "bpo"}, aspect_entity("difference")]
    text = "is that any different at a bpo"
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/call_center", text, "follow_up", bpo
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/bpo"]


def test_what_an_answer_includes_is_asked_whatever_facts_come_with_it(tracker_factory):
    from actions.recommend import ActionTakeAnswer

    facts = [
        {"entity": "outsourced_function", "value": "payroll"},
        {"entity": "company_size", "value": "medium"},
    ]
    text = "does that cover payroll for our 120 people"
    tracker = _after_knowledge_answer(tracker_factory, "services/bpo", text, "inform", facts)
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/bpo"]


def test_a_question_naming_a_task_with_nothing_before_starts_no_questions(tracker_factory):
    text = "is that staffing firm recruiting this month"
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="nlu_fallback",
        text=text,
        entities=[{"entity": "outsourced_function", "value": "hr"}],
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "inform", "confidence": 0.5},
        {"name": "out_of_scope", "confidence": 0.4},
    ]
    events, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_default"]


def test_how_that_differs_after_what_one_does_is_how_their_services_differ():
    assert resolve("services/call_center", "bpo", "difference") == "difference/services"
    assert resolve("services/bpo", None, "difference") == "difference/services"
    assert resolve("careers/bpo", None, "difference") == "difference/overview"


def test_a_bare_number_read_as_a_follow_up_is_out_of_scope(tracker_factory):
    tracker = _opening(tracker_factory, "1200??", "definition/call_center")
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def test_how_the_same_aspect_differs_asks_the_difference(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "difference"},
        {"entity": "subject", "value": "bpo"},
        {"entity": "aspect", "value": "services"},
    ]
    text = "and how does that differ from the work a bpo takes on?"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/call_center", text, "follow_up", entities
    )
    assert main_aspect(tracker, "services/call_center") == "difference"
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/services"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # goes on about "it", with nothing said before: which of the two?
        ("ok but what does the future hold for it", "utter_ask_follow_up_topic"),
        ("and where is it heading", "utter_ask_follow_up_topic"),
        # "IT", and an "it" that the question names
        ("ok so how is ai changing IT outsourcing", "utter_trends/overview"),
        ("ok but what services do they offer", "utter_ask_follow_up_topic"),
        # a question of its own
        ("what does the future hold for outsourcing", "utter_trends/overview"),
    ],
)
def test_with_nothing_before_a_question_about_it_is_asked_about(tracker_factory, text, expected):
    selector = {"response": {"intent_response_key": "trends/overview", "confidence": 0.99}}
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}],
        intent="follow_up",
        text=text,
        entities=[{"entity": "aspect", "value": "trends"}],
        parse={"response_selector": {"default": selector}},
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize(
    "text, entity",
    [
        # an aspect asked about, no fact of a company
        ("what skills does one need to get started there, kindly tell",
         {"entity": "aspect", "value": "careers", "start": 5, "end": 11}),
        # the visitor's own studies
        ("i did a degree in accounting, is there a role for me?",
         {"entity": "outsourced_function", "value": "accounting", "start": 18, "end": 28}),
    ],
)  # fmt: skip
def test_a_question_after_the_jobs_read_most_like_a_request_is_none(tracker_factory, text, entity):
    """Below the threshold, read most like a request for the recommendation."""
    from actions.follow_ups import ActionAnswerFollowUp

    tracker = _after_knowledge_answer(
        tracker_factory, "careers/bpo", text, "nlu_fallback", [entity]
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "request_recommendation", "confidence": 0.5},
    ]
    events, messages = run(ActionAnswerFollowUp(), tracker)
    assert not any(e.get("name") == "recommendation_form" for e in events)
    assert [m.get("response") for m in messages] == ["utter_careers/bpo"]


def test_why_there_after_where_they_are_asks_the_reasons():
    assert resolve("services/locations", None, "locations", why=True) == (
        "benefits/outsourcing_savings"
    )
    assert resolve("services/locations", None, "locations") == "services/locations"


def test_what_did_you_mean_asks_about_the_previous_answer():
    from actions.follow_ups import _WHAT_DO_YOU_MEAN

    assert _WHAT_DO_YOU_MEAN.search("what did u mean by hands eyes and brain")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("calling clients to sell them travel insurance on top of their trip", ["sales"]),
        ("does that include travel insurance sales?", None),
        ("does that include travel insurance sales", None),
        ("what do you mean by sales exactly", None),
    ],
)
def test_a_guessed_task_is_the_answer_when_the_tasks_are_asked(tracker_factory, text, expected):
    guess = {"entity": "outsourced_function", "value": "sales", "role": "guess"}
    aspect = {"entity": "aspect", "value": "industries"}
    tracker = tracker_factory(
        slots={"requested_slot": "outsourced_functions"},
        active_loop="recommendation_form",
        intent="choosing",
        text=text,
        entities=[aspect, guess],
    )
    events, messages = run_follow_up(tracker)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("outsourced_functions") == expected
    if expected:
        assert messages[0]["text"] == "Noted: outsourcing sales."


def test_an_aspect_after_an_answer_asks_about_it_even_with_a_task_read(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "careers"},
        {"entity": "outsourced_function", "value": "sales", "confidence": 0.7},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", "career prospects", "nlu_fallback", entities
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "request_recommendation", "confidence": 0.4},
        {"name": "inform", "confidence": 0.3},
    ]
    events, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/call_center"]
    assert not [e for e in events if e.get("event") == "active_loop"]


def test_an_aspect_asked_read_as_an_answer_after_a_knowledge_answer_is_asked_about(
    tracker_factory,
):
    from actions.recommend import ActionTakeAnswer

    entities = [
        {"entity": "aspect", "value": "industries"},
        {"entity": "outsourced_function", "value": "sales", "confidence": 0.7},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", "typical clients by sector?", "inform", entities
    )
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/industries"]


def test_a_request_with_facts_after_an_answer_is_still_a_request(tracker_factory):
    entities = [
        {"entity": "aspect", "value": "locations"},
        {"entity": "company_size", "value": "medium"},
    ]
    text = "we have offices in 3 countries and 200 staff, can you set us up with something"
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", text, "nlu_fallback", entities
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.55},
        {"name": "request_recommendation", "confidence": 0.5},
    ]
    assert ActionAnswerFollowUp._asks_to_recommend(tracker)


@pytest.mark.parametrize(
    "previous, text, entities, expected",
    [
        # the other way round of one subject's answer: the other subject's
        (
            "careers/call_center",
            "and the other way round?",
            [{**aspect_entity("relationship"), "start": 8, "end": 22}],
            "careers/bpo",
        ),
        (
            "benefits/bpo",
            "is it the other way round for a call center?",
            [
                {**aspect_entity("relationship"), "start": 10, "end": 24},
                {"entity": "subject", "value": "call_center", "start": 31, "end": 42},
            ],
            "benefits/call_center",
        ),
        (
            "definition/bpo",
            "is it part of a call center or the other way round",
            [
                {"entity": "subject", "value": "call_center", "start": 16, "end": 27},
                {**aspect_entity("relationship"), "start": 31, "end": 51},
            ],
            "difference/relationship",
        ),
        # ... of the relationship: the relationship
        (
            "difference/relationship",
            "and the other way round?",
            [{**aspect_entity("relationship"), "start": 8, "end": 22}],
            "difference/relationship",
        ),
        # "where" that asks no place
        (
            "benefits/bpo",
            "where does the saving come from?",
            [
                {**aspect_entity("locations"), "start": 0, "end": 5},
                {**aspect_entity("savings"), "start": 15, "end": 21},
            ],
            "benefits/outsourcing_savings",
        ),
        (
            "services/call_center",
            "where does that overlap with what a bpo does?",
            [
                {**aspect_entity("locations"), "start": 0, "end": 5},
                {**aspect_entity("similarities"), "start": 16, "end": 23},
                {"entity": "subject", "value": "bpo", "start": 38, "end": 41},
            ],
            "difference/similarities",
        ),
    ],
)
def test_follow_ups_that_turn_the_previous_answer(
    tracker_factory, previous, text, entities, expected
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


@pytest.mark.parametrize(
    "previous, text, reading, confidence",
    [
        # the previous answer asked of someone else
        ("benefits/outsourcing_savings", "does that still apply to a two-person shop too",
         "choosing/overview", 0.8),
        # "does that mean ...": about that answer, whatever else its words resemble
        ("benefits/call_center", "does that mean they can be reachable day and night?",
         "difference/channels", 0.9),
    ],
)  # fmt: skip
def test_a_question_about_the_previous_answer_is_that_answer_again(
    tracker_factory, previous, text, reading, confidence
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    prediction = {"intent_response_key": reading, "confidence": confidence}
    tracker.latest_message["response_selector"] = {"default": {"response": prediction}}
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [f"utter_{previous}"]


def test_whether_they_take_on_a_task_after_what_one_is_asks_what_it_does(tracker_factory):
    text = "could they also handle the wages for my 12 staff"
    payroll = [{"entity": "outsourced_function", "value": "payroll"}]
    tracker = _after_knowledge_answer(tracker_factory, "definition/bpo", text, "follow_up", payroll)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_services/bpo"]


def test_a_follow_up_on_nothing_in_the_form_leaves_the_question_to_the_form(tracker_factory):
    """ "hmm why is it good" while the size is asked: nothing to lean on; the form asks its
    question again, with no "what would you like to know?" beside it."""
    tracker = tracker_factory(
        slots={"requested_slot": "company_size"},
        active_loop="recommendation_form",
        intent="follow_up",
        text="hmm why is it good",
    )
    _, messages = run_follow_up(tracker)
    assert messages == []
    tracker = tracker_factory(intent="follow_up", text="hmm why is it good")
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_ask_follow_up_topic"]


@pytest.mark.parametrize(
    "text, previous, expected",
    [
        ("in simpler words?", "difference/overview", "difference/overview"),
        ("explain like im 5", "definition/call_center", "definition/call_center"),
        ("can you dumb it down a bit", "benefits/bpo", "benefits/bpo"),
        ("in plain english please", "definition/bpo", "definition/bpo"),
        ("in simpler words?", None, None),
        # a simple thing asked for is no request to say it again
        ("simple words to describe my job on a cv", "careers/bpo", None),
    ],
)
def test_the_previous_answer_asked_more_simply_is_that_answer_again(text, previous, expected):
    from actions.follow_ups import about_the_previous_answer

    assert about_the_previous_answer(text, previous) == expected


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("benefits/bpo", "and the reverse", "benefits/call_center"),
        ("benefits/call_center", "flip it", "benefits/bpo"),
        ("careers/bpo", "and the opposite?", "careers/call_center"),
        ("services/call_center", "vice versa?", "services/bpo"),
    ],
)
def test_the_reverse_of_one_subjects_answer_is_the_other_subjects(
    tracker_factory, previous, text, expected
):
    entities = [{**aspect_entity("relationship"), "start": 0, "end": len(text)}]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


def test_a_bare_aspect_after_an_answer_is_asked_about_it(tracker_factory):
    from actions.recommend import ActionTakeAnswer
    from tests.unit.test_actions import run

    text = "the ai part specifically"
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/overview", text, "inform", [aspect_entity("ai")]
    )
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


@pytest.mark.parametrize(
    "previous, text, intent, entities, expected",
    [
        (
            "services/bpo",
            "ok we're a dental clinic, would they also do our billing?",
            "request_recommendation",
            [{"entity": "outsourced_function", "value": "accounting"}],
            "services/bpo",
        ),
        (
            "benefits/call_center",
            "our customers are mad we close at 6pm, could they cover nights?",
            "out_of_scope",
            [],
            "benefits/call_center",
        ),
        (
            "benefits/outsourcing_savings",
            "we pay like 4k a month rent just for the support room, would that go away?",
            "inform",
            [],
            "benefits/outsourcing_savings",
        ),
        (
            "benefits/outsourcing_savings",
            "our 8 support staff all need health insurance, is that part of it?",
            "request_recommendation",
            [
                {**aspect_entity("industries"), "start": 32, "end": 48},
                {**aspect_entity("relationship"), "start": 53, "end": 60},
            ],
            "benefits/outsourcing_savings",
        ),
    ],
)
def test_a_story_ending_in_a_question_about_the_answer_is_answered(
    tracker_factory, previous, text, intent, entities, expected
):
    from actions.follow_ups import ActionAnswerOutOfScope
    from actions.recommend import ActionResetRecommendation, ActionTakeAnswer
    from tests.unit.test_actions import run

    action = {
        "request_recommendation": ActionResetRecommendation(),
        "out_of_scope": ActionAnswerOutOfScope(),
        "inform": ActionTakeAnswer(),
    }[intent]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, intent, entities)
    events, messages = run(action, tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]
    assert not any(e.get("name") == "recommendation_form" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # which one to pick is a request, whatever came before
        "we're 15 people and only need phones answered, would they suit us better?",
        # no question about the answer
        "we're a 40 person clinic and want help with the phones",
    ],
)
def test_a_story_asking_which_or_asking_nothing_still_starts_the_questions(tracker_factory, text):
    from actions.recommend import ActionResetRecommendation
    from tests.unit.test_actions import run

    tracker = _after_knowledge_answer(
        tracker_factory, "services/call_center", text, "request_recommendation", []
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    assert messages == []
    assert not any(e.get("event") == "followup" for e in events)


def test_a_question_about_they_with_no_answer_just_before_starts_the_questions(tracker_factory):
    from actions.recommend import ActionResetRecommendation
    from tests.unit.test_actions import run

    text = "ok we're a dental clinic, would they also do our billing?"
    tracker = tracker_factory(
        events=[{"event": "user", "text": text}], intent="request_recommendation", text=text
    )
    events, messages = run(ActionResetRecommendation(), tracker)
    assert messages == []


def test_a_story_sure_of_its_own_topic_ending_in_does_that_count_gets_that_topic(
    tracker_factory,
):
    from actions.recommend import ActionTakeAnswer
    from tests.unit.test_actions import run

    text = "users write to us on email and chat, not phone, does that still count?"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/call_center", text, "inform", [aspect_entity("channels")]
    )
    tracker.latest_message["response_selector"] = {
        "default": {"response": {"intent_response_key": "difference/channels", "confidence": 0.97}}
    }
    _, messages = run(ActionTakeAnswer(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/channels"]


def test_the_opposite_beside_an_aspect_asks_that_aspect(tracker_factory):
    text = "now the opposite, whats similar"
    entities = [
        {**aspect_entity("relationship"), "start": 4, "end": 16},
        {**aspect_entity("similarities"), "start": 24, "end": 31},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/overview", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/similarities"]


def test_a_story_with_a_sure_reading_that_names_no_aspect_of_it_is_about_the_answer(
    tracker_factory,
):
    from actions.recommend import ActionResetRecommendation
    from tests.unit.test_actions import run

    text = "our bpo vendor wants to add a phone team for us, is that part of it?"
    tracker = _after_knowledge_answer(
        tracker_factory,
        "difference/relationship",
        text,
        "request_recommendation",
        [{"entity": "subject", "value": "bpo", "start": 4, "end": 7}],
    )
    tracker.latest_message["response_selector"] = {
        "default": {"response": {"intent_response_key": "definition/bpo", "confidence": 0.92}}
    }
    _, messages = run(ActionResetRecommendation(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/relationship"]


@pytest.mark.parametrize(
    "task, expected",
    [
        # a back-office task asked of a call center: where the two differ
        ("accounting", "difference/services"),
        # its own work: what it does
        ("collections", "services/call_center"),
    ],
)
def test_a_task_asked_of_a_call_center_after_what_it_does(tracker_factory, task, expected):
    text = f"can they do {task} too?"
    entities = [{"entity": "outsourced_function", "value": task, "start": 12, "end": 22}]
    tracker = _after_knowledge_answer(
        tracker_factory, "services/call_center", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


def test_the_opposite_after_an_answer_about_both_turns_nothing(tracker_factory):
    text = "and the bpo, same or the opposite?"
    entities = [
        {"entity": "subject", "value": "bpo", "start": 8, "end": 11},
        {**aspect_entity("relationship"), "start": 21, "end": 33},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/strategic_vs_tactical", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/strategic_vs_tactical"]


def test_a_job_asked_in_one_of_those_just_named_is_their_careers(tracker_factory):
    from actions.follow_ups import ActionAnswerOutOfScope
    from tests.unit.test_actions import run

    text = "how do i get hired in one"
    entities = [{**aspect_entity("careers"), "start": 9, "end": 19}]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "out_of_scope", entities
    )
    _, messages = run(ActionAnswerOutOfScope(), tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/call_center"]


def test_where_they_differ_asks_no_place(tracker_factory):
    text = "ok and where do they differ most"
    entities = [
        {**aspect_entity("locations"), "start": 7, "end": 12},
        {**aspect_entity("difference"), "start": 21, "end": 27},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/similarities", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/overview"]


@pytest.mark.parametrize(
    "text, answered",
    [
        ("what would my first position be if i join one", True),
        # a company's own staff are no job asked for
        ("we have 40 staff, what jobs would our people get", False),
    ],
)
def test_a_job_for_the_visitor_after_an_answer_is_the_careers(tracker_factory, text, answered):
    from actions.recommend import ActionResetRecommendation
    from tests.unit.test_actions import run

    entities = [{**aspect_entity("careers"), "start": 9, "end": 23}]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "request_recommendation", entities
    )
    _, messages = run(ActionResetRecommendation(), tracker)
    said = [m.get("response") for m in messages]
    assert said == (["utter_careers/call_center"] if answered else [])


def test_the_reverse_after_how_they_relate_is_how_they_relate(tracker_factory):
    text = "why cant it be the reverse"
    entities = [{**aspect_entity("relationship"), "start": 15, "end": 26}]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/relationship", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/relationship"]


@pytest.mark.parametrize(
    "text",
    [
        # whether it is the one for them: a request for the recommendation
        "we are 40 people, tight budget, and need support, would it fit us?",
        "we're a 20 person online shop, would that work for us?",
        "we have 80 employees and only need customer support, would they be enough?",
        "we're 40 people needing support, so that means a call center for us?",
        "we are 900 people, would it be a smart move?",
        # no story of the visitor's company, or nothing asked of what they do
        "my dog is sick, can it eat chocolate?",
        "our wedding is on saturday, will it rain?",
        "is that subject to GDPR?",
    ],
)
def test_a_story_asking_for_a_verdict_or_about_something_else_is_no_question_about_the_answer(
    tracker_factory, text
):
    from actions.follow_ups import asks_about_the_answer

    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "request_recommendation", []
    )
    assert not asks_about_the_answer(tracker)


@pytest.mark.parametrize(
    "text",
    ["explain like im 5 what blockchain is", "in simple english what is machine learning"],
)
def test_a_new_question_put_simply_is_no_request_to_say_it_again(text):
    from actions.follow_ups import about_the_previous_answer

    assert about_the_previous_answer(text, "definition/bpo") is None


@pytest.mark.parametrize(
    "previous, text, aspect, expected",
    [
        ("benefits/bpo", "what does multiprocessing mean there", "definition", "benefits/bpo"),
        # a word that is a topic of its own gets that topic
        ("definition/call_center", "what does inbound mean there?", "services",
         "services/call_center"),
    ],
)  # fmt: skip
def test_a_word_of_the_last_answer_asked_about_gets_that_answer_unless_a_topic(
    tracker_factory, previous, text, aspect, expected
):
    tracker = _after_knowledge_answer(
        tracker_factory, previous, text, "follow_up", [aspect_entity(aspect)]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("difference/services", "so whats the main difference in one sentence",
         "difference/overview"),
        ("difference/technology", "ok but the key difference?", "difference/overview"),
        ("difference/channels", "so the main diff in one line?", "difference/overview"),
        # after another kind of answer, the difference asked stays the usual reading
        ("services/bpo", "and the difference with a call center?", "difference/services"),
    ],
)  # fmt: skip
def test_the_main_difference_after_one_of_its_kinds_is_the_overview(
    tracker_factory, previous, text, expected
):
    tracker = _after_knowledge_answer(
        tracker_factory, previous, text, "follow_up", [aspect_entity("difference")]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


@pytest.mark.parametrize(
    "previous, text, entities, expected",
    [
        ("definition/call_center", "so is it a type of bpo then?",
         [{"entity": "subject", "value": "bpo"}], "difference/relationship"),
        ("services/bpo", "are they hiring?", [{"entity": "outsourced_function", "value": "hr"}],
         "careers/bpo"),
    ],
)  # fmt: skip
def test_a_kind_of_the_other_and_their_hiring_point_to_their_topics(
    tracker_factory, previous, text, entities, expected
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("trends/remote_global", "what else is changing apart from that", "trends/overview"),
        ("trends/ai_automation", "any other trends coming?", "trends/overview"),
        # (after all of them: the next answer, as before)
        ("trends/overview", "what else is changing", "trends/ai_automation"),
        ("services/industries", "and what do they typically outsource", "services/bpo"),
    ],
)
def test_other_trends_and_what_is_outsourced_point_to_their_topics(
    tracker_factory, previous, text, expected
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


@pytest.mark.parametrize("text", ["which one?", "so which is better", "ok which one then"])
def test_which_one_with_nothing_before_says_what_it_depends_on_then_asks(tracker_factory, text):
    from tests.unit.test_actions import _domain_with_answers

    tracker = _opening(tracker_factory, text, "difference/overview")
    events, messages = run(ActionAnswerFollowUp(), tracker, _domain_with_answers())
    assert [m.get("utter_action") for m in messages] == ["utter_choosing/overview"]
    assert any(e.get("name") == "recommendation_form" for e in events)


@pytest.mark.parametrize(
    "previous, text, aspect",
    [
        ("difference/similarities", "do they handle more than phone calls now", "channels"),
        ("definition/call_center", "is it only calls or chat too", "channels"),
        ("services/call_center", "so they only take phone calls?", "channels"),
        ("definition/call_center", "are they still only calls these days", "channels"),
        (
            "services/bpo",
            "why not just hire our own staff instead? rather than hiring in-house",
            "savings",
        ),
        ("services/industries", "and what exactly do they hand over to them", "services"),
        ("services/locations", "is that changing?", "remote"),
        ("careers/call_center", "who is it best suited for", "careers"),
        ("definition/call_center", "who is it best suited for", "choosing"),
        ("definition/bpo", "is it only for tech/telecom companies?", "industries"),
        ("definition/bpo", "is it just for big companies", "choosing"),
        ("definition/call_center", "in what ways is it like a bpo", "similarities"),
        ("definition/bpo", "so is a call center inside that or a separate thing", "relationship"),
    ],
)
def test_what_a_follow_up_compares_or_asks_decides_its_aspect(
    tracker_factory, previous, text, aspect
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) == aspect


def test_is_that_different_after_one_kind_of_difference_is_that_kind_again(tracker_factory):
    entities = [{"entity": "aspect", "value": "difference", "start": 12, "end": 21}]
    text = "is that any different from what call centers run"
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/technology", text, "follow_up", entities
    )
    assert main_aspect(tracker, "difference/technology") == "technology"
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/overview", text, "follow_up", entities
    )
    assert main_aspect(tracker, "difference/overview") == "difference"


def test_the_actual_difference_after_another_answer_is_the_overview(tracker_factory):
    entities = [{"entity": "aspect", "value": "difference", "start": 17, "end": 27}]
    text = "whats the actual difference"
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/call_center", text, "follow_up", entities
    )
    assert main_aspect(tracker, "careers/call_center") == "difference"


@pytest.mark.parametrize("text", ["does budget matter?", "and does company size really matter"])
def test_whether_a_factor_matters_after_how_to_choose_is_that_answer(tracker_factory, text):
    tracker = _after_knowledge_answer(tracker_factory, "choosing/overview", text, "follow_up", [])
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_choosing/overview"]


def test_one_side_after_how_they_differ_is_that_sides_answer(tracker_factory):
    text = "break down the bpo side for me, inbound vs outbound"
    entities = [
        {"entity": "subject", "value": "bpo", "start": 15, "end": 18},
        {"entity": "aspect", "value": "difference", "start": 43, "end": 45},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/services", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_services/bpo"]


def test_services_compared_after_one_subject_are_the_difference_in_services(tracker_factory):
    text = "and what about a bpo? how do the services compare"
    entities = [
        {"entity": "subject", "value": "bpo", "start": 17, "end": 20},
        {"entity": "aspect", "value": "services", "start": 33, "end": 41},
        {"entity": "aspect", "value": "difference", "start": 42, "end": 49},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/services"]


@pytest.mark.parametrize(
    "previous, text, not_aspect",
    [
        ("definition/bpo", "how is a typical day like in a call center", "similarities"),
        ("services/call_center", "apart from calls, can a bpo do our payroll?", "channels"),
        ("choosing/overview", "which one could we manage on our budget", "services"),
        ("services/locations", "is offshoring only for american companies", "industries"),
    ],
)
def test_words_of_those_rules_in_other_questions_leave_them_alone(
    tracker_factory, previous, text, not_aspect
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) != not_aspect


def test_which_one_after_a_recommendation_does_not_start_again(tracker_factory):
    tracker = tracker_factory(
        events=[{"event": "user", "text": "ok which one?"}],
        intent="follow_up",
        text="ok which one?",
        slots={"recommended_model": "bpo"},
    )
    events, _ = run_follow_up(tracker)
    assert not any(e.get("name") == "recommendation_form" for e in events)


def test_a_cause_named_for_the_change_after_where_they_are_is_that_cause(tracker_factory):
    entities = [{"entity": "aspect", "value": "ai", "start": 29, "end": 31}]
    text = "is that changing because of ai?"
    tracker = _after_knowledge_answer(
        tracker_factory, "services/locations", text, "follow_up", entities
    )
    assert main_aspect(tracker, "services/locations") == "ai"


def test_whats_next_for_me_after_the_jobs_is_the_jobs(tracker_factory):
    entities = [{"entity": "aspect", "value": "trends", "start": 6, "end": 17}]
    text = "whats coming next for me after that"
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/call_center", text, "follow_up", entities
    )
    assert main_aspect(tracker, "careers/call_center") == "careers"


@pytest.mark.parametrize(
    "text",
    [
        "for small firms?",
        "and for bigger companies",
        "in a small business?",
        "and mid-size businesses?",
        "is that true for small firms too",
        "for startups?",
        "what about for small companies, still worth it?",
    ],
)
def test_a_size_of_company_alone_asks_which_one_goes_with_it(tracker_factory, text):
    entities = [{"entity": "company_size", "value": "small"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "choosing/overview", text, "follow_up", entities
    )
    assert main_aspect(tracker, "choosing/overview") == "choosing"


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("services/bpo", "what would i work as there with an hr degree", "careers"),
        ("definition/call_center", "i have an accounting degree, could i work there", "careers"),
        ("benefits/call_center", "what kind of calls do they make and take", "services"),
        ("definition/bpo", "what kinds of work does a bpo do", "services"),
    ],
)
def test_the_visitors_own_work_and_the_work_they_do(tracker_factory, previous, text, expected):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) == expected


def test_experience_of_the_company_is_no_job_wanted(tracker_factory):
    text = "we have experience in payroll, can a bpo do it"
    tracker = _after_knowledge_answer(tracker_factory, "services/bpo", text, "follow_up", [])
    assert main_aspect(tracker, "services/bpo") != "careers"


@pytest.mark.parametrize(
    "previous, text",
    [
        ("careers/call_center", "and in a big company?"),
        ("trends/ai_automation", "in small companies?"),
        ("services/locations", "in big cities?"),
        ("benefits/call_center", "and for the bigger outsourcing firms"),
    ],
)
def test_a_size_of_company_after_another_kind_of_answer_is_no_choice(
    tracker_factory, previous, text
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) != "choosing"


@pytest.mark.parametrize(
    "previous, text, entities, expected",
    [
        ("services/locations", "why do companies send their work there", ["careers"], "savings"),
        ("benefits/call_center", "which for who?", [], "choosing"),
        ("benefits/bpo", "ok so when does each one make sense", [], "choosing"),
        # which one costs less: which to pick; why they cost little: the savings
        ("difference/overview", "ok which one is cheaper then", ["savings"], "choosing"),
        ("definition/call_center", "is that the cheaper option for a small shop?", ["savings"],
         "choosing"),
        ("services/bpo", "is it cheaper than a call centre", ["savings"], "choosing"),
        ("services/bpo", "is it cheaper than doing it ourselves", ["savings"], "savings"),
        ("definition/bpo", "how come theyre so cheap", [], "savings"),
        ("definition/bpo", "why not the cheaper one?", [], "choosing"),
        ("services/bpo", "how come a bpo is cheaper than a call centre?", ["savings"], "savings"),
        # cheaper things that are not the two
        ("benefits/outsourcing_savings", "so which is cheaper", ["savings"], "savings"),
        ("services/locations", "which is the cheapest country?", ["locations"], "locations"),
        ("difference/technology", "which is cheaper, ivr or chatbots?", ["technology"],
         "technology"),
        # what size of company it suits
        ("services/bpo", "are they also for small companies or only big ones", [], "choosing"),
        ("definition/call_center", "what size of business is it good for", ["benefits"],
         "choosing"),
        ("services/bpo", "when would a firm go for a bpo over that", [], "choosing"),
        # bigger or smaller than the other: how the two differ
        ("definition/bpo", "so is it larger than a call centre", [], "difference"),
    ],
)  # fmt: skip
def test_why_the_work_goes_there_and_which_for_whom(
    tracker_factory, previous, text, entities, expected
):
    aspects = [{"entity": "aspect", "value": a} for a in entities]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", aspects)
    assert main_aspect(tracker, previous) == expected


def _answer(tracker_factory, topic, text, entities, intent="follow_up", before=None):
    tracker = _after_knowledge_answer(tracker_factory, topic, text, intent, entities)
    if before:  # the visitor's first question, as NLU read it
        tracker.events[0]["parse_data"] = {"entities": before}
    _, messages = run_follow_up(tracker)
    return [m.get("response") for m in messages]


def test_an_aspect_after_an_answer_about_both_is_of_the_one_asked_before(tracker_factory):
    careers = [{"entity": "aspect", "value": "careers"}]
    bpo = [{"entity": "subject", "value": "bpo"}]
    assert _answer(tracker_factory, "trends/overview", "and careers?", careers, before=bpo) == [
        "utter_careers/bpo"
    ]


def test_the_one_left_out_is_not_the_one_asked_about(tracker_factory):
    text = "what roles are there apart from the phone agents"
    start = text.index("phone agents")
    entities = [
        {"entity": "aspect", "value": "careers"},
        {"entity": "subject", "value": "call_center", "start": start, "end": start + 12},
    ]
    assert _answer(tracker_factory, "services/bpo", text, entities) == ["utter_careers/bpo"]


def test_what_counts_as_back_office_is_what_the_terms_mean(tracker_factory):
    text = "what counts as back office work exactly? is it like accounting"
    tasks = [
        {"entity": "outsourced_function", "value": "administration"},
        {"entity": "outsourced_function", "value": "accounting"},
    ]
    assert _answer(tracker_factory, "choosing/overview", text, tasks) == [
        "utter_definition/front_back_office"
    ]


def test_the_one_left_out_before_is_not_the_one_asked_about_next(tracker_factory):
    first = "what trends are there in outsourcing besides call centres?"
    at = first.index("call centres")
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/overview", "and the jobs?", "follow_up",
        [{"entity": "aspect", "value": "careers"}],
    )  # fmt: skip
    tracker.events[0]["text"] = first
    tracker.events[0]["parse_data"] = {
        "entities": [{"entity": "subject", "value": "call_center", "start": at, "end": at + 12}]
    }
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] != ["utter_careers/call_center"]


@pytest.mark.parametrize(
    "previous, text",
    [
        ("services/locations", "how come they put the call centers there, is it the time zone?"),
        ("careers/call_center", "when does each work, 24/7?"),
    ],
)
def test_placing_and_opening_hours_are_no_savings_or_choice(tracker_factory, previous, text):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) not in ("savings", "choosing")


def test_whats_back_office_work_is_what_the_terms_mean(tracker_factory):
    tasks = [{"entity": "outsourced_function", "value": "administration"}]
    text = "whats back office work"
    assert _answer(tracker_factory, "choosing/overview", text, tasks) == [
        "utter_definition/front_back_office"
    ]


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("services/call_center", "and whats good about them", "utter_benefits/call_center"),
        ("definition/bpo", "what's so great about it?", "utter_benefits/bpo"),
    ],
)
def test_whats_good_about_the_one_just_described(tracker_factory, previous, text, expected):
    assert _answer(tracker_factory, previous, text, []) == [expected]


@pytest.mark.parametrize(
    "previous, text, entities",
    [
        ("careers/call_center", "what's good about it as a job", []),
        ("careers/call_center", "whats good about them", []),
        ("difference/technology", "what's good about an ivr", []),
        ("trends/ai_automation", "what is good about a chatbot", []),
        ("difference/overview", "and whats good about them", []),
        ("services/bpo", "what's good about it for analytics", [{"value": "analytics"}]),
    ],
)
def test_whats_good_about_a_job_a_tool_or_both_is_no_sides_advantages(
    tracker_factory, previous, text, entities
):
    aspects = [{"entity": "aspect", **e} for e in entities]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", aspects)
    assert main_aspect(tracker, previous) != "benefits"


def test_for_big_corporations_after_what_one_does_is_the_rule_of_thumb(tracker_factory):
    assert _answer(tracker_factory, "services/bpo", "and for big corporations?", []) == [
        "utter_choosing/overview"
    ]


@pytest.mark.parametrize(
    "previous, text, entities, aspect",
    [
        # the same as the other one, after what one is: how they differ
        ("definition/bpo", "so not the same as a call center?", [], "difference"),
        ("definition/call_center", "isnt that the same thing as a bpo", [], "difference"),
        # which sectors, not which size
        ("benefits/bpo", "what kind of companies use it, like which sectors",
         [aspect_entity("industries")], "industries"),
        ("benefits/bpo", "what size of companies use it", [], "choosing"),
        ("services/call_center", "do they do live chat too or just phones", [], "channels"),
        ("definition/call_center", "so no live chat then?", [], "channels"),
        ("definition/bpo", "is that just a tech thing or do banks and insurers use it too",
         [aspect_entity("technology"), aspect_entity("industries")], "industries"),
        ("benefits/bpo", "what kind of companies use it, big or small sectors",
         [aspect_entity("industries")], "choosing"),
    ],
)  # fmt: skip
def test_the_same_as_the_other_and_the_sectors_that_use_it(
    tracker_factory, previous, text, entities, aspect
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    assert main_aspect(tracker, previous) == aspect


@pytest.mark.parametrize("text", ["is it the same at a bpo?", "are the hours the same as a bpo"])
def test_the_same_at_the_other_is_not_how_they_differ(tracker_factory, text):
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "follow_up", []
    )
    assert main_aspect(tracker, "definition/call_center") != "difference"


def test_another_subjects_jobs_asked_as_a_difference_after_the_jobs_are_its_jobs(tracker_factory):
    entities = [
        {"entity": "subject", "value": "bpo"},
        {"entity": "aspect", "value": "careers"},
        {"entity": "aspect", "value": "difference"},
    ]
    text = "and is a bpo job any different"
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/call_center", text, "follow_up", entities
    )
    assert main_aspect(tracker, "careers/call_center") == "careers"
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_careers/bpo"]


def test_a_last_sentence_that_asks_without_its_question_mark_is_the_question(tracker_factory):
    text = (
        "we get 300 calls a day, half of them people asking where their sofa is. is a call "
        "centre just phone or can they answer our website chat too"
    )
    where, chat = text.index("where"), text.index("chat")
    entities = [
        {"entity": "aspect", "value": "locations", "start": where, "end": where + 5},
        {"entity": "subject", "value": "call_center"},
        {"entity": "aspect", "value": "channels", "start": chat, "end": chat + 4},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "difference", entities
    )
    assert main_aspect(tracker, "definition/call_center") == "channels"


def test_with_nothing_before_a_kind_of_difference_asked_needs_no_side(tracker_factory):
    text = "differences in services?"
    tracker = _opening(tracker_factory, text, "difference/services", confidence=0.5)
    tracker.latest_message["entities"] = [
        {"entity": "aspect", "value": "difference"},
        {"entity": "aspect", "value": "services"},
    ]
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/services"]


def test_back_office_work_named_beside_another_aspect_is_no_question_on_the_offices(
    tracker_factory,
):
    text = "what about the bpo side, will automation speed up the back office stuff"
    entities = [
        {"entity": "subject", "value": "bpo"},
        {"entity": "aspect", "value": "ai"},
        {"entity": "aspect", "value": "front_back_office"},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/ai_automation", text, "follow_up", entities
    )
    assert main_aspect(tracker, "trends/ai_automation") == "ai"


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("what about the places where people answer phones all day, what are they", None),
        ("and where are they usually based", "locations"),
        ("are there places where i live that do this", "locations"),
    ],
)
def test_a_where_that_describes_asks_no_place(tracker_factory, text, aspect):
    start = text.index("where")
    entities = [{"entity": "aspect", "value": "locations", "start": start, "end": start + 5}]
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/bpo", text, "follow_up", entities
    )
    assert main_aspect(tracker, "definition/bpo") == aspect


@pytest.mark.parametrize(
    "text, expected",
    [
        ("and for the outsourcing firms that do the whole lot, accounts hr and all that?",
         "utter_benefits/bpo"),
        # ... but a task asked of the subject is asked about
        ("and do the outsourcing firms do hr?", "utter_services/bpo"),
        ("outsourcing firms that do accounts, would they take hr too", "utter_services/bpo"),
    ],
)  # fmt: skip
def test_work_that_describes_the_other_subject_is_no_task_asked_about(
    tracker_factory, text, expected
):
    subject, task = text.index("outsourcing firms"), text.index("hr")
    entities = [
        {"entity": "subject", "value": "bpo", "start": subject, "end": subject + 17},
        {"entity": "outsourced_function", "value": "hr", "start": task, "end": task + 2},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "benefits/call_center", text, "follow_up", entities
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_the_aspect_just_answered_named_again_of_the_other_side_stays(tracker_factory):
    text = "and on the bpo side, what systems and automation do they run their work on?"
    entities = [
        {"entity": "subject", "value": "bpo", "start": 11, "end": 14},
        {"entity": "aspect", "value": "technology", "start": 30, "end": 37},
        {"entity": "aspect", "value": "ai", "start": 42, "end": 52},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/technology", text, "follow_up", entities
    )
    assert main_aspect(tracker, "difference/technology") == "technology"
    # with no side named, the new aspect is the question
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/technology", "what systems and automation", "follow_up",
        [{"entity": "aspect", "value": "technology", "start": 5, "end": 12},
         {"entity": "aspect", "value": "ai", "start": 17, "end": 27}],
    )  # fmt: skip
    assert main_aspect(tracker, "difference/technology") == "ai"


def test_the_work_sent_to_the_providers_is_their_services(tracker_factory):
    text = "and what sorts of tasks do firms send abroad?"
    tracker = _after_knowledge_answer(tracker_factory, "services/locations", text, "follow_up", [])
    assert main_aspect(tracker, "services/locations") == "services"


def test_a_task_after_the_calls_asks_no_channels(tracker_factory):
    text = "apart from calls, there's the payroll, can they do it"
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", text, "follow_up", []
    )
    assert main_aspect(tracker, "definition/call_center") != "channels"


@pytest.mark.parametrize(
    "previous, text, aspects, expected",
    [
        ("careers/call_center", "how is that different at the other type of company?",
         ["difference"], "utter_careers/bpo"),
        ("benefits/bpo", "how does the other one compare, what are its strong points?",
         ["difference", "benefits"], "utter_benefits/call_center"),
        # the other one compared with the answer: how they differ
        ("benefits/bpo", "how is that different from the other one?", ["difference"],
         "utter_difference/overview"),
    ],
)  # fmt: skip
def test_the_same_asked_of_the_other_one_is_its_answer(
    tracker_factory, previous, text, aspects, expected
):
    other = {"entity": "subject", "value": "other", "start": text.find("the other")}
    tracker = _after_knowledge_answer(
        tracker_factory, previous, text, "follow_up", [*map(aspect_entity, aspects), other]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_a_question_of_its_own_on_one_side_and_an_aspect_is_that_sides_answer(tracker_factory):
    text = "we need people to ring buyers, is that the kind of work a call center does?"
    tracker = _opening(tracker_factory, text, "difference/technology", confidence=0.5)
    tracker.latest_message["entities"] = [
        {"entity": "subject", "value": "call_center", "start": text.find("call center")},
        aspect_entity("services"),
    ]
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_services/call_center"]


@pytest.mark.parametrize(
    "text, marked, expected",
    [
        ("what questions do they ask in the interview", "interview", "utter_out_of_scope"),
        # applying named, the jobs asked about: the jobs
        ("im thinking of applying at one, what growth could i expect there", "applying at",
         "utter_careers/bpo"),
    ],
)  # fmt: skip
def test_a_follow_up_marked_as_job_application_help_is_out_of_scope(
    tracker_factory, text, marked, expected
):
    start = text.find(marked)
    near = {"entity": "near_domain", "value": "careers", "start": start, "end": start + len(marked)}
    tracker = _after_knowledge_answer(
        tracker_factory, "careers/bpo", text, "follow_up", [aspect_entity("careers"), near]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_a_budget_stated_when_the_budget_is_asked_is_the_answer(tracker_factory):
    text = "the money is there if the service is good"
    tracker = tracker_factory(
        slots={"requested_slot": "budget", "company_size": "large"},
        active_loop="recommendation_form",
        intent="follow_up",
        text=text,
        entities=[
            aspect_entity("services"),
            {"entity": "budget", "value": "flexible", "role": "guess"},
        ],
    )
    events, _ = run(ActionAnswerFollowUp(), tracker)
    assert {"event": "slot", "name": "budget", "value": "flexible"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    # a question about it stays a question
    tracker.latest_message["text"] = "is the service any good with that money?"
    events, _ = run(ActionAnswerFollowUp(), tracker)
    assert not any(e.get("name") == "budget" for e in events)


@pytest.mark.parametrize(
    "previous, text, aspects, expected",
    [
        ("difference/similarities", "and the other way round, where do they differ?",
         ["relationship", "difference"], "utter_difference/overview"),
        ("difference/technology", "which one leans more on chatbots and ivr?",
         ["ai", "technology"], "utter_difference/technology"),
        # one side's use of AI, no comparison: the trends
        ("difference/technology", "do they use chatbots and ivr a lot now?", ["ai", "technology"],
         "utter_trends/ai_automation"),
    ],
)  # fmt: skip
def test_turned_and_compared_follow_ups_after_an_answer_about_both(
    tracker_factory, previous, text, aspects, expected
):
    words = {"relationship": "the other way round", "difference": "differ", "ai": "chatbots",
             "technology": "ivr"}  # fmt: skip
    entities = [
        {
            **aspect_entity(a),
            "start": text.find(words[a]),
            "end": text.find(words[a]) + len(words[a]),
        }
        for a in aspects
    ]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


def test_the_other_way_round_after_what_they_share_is_how_they_differ(tracker_factory):
    text = "and the other way round?"
    turned = {**aspect_entity("relationship"), "start": 4, "end": 23}
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/similarities", text, "follow_up", [turned]
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/overview"]


def test_which_one_ai_will_replace_more_is_the_trends(tracker_factory):
    text = "which one will be replaced more by chatbots and ivr?"
    entities = [
        {**aspect_entity("ai"), "start": text.find("chatbots"), "end": text.find("chatbots") + 8},
        {**aspect_entity("technology"), "start": text.find("ivr"), "end": text.find("ivr") + 3},
    ]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/technology", text, "follow_up", entities
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


def _spans(text, *found):
    """Entities at the first place their words stand in `text`: (entity, value, words)."""
    return [
        {
            "entity": entity,
            "value": value,
            "start": text.find(words),
            "end": text.find(words) + len(words),
        }
        for entity, value, words in found
    ]


@pytest.mark.parametrize(
    "previous, text, found, expected",
    [
        ("difference/channels", "is that always true?", [], "utter_difference/channels"),
        ("benefits/outsourcing_savings", "is it always cheaper?",
         [("aspect", "savings", "cheaper")], "utter_benefits/outsourcing_savings"),
        ("choosing/overview", "is that always true for big companies?", [],
         "utter_choosing/overview"),
        # an aspect of its own is still asked: the savings after what a bpo does
        ("services/bpo", "is it always cheaper?", [("aspect", "savings", "cheaper")],
         "utter_benefits/outsourcing_savings"),
    ],
)  # fmt: skip
def test_whether_the_answer_always_holds_is_that_answer_again(
    tracker_factory, previous, text, found, expected
):
    tracker = _after_knowledge_answer(
        tracker_factory, previous, text, "follow_up", _spans(text, *found)
    )
    # what the topic classifier makes of the words alone ("true" reads like a definition)
    guess = {"intent_response_key": "definition/bpo", "confidence": 0.9}
    tracker.latest_message["response_selector"] = {"default": {"response": guess}}
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize(
    "previous, text, found, expected",
    [
        # the previous question asked of the other one
        ("benefits/bpo", "same thing for the places that answer the phones?",
         [("aspect", "difference", "same thing"), ("subject", "call_center", "places that")],
         "utter_benefits/call_center"),
        # ... not "the same for both": what they share
        ("benefits/bpo", "same for both?", [("aspect", "similarities", "same for both")],
         "utter_difference/similarities"),
        # ... nor "the same thing as" one: how they differ
        ("definition/call_center", "so not the same thing as a bpo?",
         [("aspect", "difference", "same thing"), ("subject", "bpo", "bpo")],
         "utter_difference/overview"),
        ("difference/relationship", "how come it doesn't work the other way",
         [("aspect", "relationship", "work the other way"), ("subject", "other", "the other")],
         "utter_difference/relationship"),
    ],
)  # fmt: skip
def test_follow_ups_on_the_previous_question(tracker_factory, previous, text, found, expected):
    tracker = _after_knowledge_answer(
        tracker_factory, previous, text, "follow_up", _spans(text, *found)
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("difference/strategic_vs_tactical", "y?", "utter_difference/strategic_vs_tactical"),
        ("services/bpo", "but y tho", "utter_benefits/bpo"),
        # (a letter alone is no question)
        ("services/bpo", "y", "utter_default"),
        # what the visitor makes of the answer, after the why
        ("benefits/bpo", "why is that, sounds too easy", "utter_benefits/bpo"),
        ("services/call_center", "why, seems odd", "utter_benefits/call_center"),
        # examples of that answer, with whom they are for
        (
            "definition/front_back_office",
            "examples pls, for like a bakery",
            "utter_definition/front_back_office",
        ),
    ],
)
def test_a_bare_why_or_examples_that_nlu_was_unsure_of_ask_of_the_previous_answer(
    tracker_factory, previous, text, expected
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "nlu_fallback", [])
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize(
    "previous, text, word, expected",
    [
        # the answer given, asked of a kind of company: no new aspect
        ("choosing/overview", "does the same logic apply to hospitals?", "hospitals", None),
        ("benefits/bpo", "is that true for banks too", "banks", None),
        # ... but after the industries, or asked as who uses it, the industries
        ("services/industries", "does that apply to banks too", "banks", "industries"),
        ("services/bpo", "do banks use them?", "banks", "industries"),
    ],
)
def test_what_holds_for_a_kind_of_company_is_the_answer_given(
    tracker_factory, previous, text, word, expected
):
    start = text.index(word)
    entities = [
        {"entity": "aspect", "value": "industries", "start": start, "end": start + len(word)}
    ]
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    assert main_aspect(tracker, previous) == expected


def test_which_office_one_of_them_belongs_to_is_the_structure(tracker_factory):
    entities = [{"entity": "subject", "value": "call_center"}]
    entities.append({"entity": "aspect", "value": "relationship"})
    text = "which one does a call centre belong to"
    previous = "definition/front_back_office"
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    assert main_aspect(tracker, previous) == "structure"


def test_whether_it_is_the_same_as_an_outsourcing_company_is_the_difference(tracker_factory):
    entities = [{"entity": "subject", "value": "bpo", "start": 23, "end": 45}]
    text = "so is it the same as an outsourcing company or no"
    previous = "definition/call_center"
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    assert main_aspect(tracker, previous) == "difference"


@pytest.mark.parametrize(
    "previous, text, expected",
    [
        ("definition/bpo", "so is a call center one of those?", "relationship"),
        ("benefits/call_center", "is that why smaller companies go for them?", "choosing"),
    ],
)
def test_one_of_those_and_a_size_going_for_them(tracker_factory, previous, text, expected):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", [])
    assert main_aspect(tracker, previous) == expected


@pytest.mark.parametrize(
    "previous, text, entities, guess, expected",
    [
        # the other side after the jobs, not how the two relate
        ("careers/bpo", "And within a call centre?",
         [{"entity": "aspect", "value": "relationship", "start": 4, "end": 10},
          {"entity": "subject", "value": "call_center", "start": 11, "end": 24}],
         "difference/relationship", "careers/call_center"),
        # examples of that answer
        ("difference/services", "Could you give concrete examples?", [], "services/bpo",
         "difference/services"),
        # why it matters: the reasons, or that answer again
        ("trends/remote_global", "why does it matter?", [], "benefits/outsourcing_savings",
         "trends/remote_global"),
        ("definition/bpo", "why does that matter", [], "trends/overview", "benefits/bpo"),
        # what the answer meant, and its reasons doubted
        ("trends/overview", "meaning what precisely?",
         [{"entity": "aspect", "value": "definition", "start": 0, "end": 7}],
         "definition/bpo", "trends/overview"),
        # the same question of the other one, to compare
        ("services/bpo", "And a contact centre, for comparison?",
         [{"entity": "subject", "value": "call_center", "start": 6, "end": 20},
          {"entity": "aspect", "value": "difference", "start": 26, "end": 36}],
         "difference/overview", "services/call_center"),
        # one's advantages compared with the other: that one's edge, which they are
        ("benefits/call_center", "compared to bpos?",
         [{"entity": "aspect", "value": "difference", "start": 0, "end": 11},
          {"entity": "subject", "value": "bpo", "start": 12, "end": 16}],
         "definition/bpo", "benefits/call_center"),
        ("benefits/bpo", "vs a call center?",
         [{"entity": "aspect", "value": "difference", "start": 0, "end": 2},
          {"entity": "subject", "value": "call_center", "start": 5, "end": 16}],
         "difference/overview", "benefits/bpo"),
        # ... but not after an answer of another kind
        ("services/call_center", "compared to bpos?",
         [{"entity": "aspect", "value": "difference", "start": 0, "end": 11},
          {"entity": "subject", "value": "bpo", "start": 12, "end": 16}],
         "definition/bpo", "difference/services"),
    ],
)  # fmt: skip
def test_other_side_examples_and_why_it_matters(
    tracker_factory, previous, text, entities, guess, expected
):
    tracker = _after_knowledge_answer(tracker_factory, previous, text, "follow_up", entities)
    prediction = {"intent_response_key": guess, "confidence": 0.9}
    tracker.latest_message["response_selector"] = {"default": {"response": prediction}}
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == [f"utter_{expected}"]


def test_what_the_answer_meant_is_asked_of_it_not_of_the_one_asked_before(tracker_factory):
    tracker = tracker_factory(
        events=[
            {
                "event": "user",
                "text": "trends in bpo",
                "parse_data": {
                    "intent": {"name": "trends"},
                    "entities": [{"entity": "subject", "value": "bpo", "start": 10, "end": 13}],
                },
            },
            {
                "event": "bot",
                "text": "an answer",
                "metadata": {"utter_action": "utter_trends/overview"},
            },
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": "meaning what precisely?"},
        ],
        intent="follow_up",
        entities=[{"entity": "aspect", "value": "definition", "start": 0, "end": 7}],
        text="meaning what precisely?",
    )
    _, messages = run_follow_up(tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/overview"]


@pytest.mark.parametrize(
    "text, form",
    [
        # with nothing answered yet
        ("could u give examples", {}),
        # ... or at one of the form's questions (the question comes again)
        (
            "can you give me some examples?",
            {
                "slots": {"requested_slot": "outsourced_functions"},
                "active_loop": "recommendation_form",
            },
        ),
    ],
)
def test_examples_asked_for_with_no_answer_to_take_them_from_are_what_can_be_asked(
    tracker_factory, text, form
):
    tracker = tracker_factory(intent="follow_up", text=text, **form)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_help"]


def _after_a_question_naming_both(tracker_factory, first, text, intent, entities):
    """The previous question named a call center first, then a bpo."""
    named = [
        {"entity": "subject", "value": "call_center", "start": first.index("call"), "end": 0},
        {"entity": "subject", "value": "bpo", "start": first.index("bpo"), "end": 0},
    ]
    return tracker_factory(
        events=[
            {"event": "user", "text": first, "parse_data": {"entities": named}},
            {
                "event": "bot",
                "text": "an answer",
                "metadata": {"utter_action": "utter_difference/services"},
            },
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
        ],
        intent=intent,
        entities=entities,
        text=text,
    )


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("advantages of the second one?", "follow_up", "utter_benefits/bpo"),
        ("and the former's advantages", "follow_up", "utter_benefits/call_center"),
        ("advantages of the latter", "out_of_scope", "utter_benefits/bpo"),
    ],
)
def test_one_of_the_two_named_by_its_place_in_the_question_before(
    tracker_factory, text, intent, expected
):
    from actions.follow_ups import ActionAnswerOutOfScope

    first = "how do a call centre and a bpo differ in what they do?"
    entities = [aspect_entity("benefits")]
    if "second" in text:
        entities.append({"entity": "subject", "value": "other"})  # the ruler's "the other one"
    tracker = _after_a_question_naming_both(tracker_factory, first, text, intent, entities)
    action = ActionAnswerOutOfScope() if intent == "out_of_scope" else ActionAnswerFollowUp()
    _, messages = run(action, tracker)
    assert [m.get("response") for m in messages] == [expected]


@pytest.mark.parametrize("text", ["budget?", "and the size?"])
def test_one_thing_the_choice_depends_on_asked_alone_gets_that_answer_again(tracker_factory, text):
    tracker = _after_knowledge_answer(
        tracker_factory, "choosing/overview", text, "nlu_fallback", []
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_choosing/overview"]


@pytest.mark.parametrize("text", ["and for back office work?", "what about the front office then"])
def test_an_office_asked_after_a_trend_is_that_trend_there(tracker_factory, text):
    admin = [{"entity": "outsourced_function", "value": "administration"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "trends/ai_automation", text, "follow_up", admin
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_trends/ai_automation"]


def test_a_one_line_version_asked_is_the_answer_before(tracker_factory):
    text = "a one liner for my manager pls"
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/overview", text, "nlu_fallback", []
    )
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/overview"]


def test_the_difference_in_services_asked_after_what_one_is_compares_the_two(tracker_factory):
    text = "and how about the difference from a call center in services?"
    named = [
        {"entity": "subject", "value": "call_center", "start": text.index("call")},
        aspect_entity("difference"),
        aspect_entity("services"),
    ]
    tracker = _after_knowledge_answer(tracker_factory, "definition/bpo", text, "follow_up", named)
    _, messages = run(ActionAnswerFollowUp(), tracker)
    assert [m.get("response") for m in messages] == ["utter_difference/services"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("and front/back office wise?", "structure"),
        ("what is the back office?", "front_back_office"),
    ],
)
def test_the_front_and_back_office_asked_of_a_difference_is_the_structure(
    tracker_factory, text, expected
):
    entities = [{"entity": "aspect", "value": "front_back_office"}]
    tracker = _after_knowledge_answer(
        tracker_factory, "difference/overview", text, "follow_up", entities
    )
    assert main_aspect(tracker, "difference/overview") == expected


def test_when_one_makes_sense_is_how_to_choose(tracker_factory):
    tracker = _after_knowledge_answer(
        tracker_factory, "definition/call_center", "so when does it make sense", "follow_up", []
    )
    assert main_aspect(tracker, "definition/call_center") == "choosing"
