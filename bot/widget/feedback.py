"""Thumbs up / down from the widget, stored in the conversation as a Rasa event.

    POST /webhooks/rest/feedback
    {"sender": "<uuid>", "rating": "up" | "down", "text": "<the rated bot message>"}

appends `SlotSet("feedback", {"rating": ..., "text": ...})` to that conversation's tracker,
under the conversation lock, through the agent's tracker store (the format the review
report reads). 200 {"status": "ok"}; 400 for a bad body; 404 for an unknown conversation.

The `feedback` slot (domain.yml: type any, influence_conversation false) is set again by
every `action_session_start` that carries slots over: bot/review.py counts only the events
that no `action_session_start` produced.
"""

from __future__ import annotations

import logging
from typing import Any, Dict

from rasa.shared.core.events import SlotSet
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import message_policy as policy

logger = logging.getLogger(__name__)

FEEDBACK_SLOT = "feedback"
RATINGS = ("up", "down")
MAX_RATED_TEXT_CHARS = 5000


def feedback_from(body: Dict[str, Any]) -> Dict[str, str]:
    """The slot's value, or InvalidRequest."""
    rating, text = body.get("rating"), body.get("text")
    if rating not in RATINGS:
        raise policy.InvalidRequest("'rating' must be 'up' or 'down'.")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_RATED_TEXT_CHARS:
        raise policy.InvalidRequest(
            f"'text' must be the rated message's text, 1 to {MAX_RATED_TEXT_CHARS} characters."
        )
    return {"rating": rating, "text": text}


async def record_feedback(agent: Any, sender_id: str, value: Dict[str, str]) -> bool:
    """Appends the event; False when there is no such conversation."""
    async with agent.lock_store.lock(sender_id):
        tracker = await agent.tracker_store.retrieve(sender_id)
        if tracker is None or not tracker.events:
            return False
        tracker.update(SlotSet(FEEDBACK_SLOT, value))
        await agent.tracker_store.save(tracker)
    return True


async def receive_feedback(request: Request) -> HTTPResponse:
    try:
        body = policy.request_body(request.body)
        sender_id = policy.sender_id_from(body)
        value = feedback_from(body)
    except policy.InvalidRequest as error:
        return response.json({"error": str(error)}, status=400)
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return response.json({"error": "The assistant is starting."}, status=503)
    try:
        found = await record_feedback(agent, sender_id, value)
    except Exception:  # the reason is for the operator, not a visitor
        logger.exception("Could not store feedback of %s", sender_id)
        return response.json({"error": "The feedback could not be saved."}, status=503)
    if not found:
        return response.json({"error": "No such conversation."}, status=404)
    return response.json({"status": "ok"})
