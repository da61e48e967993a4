"""Rasa's own checks: data validation, held-out NLU accuracy, end-to-end test stories."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from bench import support
from bot.processes import REPO_ROOT

MIN_HELD_OUT_ACCURACY = 0.90
RASA = [sys.executable, "-m", "rasa"]


def run_rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false"}
    return subprocess.run(
        [*RASA, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_rasa_data_validate_finds_no_errors():
    result = run_rasa("data", "validate")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def held_out(trained_model) -> dict:
    """The model's reading of every held-out example (tests/nlu), as /model/parse gives
    it, scored as the benchmark scores it."""
    from rasa.core.agent import Agent

    agent, loop = Agent.load(str(trained_model)), asyncio.new_event_loop()

    def parse(text: str) -> dict:
        return loop.run_until_complete(agent.parse_message(text))

    try:
        return support.held_out_accuracy(parse, support.nlu_examples(REPO_ROOT / "tests" / "nlu"))
    finally:
        loop.close()


def test_held_out_nlu_accuracy_is_at_least_90_percent(held_out):
    print(
        f"\nheld-out NLU: {held_out['n']} examples, label accuracy {held_out['accuracy']:.3f}, "
        f"intent accuracy {held_out['intent_accuracy']:.3f}"
    )
    assert held_out["accuracy"] >= MIN_HELD_OUT_ACCURACY, held_out["wrong"]


def test_end_to_end_test_stories_pass(trained_model, tmp_path):
    result = run_rasa(
        "test",
        "core",
        "--model",
        str(trained_model),
        "--stories",
        "tests/test_stories.yml",
        "--e2e",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-4000:]
    assert result.returncode == 0, details


@pytest.mark.parametrize(
    "text, subject",
    [
        ("and the ones on headsets talking to our clients", "call_center"),
        ("those places with rows of people, what are they", "call_center"),
        ("what about the phone kind?", "call_center"),
        ("and the back office kind of outsourcing company?", "bpo"),
        # dictated
        ("people keep saying bee pee oh at work, what is it", "bpo"),
        ("my uncle asked me what a cold centre is", "call_center"),
    ],
)
def test_the_two_named_in_everyday_or_dictated_words(parse, text, subject):
    named = {e["value"] for e in parse(text)["entities"] if e["entity"] == "subject"}
    assert named == {subject}
