"""Seconds from starting a terminal chat to its prompt, in a pseudo-terminal:
`make chat`'s launcher (action server + the assistant's server + bot/terminal.py)
against `rasa shell` on the same model."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

from bot import processes

OURS_PROMPT = r"You(\x1b\[[0-9;]*m)* >"
RASA_SHELL_PROMPT = r"Your input ->"


def seconds_to_prompt(
    command: list[str], prompt: str, env: dict[str, str], timeout: float = 240
) -> float:
    started = time.perf_counter()
    child = pexpect.spawn(
        command[0],
        command[1:],
        cwd=str(processes.REPO_ROOT),
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(40, 100),
    )
    try:
        child.expect(prompt)
        return time.perf_counter() - started
    finally:
        child.terminate(force=False)
        child.expect(pexpect.EOF, timeout=30) if child.isalive() else None
        child.close(force=True)


def measure(model: Path, rounds: int = 2) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "TRACKER_DB": str(Path(work) / "conversations.db"),
            "PROMPT_TOOLKIT_NO_CPR": "1",
        }
        ours = [
            seconds_to_prompt(
                [sys.executable, "-m", "bot.launch", "chat", "--model", str(model), "--new"],
                OURS_PROMPT,
                env,
            )
            for _ in range(rounds)
        ]
        shell_env = processes.assistant_env(processes.free_port(), Path(env["TRACKER_DB"]))
        shell = [
            seconds_to_prompt(
                processes.rasa_command(
                    "shell",
                    "--model",
                    str(model),
                    "--endpoints",
                    "endpoints.yml",
                    "--port",
                    str(processes.free_port()),
                ),
                RASA_SHELL_PROMPT,
                {**shell_env, "PROMPT_TOOLKIT_NO_CPR": "1"},
            )
            for _ in range(rounds)
        ]
    return {"make_chat_s": statistics.median(ours), "rasa_shell_s": statistics.median(shell)}


if __name__ == "__main__":
    print(measure(processes.REPO_ROOT / "models" / "assistant.tar.gz", rounds=1))
