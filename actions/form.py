"""The recommendation form: validating answers and resetting them for a new round."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import parse_budget, parse_company_size, parse_functions

FORM_SLOTS = ("company_size", "outsourced_functions", "budget")

ASK_SIZE_AGAIN = (
    "Sorry, I didn't catch how big your company is. Please give a number of "
    'people, for example "about 30 people", or say "a startup" or "an enterprise".'
)
ASK_FUNCTIONS_AGAIN = (
    "Sorry, I didn't recognise the tasks. I know customer support, sales, surveys, "
    "debt collection, order taking, accounting, payroll, HR, IT support, logistics, "
    'analytics and administration. For example: "customer support and sales".'
)
ASK_BUDGET_AGAIN = (
    "Sorry, I didn't get your budget. Is it tight, moderate or flexible? "
    'For example: "money is tight" or "our budget is flexible".'
)


class ValidateRecommendationForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_recommendation_form"

    def validate_company_size(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        size = parse_company_size(slot_value)
        if size is None:
            dispatcher.utter_message(text=ASK_SIZE_AGAIN)
        return {"company_size": size}

    def validate_outsourced_functions(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        functions = parse_functions(slot_value)
        if not functions:
            dispatcher.utter_message(text=ASK_FUNCTIONS_AGAIN)
        return {"outsourced_functions": functions or None}

    def validate_budget(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        budget = parse_budget(slot_value)
        if budget is None:
            dispatcher.utter_message(text=ASK_BUDGET_AGAIN)
        return {"budget": budget}


def slots_set_this_turn(tracker: Tracker) -> List[Text]:
    """Names of the slots set since the user's latest message."""
    names: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot":
            names.append(event.get("name"))
    return names


class ActionResetRecommendation(Action):
    """Forget earlier answers before a new recommendation, keeping this turn's."""

    def name(self) -> Text:
        return "action_reset_recommendation"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        just_given = slots_set_this_turn(tracker)
        return [
            SlotSet(slot, None)
            for slot in (*FORM_SLOTS, "recommended_model")
            if slot not in just_given and tracker.get_slot(slot) is not None
        ]
