"""Starting and stopping the assistant's processes (the launcher, the benchmark, the tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRACKER_DB = REPO_ROOT / ".rasa" / "conversations.db"


def tracker_db() -> Path:
    """The SQLite conversation store: $TRACKER_DB, or .rasa/conversations.db."""
    return Path(os.environ.get("TRACKER_DB") or DEFAULT_TRACKER_DB)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def is_up(url: str, timeout: float = 2) -> bool:
    """Whether `url` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def wait_until_healthy(
    url: str, timeout: float, process: Optional[subprocess.Popen] = None, interval: float = 0.3
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {process.returncode}")
        if is_up(url):
            return
        time.sleep(interval)
    raise TimeoutError(f"{url} not healthy after {timeout:.0f}s")


def assistant_env(action_port: int, tracker_db: Path, **extra: str) -> Dict[str, str]:
    tracker_db.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    # rasa-sdk binds the action server to SANIC_HOST, 0.0.0.0 unless told otherwise
    env.setdefault("SANIC_HOST", "127.0.0.1")
    env.update(
        ACTION_SERVER_URL=f"http://127.0.0.1:{action_port}/webhook",
        TRACKER_DB=str(tracker_db),
        **extra,
    )
    return env


def python_command(*args: str) -> List[str]:
    return [sys.executable, *args]


def rasa_command(*args: str) -> List[str]:
    return python_command("-m", "rasa", *args)


def stop(process: Optional[subprocess.Popen], timeout: float = 15) -> None:
    """Ask a server to shut down (SIGINT), kill it if it has not after `timeout` s."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start(
    command: List[str], env: Dict[str, str], log: Optional[Path] = None, cwd: Path = REPO_ROOT
) -> subprocess.Popen:
    """Start a process, its output appended to `log` (or dropped)."""
    if log:
        log.parent.mkdir(parents=True, exist_ok=True)
    with open(log or os.devnull, "ab") as output:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)


@contextmanager
def running(
    command: List[str],
    health_url: str,
    env: Dict[str, str],
    timeout: float = 180,
    log: Optional[Path] = None,
    cwd: Path = REPO_ROOT,
) -> Iterator[subprocess.Popen]:
    """Start a server process, wait until its health URL answers, stop it afterwards."""
    process = start(command, env, log, cwd)
    try:
        wait_until_healthy(health_url, timeout, process, interval=0.1)
        yield process
    finally:
        stop(process)


def action_server(
    port: int, env: Dict[str, str], log: Optional[Path] = None, cwd: Path = REPO_ROOT
):
    """The rasa-sdk action server of the project in `cwd`, running its actions/."""
    return running(
        rasa_command("run", "actions", "--actions", "actions", "--port", str(port)),
        f"http://127.0.0.1:{port}/health",
        env,
        timeout=120,
        log=log,
        cwd=cwd,
    )


def rasa_server(
    model: str,
    port: int,
    env: Dict[str, str],
    host: str = "127.0.0.1",
    extra_args: List[str] = (),
    log: Optional[Path] = None,
):
    return running(
        python_command(
            "-m", "bot.server", "--model", model, "--host", host, "--port", str(port), *extra_args
        ),
        f"http://127.0.0.1:{port}/health",
        env,
        timeout=240,
        log=log,
    )
