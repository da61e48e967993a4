"""Help with one's own job application is out of scope; questions on careers are not."""

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.near_domain_guard import NearDomainGuard
from bot.processes import REPO_ROOT

CONFIG = next(
    c
    for c in yaml.safe_load((REPO_ROOT / "config.yml").read_text())["pipeline"]
    if c["name"].endswith("NearDomainGuard")
)


def intent_after(text, key="careers/bpo"):
    message = Message(
        data={
            "text": text,
            "intent": {"name": key.split("/")[0], "confidence": 0.8},
            "intent_ranking": [{"name": key.split("/")[0], "confidence": 0.8}],
            "response_selector": {"default": {"response": {"intent_response_key": key}}},
        }
    )
    (result,) = NearDomainGuard({"markers": CONFIG["markers"]}).process([message])
    return result.get("intent")["name"]


@pytest.mark.parametrize(
    "text",
    [
        "can you look over my cv for a bpo role",
        "tips for my call centre job interview tomorrow",
        "which bpo is hiring right now in cebu",
        "how do i negotiate my salary offer at a call center",
    ],
)
def test_job_application_help_is_out_of_scope(text):
    assert intent_after(text) == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "what career paths does a bpo offer",
        "can you grow into a manager at a call center",
        "what skills do call centre agents need",
    ],
)
def test_questions_on_careers_stay_careers(text):
    assert intent_after(text) == "careers"


def test_other_topics_are_not_guarded():
    assert intent_after(
        "do call centers run phone interviews for surveys", "services/call_center"
    ) == ("services")
