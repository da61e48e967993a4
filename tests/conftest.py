"""Shared fixtures: the trained model and the running servers, on free ports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from bench import support
from bot import processes
from bot.rest_client import AssistantClient

MODEL = processes.REPO_ROOT / "models" / "assistant.tar.gz"


@dataclass
class Assistant:
    base_url: str
    embed_port: int
    tracker_db: Path
    action_port: int
    log_dir: Path

    @property
    def client(self) -> AssistantClient:
        return AssistantClient(self.base_url)

    @property
    def webhook(self) -> str:
        return self.client.webhook

    def send(self, sender: str, text: str) -> List[Dict[str, Any]]:
        status, replies = self.client.post(sender, text)
        assert status == 200, replies
        return replies

    def events(self, sender: str) -> List[Tuple[str, Dict[str, Any]]]:
        """(type, event) of the conversation as stored, in order."""
        return support.stored_events(self.tracker_db, sender)


@dataclass
class Conversation:
    assistant: Assistant
    sender: str = field(default_factory=lambda: str(uuid.uuid4()))

    def say(self, text: str) -> str:
        """Send a message; return all reply texts joined, for assertions."""
        replies = self.assistant.send(self.sender, text)
        return "\n".join(r.get("text", "") for r in replies)

    def replies(self, text: str) -> List[Dict[str, Any]]:
        return self.assistant.send(self.sender, text)


@pytest.fixture(scope="session")
def trained_model() -> Path:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    return MODEL


@pytest.fixture(scope="session")
def parse(trained_model):
    """The trained NLU pipeline, in process: text -> parse data."""
    import asyncio
    import logging

    from rasa.core.agent import Agent

    logging.getLogger("rasa").setLevel(logging.WARNING)
    agent = Agent.load(str(trained_model))
    loop = asyncio.new_event_loop()
    yield lambda text: loop.run_until_complete(agent.parse_message(text))
    loop.close()


@pytest.fixture(scope="session")
def assistant(trained_model, tmp_path_factory):
    """The real action server and Rasa server (widget + REST channel) on free ports."""
    work = tmp_path_factory.mktemp("assistant")
    action_port, rasa_port, embed_port = (processes.free_port() for _ in range(3))
    env = processes.assistant_env(
        action_port,
        work / "conversations.db",
        WIDGET_ALLOWED_ORIGINS=f"http://127.0.0.1:{embed_port}",
    )
    with processes.action_server(action_port, env, log=work / "actions.log"):
        with processes.rasa_server(str(trained_model), rasa_port, env, log=work / "rasa.log"):
            yield Assistant(
                base_url=f"http://127.0.0.1:{rasa_port}",
                embed_port=embed_port,
                tracker_db=work / "conversations.db",
                action_port=action_port,
                log_dir=work,
            )


@pytest.fixture
def conversation(assistant) -> Conversation:
    return Conversation(assistant)
