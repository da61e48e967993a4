"""Starting and stopping the assistant's processes (used by the launcher and the tests)."""

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


def wait_until_healthy(
    url: str, timeout: float, process: Optional[subprocess.Popen] = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy after {timeout:.0f}s")


def assistant_env(action_port: int, tracker_db: Path, **extra: str) -> Dict[str, str]:
    tracker_db.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
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


@contextmanager
def running(
    command: List[str],
    health_url: str,
    env: Dict[str, str],
    timeout: float = 180,
    log: Optional[Path] = None,
) -> Iterator[subprocess.Popen]:
    """Start a server process, wait until its health URL answers, stop it afterwards."""
    output = open(log, "ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
    )
    try:
        wait_until_healthy(health_url, timeout, process)
        yield process
    finally:
        stop(process)
        if log:
            output.close()


def action_server(port: int, env: Dict[str, str], log: Optional[Path] = None):
    return running(
        rasa_command("run", "actions", "--actions", "actions", "--port", str(port)),
        f"http://127.0.0.1:{port}/health",
        env,
        timeout=120,
        log=log,
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
