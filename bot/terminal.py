"""Chat with the assistant in a terminal, through its REST channel.

    python -m bot.terminal --url http://127.0.0.1:5005   # an assistant already running
    make chat                                             # starts one, then this

Answers are rendered as Markdown (bold, lists) and wrapped to the terminal's width;
quick replies are listed by number: type the number to send it, or type anything
else. Up arrow recalls earlier messages. The conversation continues across runs in
the same directory (`--new` starts a fresh one). Input that is not a terminal (a
pipe) is sent line by line and the replies printed as plain text.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO

from rich.console import Console
from rich.markdown import Markdown
from rich.padding import Padding
from rich.theme import Theme

from bot.rest_client import AssistantClient, Replies, Unavailable

STATE_DIR = Path(".rasa")
SENDER_FILE = STATE_DIR / "terminal_sender"
HISTORY_FILE = STATE_DIR / "terminal_history"
QUIT = {"/quit", "/exit", "/stop"}
# bold and the default foreground only, plus cyan for the bot's name: readable on
# dark and light backgrounds alike
THEME = Theme({"bot": "bold cyan", "you": "bold", "hint": "dim", "error": "bold red"})
WELCOME = (
    "Ask me about BPOs and call centers, or ask for a recommendation. Type the number "
    "of a quick reply to send it. /quit (or Ctrl-D) leaves; the conversation is kept."
)


def sender_id(new: bool, path: Path = SENDER_FILE) -> tuple[str, bool]:
    """(the conversation's sender id, whether it continues an earlier run)."""
    if not new and path.exists():
        stored = path.read_text().strip()
        try:
            return str(uuid.UUID(stored)), True
        except ValueError:
            pass
    sender = str(uuid.uuid4())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sender + "\n")
    return sender, False


class Chat:
    """One conversation: sends what the user types, shows what the bot answers."""

    def __init__(self, client: AssistantClient, sender: str, console: Console) -> None:
        self.client = client
        self.sender = sender
        self.console = console
        self.buttons: List[Dict[str, Any]] = []
        self.failed = False

    def message_for(self, typed: str) -> str:
        """A quick reply's payload for its number; anything else as typed."""
        if typed.isdigit() and 1 <= int(typed) <= len(self.buttons):
            return self.buttons[int(typed) - 1].get("payload") or typed
        return typed

    def say(self, typed: str) -> None:
        message = self.message_for(typed.strip())
        try:
            if self.console.is_terminal:
                with self.console.status("[hint]typing...[/hint]", spinner="simpleDots"):
                    replies = self.client.send(self.sender, message)
            else:
                replies = self.client.send(self.sender, message)
        except Unavailable as problem:
            self.failed = True
            self.console.print(
                f"[error]The assistant didn't answer:[/error] {problem}. Your conversation "
                "is kept; send your message again in a moment.",
                highlight=False,
            )
            return
        self.show(replies)

    def show(self, replies: Replies) -> None:
        self.buttons = []
        for reply in replies:
            if reply.get("text"):
                self.console.print("[bot]Bot[/bot]", highlight=False)
                self.console.print(Padding(Markdown(reply["text"]), (0, 0, 0, 2)))
            self.buttons += reply.get("buttons") or []
        if self.buttons:
            for number, button in enumerate(self.buttons, start=1):
                self.console.print(
                    f"  [bold]{number}.[/bold] {button.get('title', '')}", highlight=False
                )
            self.console.print(
                "[hint]  Type a number, or your own message.[/hint]", highlight=False
            )
        self.console.print()


def interactive(chat: Chat) -> int:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import HTML
    from prompt_toolkit.history import FileHistory

    HISTORY_FILE.parent.mkdir(parents=True, exist_ok=True)
    session: PromptSession = PromptSession(history=FileHistory(str(HISTORY_FILE)))
    while True:
        try:
            typed = session.prompt(HTML("<b>You</b> &gt; "))
        except (EOFError, KeyboardInterrupt):
            chat.console.print("[hint]Bye! Run `make chat` again to continue.[/hint]")
            return 0
        if typed.strip().lower() in QUIT:
            chat.console.print("[hint]Bye! Run `make chat` again to continue.[/hint]")
            return 0
        if typed.strip():
            chat.say(typed)


def piped(chat: Chat, lines: TextIO) -> int:
    for line in lines:
        if line.strip().lower() in QUIT:
            break
        if line.strip():
            chat.console.print(f"You > {line.strip()}", highlight=False, markup=False)
            chat.say(line)
    return 1 if chat.failed else 0


def run(url: str, new: bool = False, stdin: Optional[TextIO] = None, timeout: float = 30) -> int:
    stdin = stdin or sys.stdin
    console = Console(theme=THEME, no_color=bool(os.environ.get("NO_COLOR")) or None)
    sender, continued = sender_id(new)
    chat = Chat(AssistantClient(url, timeout=timeout), sender, console)
    if not stdin.isatty():
        return piped(chat, stdin)
    console.print(f"[hint]{WELCOME}[/hint]", highlight=False)
    if continued:
        console.print("[hint]Continuing your earlier conversation (--new starts afresh).[/hint]")
    console.print()
    try:
        return interactive(chat)
    except KeyboardInterrupt:
        return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the assistant's address")
    parser.add_argument("--new", action="store_true", help="start a new conversation")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for a reply")
    args = parser.parse_args(argv)
    return run(args.url, args.new, timeout=args.timeout)


if __name__ == "__main__":
    raise SystemExit(main())
