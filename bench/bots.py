"""The two assistants under test, this one and the baseline `rasa init` creates (trained
once, cached), and how they are served, timed and weighed."""

from __future__ import annotations

import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import processes
from bot.rest_client import AssistantClient

LOCAL = "127.0.0.1"
CACHE = processes.REPO_ROOT / ".bench-cache"
BASELINE_DIR = CACHE / "baseline"
# Rasa trains into `.rasa/cache` of its working directory unless told otherwise; the
# benchmark never touches a project's own cache.
RASA_CACHE = CACHE / "rasa-cache"

# A realistic mix for this assistant: small talk, knowledge questions, and a whole
# recommendation form whose turns call the action server (validation, the
# recommendation and its explanation are custom actions).
OURS_CONVERSATIONS = [
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
BASELINE_CONVERSATIONS = [
    ["hello there", "I am feeling sad", "yes", "are you a bot?", "goodbye"],
    ["hi", "I am great", "are you a human?", "bye"],
    ["good morning", "very sad", "no", "am I talking to a bot?", "see you later"],
]
# SQLite tracker store from an environment variable, as this assistant's endpoints.yml.
BASELINE_ENDPOINTS = "tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: ${TRACKER_DB}\n"


def env(tracker_db: Path, action_port: int = 0, cache: Path = RASA_CACHE) -> dict[str, str]:
    return processes.assistant_env(action_port, tracker_db, RASA_CACHE_DIRECTORY=str(cache))


@dataclass
class Bot:
    """One assistant under test: "ours" (served by bot.server, with its action server)
    or "baseline" (`rasa run` of a rasa init project, or another copy of ours)."""

    name: str
    project: Path
    model: Path
    conversations: list[list[str]]
    endpoints: Path
    ours: bool = True

    @property
    def parse_texts(self) -> list[str]:
        return [text for script in self.conversations for text in script]

    def command(self, port: int, token: str) -> list[str]:
        where = [
            "--model",
            str(self.model),
            "--port",
            str(port),
            "--endpoints",
            str(self.endpoints),
        ]
        if self.ours:  # the token comes from RASA_AUTH_TOKEN
            return processes.python_command(
                "-m", "bot.server", "--host", LOCAL, *where, "--enable-api"
            )
        credentials = str(self.endpoints.with_name("baseline-credentials.yml"))
        where += ["--credentials", credentials, "--auth-token", token]
        return processes.rasa_command("run", "--interface", LOCAL, *where, "--enable-api")


def ours(project: Path, model: Path, name: str = "ours") -> Bot:
    """This assistant (or a copy of it: `name="baseline"` compares two versions)."""
    return Bot(name, project, model, OURS_CONVERSATIONS, project / "endpoints.yml")


def baseline(
    directory: Path = BASELINE_DIR, create: bool = True, log: Path | None = None
) -> Bot | None:
    """The cached baseline, created (`rasa init`, which trains it) when absent and
    `create`; None when absent otherwise."""
    if baseline_model(directory) is None and create:
        directory.mkdir(parents=True, exist_ok=True)
        command = processes.rasa_command("init", "--no-prompt", "--init-dir", str(directory))
        with open(log or CACHE / "baseline-init.log", "ab") as output:
            subprocess.run(
                command,
                env=env(directory / "init.db", cache=directory / ".rasa" / "cache"),
                stdout=output,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=3600,
            )
    model = baseline_model(directory)
    if model is None:
        return None
    endpoints = directory.parent / "baseline-endpoints.yml"
    endpoints.write_text(BASELINE_ENDPOINTS)
    endpoints.with_name("baseline-credentials.yml").write_text("rest:\n")
    return Bot("baseline", directory, model, BASELINE_CONVERSATIONS, endpoints, ours=False)


def baseline_model(directory: Path = BASELINE_DIR) -> Path | None:
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


@dataclass
class Served:
    """A bot running on a port (and its action server, if it has one)."""

    bot: Bot
    client: AssistantClient
    process: subprocess.Popen
    action_process: subprocess.Popen | None = None

    def send(self, sender: str, text: str) -> tuple[int, Any, float]:
        """(status, body, seconds) of one message; status 0 when there was no answer."""
        return timed(self.client.post, sender, text)

    def parse(self, text: str) -> tuple[int, Any, float]:
        return timed(self.client.parse, text)

    def read(self, text: str) -> Any:
        """NLU's reading of `text` (/model/parse)."""
        return self.parse(text)[1]

    def memory(self) -> dict[str, Any]:
        found = {"rasa": tree_memory_mb(self.process.pid)}
        if self.action_process is not None:
            found["actions"] = tree_memory_mb(self.action_process.pid)
        return found


def timed(call, *args: str) -> tuple[int, Any, float]:
    started = time.perf_counter()
    try:
        status, body = call(*args)
    except (OSError, ValueError) as error:
        status, body = 0, str(error)
    return status, body, time.perf_counter() - started


def start(
    bot: Bot, tracker_db: Path, log: Path, action_port: int = 0, timeout: float = 600
) -> tuple[Served, float, float]:
    """Start the Rasa server; return it, the seconds from process start until the first
    message was answered, and that first message's latency.

    Readiness is polled by sending a real message every 50 ms (a refused connection
    fails at once; Sanic listens only after the model is loaded and warmed up)."""
    tracker_db.unlink(missing_ok=True)
    token, port = uuid.uuid4().hex, processes.free_port()
    started = time.monotonic()
    process = processes.start(
        bot.command(port, token), env(tracker_db, action_port) | {"RASA_AUTH_TOKEN": token}, log
    )
    served = Served(bot, AssistantClient(f"http://{LOCAL}:{port}", 120, token), process)
    while time.monotonic() < started + timeout and process.poll() is None:
        status, body, latency = served.send(str(uuid.uuid4()), "hi")
        if status == 200 and body:
            return served, time.monotonic() - started, latency
        time.sleep(0.05)
    processes.stop(process)
    raise RuntimeError(f"{bot.name} did not answer (exit code {process.returncode}); see {log}")


def tree_memory_mb(pid: int) -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a process and its children,
    summed (so the peak is an upper bound when children peak at different times)."""
    pids, todo, kb = [], [pid], {"VmHWM": 0, "VmRSS": 0}
    while todo:
        pids.append(todo.pop())
        try:
            for children in Path(f"/proc/{pids[-1]}/task").glob("*/children"):
                todo += [int(child) for child in children.read_text().split()]
            for line in Path(f"/proc/{pids[-1]}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in kb:
                    kb[key] += int(value.split()[0])
        except OSError:  # it has just ended
            continue
    return {"peak_rss_mb": kb["VmHWM"] / 1024, "rss_mb": kb["VmRSS"] / 1024, "processes": len(pids)}
