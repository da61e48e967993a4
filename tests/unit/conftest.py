"""A tracker built from a dict, as rasa-sdk receives it from the Rasa server, and a
message as NLU's classifiers leave it for the components after them."""

from typing import Any, Dict, Iterable, List, Optional

import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker


def make_tracker(
    slots: Optional[Dict[str, Any]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
    text: str = "",
    intent: str = "inform",
    active_loop: Optional[str] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    parse: Optional[Dict[str, Any]] = None,
) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "test-user",
            "slots": {
                "company_size": None,
                "outsourced_functions": None,
                "budget": None,
                "recommended_model": None,
                "recommended_for": None,
                "unclear_answers": 0,
                "choosing_functions": False,
                "function_picks": None,
                "requested_slot": None,
                **(slots or {}),
            },
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 0.99},
                "entities": entities or [],
                **(parse or {}),
            },
            "events": events or [],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": active_loop} if active_loop else {},
            "latest_action_name": "action_listen",
        }
    )


@pytest.fixture
def tracker_factory():
    return make_tracker


def parsed_message(
    text: str,
    intent: str,
    confidence: float = 0.8,
    entities: Iterable[Dict[str, Any]] = (),
    topic: str = "",
    ranking: Optional[List[Dict[str, Any]]] = None,
) -> Message:
    """A message as the classifiers leave it for the NLU components after them."""
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
            "entities": list(entities),
            "response_selector": {
                "default": {
                    "response": {"intent_response_key": topic, "utter_action": f"utter_{topic}"}
                }
            },
        }
    )
