"""Actions that give the recommendation and explain it."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import parse_budget, parse_company_size, parse_functions
from actions.recommendation import (
    BPO,
    BUDGET_LABELS,
    MODEL_WITH_ARTICLE,
    SIZE_LABELS,
    Recommendation,
    describe_functions,
    recommend,
)

ADVANTAGES_QUESTION = {
    BPO: "What are the advantages of a BPO?",
    "call_center": "What are the advantages of a call center?",
}
START_BUTTON = {"title": "Recommend one for me", "payload": "/request_recommendation"}
MISSING_ANSWERS = (
    "I need three answers before I can recommend anything: your company's size, "
    "the tasks to outsource and your budget. Shall we go through them?"
)
RULE_OF_THUMB = (
    "The rule I follow: customer communication only, for a small or medium company "
    "or on a tight budget, means a call center; any back-office process, or a large "
    "company with complex needs, means a BPO, which can include a call center."
)


def recommendation_from_slots(tracker: Tracker) -> Optional[Recommendation]:
    size = parse_company_size(tracker.get_slot("company_size"))
    functions = parse_functions(tracker.get_slot("outsourced_functions"))
    budget = parse_budget(tracker.get_slot("budget"))
    if size is None or not functions or budget is None:
        return None
    return recommend(size, functions, budget)


def summary_of_answers(tracker: Tracker) -> Text:
    functions = parse_functions(tracker.get_slot("outsourced_functions"))
    return (
        f"{SIZE_LABELS[tracker.get_slot('company_size')]}, "
        f"outsourcing {describe_functions(functions)}, with "
        f"{BUDGET_LABELS[tracker.get_slot('budget')]}"
    )


def bullet_list(lines: List[Text]) -> Text:
    return "\n".join(f"- {line}" for line in lines)


def follow_up_buttons(recommendation: Recommendation, why: bool) -> List[Dict[Text, Any]]:
    other = recommendation.other_model
    buttons = [{"title": "Why this one?", "payload": "/explain_recommendation"}] if why else []
    buttons.append(
        {
            "title": f"Advantages of {MODEL_WITH_ARTICLE[other]}",
            "payload": ADVANTAGES_QUESTION[other],
        }
    )
    buttons.append({"title": "Start over", "payload": "/restart"})
    return buttons


class ActionRecommendModel(Action):
    def name(self) -> Text:
        return "action_recommend_model"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        recommendation = recommendation_from_slots(tracker)
        if recommendation is None:
            dispatcher.utter_message(text=MISSING_ANSWERS, buttons=[START_BUTTON])
            return []
        dispatcher.utter_message(
            text=(
                f"**My recommendation: {recommendation.model_with_article}.**\n\n"
                f"You told me: {summary_of_answers(tracker)}.\n\n"
                f"{bullet_list(recommendation.reasons)}"
            ),
            buttons=follow_up_buttons(recommendation, why=True),
        )
        return [SlotSet("recommended_model", recommendation.model)]


class ActionExplainRecommendation(Action):
    def name(self) -> Text:
        return "action_explain_recommendation"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        recommendation = recommendation_from_slots(tracker)
        if recommendation is None or tracker.get_slot("recommended_model") is None:
            dispatcher.utter_message(
                text="I haven't recommended anything yet. " + MISSING_ANSWERS,
                buttons=[START_BUTTON],
            )
            return []
        dispatcher.utter_message(
            text=(
                f"I suggested {recommendation.model_with_article} because you are "
                f"{summary_of_answers(tracker)}.\n\n"
                f"{bullet_list(recommendation.reasons)}\n\n{RULE_OF_THUMB}"
            ),
            buttons=follow_up_buttons(recommendation, why=False),
        )
        return []
