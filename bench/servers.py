"""Starting the two bots, timing their start, talking to them, reading their memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot import processes

LOCAL = "127.0.0.1"
QUIET_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "RASA_TELEMETRY_ENABLED": "false",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
}

# Every process this benchmark started, so that an error or Ctrl-C still stops them.
_STARTED: list[subprocess.Popen] = []


def free_port() -> int:
    return processes.free_port(LOCAL)


# Rasa trains into `.rasa/cache` of its working directory unless told otherwise; the
# benchmark never touches a project's own cache.
BENCH_RASA_CACHE = Path(__file__).resolve().parent.parent / ".bench-cache" / "rasa-cache"


def base_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QUIET_ENV)
    env["RASA_CACHE_DIRECTORY"] = str(BENCH_RASA_CACHE)
    env.update(extra)
    return env


def post_json(url: str, body: Any, timeout: float = 120.0) -> tuple[int, Any]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read() or b"null")
        except ValueError:
            return error.code, None


def get_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def popen(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as output:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _STARTED.append(process)
    return process


def stop(process: subprocess.Popen | None, timeout: float = 20) -> None:
    processes.stop(process, timeout)


def stop_all() -> None:
    for process in reversed(_STARTED):
        stop(process, timeout=10)


# --------------------------------------------------------------------------- memory


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may contain spaces and parentheses: split after the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    return children


def process_tree(pid: int) -> list[int]:
    children = _children_map()
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_mb(pid: int) -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a process and its children,
    summed (so the peak is an upper bound when children peak at different times)."""
    pids = process_tree(pid)
    return {
        "peak_rss_mb": sum(_status_kb(p, "VmHWM") for p in pids) / 1024,
        "rss_mb": sum(_status_kb(p, "VmRSS") for p in pids) / 1024,
        "processes": len(pids),
    }


# --------------------------------------------------------------------------- bots


@dataclass
class Bot:
    """One assistant under test and how to serve it."""

    name: str  # "ours" or "baseline": the table's columns
    project: Path
    model: Path
    conversations: list[list[str]]
    parse_texts: list[str]
    endpoints: Path
    credentials: Path | None = None
    with_action_server: bool = False
    extra_env: dict[str, str] = field(default_factory=dict)
    first_message: str = "hi"
    kind: str = "rasa-init"  # or "assistant": this project, served by bot.server

    def rasa_command(self, port: int, token: str) -> list[str]:
        if self.kind == "assistant":
            return [
                sys.executable,
                "-m",
                "bot.server",
                "--model",
                str(self.model),
                "--host",
                LOCAL,
                "--port",
                str(port),
                "--endpoints",
                str(self.endpoints),
                "--enable-api",
            ]
        command = [
            sys.executable,
            "-m",
            "rasa",
            "run",
            "--model",
            str(self.model),
            "--interface",
            LOCAL,
            "--port",
            str(port),
            "--endpoints",
            str(self.endpoints),
            "--enable-api",
            "--auth-token",
            token,
        ]
        if self.credentials:
            command += ["--credentials", str(self.credentials)]
        return command


@dataclass
class Served:
    """A bot running on a port (and its action server, if it has one)."""

    bot: Bot
    port: int
    token: str
    process: subprocess.Popen
    action_process: subprocess.Popen | None = None

    @property
    def webhook(self) -> str:
        return f"http://{LOCAL}:{self.port}/webhooks/rest/webhook"

    @property
    def parse_url(self) -> str:
        return f"http://{LOCAL}:{self.port}/model/parse?token={self.token}"

    def send(self, sender: str, text: str, timeout: float = 120) -> tuple[int, Any, float]:
        started = time.perf_counter()
        try:
            status, body = post_json(self.webhook, {"sender": sender, "message": text}, timeout)
        except (urllib.error.URLError, ConnectionError, OSError, ValueError) as error:
            status, body = 0, str(error)
        return status, body, time.perf_counter() - started

    def parse(self, text: str, timeout: float = 60) -> tuple[int, Any, float]:
        started = time.perf_counter()
        try:
            status, body = post_json(self.parse_url, {"text": text}, timeout)
        except (urllib.error.URLError, ConnectionError, OSError, ValueError) as error:
            status, body = 0, str(error)
        return status, body, time.perf_counter() - started

    def memory(self) -> dict[str, Any]:
        result: dict[str, Any] = {"rasa": tree_memory_mb(self.process.pid)}
        if self.action_process is not None:
            result["actions"] = tree_memory_mb(self.action_process.pid)
        return result


def start_action_server(
    bot: Bot, log: Path, timeout: float = 180
) -> tuple[subprocess.Popen, int, float]:
    port = free_port()
    started = time.monotonic()
    process = popen(
        [
            sys.executable,
            "-m",
            "rasa",
            "run",
            "actions",
            "--actions",
            "actions",
            "--port",
            str(port),
        ],
        bot.project,
        base_env(**bot.extra_env),
        log,
    )
    deadline = started + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"action server exited with {process.returncode}; see {log}")
        if get_ok(f"http://{LOCAL}:{port}/health"):
            return process, port, time.monotonic() - started
        time.sleep(0.1)
    stop(process)
    raise TimeoutError(f"action server not healthy after {timeout}s; see {log}")


def start_bot(
    bot: Bot, tracker_db: Path, log: Path, action_port: int | None = None, timeout: float = 600
) -> tuple[Served, float, float]:
    """Start the Rasa server; return it, the seconds from process start until the first
    message was answered, and that first message's latency.

    Readiness is polled by sending a real message every 50 ms (a refused connection
    fails at once; Sanic listens only after the model is loaded and warmed up)."""
    if tracker_db.exists():
        tracker_db.unlink()
    token = uuid.uuid4().hex
    port = free_port()
    env = base_env(TRACKER_DB=str(tracker_db), **bot.extra_env)
    if action_port is not None:
        env["ACTION_SERVER_URL"] = f"http://{LOCAL}:{action_port}/webhook"
    if bot.kind == "assistant":
        env["RASA_AUTH_TOKEN"] = token
    started = time.monotonic()
    process = popen(bot.rasa_command(port, token), bot.project, env, log)
    served = Served(bot, port, token, process)
    deadline = started + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{bot.name} server exited with {process.returncode}; see {log}")
        status, body, latency = served.send(str(uuid.uuid4()), bot.first_message, timeout=120)
        if status == 200 and body:
            return served, time.monotonic() - started, latency
        time.sleep(0.05)
    stop(process)
    raise TimeoutError(f"{bot.name} did not answer within {timeout}s; see {log}")
