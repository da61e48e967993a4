"""The figures that need no server: cross-validation and training times."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

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
        errors = out / "response_selection_errors.json"
        figures["response_selector_macro_f1"] = selector["macro avg"]["f1-score"]
        figures["response_selector_accuracy"] = (
            selector.get("accuracy")
            or 1
            - len(json.loads(errors.read_text()) if errors.exists() else [])
            / selector["weighted avg"]["support"]
        )
    return figures


def copy_training_inputs(project: Path, target: Path) -> Path:
    """The training inputs and the packages of config.yml's custom components."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    config = yaml.safe_load((project / "config.yml").read_text(encoding="utf-8"))
    steps = [*(config.get("pipeline") or []), *(config.get("policies") or [])]
    packages = {step["name"].split(".")[0] for step in steps if "." in step["name"]}
    for name in (*TRAINING_INPUTS, *sorted(packages)):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
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
    text, `retrains` times; the retrain figure is the median."""
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
        "retrained_components": sorted({c for run in runs for c in run["trained"]}),
    }
