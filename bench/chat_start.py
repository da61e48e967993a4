"""Seconds from starting a terminal chat to its prompt, in a pseudo-terminal:
`make chat`'s launcher (action server + the assistant's server + bot/terminal.py)
against `rasa shell` on the same model."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pexpect

from bot import processes

OURS_PROMPT = r"You(\x1b\[[0-9;]*m)* >"
RASA_SHELL_PROMPT = r"Your input ->"


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


def measure(model: Path, rounds: int = 2) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as work:
        env = processes.assistant_env(processes.free_port(), Path(work) / "conversations.db")
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        ours = processes.python_command("-m", "bot.launch", "chat", "--model", str(model), "--new")
        shell = processes.rasa_command(
            "shell",
            "--model",
            str(model),
            "--endpoints",
            "endpoints.yml",
            "--port",
            str(processes.free_port()),
        )
        return {
            "make_chat_s": statistics.median(
                seconds_to_prompt(ours, OURS_PROMPT, env) for _ in range(rounds)
            ),
            "rasa_shell_s": statistics.median(
                seconds_to_prompt(shell, RASA_SHELL_PROMPT, env) for _ in range(rounds)
            ),
        }


if __name__ == "__main__":
    print(measure(processes.REPO_ROOT / "models" / "assistant.tar.gz", rounds=1))
