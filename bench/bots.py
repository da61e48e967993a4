"""The two assistants under test, this one and the baseline `rasa init` creates (trained
once, cached): how they are served, loaded (one user, many at once, /model/parse),
timed and weighed."""

from __future__ import annotations

import statistics
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from itertools import count as count_from
from pathlib import Path
from typing import Any

import yaml

from bench import support
from bot import processes
from bot.rest_client import AssistantClient

LOCAL = "127.0.0.1"
CACHE = processes.REPO_ROOT / ".bench-cache"
BASELINE_DIR = CACHE / "baseline"
# Rasa trains into `.rasa/cache` of its working directory unless told otherwise; the
# benchmark never touches a project's own cache.
RASA_CACHE = CACHE / "rasa-cache"
CONVERSATIONS = yaml.safe_load(Path(__file__).with_name("conversations.yml").read_text())
# SQLite tracker store from an environment variable, as this assistant's endpoints.yml.
BASELINE_ENDPOINTS = "tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: ${TRACKER_DB}\n"


def env(tracker_db: Path, action_port: int = 0, cache: Path = RASA_CACHE) -> dict[str, str]:
    return processes.assistant_env(action_port, tracker_db, RASA_CACHE_DIRECTORY=str(cache))


@dataclass
class Bot:
    """One assistant under test: "ours" (bot.server, with its action server) or
    "baseline" (`rasa run` of the rasa init project)."""

    name: str
    project: Path
    model: Path
    endpoints: Path

    @property
    def ours(self) -> bool:
        return self.name == "ours"

    @property
    def conversations(self) -> list[list[str]]:
        return CONVERSATIONS[self.name]

    def command(self, port: int, token: str) -> list[str]:
        args = ["--model", str(self.model), "--port", str(port), "--endpoints", str(self.endpoints)]
        if self.ours:  # the token comes from RASA_AUTH_TOKEN
            return processes.python_command(
                "-m", "bot.server", "--host", LOCAL, *args, "--enable-api"
            )
        args += ["--credentials", str(self.endpoints.with_name("baseline-credentials.yml"))]
        return processes.rasa_command(
            "run", "--interface", LOCAL, *args, "--auth-token", token, "--enable-api"
        )


def ours(project: Path, model: Path) -> Bot:
    return Bot("ours", project, model, project / "endpoints.yml")


def baseline(create: bool = True, log: Path = CACHE / "baseline-init.log") -> Bot | None:
    """The cached baseline, created (`rasa init`, which trains it) when absent and
    `create`; None when absent otherwise."""
    if not list(BASELINE_DIR.glob("models/*.tar.gz")) and create:
        BASELINE_DIR.mkdir(parents=True, exist_ok=True)
        with open(log, "ab") as output:
            subprocess.run(
                processes.rasa_command("init", "--no-prompt", "--init-dir", str(BASELINE_DIR)),
                env=env(BASELINE_DIR / "init.db", cache=BASELINE_DIR / ".rasa" / "cache"),
                stdout=output,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=3600,
            )
    models = sorted(BASELINE_DIR.glob("models/*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not models:
        return None
    endpoints = CACHE / "baseline-endpoints.yml"
    endpoints.write_text(BASELINE_ENDPOINTS)
    endpoints.with_name("baseline-credentials.yml").write_text("rest:\n")
    return Bot("baseline", BASELINE_DIR, models[-1], endpoints)


def timed(call, *args: str) -> tuple[int, Any, float]:
    """(status, body, seconds) of one request; status 0 when there was no answer."""
    started = time.perf_counter()
    try:
        status, body = call(*args)
    except (OSError, ValueError) as error:
        status, body = 0, str(error)
    return status, body, time.perf_counter() - started


@dataclass
class Served:
    """A bot running on a port (and its action server, if it has one)."""

    bot: Bot
    client: AssistantClient
    process: subprocess.Popen
    action_process: subprocess.Popen | None = None

    def send(self, sender: str, text: str) -> tuple[int, Any, float]:
        return timed(self.client.post, sender, text)

    def read(self, text: str) -> Any:
        """NLU's reading of `text` (/model/parse)."""
        return self.client.parse(text)[1]

    def memory(self) -> dict[str, Any]:
        """Peak (VmHWM) and current (VmRSS) resident MB of each server."""
        found = {"rasa": memory_mb(self.process.pid)}
        if self.action_process is not None:
            found["actions"] = memory_mb(self.action_process.pid)
        found["total_peak_rss_mb"] = sum(part["peak_rss_mb"] for part in found.values())
        return found


def memory_mb(pid: int) -> dict[str, float]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    kb = {key: value for key, _, value in (line.partition(":") for line in lines)}
    return {
        "peak_rss_mb": int(kb["VmHWM"].split()[0]) / 1024,
        "rss_mb": int(kb["VmRSS"].split()[0]) / 1024,
    }


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


@dataclass
class Sample:
    """Latencies (seconds) of one kind of load, pooled over rounds."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    rates: list[float] = field(default_factory=list)  # messages/s per round, concurrent loads

    def add(self, other: Sample) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.rates += other.rates

    def summary(self) -> dict[str, Any]:
        figures = {"errors": self.errors, **support.latency_figures(self.latencies)}
        if self.rates:
            figures["throughput_per_round"] = self.rates
            figures["throughput_msgs_s"] = statistics.median(self.rates)
        return figures


def converse(served: Served, count: int, start: int = 0) -> Sample:
    """`count` messages one after the other, cycling through the bot's conversations
    from the `start`th; a new sender per conversation."""
    scripts, sample, sender = served.bot.conversations, Sample(), ""
    turns = chain.from_iterable(enumerate(scripts[i % len(scripts)]) for i in count_from(start))
    for position, text in islice(turns, count):
        sender = str(uuid.uuid4()) if position == 0 else sender
        status, body, latency = served.send(sender, text)
        sample.latencies.append(latency)
        sample.errors += not (status == 200 and isinstance(body, list) and body)
    return sample


def concurrent(served: Served, users: int, per_user: int) -> Sample:
    """`users` threads, each its own conversations, all released at once."""
    barrier = threading.Barrier(users + 1)

    def user(index: int) -> Sample:
        barrier.wait()
        return converse(served, per_user, start=index)

    with ThreadPoolExecutor(max_workers=users) as pool:
        futures = [pool.submit(user, index) for index in range(users)]
        barrier.wait()
        started = time.perf_counter()
        sample = Sample()
        for future in futures:
            sample.add(future.result())
        sample.rates.append(users * per_user / (time.perf_counter() - started))
    return sample


def parse_load(served: Served, count: int, start: int = 0) -> Sample:
    sample, texts = Sample(), [text for script in served.bot.conversations for text in script]
    for index in range(start, start + count):
        status, _, latency = timed(served.client.parse, texts[index % len(texts)])
        sample.latencies.append(latency)
        sample.errors += status != 200
    return sample
