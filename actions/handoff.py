"""A visitor who wants a person gets the company's contact path, never a dead end."""

from __future__ import annotations

import os
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

CONTACT_VARIABLE = "HUMAN_CONTACT"  # an e-mail address or a URL, set by the site owner


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        contact = os.environ.get(CONTACT_VARIABLE, "").strip()
        if contact:
            dispatcher.utter_message(response="utter_human_contact", contact=contact)
        else:
            dispatcher.utter_message(response="utter_no_human_contact")
        return []
