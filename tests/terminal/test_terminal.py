"""The terminal chat (bot/terminal.py), driven in a pseudo-terminal by pexpect against
the real servers, as a person would use it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading

import pexpect
import pytest

from bot import processes

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][AB0-2]|[=>78])")
PROMPT = r"You(\x1b\[[0-9;]*m)* >"  # prompt_toolkit styles "You" in bold
WIDTH = 72


def screen_text(raw: str) -> str:
    return ANSI.sub("", raw).replace("\r", "")


@pytest.fixture
def workdir(tmp_path):
    """Each test chats from its own directory, so it has its own stored conversation."""
    return tmp_path


def spawn(url: str, workdir, *args: str, width: int = WIDTH) -> pexpect.spawn:
    env = {
        **os.environ,
        "PYTHONPATH": str(processes.REPO_ROOT),
        "TERM": "xterm-256color",
        "COLUMNS": str(width),
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect answers no cursor-position requests
    }
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bot.terminal", "--url", url, *args],
        cwd=str(workdir),
        env=env,
        encoding="utf-8",
        dimensions=(40, width),
        timeout=60,
    )
    child.expect(PROMPT)
    return child


def say(child: pexpect.spawn, text: str) -> str:
    """Type a line; return what the screen showed from the reply to the next prompt."""
    child.sendline(text)
    child.expect(r"\x1b\[1;36mBot|Bot\r?\n|didn't answer")  # the reply, past the echo
    shown = child.after
    child.expect(PROMPT)
    return screen_text(shown + child.before)


def quit_chat(child: pexpect.spawn) -> None:
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_question_gets_its_answer_with_numbered_quick_replies(assistant, workdir):
    child = spawn(assistant.base_url, workdir)
    shown = say(child, "what is a bpo?")
    assert "Business Process Outsourcing" in shown
    assert "1. What is a call center?" in shown
    assert "/request_recommendation" not in shown and "**" not in shown
    quit_chat(child)


def test_a_number_sends_its_quick_reply_and_typing_still_works(assistant, workdir):
    child = spawn(assistant.base_url, workdir)
    shown = say(child, "hi")
    assert "3. Recommend one for me" in shown
    assert "How many people" in say(child, "3")
    assert "Which tasks" in say(child, "about 20 people"), "typed right after buttons"
    quit_chat(child)


def test_a_whole_recommendation_then_resume_in_a_new_run(assistant, workdir):
    child = spawn(assistant.base_url, workdir)
    say(child, "which one should my company pick?")
    say(child, "we are 30 people")
    say(child, "customer support and some sales calls")
    final = say(child, "money is tight")
    assert "My recommendation: a call center." in final
    assert "**" not in final
    quit_chat(child)

    child = spawn(assistant.base_url, workdir)
    assert "Continuing your earlier conversation" in screen_text(child.before)
    assert "I suggested a call center" in say(child, "why this one?")
    quit_chat(child)

    child = spawn(assistant.base_url, workdir, "--new")
    assert "Continuing" not in screen_text(child.before)
    assert "haven't recommended anything yet" in say(child, "why this one?")
    quit_chat(child)


def test_no_rendered_line_is_wider_than_the_terminal_and_no_word_is_split(assistant, workdir):
    child = spawn(assistant.base_url, workdir, width=50)
    shown = say(child, "what can a bpo do for my company?")
    quit_chat(child)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert max(len(line) for line in lines) <= 50
    answer = " ".join(line.strip() for line in lines)
    for word in ["processes", "accounting", "administration", "logistics", "analytics"]:
        assert re.search(rf"\b{word}\b", answer), f"{word} split or missing: {answer}"


def test_ctrl_d_leaves_cleanly(assistant, workdir):
    child = spawn(assistant.base_url, workdir)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_server_stopped_mid_chat_gives_a_clear_message_and_the_chat_goes_on(
    trained_model, workdir, tmp_path
):
    port, action_port = processes.free_port(), processes.free_port()
    env = processes.assistant_env(action_port, tmp_path / "conversations.db")
    with processes.action_server(action_port, env, log=tmp_path / "actions.log"):
        server = processes.rasa_server(str(trained_model), port, env, log=tmp_path / "rasa.log")
        with server:
            child = spawn(f"http://127.0.0.1:{port}", workdir)
            assert "Business Process Outsourcing" in say(child, "what is a bpo?")
        shown = say(child, "and a call centre?")
        assert "didn't answer: can't reach" in shown
        assert "Traceback" not in shown and "conversation is kept" in shown
        with processes.rasa_server(str(trained_model), port, env, log=tmp_path / "rasa-2.log"):
            assert "agents" in say(child, "and a call centre?"), "the same conversation goes on"
        quit_chat(child)


def test_a_slow_server_times_out_politely(workdir):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    child = spawn(url, workdir, "--timeout", "1")
    shown = say(child, "hello?")
    assert "didn't answer: no answer within 1 s" in shown
    quit_chat(child)
    listener.close()


def test_piped_input_prints_the_replies_and_exits(assistant, workdir):
    result = subprocess.run(
        [sys.executable, "-m", "bot.terminal", "--url", assistant.base_url],
        input="what is a call center\n",
        capture_output=True,
        text=True,
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(processes.REPO_ROOT)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "agents" in result.stdout and "\x1b[" not in result.stdout
    assert "1. What a call center does" in result.stdout
