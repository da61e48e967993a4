"""Actions around the recommendation: starting a round, giving the recommendation,
explaining it, and taking an answer the visitor volunteers outside the form
(a correction after the recommendation, or facts that start one)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import (
    FORM_SLOTS,
    entity_values,
    is_bare_number,
    merged_functions,
    parse_budget,
    parse_company_size,
    parse_functions,
    removed_functions,
    slots_set_this_turn,
    value_before_this_turn,
)
from actions.decision import (
    BPO,
    BUDGET_LABELS,
    CALL_CENTER,
    CHOICE_WITH_ARTICLE,
    SIZE_LABELS,
    Recommendation,
    describe_functions,
    recommend,
    what_would_change,
)
from actions.validation import describe_answer

ADVANTAGES_QUESTION = {
    BPO: "What are the advantages of a BPO?",
    CALL_CENTER: "What are the advantages of a call center?",
}
START_BUTTON = {"title": "Recommend one for me", "payload": "/request_recommendation"}
RECOMMENDATION_STATE = (*FORM_SLOTS, "recommended_model", "recommended_for")
ROUND_STATE = ("unclear_answers", "choosing_functions", "function_picks")


def answers_from_slots(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    answers = {
        "company_size": parse_company_size(tracker.get_slot("company_size")),
        "outsourced_functions": parse_functions(tracker.get_slot("outsourced_functions")),
        "budget": parse_budget(tracker.get_slot("budget")),
    }
    return answers if all(answers.values()) else None


def decide(answers: Dict[Text, Any]) -> Recommendation:
    return recommend(answers["company_size"], answers["outsourced_functions"], answers["budget"])


def summary_of_answers(answers: Dict[Text, Any]) -> Text:
    return (
        f"{SIZE_LABELS[answers['company_size']]}, outsourcing "
        f"{describe_functions(answers['outsourced_functions'])}, with "
        f"{BUDGET_LABELS[answers['budget']]}"
    )


def bullet_list(lines: List[Text]) -> Text:
    return "\n".join(f"- {line}" for line in lines)


def follow_up_buttons(recommendation: Recommendation, why: bool) -> List[Dict[Text, Any]]:
    other = recommendation.other
    buttons = [{"title": "Why this one?", "payload": "/explain_recommendation"}] if why else []
    buttons.append(
        {"title": f"Advantages of {CHOICE_WITH_ARTICLE[other]}", "payload": ADVANTAGES_QUESTION[other]}
    )
    buttons.append({"title": "Start over", "payload": "/restart"})
    return buttons


def changes_since(before: Optional[Dict[Text, Any]], now: Dict[Text, Any]) -> List[Text]:
    if not before:
        return []
    return [
        describe_answer(slot, now[slot])
        for slot in FORM_SLOTS
        if before.get(slot) != now[slot]
    ]


def recommendation_text(
    answers: Dict[Text, Any], before: Optional[Dict[Text, Any]], previous_choice: Optional[Text]
) -> Text:
    recommendation = decide(answers)
    changed = changes_since(before, answers)
    opening = ""
    if changed:
        verdict = (
            "That changes my recommendation."
            if previous_choice and previous_choice != recommendation.choice
            else "My recommendation stays the same."
        )
        opening = f"Updated: {', '.join(changed)}. {verdict}\n\n"
    return (
        f"{opening}**My recommendation: {recommendation.with_article}.**\n\n"
        f"You told me: {summary_of_answers(answers)}.\n\n"
        f"{bullet_list(recommendation.reasons)}"
    )


def recommendation_events(
    dispatcher: CollectingDispatcher, tracker: Tracker, answers: Dict[Text, Any]
) -> List[EventType]:
    before = tracker.get_slot("recommended_for")
    previous = tracker.get_slot("recommended_model")
    recommendation = decide(answers)
    dispatcher.utter_message(
        text=recommendation_text(answers, before, previous),
        buttons=follow_up_buttons(recommendation, why=True),
    )
    return [
        SlotSet("recommended_model", recommendation.choice),
        SlotSet("recommended_for", answers),
    ]


class ActionRecommendModel(Action):
    def name(self) -> Text:
        return "action_recommend_model"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        answers = answers_from_slots(tracker)
        if answers is None:
            dispatcher.utter_message(response="utter_missing_answers", buttons=[START_BUTTON])
            return []
        return recommendation_events(dispatcher, tracker, answers)


class ActionExplainRecommendation(Action):
    """Why this one, in terms of the answers that decided it, and what would change it."""

    def name(self) -> Text:
        return "action_explain_recommendation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        answers = answers_from_slots(tracker)
        if answers is None or tracker.get_slot("recommended_model") is None:
            dispatcher.utter_message(response="utter_nothing_recommended_yet", buttons=[START_BUTTON])
            return []
        recommendation = decide(answers)
        decisive = [describe_answer(slot, answers[slot]) for slot in recommendation.decided_by]
        changes = what_would_change(
            answers["company_size"], answers["outsourced_functions"], answers["budget"]
        )
        text = (
            f"I suggested {recommendation.with_article} because of what you told me: "
            f"{', '.join(decisive)}.\n\n{bullet_list(recommendation.reasons)}"
        )
        if changes:
            text += f"\n\nWhat would change it:\n{bullet_list(changes)}"
        dispatcher.utter_message(text=text, buttons=follow_up_buttons(recommendation, why=False))
        return []


class ActionResetRecommendation(Action):
    """Forget earlier answers before a new round, keeping the ones given this turn."""

    def name(self) -> Text:
        return "action_reset_recommendation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        return reset_events(tracker)


def reset_events(tracker: Tracker) -> List[EventType]:
    just_given = slots_set_this_turn(tracker)
    events: List[EventType] = [
        SlotSet(slot, None)
        for slot in RECOMMENDATION_STATE
        if slot not in just_given and tracker.get_slot(slot) is not None
    ]
    return events + [
        SlotSet("unclear_answers", 0),
        SlotSet("choosing_functions", False),
        SlotSet("function_picks", None),
    ]


class ActionTakeAnswer(Action):
    """An answer to the form's questions given while the form is not asking.

    After a recommendation it is a correction: the answer changes and the
    recommendation is given again, saying what changed. Before one, facts about the
    company start the questions; a bare number or a fragment is not taken as an
    answer at all (out of scope)."""

    def name(self) -> Text:
        return "action_take_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        removed = removed_functions(tracker)
        given = [s for s in entity_values(tracker) if s in slots_set_this_turn(tracker)]
        if removed and tracker.get_slot("recommended_model") is not None:
            given = sorted({*given, "outsourced_functions"})
        undo = [SlotSet(s, value_before_this_turn(tracker, s)) for s in given]
        if not given or is_bare_number(text):
            dispatcher.utter_message(response="utter_out_of_scope")
            return undo
        if tracker.get_slot("recommended_model") is None:
            return reset_events(tracker) + [FollowupAction("recommendation_form")]
        events: List[EventType] = []
        if "outsourced_functions" in given:
            new = (
                parse_functions(tracker.get_slot("outsourced_functions"))
                if "outsourced_functions" in slots_set_this_turn(tracker)
                else []
            )
            before = value_before_this_turn(tracker, "outsourced_functions")
            if "outsourced_functions" not in slots_set_this_turn(tracker):
                before = tracker.get_slot("outsourced_functions")
            functions = merged_functions(new, before, text, removed) or parse_functions(before)
            events.append(SlotSet("outsourced_functions", functions))
            tracker.slots["outsourced_functions"] = functions
        if parse_budget(tracker.get_slot("budget")) not in (None, "tight", "moderate", "flexible"):
            events.append(SlotSet("budget", value_before_this_turn(tracker, "budget")))
            tracker.slots["budget"] = value_before_this_turn(tracker, "budget")
        answers = answers_from_slots(tracker)
        if answers is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return undo
        return events + recommendation_events(dispatcher, tracker, answers)
