"""The figures measured outside the served bots: cross-validation, training times, and
the terminal chat's start to its prompt (`make chat` against `rasa shell`)."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pexpect
import yaml

from bench.bots import env
from bot import processes

# What a training run needs from a project (ours also needs its assembled spaCy pipeline).
TRAINING_INPUTS = ("config.yml", "domain.yml", "domain", "data", "build")


def rasa(args: list[str], cwd: Path, log: Path, cache: Path) -> int:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as output:
        return subprocess.run(
            processes.rasa_command(*args),
            cwd=cwd,
            env=env(cache.parent / "unused.db", cache=cache),
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=7200,
        ).returncode


def cross_validation(project: Path, out: Path, log: Path, folds: int = 5) -> dict[str, Any]:
    """`rasa test nlu --cross-validation`: intent macro-F1 and response-selector accuracy
    over the `<intent>/<topic>` keys, from the reports over the test folds."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    args = ["test", "nlu", "--cross-validation", "--folds", str(folds), "--config", "config.yml"]
    args += ["--nlu", "data", "--domain", "domain.yml", "--out", str(out), "--no-plot"]
    returncode = rasa(args, project, log, out.parent / f"{out.name}-cache")
    figures: dict[str, Any] = {"seconds": time.monotonic() - started, "returncode": returncode}
    if returncode != 0 or not (out / "intent_report.json").exists():
        return {**figures, "error": f"rasa test nlu failed; see {log}"}
    intents = json.loads((out / "intent_report.json").read_text())
    figures["intent_macro_f1"] = intents["macro avg"]["f1-score"]
    figures["intent_accuracy"] = intents.get("accuracy")
    if (out / "response_selection_report.json").exists():
        selector = json.loads((out / "response_selection_report.json").read_text())
        figures["response_selector_macro_f1"] = selector["macro avg"]["f1-score"]
        figures["response_selector_accuracy"] = selector.get("accuracy")
    return figures


def copy_training_inputs(project: Path, target: Path) -> Path:
    """The training inputs and the packages of config.yml's custom components."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    config = yaml.safe_load((project / "config.yml").read_text(encoding="utf-8"))
    steps = [*(config.get("pipeline") or []), *(config.get("policies") or [])]
    packages = {step["name"].split(".")[0] for step in steps if "." in step["name"]}
    for name in (*TRAINING_INPUTS, *sorted(packages)):
        if (project / name).is_dir():
            shutil.copytree(project / name, target / name)
        elif (project / name).is_file():
            shutil.copy2(project / name, target / name)
    return target


def edit_first_response(project: Path, marker: str) -> str:
    """Put `marker` before the text of the first response (data/responses/*.yml, else
    the domain), and nothing else; returns the new text."""
    path = min((project / "data" / "responses").rglob("*.yml"), default=project / "domain.yml")
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = next(iter(content["responses"].values()))[0]
    first["text"] = f"{marker} {first['text']}"
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    return first["text"]


def timed_train(copy: Path, log: Path, name: str) -> dict[str, Any]:
    offset = log.stat().st_size if log.exists() else 0
    started = time.monotonic()
    args = ["train", "--out", str(copy / "models"), "--fixed-model-name", name]
    returncode = rasa(args, copy, log, copy / ".rasa" / "cache")
    figures: dict[str, Any] = {"seconds": time.monotonic() - started, "returncode": returncode}
    text = log.read_bytes()[offset:].decode("utf-8", "replace")
    figures["trained"] = re.findall(r"Starting to train component '([^']+)'", text)
    figures["restored"] = re.findall(r"Restored component '([^']+)' from cache", text)
    if returncode != 0 or not (copy / "models" / f"{name}.tar.gz").exists():
        figures["error"] = f"rasa train failed; see {log}"
    return figures


def training_times(project: Path, workdir: Path, log: Path, retrains: int = 2) -> dict[str, Any]:
    """Train a fresh copy (own empty cache), then retrain after changing one response's
    text, `retrains` times; the retrain figures are the median and the most components."""
    copy = copy_training_inputs(project, workdir)
    scratch = timed_train(copy, log, "scratch")
    if "error" in scratch:
        return {"scratch": scratch, "error": scratch["error"]}
    runs = []
    for number in range(1, retrains + 1):
        edited = edit_first_response(copy, f"(edit {number})")
        runs.append({**timed_train(copy, log, f"retrain{number}"), "edited_text": edited[:80]})
        if "error" in runs[-1]:
            return {"scratch": scratch, "retrains": runs, "error": runs[-1]["error"]}
    return {
        "scratch": scratch,
        "retrains": runs,
        "scratch_seconds": scratch["seconds"],
        "retrain_seconds": statistics.median(run["seconds"] for run in runs),
        "retrained_count": max(len(run["trained"]) for run in runs),
        "retrained_components": sorted({c for run in runs for c in run["trained"]}),
    }


def seconds_to_prompt(command: list[str], prompt: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = pexpect.spawn(
        command[0],
        command[1:],
        cwd=str(processes.REPO_ROOT),
        env=env,
        encoding="utf-8",
        timeout=240,
        dimensions=(40, 100),
    )
    try:
        child.expect(prompt)
        return time.perf_counter() - started
    finally:
        child.terminate(force=False)
        if child.isalive():
            child.expect(pexpect.EOF, timeout=30)
        child.close(force=True)


def chat_start(model: Path, rounds: int = 2) -> dict[str, float]:
    """Median seconds to the prompt, in a pseudo-terminal: `make chat`'s launcher (action
    server, the assistant's server and bot/terminal.py) and `rasa shell`, same model."""
    with tempfile.TemporaryDirectory() as work:
        env = processes.assistant_env(processes.free_port(), Path(work) / "conversations.db")
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        ours = processes.python_command("-m", "bot.launch", "chat", "--model", str(model), "--new")
        shell = processes.rasa_command("shell", "--model", str(model), "--endpoints")
        shell += ["endpoints.yml", "--port", str(processes.free_port())]
        prompts = {
            "make_chat_s": (ours, r"You(\x1b\[[0-9;]*m)* >"),
            "rasa_shell_s": (shell, "Your input ->"),
        }
        return {
            name: statistics.median(seconds_to_prompt(command, prompt, env) for _ in range(rounds))
            for name, (command, prompt) in prompts.items()
        }
