"""The figures that need no server: cross-validation and training times."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.servers import base_env

# What a training run needs from a project (ours also needs its assembled spaCy pipeline).
TRAINING_INPUTS = ("config.yml", "domain.yml", "domain", "data", "build")


def rasa(
    args: list[str], cwd: Path, log: Path, env: dict[str, str], timeout: float = 7200
) -> subprocess.CompletedProcess:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as output:
        return subprocess.run(
            [sys.executable, "-m", "rasa", *args],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=timeout,
        )


# --------------------------------------------------------------------------- cross-validation


def cross_validation(project: Path, out: Path, log: Path, folds: int = 5) -> dict[str, Any]:
    """`rasa test nlu --cross-validation`: intent macro-F1 and response-selector accuracy
    over the `<intent>/<topic>` keys, from the reports over the test folds."""
    if out.exists():
        shutil.rmtree(out)
    started = time.monotonic()
    result = rasa(
        [
            "test",
            "nlu",
            "--cross-validation",
            "--folds",
            str(folds),
            "--config",
            "config.yml",
            "--nlu",
            "data",
            "--domain",
            "domain.yml",
            "--out",
            str(out),
            "--no-plot",
        ],
        project,
        log,
        base_env(RASA_CACHE_DIRECTORY=str(out.parent / f"{out.name}-cache")),
    )
    figures: dict[str, Any] = {
        "seconds": time.monotonic() - started,
        "returncode": result.returncode,
    }
    intent_report = out / "intent_report.json"
    if result.returncode != 0 or not intent_report.exists():
        figures["error"] = f"rasa test nlu failed; see {log}"
        return figures
    intents = json.loads(intent_report.read_text())
    figures["intent_macro_f1"] = intents["macro avg"]["f1-score"]
    figures["intent_accuracy"] = intents.get("accuracy")
    selector_report = out / "response_selection_report.json"
    if selector_report.exists():
        figures["response_selector_accuracy"] = report_accuracy(
            json.loads(selector_report.read_text()), out / "response_selection_errors.json"
        )
        figures["response_selector_macro_f1"] = json.loads(selector_report.read_text())[
            "macro avg"
        ]["f1-score"]
    return figures


def report_accuracy(report: dict[str, Any], errors_file: Path) -> float | None:
    if "accuracy" in report:
        return report["accuracy"]
    total = report.get("weighted avg", {}).get("support")
    if not total:
        return None
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    return 1 - len(errors) / total


# --------------------------------------------------------------------------- training


def custom_packages(project: Path) -> list[str]:
    """Top-level packages of the project that config.yml names (custom components)."""
    config = (project / "config.yml").read_text(encoding="utf-8")
    names = re.findall(r"^\s*-?\s*name:\s*([A-Za-z_][\w]*)\.[\w.]+\s*$", config, re.M)
    return sorted({name for name in names if (project / name).is_dir()})


def copy_training_inputs(project: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in (*TRAINING_INPUTS, *custom_packages(project)):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def responses_file(project: Path) -> Path:
    """Where the first response text lives: data/responses/*.yml, else the domain."""
    folder = project / "data" / "responses"
    if folder.is_dir():
        files = sorted(folder.rglob("*.yml"))
        if files:
            return files[0]
    return project / "domain.yml"


_TEXT = re.compile(r"^(\s*-?\s*text:\s*)(.*)$")


def edit_first_response(path: Path, marker: str) -> str:
    """Change the text of the first response in `path` (and nothing else)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = _TEXT.match(line.rstrip("\n"))
        if not match:
            continue
        prefix, value = match.groups()
        if value[:1] in "|>":  # block scalar: edit its first content line
            body = lines[index + 1]
            indent = len(body) - len(body.lstrip())
            lines[index + 1] = body[:indent] + marker + " " + body[indent:]
        elif value[:1] in "\"'":
            lines[index] = f"{prefix}{value[0]}{marker} {value[1:]}\n"
        else:
            lines[index] = f"{prefix}{marker} {value}\n"
        path.write_text("".join(lines), encoding="utf-8")
        return lines[index].strip() if value[:1] not in "|>" else lines[index + 1].strip()
    raise ValueError(f"no response text found in {path}")


def components(log_text: str) -> dict[str, list[str]]:
    trained = re.findall(r"Starting to train component '([^']+)'", log_text)
    restored = re.findall(r"Restored component '([^']+)' from cache", log_text)
    return {"trained": trained, "restored": restored}


def timed_train(copy: Path, log: Path, name: str) -> dict[str, Any]:
    env = base_env(RASA_CACHE_DIRECTORY=str(copy / ".rasa" / "cache"))
    offset = log.stat().st_size if log.exists() else 0
    started = time.monotonic()
    result = rasa(
        ["train", "--out", str(copy / "models"), "--fixed-model-name", name], copy, log, env
    )
    seconds = time.monotonic() - started
    text = log.read_bytes()[offset:].decode("utf-8", "replace")
    figures: dict[str, Any] = {
        "seconds": seconds,
        "returncode": result.returncode,
        **components(text),
    }
    if result.returncode != 0 or not (copy / "models" / f"{name}.tar.gz").exists():
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
        edited = edit_first_response(responses_file(copy), f"(edit {number})")
        run = timed_train(copy, log, f"retrain{number}")
        run["edited_line"] = edited
        runs.append(run)
        if "error" in run:
            return {"scratch": scratch, "retrains": runs, "error": run["error"]}
    seconds = sorted(run["seconds"] for run in runs)
    return {
        "scratch": scratch,
        "retrains": runs,
        "scratch_seconds": scratch["seconds"],
        "retrain_seconds": seconds[len(seconds) // 2]
        if len(seconds) % 2
        else (seconds[len(seconds) // 2 - 1] + seconds[len(seconds) // 2]) / 2,
        "retrained_components": sorted({c for run in runs for c in run["trained"]}),
    }
