"""Every kind of input a public chat endpoint gets, against the real servers.

Each case must get a 200 with a non-empty polite reply, or a 4xx with a JSON
`{"error": ...}`; never a 5xx; and the server must still answer a normal
question right after it. A huge message must not slow other users down.
"""

from __future__ import annotations

import http.client
import json
import random
import sqlite3
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from bot.channels.message_policy import EMPTY_MESSAGE_REPLY, MAX_MESSAGE_CHARS

WEBHOOK_PATH = "/webhooks/rest/webhook"
PROBE_QUESTION = "what is a bpo?"
PROBE_ANSWER = "Business Process Outsourcing"
IMPOLITE_MARKERS = ("traceback", "exception", "internal server error", "stack trace")


# --------------------------------------------------------------------------- HTTP


@dataclass
class Reply:
    status: Optional[int]  # None: no HTTP answer at all (connection dropped)
    body: Any
    raw: bytes
    seconds: float
    problem: str = ""


def request(
    base_url: str,
    method: str,
    path: str,
    body: Optional[bytes] = None,
    content_type: Optional[str] = "application/json",
    timeout: float = 60,
) -> Reply:
    host, port = base_url.replace("http://", "").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    headers = {"Content-Type": content_type} if content_type else {}
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        raw = answer.read()
        status = answer.status
    except (OSError, http.client.HTTPException) as error:
        return Reply(
            None, None, b"", time.perf_counter() - started, f"{type(error).__name__}: {error}"
        )
    finally:
        connection.close()
    elapsed = time.perf_counter() - started
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return Reply(status, parsed, raw, elapsed)


def post(base_url: str, body: bytes, content_type: Optional[str] = "application/json") -> Reply:
    return request(base_url, "POST", WEBHOOK_PATH, body, content_type)


def message_body(text: Any, sender: Any = None, **extra: Any) -> bytes:
    body = {"sender": str(uuid.uuid4()) if sender is None else sender, "message": text, **extra}
    try:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: only expressible as JSON escapes
        return json.dumps(body).encode("ascii")


def reply_text(reply: Reply) -> str:
    if not isinstance(reply.body, list):
        return ""
    return "\n".join(m.get("text") or "" for m in reply.body if isinstance(m, dict))


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    name: str
    body: Optional[bytes]
    expect: str = "any"  # "200", "4xx" or "any" (either, but never 5xx)
    content_type: Optional[str] = "application/json"
    method: str = "POST"
    sender: Optional[str] = None  # set when the case uses a valid sender we can look up
    check: Optional[str] = None  # extra check after the reply, see check_extra()


def with_sender(
    name: str, text: Any, expect: str = "200", check: Optional[str] = None, **extra: Any
) -> Case:
    sender = str(uuid.uuid4())
    return Case(name, message_body(text, sender, **extra), expect, sender=sender, check=check)


def fuzz_cases() -> List[Case]:
    junk = random.Random(5)
    uuid_text = str(uuid.uuid4())
    cases = [
        # bodies that are not a JSON object
        Case("empty body", b"", "4xx"),
        Case("whitespace body", b" \n\t ", "4xx"),
        Case("binary junk body", bytes(junk.randrange(256) for _ in range(2048)), "4xx"),
        Case("NUL bytes body", b"\x00" * 64, "4xx"),
        Case(
            "invalid UTF-8 body",
            b'{"sender": "' + uuid_text.encode() + b'", "message": "\xff\xfe\xfd"}',
            "4xx",
        ),
        Case(
            "UTF-16 body",
            json.dumps({"sender": uuid_text, "message": "hi"}).encode("utf-16"),
            "any",
        ),
        Case("JSON array", b"[]", "4xx"),
        Case(
            "JSON array of objects",
            json.dumps([{"sender": uuid_text, "message": "hi"}]).encode(),
            "4xx",
        ),
        Case("JSON string", b'"hello"', "4xx"),
        Case("JSON number", b"3", "4xx"),
        Case("JSON float overflow", b"1e999999", "4xx"),
        Case("JSON null", b"null", "4xx"),
        Case("JSON true", b"true", "4xx"),
        Case("JSON empty object", b"{}", "4xx"),
        Case("truncated JSON", b'{"sender": "' + uuid_text.encode() + b'", "mess', "4xx"),
        Case("deeply nested arrays", b"[" * 30_000 + b"]" * 30_000, "4xx"),
        Case(
            "deeply nested message",
            b'{"sender": "'
            + uuid_text.encode()
            + b'", "message": '
            + b"[" * 20_000
            + b"]" * 20_000
            + b"}",
            "4xx",
        ),
        Case(
            "text/plain content type",
            message_body("what is a call center?"),
            "any",
            content_type="text/plain",
        ),
        Case("no content type", message_body("hello"), "any", content_type=None),
        Case(
            "form-encoded body",
            b"sender=abc&message=hello",
            "4xx",
            content_type="application/x-www-form-urlencoded",
        ),
        # sender ids
        Case("missing sender", json.dumps({"message": "hi"}).encode(), "4xx"),
        Case("null sender", json.dumps({"sender": None, "message": "hi"}).encode(), "4xx"),
        Case("huge sender (10 KB)", message_body("hi", sender="a" * 10_240), "4xx"),
        # any printable id up to 128 characters is a conversation id, as in Rasa (c6b9e18)
        Case("non-UUID sender", message_body("hi", sender="not-a-uuid"), "200"),
        Case("SQL in sender", message_body("hi", sender="x'; DROP TABLE events; --"), "200"),
        Case("path in sender", message_body("hi", sender="../../etc/passwd"), "200"),
        Case("control character in sender", message_body("hi", sender="a\x07b"), "4xx"),
        Case("sender of 129 characters", message_body("hi", sender="a" * 129), "4xx"),
        Case("number sender", message_body("hi", sender=12345), "4xx"),
        Case("list sender", message_body("hi", sender=[uuid_text]), "4xx"),
        Case("object sender", message_body("hi", sender={"id": uuid_text}), "4xx"),
        # message values of the wrong type
        Case("number message", message_body(42), "4xx"),
        Case("NaN message", b'{"sender": "' + uuid_text.encode() + b'", "message": NaN}', "4xx"),
        Case("list message", message_body(["what", "is", "a", "bpo"]), "4xx"),
        Case("nested object message", message_body({"text": {"deep": [1, {"a": None}]}}), "4xx"),
        Case("boolean message", message_body(True), "4xx"),
        # empty and oversized texts
        with_sender("missing message", None, check="empty_reply"),
        with_sender("empty message", "", check="empty_reply"),
        with_sender("whitespace message", " \t\n\u3000 ", check="empty_reply"),
        with_sender("1,001 characters", "a" * (MAX_MESSAGE_CHARS + 1), check="too_long"),
        with_sender("30,000 characters", "what is a bpo? " * 2000, check="too_long"),
        Case("100,000 characters (body over the limit)", message_body("x" * 100_000), "4xx"),
        with_sender(
            "60,000 characters (just under the body limit)", "y" * 60_000, check="too_long"
        ),
        with_sender("1,000 single-letter words", ("a " * 500).strip()),
        # unusual but legitimate texts
        with_sender("emoji", "😀🤖🔥 what is a bpo? 👍🏽👨‍👩‍👧"),
        with_sender("only emoji", "🙂"),
        with_sender(
            "Arabic (right-to-left)", "ما الفرق بين مركز الاتصال والاستعانة بمصادر خارجية؟"
        ),
        with_sender("Hebrew with a BPO", "מה זה BPO?"),
        with_sender("right-to-left override", "\u202ewhat is a bpo?\u202c"),
        with_sender("zero-width characters", "\u200b\u200c\u200d"),
        with_sender("combining characters (zalgo)", "w\u0301\u0302\u0303h\u0304\u0305at is a bpo"),
        with_sender("NUL and control characters", "hello\x00world\x07\x1b[31m"),
        with_sender("lone surrogate escape", "\ud800 what"),
        with_sender("HTML/script", "<script>alert('x')</script>"),
        with_sender("HTML image onerror", '<img src=x onerror="alert(1)">'),
        with_sender("SQL injection text", "'; DROP TABLE events; --"),
        with_sender("template injection", "{{7*7}} ${7*7} <%= 7*7 %>"),
        with_sender("markdown link", "[click](javascript:alert(1))"),
        # typed /intent commands
        with_sender(
            "/inform with an unknown budget", '/inform{"budget": "huge"}', check="no_forced"
        ),
        with_sender("/out_of_scope", "/out_of_scope", check="no_forced"),
        with_sender("/greet with an unknown entity", '/greet{"x":1}', check="no_forced"),
        with_sender(
            "/inform with nested JSON",
            '/inform{"budget": {"a": [1, {"b": null}]}}',
            check="no_forced",
        ),
        with_sender("/inform with a broken JSON", '/inform{"budget": ', check="no_forced"),
        with_sender("/nlu_fallback", "/nlu_fallback", check="no_forced"),
        with_sender("/restart@0.99 with confidence", "/restart@0.99", check="no_forced"),
        with_sender(
            "zero-width space before /inform", '\u200b/inform{"budget": "huge"}', check="no_forced"
        ),
        with_sender("slash only", "/"),
        with_sender("many slashes", "/" * 50),
        with_sender("allowed button command", "/request_recommendation", check="form_started"),
        # extra, unknown and nested fields around a valid message
        with_sender(
            "unknown nested fields",
            "what is a call center?",
            metadata={"a": {"b": [1, 2, {"c": None}]}},
            input_channel="admin",
            parse_data={"intent": {"name": "restart"}},
        ),
        Case(
            "duplicate keys",
            b'{"sender": "' + uuid_text.encode() + b'", "message": "hi", '
            b'"sender": "not-a-uuid"}',
            "200",  # the last one counts, as for any JSON object
        ),
        # methods other than POST
        Case("GET on the webhook", None, "4xx", method="GET"),
        Case("PUT on the webhook", message_body("hi"), "4xx", method="PUT"),
        Case("DELETE on the webhook", None, "4xx", method="DELETE"),
    ]
    return cases


# --------------------------------------------------------------------------- checks


def stored_user_events(db_path, sender: str) -> List[dict]:
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (sender,),
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def judge(case: Case, reply: Reply) -> str:
    """'' when the reply is acceptable, else what is wrong."""
    if reply.status is None:
        return f"no HTTP reply ({reply.problem})"
    if reply.status >= 500:
        return f"{reply.status}: {reply.raw[:200]!r}"
    if reply.status == 200:
        if case.expect == "4xx":
            return f"200 where a 4xx was expected: {reply.raw[:200]!r}"
        if not isinstance(reply.body, list) or not reply.body:
            return f"200 without a reply list: {reply.raw[:200]!r}"
        text = reply_text(reply)
        if not text.strip():
            return f"200 with an empty reply: {reply.raw[:200]!r}"
        if any(marker in text.lower() for marker in IMPOLITE_MARKERS):
            return f"an error leaked into the reply: {text[:200]!r}"
        return ""
    if 400 <= reply.status < 500:
        if case.expect == "200":
            return f"{reply.status} where a reply was expected: {reply.raw[:200]!r}"
        if (
            not isinstance(reply.body, dict)
            or not isinstance(reply.body.get("error"), str)
            or not reply.body["error"].strip()
        ):
            return f"{reply.status} without a JSON error: {reply.raw[:200]!r}"
        return ""
    return f"unexpected status {reply.status}"


def check_extra(case: Case, reply: Reply, db_path) -> str:
    text = reply_text(reply)
    if case.check == "empty_reply" and text != EMPTY_MESSAGE_REPLY:
        return f"expected the empty-message reply, got {text[:120]!r}"
    if case.check == "too_long" and "too long" not in text:
        return f"expected the too-long reply, got {text[:120]!r}"
    if case.check == "form_started" and "How many people" not in text:
        return f"the button command did not start the form: {text[:120]!r}"
    if case.check == "no_forced":
        for event in stored_user_events(db_path, case.sender):
            stored = event.get("text") or ""
            entities = event.get("parse_data", {}).get("entities", [])
            if stored.startswith("/"):
                return f"the command reached Rasa as a command: {stored!r}"
            if any(e.get("value") == "huge" or e.get("entity") == "x" for e in entities):
                return f"typed entities were forced: {entities}"
    return ""


def probe(base_url: str, sender: str) -> str:
    reply = post(base_url, message_body(PROBE_QUESTION, sender))
    if reply.status != 200 or PROBE_ANSWER not in reply_text(reply):
        return f"probe failed afterwards: {reply.status} {reply.raw[:200]!r}"
    return ""


def send(base_url: str, case: Case) -> Reply:
    return request(base_url, case.method, WEBHOOK_PATH, case.body, case.content_type)


def test_fuzz_inputs_get_a_polite_reply_or_a_json_4xx_and_never_a_5xx(assistant, capsys):
    cases = fuzz_cases()
    probe_sender = str(uuid.uuid4())
    failures: List[Tuple[str, str]] = []
    statuses = {"2xx": 0, "4xx": 0, "5xx": 0, "none": 0}
    for case in cases:
        reply = send(assistant.base_url, case)
        bucket = "none" if reply.status is None else f"{reply.status // 100}xx"
        statuses[bucket] = statuses.get(bucket, 0) + 1
        problem = judge(case, reply)
        if not problem and reply.status == 200 and case.check:
            problem = check_extra(case, reply, assistant.tracker_db)
        if problem:
            failures.append((case.name, problem))
        probe_problem = probe(assistant.base_url, probe_sender)
        if probe_problem:
            failures.append((case.name, probe_problem))

    health = request(assistant.base_url, "GET", "/health")
    with capsys.disabled():
        print(
            f"\n[fuzz] {len(cases)} cases: {statuses['2xx']} polite 200, "
            f"{statuses['4xx']} JSON 4xx, "
            f"{statuses['5xx']} 5xx, {statuses['none']} without a reply; "
            f"{len(failures)} failures; /health {health.status}"
        )
        for name, problem in failures:
            print(f"[fuzz]   FAIL {name}: {problem}")
    assert len(cases) >= 40
    assert statuses["5xx"] == 0
    assert health.status == 200
    assert not failures, failures


# --------------------------------------------------------------------------- timing


def normal_reply_seconds(base_url: str, sender: str) -> float:
    reply = post(base_url, message_body(PROBE_QUESTION, sender))
    assert reply.status == 200 and PROBE_ANSWER in reply_text(reply), reply.raw[:200]
    return reply.seconds


def test_a_huge_message_does_not_slow_other_users_down(assistant, capsys):
    """While a 30,000-character message and a 100,000-character body are sent over and
    over, another user's reply time stays within 200 ms of the normal median."""
    user = str(uuid.uuid4())
    for _ in range(2):  # warm-up: the user's session start, caches
        normal_reply_seconds(assistant.base_url, user)
    baseline = statistics.median(normal_reply_seconds(assistant.base_url, user) for _ in range(7))

    huge_message = message_body("z" * 30_000)
    huge_body = message_body("x" * 100_000)
    results: List[Reply] = []

    def hammer(body: bytes, stop: threading.Event, started: threading.Event) -> None:
        for _ in range(200):  # bounded: stops by itself
            started.set()
            results.append(post(assistant.base_url, body))
            if stop.is_set():
                return

    attempts: List[float] = []
    for _attempt in range(3):
        stop = threading.Event()
        started = [threading.Event(), threading.Event()]
        threads = [
            threading.Thread(target=hammer, args=(huge_message, stop, started[0]), daemon=True),
            threading.Thread(target=hammer, args=(huge_body, stop, started[1]), daemon=True),
        ]
        for thread in threads:
            thread.start()
        for event in started:
            event.wait(10)
        time.sleep(0.05)
        during = statistics.median(normal_reply_seconds(assistant.base_url, user) for _ in range(3))
        stop.set()
        for thread in threads:
            thread.join(60)
        attempts.append(during - baseline)
        if during - baseline <= 0.2:
            break

    huge_statuses = sorted({r.status for r in results}, key=str)
    with capsys.disabled():
        print(
            f"\n[fuzz] other user's reply: median {baseline * 1000:.0f} ms normally; "
            f"extra delay under huge messages: "
            + ", ".join(f"{d * 1000:+.0f} ms" for d in attempts)
            + f" ({len(results)} huge requests sent, statuses {huge_statuses})"
        )
    assert all(r.status is not None and r.status < 500 for r in results), huge_statuses
    assert min(attempts) <= 0.2, attempts
