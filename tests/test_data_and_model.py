"""Rasa's own checks: data validation, held-out NLU accuracy, end-to-end test stories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
def nlu_results(trained_model, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nlu_results")
    result = run_rasa(
        "test", "nlu", "--model", str(trained_model), "--nlu", "tests/nlu", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def label_accuracy(nlu_results: Path) -> tuple[float, int]:
    """Share of held-out examples whose full label is right: the intent, and for
    retrieval intents also the `<intent>/<topic>` key."""
    intent_errors = json.loads((nlu_results / "intent_errors.json").read_text())
    response_errors_file = nlu_results / "response_selection_errors.json"
    response_errors = (
        json.loads(response_errors_file.read_text()) if response_errors_file.exists() else []
    )
    wrong = {e["text"] for e in intent_errors} | {e["text"] for e in response_errors}
    report = json.loads((nlu_results / "intent_report.json").read_text())
    total = int(report["weighted avg"]["support"])
    return 1 - len(wrong) / total, total


def test_held_out_nlu_accuracy_is_at_least_90_percent(nlu_results):
    accuracy, total = label_accuracy(nlu_results)
    intent_report = json.loads((nlu_results / "intent_report.json").read_text())
    selector_report = json.loads((nlu_results / "response_selection_report.json").read_text())
    print(
        f"\nheld-out NLU: {total} examples, label accuracy {accuracy:.3f}, "
        f"intent accuracy {intent_report['accuracy']:.3f}, "
        f"response-key accuracy {selector_report['accuracy']:.3f}"
    )
    assert accuracy >= MIN_HELD_OUT_ACCURACY


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
