"""50 concurrent users x 20 messages each against the real servers.

Every message gets a reply, and afterwards every conversation's stored events
are complete and in the order they were sent. Prints throughput and latencies.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from bot.channels.message_policy import UNAVAILABLE_REPLY

USERS = 50
MESSAGES_PER_USER = 20
DEADLINE_SECONDS = 600  # generous bound; the run takes a few minutes on 2 shared cores

GREETINGS = ["hello", "hi there", "good morning", "hey"]
KNOWLEDGE = [
    "what is a bpo?",
    "What is a call center?",
    "bpo vs call center",
    "What are front office and back office?",
    "How do their services differ?",
    "how are they organized differently",
    "what tech does a call center use",
    "Is a call center only phone calls?",
    "what are the benefits of outsourcing to a bpo?",
    "what jobs are there in a call center?",
    "which industries use call centers?",
    "how do I choose between a bpo and a call center?",
    "what is the future of outsourcing?",
    "where are most bpos located?",
]
SMALL_TALK = ["are you a bot?", "help", "thanks", "what can you do?"]
FORM_RUNS = [
    ["recommend one for me", "about 30 people", "customer support", "money is tight"],
    [
        "Which one would you recommend for my company?",
        "we're about 20 people",
        "mostly customer support and some sales",
        "money is tight",
    ],
    [
        "recommend one for me",
        "around 300 employees",
        "payroll and bookkeeping",
        "our budget is flexible",
    ],
]
FAREWELLS = ["thanks, bye", "goodbye"]


def script(rng: random.Random) -> List[str]:
    """A realistic visit: a greeting, questions, one recommendation, a goodbye."""
    form = rng.choice(FORM_RUNS)
    middle = [rng.choice(KNOWLEDGE + SMALL_TALK) for _ in range(MESSAGES_PER_USER - 2 - len(form))]
    at = rng.randrange(len(middle) + 1)
    messages = [rng.choice(GREETINGS), *middle[:at], *form, *middle[at:], rng.choice(FAREWELLS)]
    assert len(messages) == MESSAGES_PER_USER
    return messages


@dataclass
class User:
    sender: str
    messages: List[str]
    latencies: List[float] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    sent: List[str] = field(default_factory=list)


def post(url: str, sender: str, text: str, timeout: float = 120) -> tuple[Optional[int], object]:
    request = urllib.request.Request(
        url,
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()[:200]
    except OSError as error:
        return None, repr(error)


def run_user(url: str, user: User, start: threading.Barrier, deadline: float) -> None:
    start.wait()
    for text in user.messages:
        if time.monotonic() > deadline:
            user.problems.append("deadline reached before all messages were sent")
            return
        began = time.perf_counter()
        status, body = post(url, user.sender, text)
        user.latencies.append(time.perf_counter() - began)
        user.sent.append(text)
        if status != 200 or not isinstance(body, list):
            user.problems.append(f"{text!r}: {status} {body!r}")
            continue
        reply = "\n".join(m.get("text") or "" for m in body if isinstance(m, dict))
        if not reply.strip():
            user.problems.append(f"{text!r}: empty reply")
        elif UNAVAILABLE_REPLY in reply:
            user.problems.append(f"{text!r}: the server gave up on the turn")


def stored_events(db_path, senders: List[str]) -> Dict[str, List[tuple]]:
    found: Dict[str, List[tuple]] = {sender: [] for sender in senders}
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT sender_id, type_name, data FROM events WHERE sender_id IN (%s) ORDER BY id"
            % ",".join("?" * len(senders)),
            senders,
        ).fetchall()
    for sender, type_name, data in rows:
        found[sender].append((type_name, json.loads(data)))
    return found


def percentile(values: List[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def test_50_concurrent_users_all_get_replies_and_complete_ordered_conversations(assistant, capsys):
    rng = random.Random(50)
    users = [User(str(uuid.uuid4()), script(rng)) for _ in range(USERS)]
    start = threading.Barrier(USERS + 1)
    deadline = time.monotonic() + DEADLINE_SECONDS
    threads = [
        threading.Thread(
            target=run_user, args=(assistant.webhook, user, start, deadline), daemon=True
        )
        for user in users
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic() + 130))
    wall = time.perf_counter() - began

    latencies = [seconds for user in users for seconds in user.latencies]
    sent = sum(len(user.sent) for user in users)
    problems = [f"{user.sender}: {problem}" for user in users for problem in user.problems]

    stored = stored_events(assistant.tracker_db, [user.sender for user in users])
    incomplete = []
    for user in users:
        events = stored[user.sender]
        user_texts = [data.get("text") for kind, data in events if kind == "user"]
        if user_texts != user.messages:
            what = "out of order" if sorted(user_texts) == sorted(user.messages) else "missing"
            incomplete.append(f"{user.sender}: {len(user_texts)} user messages stored, {what}")
            continue
        kinds = [kind for kind, _ in events]
        firsts = [i for i, kind in enumerate(kinds) if kind == "user"] + [len(kinds)]
        for text, begin, end in zip(user.messages, firsts, firsts[1:], strict=False):
            if "bot" not in kinds[begin:end]:
                incomplete.append(f"{user.sender}: no stored reply after {text!r}")

    with capsys.disabled():
        print(
            f"\n[load] {USERS} users x {MESSAGES_PER_USER} messages: {sent} sent in {wall:.1f}s "
            f"= {sent / wall:.1f} messages/s; "
            f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
            f"{len(problems)} failed replies; {len(incomplete)} incomplete stored conversations"
        )
    assert not any(thread.is_alive() for thread in threads), "some users never finished"
    assert sent == USERS * MESSAGES_PER_USER
    assert not problems, problems[:10]
    assert not incomplete, incomplete[:10]
