"""Conversation review for the site owner: what visitors asked in the last N days.

    python -m bot.review --days 7 --out review_nlu.yml [--db URL] [--endpoints FILE]

Reads the conversations from the tracker store the server writes to, through Rasa's
tracker-store API (`keys()` and `retrieve_full_tracker()`, every session of a
conversation), with the store class of `endpoints.yml` (SQLite at $TRACKER_DB, or
.rasa/conversations.db as `make chat` and `make serve` use), of another endpoints
file (`--endpoints endpoints.cluster.yml`: PostgreSQL from the DB_* variables), or
of a database URL (`--db sqlite:///path.db`, `--db postgresql://user:pw@host/db`).
Nothing is written to the store.

It prints, counting only events of the window: the conversations with a visitor
message, user messages per conversation, recommendations given (the
`recommended_model` slot set by action_recommend_model or by a correction), the
messages the assistant did not understand (`nlu_fallback`), refused as out of scope,
or understood with low confidence (below the FallbackClassifier threshold of
config.yml plus a margin), and the visitors' ratings (a `feedback` slot set to
{"rating": "up"|"down", "text": <the rated bot message>}), with each thumbs down's
answer and the question it answered.

The messages not understood, refused or understood with low confidence are written,
once each, to a YAML file in Rasa's NLU training-data format under the placeholder
intent `to_label`, for the owner to move under the right intents in data/nlu/.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import logging
import os
import re
import statistics
import sys
import textwrap
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Text, Tuple

from rasa.shared.nlu.training_data.entities_parser import ENTITY_REGEX

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DAYS = 7
DEFAULT_OUT = "review_nlu.yml"
DEFAULT_MARGIN = 0.1
# Rasa's FallbackClassifier default, when config.yml has none
RASA_DEFAULT_FALLBACK_THRESHOLD = 0.3
LABEL_INTENT = "to_label"
FALLBACK_INTENT = "nlu_fallback"
OUT_OF_SCOPE_INTENT = "out_of_scope"
RECOMMENDATION_SLOT = "recommended_model"
FEEDBACK_SLOT = "feedback"
SESSION_START_ACTION = "action_session_start"
MODEL_NAMES = {"call_center": "call center", "bpo": "BPO"}
ENV_VARIABLE = re.compile(r"\$\{(\w+)\}")
# characters YAML does not allow in a document, or that would break a line
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
SHOWN_CHARACTERS = 240
# a rated answer is matched to a bot message by its beginning when not by its whole text
ANSWER_PREFIX = 60


class ReviewError(Exception):
    """A problem the owner can fix (no database, unreachable server, missing variable)."""


# --------------------------------------------------------------------------- the report


@dataclass
class Message:
    sender_id: Text
    timestamp: float
    text: Text
    intent: Text
    confidence: float
    # for a fallback: the likeliest intent the FallbackClassifier set aside
    guess: Optional[Tuple[Text, float]] = None


@dataclass
class Rating:
    sender_id: Text
    timestamp: float
    rating: Text
    answer: Text
    question: Optional[Text] = None


@dataclass
class Review:
    days: float
    since: float
    threshold: float
    source: Text = ""
    user_messages: Dict[Text, int] = field(default_factory=dict)
    recommendations: Counter = field(default_factory=Counter)
    fallbacks: List[Message] = field(default_factory=list)
    out_of_scope: List[Message] = field(default_factory=list)
    low_confidence: List[Message] = field(default_factory=list)
    ratings: List[Rating] = field(default_factory=list)

    @property
    def conversations(self) -> int:
        return len(self.user_messages)

    @property
    def thumbs_up(self) -> int:
        return sum(rating.rating == "up" for rating in self.ratings)

    @property
    def thumbs_down(self) -> List[Rating]:
        return [rating for rating in self.ratings if rating.rating == "down"]

    def misunderstood(self) -> List[Text]:
        """Each text not understood, refused or understood with low confidence, once
        (the first wording seen), in that order; button payloads ("/intent") left out."""
        texts: Dict[Text, Text] = {}
        groups = (self.fallbacks, self.low_confidence, self.out_of_scope)
        for message in [m for group in groups for m in sorted(group, key=by_time)]:
            text = example_text(message.text)
            if text and not text.startswith("/"):
                texts.setdefault(text.casefold(), text)
        return list(texts.values())


def by_time(item: Any) -> float:
    return item.timestamp


def example_text(text: Optional[Text]) -> Text:
    """The text as one line of a Rasa training example: whitespace collapsed, no
    control characters, and square brackets that Rasa would read as an entity
    annotation turned into round ones."""
    text = " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())
    # Rasa reads `[text](entity)`, `[text]{...}` and `[text][...]` as an entity annotation
    if ENTITY_REGEX.search(text):
        text = text.replace("[", "(").replace("]", ")")
    return text


def intent_label(parse_data: Dict[Text, Any], name: Text) -> Text:
    """`definition/bpo` for a knowledge question (the topic the response selector
    chose), the plain intent name otherwise."""
    selector = parse_data.get("response_selector") or {}
    if name in (selector.get("all_retrieval_intents") or []):
        key = ((selector.get("default") or {}).get("response") or {}).get("intent_response_key")
        if key and key.startswith(f"{name}/"):
            return key
    return name


def classify(sender_id: Text, event: Dict[Text, Any]) -> Message:
    parse_data = event.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    name = intent.get("name") or ""
    guess = None
    if name == FALLBACK_INTENT:
        others = [
            entry
            for entry in parse_data.get("intent_ranking") or []
            if entry.get("name") and entry["name"] != FALLBACK_INTENT
        ]
        if others:
            best = max(others, key=lambda entry: entry.get("confidence") or 0.0)
            guess = (intent_label(parse_data, best["name"]), float(best.get("confidence") or 0))
    return Message(
        sender_id=sender_id,
        timestamp=float(event.get("timestamp") or 0),
        text=event.get("text") or "",
        intent=intent_label(parse_data, name),
        confidence=float(intent.get("confidence") or 0.0),
        guess=guess,
    )


def feedback_value(value: Any) -> Optional[Dict[Text, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def comparable(text: Optional[Text]) -> Text:
    """Bot texts as stored (markdown) and as a widget shows them compare equal."""
    return " ".join(re.sub(r"[*_`#>•-]", " ", text or "").split()).casefold()


def question_answered(
    events: Sequence[Dict[Text, Any]], before: int, answer: Text
) -> Optional[Text]:
    """The visitor message the rated bot message answered: the latest user message
    before the latest bot message with that text (or, failing that, with the same
    beginning) before the rating."""
    wanted = comparable(answer)
    if not wanted:
        return None
    bots = [i for i in range(before - 1, -1, -1) if events[i].get("event") == "bot"]
    same = [i for i in bots if comparable(events[i].get("text")) == wanted]
    similar = [
        i
        for i in bots
        if comparable(events[i].get("text"))[:ANSWER_PREFIX] == wanted[:ANSWER_PREFIX]
    ]
    for index in (same or similar)[:1]:
        for earlier in range(index - 1, -1, -1):
            if events[earlier].get("event") == "user":
                return events[earlier].get("text")
    return None


def add_conversation(review: Review, sender_id: Text, events: Sequence[Dict[Text, Any]]) -> None:
    """Adds one conversation's events (as dicts, all sessions) that fall in the window."""
    action = None
    user_messages = 0
    # the latest rating of an answer counts (a visitor may change their mind)
    ratings: Dict[Tuple[Text, Optional[Text]], Rating] = {}
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "action":
            action = event.get("name")
        in_window = float(event.get("timestamp") or 0) >= review.since
        if not in_window:
            continue
        if kind == "user":
            user_messages += 1
            message = classify(sender_id, event)
            if not message.intent or message.text.startswith("/"):
                continue  # a button's payload, or an event without NLU
            if message.intent == FALLBACK_INTENT:
                review.fallbacks.append(message)
            elif message.intent == OUT_OF_SCOPE_INTENT:
                review.out_of_scope.append(message)
            elif message.confidence < review.threshold:
                review.low_confidence.append(message)
        elif kind == "slot" and event.get("name") == RECOMMENDATION_SLOT:
            # a new session repeats the slots it carries over: not a recommendation
            if event.get("value") and action != SESSION_START_ACTION:
                review.recommendations[str(event["value"])] += 1
        elif kind == "slot" and event.get("name") == FEEDBACK_SLOT:
            value = feedback_value(event.get("value"))
            if value and value.get("rating") in ("up", "down") and action != SESSION_START_ACTION:
                answer = str(value.get("text") or "")
                question = question_answered(events, index, answer)
                ratings.pop((comparable(answer), question), None)
                ratings[(comparable(answer), question)] = Rating(
                    sender_id=sender_id,
                    timestamp=float(event["timestamp"]),
                    rating=value["rating"],
                    answer=answer,
                    question=question,
                )
    if user_messages:
        review.user_messages[sender_id] = user_messages
    review.ratings.extend(ratings.values())


async def collect(
    store: Any, days: float, threshold: float, now: Optional[float] = None, source: Text = ""
) -> Review:
    """The review of the conversations in `store` over the `days` before `now`."""
    now = time.time() if now is None else now
    review = Review(days=days, since=now - days * 86400, threshold=threshold, source=source)
    for sender_id in sorted(await store.keys()):
        tracker = await full_tracker(store, sender_id)
        if tracker is None:
            continue
        events = [event.as_dict() for event in tracker.events]
        add_conversation(review, sender_id, events)
    return review


async def full_tracker(store: Any, sender_id: Text) -> Any:
    """Every session of a conversation: `store.retrieve_full_tracker`. A subclass of
    SQLTrackerStore that overrides `_retrieve` without its
    `fetch_events_from_all_sessions` argument but keeps SQLTrackerStore's
    `retrieve_full_tracker` (which passes it; bot.tracker_store did, up to commit
    d33942a) gets SQLTrackerStore's own reading of all sessions instead."""
    from rasa.core.tracker_store import SQLTrackerStore

    if (
        isinstance(store, SQLTrackerStore)
        and type(store).retrieve_full_tracker is SQLTrackerStore.retrieve_full_tracker
        and "fetch_events_from_all_sessions"
        not in inspect.signature(type(store)._retrieve).parameters
    ):
        return await SQLTrackerStore._retrieve(
            store, sender_id, fetch_events_from_all_sessions=True
        )
    return await store.retrieve_full_tracker(sender_id)


# --------------------------------------------------------------------------- printing


def period(days: float) -> Text:
    return f"{days:g} day{'' if days == 1 else 's'}"


def when(timestamp: float) -> Text:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M")


def shown(text: Optional[Text]) -> Text:
    return textwrap.shorten(" ".join((text or "").split()) or "(empty)", SHOWN_CHARACTERS)


def message_lines(messages: List[Message], limit: Optional[int], with_guess: bool) -> List[Text]:
    counts = Counter(example_text(message.text).casefold() for message in messages)
    lines, seen = [], set()
    for message in sorted(messages, key=lambda m: m.timestamp):
        key = example_text(message.text).casefold()
        if key in seen:
            continue
        seen.add(key)
        if with_guess:
            reading = (
                f"best guess {message.guess[0]} {message.guess[1]:.2f}"
                if message.guess
                else "no guess"
            )
        else:
            reading = f"{message.intent} {message.confidence:.2f}"
        times = f" (x{counts[key]})" if counts[key] > 1 else ""
        lines.append(
            f"  {when(message.timestamp)}  {message.sender_id[:8]:<8}  "
            f'"{shown(message.text)}"  {reading}{times}'
        )
    if limit is not None and len(lines) > limit:
        hidden = len(lines) - limit
        lines = lines[:limit] + [f"  ... and {hidden} more (all in the YAML file)"]
    return lines


def counted(messages: List[Message]) -> Text:
    different = len({example_text(message.text).casefold() for message in messages})
    noun = "message" if len(messages) == 1 else "messages"
    return f"{len(messages)} {noun} ({different} different)" if messages else "0 messages"


def model_name(value: Text) -> Text:
    return MODEL_NAMES.get(value, value)


def format_report(review: Review, limit: Optional[int] = 50) -> Text:
    counts = list(review.user_messages.values())
    lines = [
        f"Conversation review: last {period(review.days)} "
        f"(since {when(review.since)} UTC){f', {review.source}' if review.source else ''}",
        "",
        f"Conversations: {review.conversations}",
    ]
    if counts:
        lines.append(
            f"User messages per conversation: mean {statistics.mean(counts):.1f}, "
            f"median {statistics.median(counts):g}, max {max(counts)} "
            f"({sum(counts)} messages)"
        )
    given = sum(review.recommendations.values())
    by_model = ", ".join(
        f"{model_name(value)} {count}"
        for value, count in sorted(review.recommendations.items(), key=lambda kv: -kv[1])
    )
    lines.append(f"Recommendations given: {given}{f' ({by_model})' if given else ''}")
    sections = (
        ("Not understood (nlu_fallback)", review.fallbacks, True),
        (f"Low confidence (below {review.threshold:.2f})", review.low_confidence, False),
        ("Refused as out of scope", review.out_of_scope, False),
    )
    for title, messages, with_guess in sections:
        lines += ["", f"{title}: {counted(messages)}"]
        lines += message_lines(messages, limit, with_guess)
    downs = review.thumbs_down
    lines += ["", f"Feedback: {review.thumbs_up} thumbs up, {len(downs)} thumbs down"]
    for rating in sorted(downs, key=lambda r: r.timestamp):
        lines.append(f"  {when(rating.timestamp)}  {rating.sender_id[:8]}")
        lines.append(f'    answer rated down: "{shown(rating.answer)}"')
        if rating.question:
            lines.append(f'    in reply to: "{shown(rating.question)}"')
    return "\n".join(lines)


# --------------------------------------------------------------------------- the YAML


def nlu_yaml(texts: Iterable[Text], review: Optional[Review] = None) -> Text:
    """Rasa NLU training data (format 3.1): the texts under the intent `to_label`."""
    texts = [example_text(text) for text in texts]
    texts = [text for text in texts if text]
    window = (
        f"# From `make review`: the last {period(review.days)} of conversations "
        f"(since {when(review.since)} UTC).\n"
        if review
        else ""
    )
    header = (
        f"{window}"
        "# Messages the assistant did not understand (nlu_fallback), understood with\n"
        "# low confidence, or refused as out of scope: once each, in that order.\n"
        f"# `{LABEL_INTENT}` is a placeholder, not an intent of the assistant: move each\n"
        "# example under the intent (or `<intent>/<topic>` key) it belongs to in\n"
        "# data/nlu/ (out_of_scope if it really is), drop the ones not worth keeping,\n"
        "# then `make train`. Never add this file to data/ as it is.\n"
    )
    if not texts:
        return f'{header}version: "3.1"\nnlu: []\n'
    examples = "".join(f"    - {text}\n" for text in texts)
    return f'{header}version: "3.1"\nnlu:\n- intent: {LABEL_INTENT}\n  examples: |\n{examples}'


# --------------------------------------------------------------------------- settings


def fallback_threshold(config_path: Path) -> float:
    """The FallbackClassifier's threshold in config.yml (Rasa's default without one)."""
    import yaml

    config = yaml.safe_load(Path(config_path).read_text(encoding="utf-8")) or {}
    for component in config.get("pipeline") or []:
        if isinstance(component, dict) and component.get("name") == "FallbackClassifier":
            return float(component.get("threshold", RASA_DEFAULT_FALLBACK_THRESHOLD))
    return RASA_DEFAULT_FALLBACK_THRESHOLD


def expand(value: Any, environment: Dict[Text, Text]) -> Any:
    """${NAME} from the environment, as Rasa does when it reads endpoints."""
    if isinstance(value, dict):
        return {key: expand(item, environment) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item, environment) for item in value]
    if not isinstance(value, str):
        return value
    missing = [name for name in ENV_VARIABLE.findall(value) if name not in environment]
    if missing:
        raise ReviewError(f"set {', '.join(missing)} in the environment (used by the store)")
    return ENV_VARIABLE.sub(lambda match: environment[match.group(1)], value)


def store_config_from_endpoints(endpoints: Path) -> Dict[Text, Any]:
    """The `tracker_store` section of an endpoints file, its ${...} filled in (only
    that section: the review needs no action server)."""
    import yaml

    if not Path(endpoints).exists():
        raise ReviewError(f"{endpoints} not found")
    content = yaml.safe_load(Path(endpoints).read_text(encoding="utf-8")) or {}
    section = content.get("tracker_store")
    if not section:
        raise ReviewError(f"{endpoints} has no tracker_store: nothing is stored to review")
    from bot.processes import tracker_db

    # without TRACKER_DB, the database `make chat` and `make serve` use
    environment = {"TRACKER_DB": str(tracker_db()), **os.environ}
    names = ENV_VARIABLE.findall(json.dumps(section))
    missing = sorted({name for name in names if name not in environment})
    if missing:
        raise ReviewError(f"set {', '.join(missing)} in the environment (used by the store)")
    return expand(section, environment)


def store_config_from_url(url: Text) -> Dict[Text, Any]:
    """An SQLAlchemy URL (or a plain path: SQLite) as a tracker_store section: SQLite
    in the store class of endpoints.yml, other databases in Rasa's SQLTrackerStore,
    as endpoints.cluster.yml has them."""
    from sqlalchemy.engine import make_url

    if "://" not in url:
        url = f"sqlite:///{url}"
    parsed = make_url(url)
    dialect = parsed.get_backend_name()
    if dialect == "sqlite":
        return {
            "type": "bot.tracker_store.CachedSQLTrackerStore",
            "dialect": "sqlite",
            "db": parsed.database or "",
        }
    config = {
        "type": "SQL",
        "dialect": parsed.drivername,
        "url": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
    }
    if parsed.query:
        config["query"] = dict(parsed.query)
    return {key: value for key, value in config.items() if value is not None}


def describe(config: Dict[Text, Any]) -> Text:
    if config.get("dialect", "sqlite") == "sqlite":
        return f"SQLite {config.get('db')}"
    where = f"{config.get('url') or 'localhost'}:{config.get('port') or 'default port'}"
    return f"{config.get('dialect')} {config.get('db')} at {where}"


def check_reachable(config: Dict[Text, Any]) -> None:
    """Fails fast where SQLTrackerStore would retry for ever (a server that is down,
    wrong credentials) or would create an empty database (a wrong SQLite path)."""
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore

    dialect = config.get("dialect", "sqlite")
    if dialect == "sqlite":
        database = config.get("db") or ""
        if database in ("", ":memory:") or not Path(database).is_file():
            raise ReviewError(f"no conversation database at {database or '(none)'}")
        return
    url = SQLTrackerStore.get_db_url(
        dialect,
        config.get("url"),
        config.get("port"),
        config.get("db"),
        config.get("username"),
        config.get("password"),
        query=config.get("query"),
    )
    arguments = {"connect_timeout": 10} if dialect.startswith("postgresql") else {}
    engine = sa.create_engine(url, connect_args=arguments)
    try:
        with engine.connect():
            pass
    except Exception as error:  # noqa: BLE001 - any driver error: tell the owner
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else error
        raise ReviewError(f"cannot reach the {describe(config)}: {first_line}") from error
    finally:
        engine.dispose()


def open_store(config: Dict[Text, Any], domain_path: Path) -> Any:
    """The tracker store the server would build from this tracker_store section."""
    from rasa.core.tracker_store import create_tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    check_reachable(config)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        domain = Domain.load(str(domain_path))
        return create_tracker_store(EndpointConfig.from_dict(dict(config)), domain)


# --------------------------------------------------------------------------- command line


def parse_arguments(argv: Optional[Sequence[Text]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.review",
        description="Review the last days' conversations and export misunderstood messages.",
    )
    parser.add_argument("--days", type=float, default=DEFAULT_DAYS, help="window (default 7)")
    parser.add_argument(
        "--out", default=DEFAULT_OUT, help=f"YAML file for labelling (default {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--db",
        help="database URL (sqlite:///path.db, postgresql://user:${PASSWORD}@host:5432/db) "
        "or SQLite file; default: the tracker_store of --endpoints",
    )
    parser.add_argument(
        "--endpoints",
        default=str(REPO_ROOT / "endpoints.yml"),
        help="endpoints file whose tracker_store to read (default endpoints.yml: "
        "$TRACKER_DB, or .rasa/conversations.db)",
    )
    parser.add_argument("--config", default=str(REPO_ROOT / "config.yml"))
    parser.add_argument("--domain", default=str(REPO_ROOT / "domain.yml"))
    parser.add_argument(
        "--threshold",
        type=float,
        help="low confidence below this (default: the FallbackClassifier threshold of "
        "config.yml plus --margin)",
    )
    parser.add_argument(
        "--margin", type=float, default=DEFAULT_MARGIN, help=f"(default {DEFAULT_MARGIN})"
    )
    parser.add_argument(
        "--limit", type=int, default=50, help="messages listed per section (default 50)"
    )
    return parser.parse_args(argv)


def quiet_rasa() -> None:
    # a slot the domain lacks (feedback before the widget's change) is logged as an
    # error on every conversation read; the events themselves are all there
    logging.getLogger("rasa").setLevel(logging.CRITICAL)
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def main(argv: Optional[Sequence[Text]] = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.days <= 0:
        print("--days must be positive", file=sys.stderr)
        return 2
    threshold = arguments.threshold
    if threshold is None:
        threshold = round(fallback_threshold(Path(arguments.config)) + arguments.margin, 4)
    try:
        config = (
            store_config_from_url(arguments.db)
            if arguments.db
            else store_config_from_endpoints(Path(arguments.endpoints))
        )
        store = open_store(config, Path(arguments.domain))
    except ReviewError as error:
        print(f"review: {error}", file=sys.stderr)
        return 1
    review = asyncio.run(
        collect(store, arguments.days, threshold, source=f"store: {describe(config)}")
    )
    texts = review.misunderstood()
    out = Path(arguments.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(nlu_yaml(texts, review), encoding="utf-8")
    try:
        print(format_report(review, limit=arguments.limit))
        print(
            f"\n{len(texts)} messages to label written to {out} (intent `{LABEL_INTENT}`): "
            "move each under its intent in data/nlu/, then `make train`."
        )
    except BrokenPipeError:  # `make review | head`: the rest goes nowhere, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    quiet_rasa()
    sys.exit(main())
