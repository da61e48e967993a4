"""The two assistants: this one, and the baseline `rasa init` creates (trained once, cached)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.servers import Bot, base_env

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE = REPO_ROOT / ".bench-cache"
BASELINE_DIR = CACHE / "baseline"

# A realistic mix for this assistant: small talk, knowledge questions, and a whole
# recommendation form whose turns call the action server (validation, the
# recommendation and its explanation are custom actions).
OURS_CONVERSATIONS: list[list[str]] = [
    [
        "hi",
        "what is a bpo?",
        "what is the difference between a bpo and a call center?",
        "which one would you recommend for my company?",
        "we're about 20 people",
        "mostly customer support and some sales",
        "money is tight",
        "why that one?",
        "thanks",
        "bye",
    ],
    [
        "hello there",
        "what is a call center?",
        "I'd like a recommendation for my company",
        "around 300 employees",
        "payroll and bookkeeping",
        "our budget is flexible",
        "what are the benefits of outsourcing?",
        "are you a bot?",
        "thank you",
        "goodbye",
    ],
    [
        "good morning",
        "what services does a BPO offer?",
        "recommend one for me",
        "we have 80 employees",
        "wait, what is a call center exactly?",
        "customer support",
        "moderate",
        "what careers are there in a call center?",
        "thanks a lot",
        "see you",
    ],
]

# The baseline's own phrases (greet, moods, affirm/deny, bot challenge, goodbye).
BASELINE_CONVERSATIONS: list[list[str]] = [
    ["hello there", "I am feeling sad", "yes", "are you a bot?", "goodbye"],
    ["hi", "I am great", "are you a human?", "bye"],
    ["good morning", "very sad", "no", "am I talking to a bot?", "see you later"],
]

BASELINE_ENDPOINTS = """\
# SQLite tracker store from an environment variable, as this assistant's endpoints.yml.
tracker_store:
  type: SQL
  dialect: sqlite
  db: ${TRACKER_DB}
"""
BASELINE_CREDENTIALS = "rest:\n"


def parse_texts(conversations: list[list[str]]) -> list[str]:
    return [text for script in conversations for text in script]


def ours(
    project: Path, model: Path, extra_env: dict[str, str] | None = None, name: str = "ours"
) -> Bot:
    """This assistant (or a copy of it: `name="baseline"` compares two versions)."""
    return Bot(
        name=name,
        project=project,
        model=model,
        conversations=OURS_CONVERSATIONS,
        parse_texts=parse_texts(OURS_CONVERSATIONS),
        endpoints=project / "endpoints.yml",
        with_action_server=True,
        extra_env=dict(extra_env or {}),
        kind="assistant",
    )


def baseline_model(directory: Path = BASELINE_DIR) -> Path | None:
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def create_baseline(directory: Path, log: Path) -> Path:
    """`rasa init --no-prompt` into the cache folder; it trains the model too."""
    directory.mkdir(parents=True, exist_ok=True)
    log.parent.mkdir(parents=True, exist_ok=True)
    env = base_env(RASA_CACHE_DIRECTORY=str(directory / ".rasa" / "cache"))
    with open(log, "ab") as output:
        subprocess.run(
            [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(directory)],
            cwd=REPO_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=3600,
        )
    model = baseline_model(directory)
    if model is None:
        raise RuntimeError(f"rasa init trained no model; see {log}")
    return model


def baseline(
    directory: Path = BASELINE_DIR, create: bool = True, log: Path | None = None
) -> Bot | None:
    """The cached baseline, created when absent (unless create is False)."""
    model = baseline_model(directory)
    if model is None:
        if not create:
            return None
        model = create_baseline(directory, log or CACHE / "baseline-init.log")
    endpoints = directory.parent / "baseline-endpoints.yml"
    credentials = directory.parent / "baseline-credentials.yml"
    endpoints.write_text(BASELINE_ENDPOINTS)
    credentials.write_text(BASELINE_CREDENTIALS)
    return Bot(
        name="baseline",
        project=directory,
        model=model,
        conversations=BASELINE_CONVERSATIONS,
        parse_texts=parse_texts(BASELINE_CONVERSATIONS),
        endpoints=endpoints,
        credentials=credentials,
    )
