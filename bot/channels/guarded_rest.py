"""The REST channel the web widget and API clients use, with its input checked first.

Same URL and replies as Rasa's RestInput (`POST /webhooks/rest/webhook`), but:
malformed bodies and sender ids get a 400 with a JSON error; empty and
oversized messages get a polite reply without reaching NLU; typed `/intent`
commands pass only when a button of the assistant could have sent them; a turn
that produced no reply (an action server down, say) still gets one; a turn that
is not known to be stored is answered "not saved"; a retry with the `message_id`
of a stored turn gets that turn's replies again instead of a second turn.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import message_policy as policy

logger = logging.getLogger(__name__)

# Payloads that the custom actions put on buttons (the domain's buttons are read at run time).
ACTION_BUTTON_INTENTS = ("request_recommendation", "explain_recommendation", "restart")
REPLY_TIMEOUT_SECONDS = 20.0


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self) -> None:
        self._commands: Optional[policy.CommandPolicy] = None
        # (sender, message id) -> the replies of a turn still running: a retry sent
        # before the first attempt finished (a reload mid-reply) waits for them
        self._in_flight: Dict[Tuple[Text, Text], asyncio.Future] = {}

    def command_policy(self, request: Request) -> policy.CommandPolicy:
        if self._commands is None:
            domain = request.app.ctx.agent.domain
            payloads = [
                button.get("payload", "")
                for variations in domain.responses.values()
                for variation in variations
                for button in variation.get("buttons", [])
            ]
            # entity values: those the buttons send, and every categorical slot's values
            values: Dict[str, Any] = policy.entity_values_in(payloads)
            for slot in domain.slots:
                if getattr(slot, "values", None):
                    known = [v for v in slot.values if v != "__other__"]
                    values[slot.name] = [*values.get(slot.name, []), *known]
            self._commands = policy.commands_from_domain(payloads, ACTION_BUTTON_INTENTS, values)
        return self._commands

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("guarded_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = policy.request_body(request.body)
                sender_id = policy.sender_id_from(body)
                text = policy.message_text(body)
                message_id = policy.message_id_from(body)
            except policy.InvalidRequest as error:
                return response.json({"error": str(error)}, status=400)

            if not message_id:
                return response.json(
                    await self._reply(request, on_new_message, text, sender_id, None)
                )
            key = (sender_id, message_id)
            running = self._in_flight.get(key)
            if running is not None:  # sent again while the first is still being answered
                return response.json(await asyncio.shield(running))
            # claimed before the first await, so that a copy arriving meanwhile waits
            replies = self._in_flight[key] = asyncio.get_running_loop().create_future()
            try:
                # a retry of a stored turn gets its stored replies, not a new turn
                stored = await stored_replies(request.app.ctx.agent, sender_id, message_id)
                messages = stored
                if stored is None:
                    messages = await self._reply(
                        request, on_new_message, text, sender_id, message_id
                    )
                replies.set_result(messages)
                return response.json(messages)
            finally:
                if not replies.done():  # cancelled: whoever waits is told it is not saved
                    replies.set_result(
                        [{"recipient_id": sender_id, "text": policy.NOT_SAVED_REPLY}]
                    )
                del self._in_flight[key]

        return webhook

    async def _reply(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[None]],
        text: Text,
        sender_id: Text,
        message_id: Optional[Text],
    ) -> List[Dict[Text, Any]]:
        """The replies the visitor gets for one message."""
        canned_reply = policy.reply_for_unprocessable(text)
        if canned_reply is not None:
            return [{"recipient_id": sender_id, "text": canned_reply}]

        text = policy.as_user_text(text, self.command_policy(request))
        messages, completed = await self._handle(on_new_message, text, sender_id, message_id)
        if not completed:
            # the turn is not known to be stored: the bot's replies are not shown
            await record_bot_reply(
                request.app.ctx.agent, sender_id, policy.NOT_SAVED_REPLY, user_text=text
            )
            messages = [{"recipient_id": sender_id, "text": policy.NOT_SAVED_REPLY}]
        elif not messages:
            await record_bot_reply(request.app.ctx.agent, sender_id, policy.UNAVAILABLE_REPLY)
            messages = [{"recipient_id": sender_id, "text": policy.UNAVAILABLE_REPLY}]
        return messages

    async def _handle(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[None]],
        text: Text,
        sender_id: Text,
        message_id: Optional[Text] = None,
    ) -> Tuple[List[Dict[Text, Any]], bool]:
        """The replies, and whether Rasa finished (and so stored) the turn."""
        collector = CollectingOutputChannel()
        message = UserMessage(
            text, collector, sender_id, input_channel=self.name(), message_id=message_id
        )
        try:
            await asyncio.wait_for(on_new_message(message), REPLY_TIMEOUT_SECONDS)
            return collector.messages, True
        except asyncio.TimeoutError:
            logger.error("Reply to %s timed out", sender_id)
        except Exception:  # never let one conversation's failure become a 500
            logger.exception("Failed to handle a message from %s", sender_id)
        return collector.messages, False


async def stored_replies(
    agent: Agent, sender_id: Text, message_id: Text
) -> Optional[List[Dict[Text, Any]]]:
    """The replies stored after the user message with this id, in the REST format;
    None when no such message is stored (or the store cannot say)."""
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception:
        logger.exception("Could not look up message %s of %s", message_id, sender_id)
        return None
    if tracker is None:
        return None
    replies: Optional[List[Dict[Text, Any]]] = None
    for event in tracker.events:
        if isinstance(event, UserUttered):
            if replies is not None:
                break
            if event.message_id == message_id:
                replies = []
        elif isinstance(event, BotUttered) and replies is not None:
            reply: Dict[Text, Any] = {"recipient_id": sender_id}
            if event.text:
                reply["text"] = event.text
            if event.data.get("buttons"):
                reply["buttons"] = event.data["buttons"]
            replies.append(reply)
    return replies


async def record_bot_reply(
    agent: Agent, sender_id: Text, text: Text, user_text: Optional[Text] = None
) -> None:
    """Store a reply the channel gave in place of the bot's, so the log stays complete.

    `user_text`: the user's message, when Rasa failed before it stored the turn.
    """
    try:
        async with agent.lock_store.lock(sender_id):
            tracker = await agent.tracker_store.get_or_create_tracker(sender_id)
            if user_text is not None:
                tracker.update(UserUttered(user_text, input_channel=GuardedRestInput.name()))
            tracker.update(BotUttered(text))
            await agent.tracker_store.save(tracker)
    except Exception:
        logger.exception("Could not store the fallback reply for %s", sender_id)
