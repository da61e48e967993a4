"""'A BPO or a call center?': the question a follow-up gets when its answer depends
on which of the two, with nothing said before ("what are the advantages"), and the
quick replies that answer it."""

from __future__ import annotations

from typing import Dict, List, Optional, Text

from rasa_sdk import Tracker

from actions.answers import bot_turn_before
from actions.decision import BPO, CALL_CENTER

WHICH_SIDE = "utter_ask_which_side"

# the question each answer about one of the two answers, by aspect and side (the quick
# replies send them)
ONE_SIDE_QUESTIONS: Dict[Text, Dict[Text, Text]] = {
    "definition": {BPO: "What is a BPO?", CALL_CENTER: "What is a call center?"},
    "services": {BPO: "What does a BPO do?", CALL_CENTER: "What does a call center do?"},
    "benefits": {
        BPO: "What are the advantages of a BPO?",
        CALL_CENTER: "What are the advantages of a call center?",
    },
    "careers": {
        BPO: "What careers does a BPO offer?",
        CALL_CENTER: "What careers does a call center offer?",
    },
}


def which_side_buttons(aspect: Text) -> List[Dict[Text, Text]]:
    """Quick replies that ask `aspect` of a BPO or of a call center."""
    questions = ONE_SIDE_QUESTIONS[aspect]
    return [
        {"title": title, "payload": questions[side]}
        for side, title in ((BPO, "A BPO"), (CALL_CENTER, "A call center"))
    ]


def aspect_of_which_side(tracker: Tracker) -> Optional[Text]:
    """The aspect the bot's turn just before asked a side for, read from its quick
    replies."""
    for event in bot_turn_before(tracker):
        if (event.get("metadata") or {}).get("utter_action") != WHICH_SIDE:
            continue
        payloads = {b.get("payload") for b in (event.get("data") or {}).get("buttons") or []}
        return next(
            (a for a, asked in ONE_SIDE_QUESTIONS.items() if payloads & set(asked.values())),
            None,
        )
    return None
