"""`make review` on a database filled with a scripted set of conversations.

The conversations are Rasa events with timestamps inside and outside the 7-day
window, stored by the store class the server uses (bot.tracker_store); the review
must count only what happened in the window, list the known fallbacks and the thumbs
down with the answer rated, and write exactly the misunderstood texts to a YAML file
that Rasa loads.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.loading import load_data

from bot import review
from bot.tracker_store import CachedSQLTrackerStore

REPO_ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO_ROOT / "domain.yml"))
DAY = 86400.0
NOW = time.time()

RECOMMENDATION = (
    "**My recommendation: a call center.**\n\nYou told me: a small company (under 50 "
    "people), outsourcing customer support, with a moderate budget."
)
# as the widget shows it (markdown rendered): the review still finds the question
RATED_DOWN = (
    "My recommendation: a call center. You told me: a small company (under 50 people), "
    "outsourcing customer support, with a moderate budget."
)
BPO_DEFINITION = "BPO stands for Business Process Outsourcing."

# in the window: not understood, low confidence, refused as out of scope
FALLBACKS = ["what is kpo", "whats the diff tween the 2 lol"]
LOW_CONFIDENCE = ["we also need payroll i think", "[urgent](now) call center for a clinic?"]
OUT_OF_SCOPE = ["tell me a joke"]
# the bracketed text as Rasa can load it (no entity annotation)
LOW_CONFIDENCE_AS_EXAMPLES = [
    "we also need payroll i think",
    "(urgent)(now) call center for a clinic?",
]
# before the window: never reported
OLD_TEXTS = ["ancient fallback question", "old low confidence question", "an old joke"]
OLD_ANSWER = "An answer rated down three weeks ago."


class Script:
    """The events of one conversation, each at a given time."""

    def __init__(self, start: float) -> None:
        self.at = start
        self.events: List[Event] = []

    def add(self, event: Event, seconds: float = 1.0) -> "Script":
        self.at += seconds
        event.timestamp = self.at
        self.events.append(event)
        return self

    def session(self, carried: Optional[Dict[str, Any]] = None) -> "Script":
        self.add(ActionExecuted("action_session_start")).add(SessionStarted())
        for slot, value in (carried or {}).items():
            self.add(SlotSet(slot, value))
        return self.add(ActionExecuted("action_listen"))

    def user(
        self,
        text: str,
        intent: str,
        confidence: float,
        ranking: Optional[List[Dict[str, Any]]] = None,
        topic: Optional[str] = None,
    ) -> "Script":
        parse_data: Dict[str, Any] = {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
            "entities": [],
        }
        if topic:
            parse_data["response_selector"] = {
                "all_retrieval_intents": ["definition", "difference"],
                "default": {
                    "response": {"intent_response_key": topic, "confidence": 0.9},
                    "ranking": [],
                },
            }
        return self.add(UserUttered(text, parse_data["intent"], [], parse_data))

    def fallback(self, text: str, guess: str, guess_confidence: float) -> "Script":
        ranking = [
            {"name": "nlu_fallback", "confidence": 0.55},
            {"name": guess, "confidence": guess_confidence},
            {"name": "out_of_scope", "confidence": 0.1},
        ]
        return self.user(text, "nlu_fallback", 0.55, ranking)

    def bot(self, action: str, text: str, events: Optional[List[Event]] = None) -> "Script":
        self.add(ActionExecuted(action)).add(BotUttered(text))
        for event in events or []:
            self.add(event)
        return self.add(ActionExecuted("action_listen"))

    def feedback(self, rating: str, text: str) -> "Script":
        return self.add(SlotSet("feedback", {"rating": rating, "text": text}), 30)


def recommend(model: str) -> List[Event]:
    return [SlotSet("recommended_model", model), SlotSet("recommended_for", {"budget": "x"})]


def conversations() -> Dict[str, List[Event]]:
    # 2 days ago: 5 user messages, a fallback, a recommendation rated down, an answer
    # rated up
    first = (
        Script(NOW - 2 * DAY)
        .session()
        .user("hi", "greet", 0.99)
        .bot("utter_greet", "Hi! What would you like to know?")
        .user("what is a bpo?", "definition", 0.97, topic="definition/bpo")
        .bot("utter_definition", BPO_DEFINITION)
        # a change of mind: the latest rating of an answer counts
        .feedback("down", BPO_DEFINITION)
        .feedback("up", BPO_DEFINITION)
        .fallback(FALLBACKS[0], "definition", 0.41)
        .bot("utter_default", "Sorry, I didn't quite understand that.")
        .user("/request_recommendation", "request_recommendation", 1.0)
        .bot("recommendation_form", "How many people work at your company?")
        .user("12 people, customer support, moderate budget", "inform", 0.92)
        .bot("action_recommend_model", RECOMMENDATION, recommend("call_center"))
        .feedback("down", RATED_DOWN)
    )
    # a session three weeks ago (all outside the window), then one yesterday whose
    # start carries the old recommendation over (not a new one), then a correction
    second = (
        Script(NOW - 21 * DAY)
        .session()
        .fallback(OLD_TEXTS[0], "difference", 0.3)
        .bot("utter_default", "Sorry, I didn't quite understand that.")
        .user("big company, payroll", "inform", 0.95)
        .bot("action_recommend_model", "**My recommendation: a BPO.**", recommend("bpo"))
        .feedback("down", OLD_ANSWER)
    )
    second.at = NOW - 1 * DAY
    second.session(carried={"recommended_model": "bpo"})
    (
        second.user(LOW_CONFIDENCE[0], "inform", 0.60)
        .bot("action_take_answer", "**My recommendation: a BPO.**", recommend("bpo"))
        .user(OUT_OF_SCOPE[0], "out_of_scope", 0.93)
        .bot("utter_out_of_scope", "Sorry, that's outside what I know.")
        # the same fallback again, worded alike: listed once, exported once
        .fallback("What is  KPO", "definition", 0.44)
        .bot("utter_default", "Sorry, I didn't quite understand that.")
        .fallback(FALLBACKS[1], "difference", 0.38)
        .bot("utter_default", "Sorry, I didn't quite understand that.")
    )
    # 10 days ago: outside the window
    old = (
        Script(NOW - 10 * DAY)
        .session()
        .user(OLD_TEXTS[1], "difference", 0.56)
        .bot("utter_difference", "The main difference is ...")
        .user(OLD_TEXTS[2], "out_of_scope", 0.97)
        .bot("utter_out_of_scope", "Sorry, that's outside what I know.")
        .feedback("down", OLD_ANSWER)
    )
    # an hour ago: just above the threshold (not reported), then just below
    third = (
        Script(NOW - 3600)
        .session()
        .user("bpo vs call center", "difference", 0.70, topic="difference/overview")
        .bot("utter_difference", "The main difference is ...")
        .user(LOW_CONFIDENCE[1], "request_recommendation", 0.58)
        .bot("recommendation_form", "How many people work at your company?")
    )
    return {
        "first-visitor": first.events,
        "second-visitor": second.events,
        "old-visitor": old.events,
        "third-visitor": third.events,
    }


def synchronously(coroutine):
    """Run on its own event loop in its own thread (the browser tests keep one running)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("review") / "conversations.db"
    store = CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path))

    async def fill() -> None:
        for sender_id, events in conversations().items():
            await store.save(DialogueStateTracker.from_events(sender_id, events, DOMAIN.slots))

    synchronously(fill())
    store.engine.dispose()
    return path


@pytest.fixture(scope="module")
def result(database) -> review.Review:
    store = review.open_store(review.store_config_from_url(str(database)), REPO_ROOT / "domain.yml")
    return synchronously(review.collect(store, days=7, threshold=0.65, now=NOW))


def run_cli(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore", **environment)
    return subprocess.run(
        [sys.executable, "-m", "bot.review", *arguments],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_threshold_is_the_fallback_classifiers_from_config(tmp_path):
    config = tmp_path / "config.yml"
    config.write_text(
        "pipeline:\n  - name: WhitespaceTokenizer\n"
        "  - name: FallbackClassifier\n    threshold: 0.42\npolicies: []\n"
    )
    assert review.fallback_threshold(config) == 0.42
    config.write_text("pipeline:\n  - name: WhitespaceTokenizer\n")
    assert review.fallback_threshold(config) == 0.3  # Rasa's default
    assert 0 < review.fallback_threshold(REPO_ROOT / "config.yml") < 1


def test_counts_only_conversations_and_messages_of_the_window(result):
    assert sorted(result.user_messages) == ["first-visitor", "second-visitor", "third-visitor"]
    assert result.user_messages == {"first-visitor": 5, "second-visitor": 4, "third-visitor": 2}
    # the carried-over slot at the new session's start is not a recommendation
    assert dict(result.recommendations) == {"call_center": 1, "bpo": 1}


def test_fallbacks_low_confidence_and_out_of_scope_with_their_readings(result):
    fallbacks = {m.text: m.guess for m in result.fallbacks}
    assert fallbacks == {
        "what is kpo": ("definition", 0.41),
        "What is  KPO": ("definition", 0.44),
        FALLBACKS[1]: ("difference", 0.38),
    }
    low = {m.text: (m.intent, m.confidence) for m in result.low_confidence}
    assert low == {
        LOW_CONFIDENCE[0]: ("inform", 0.60),
        LOW_CONFIDENCE[1]: ("request_recommendation", 0.58),
    }
    assert [m.text for m in result.out_of_scope] == OUT_OF_SCOPE


def test_thumbs_down_with_the_answer_rated_and_its_question(result):
    assert result.thumbs_up == 1
    [down] = result.thumbs_down
    assert down.sender_id == "first-visitor"
    assert down.answer == RATED_DOWN
    assert down.question == "12 people, customer support, moderate budget"


def test_misunderstood_texts_once_each(result):
    assert result.misunderstood() == [*FALLBACKS, *LOW_CONFIDENCE_AS_EXAMPLES, *OUT_OF_SCOPE]


def test_cli_reads_the_servers_store_prints_the_review_and_writes_loadable_nlu(database, tmp_path):
    out = tmp_path / "review_nlu.yml"
    # no --db: endpoints.yml and TRACKER_DB, as `make serve` uses them; the threshold
    # is config.yml's FallbackClassifier's plus a margin, here one that makes it 0.65
    margin = 0.65 - review.fallback_threshold(REPO_ROOT / "config.yml")
    done = run_cli(
        "--days", "7", "--out", str(out), "--margin", str(margin), TRACKER_DB=str(database)
    )
    assert done.returncode == 0, done.stderr
    report = done.stdout
    print(report)
    assert "Conversations: 3\n" in report
    assert "User messages per conversation: mean 3.7, median 4, max 5 (11 messages)" in report
    assert "Recommendations given: 2 (call center 1, BPO 1)" in report
    assert "Not understood (nlu_fallback): 3 messages (2 different)" in report
    assert '"what is kpo"  best guess definition 0.41 (x2)' in report
    assert f'"{FALLBACKS[1]}"  best guess difference 0.38' in report
    assert "Low confidence (below 0.65): 2 messages (2 different)" in report
    assert f'"{LOW_CONFIDENCE[0]}"  inform 0.60' in report
    assert "Refused as out of scope: 1 message (1 different)" in report
    assert "Feedback: 1 thumbs up, 1 thumbs down" in report
    assert f'answer rated down: "{RATED_DOWN}"' in report
    assert 'in reply to: "12 people, customer support, moderate budget"' in report
    for text in [*OLD_TEXTS, OLD_ANSWER, "bpo vs call center"]:
        assert text not in report
    assert "5 messages to label written to" in report

    training_data = load_data(str(out))
    assert training_data.intents == {"to_label"}
    assert [m.get("text") for m in training_data.intent_examples] == [
        *FALLBACKS,
        *LOW_CONFIDENCE_AS_EXAMPLES,
        *OUT_OF_SCOPE,
    ]
    assert not training_data.entity_examples
    assert out.read_text().startswith("# From `make review`")


def test_rasa_data_validate_accepts_the_yaml(result, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "review_nlu.yml").write_text(review.nlu_yaml(result.misunderstood(), result))
    done = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--data", str(data)],
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONWARNINGS="ignore"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_empty_window_writes_an_empty_loadable_file(database, tmp_path, capsys):
    out = tmp_path / "review_nlu.yml"
    url = f"sqlite:///{database}"
    # main() runs its own event loop: in a thread of its own
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        code = pool.submit(review.main, ["--db", url, "--days", "0.01", "--out", str(out)]).result()
    assert code == 0
    assert "Conversations: 0" in capsys.readouterr().out
    assert load_data(str(out)).training_examples == []


def test_a_missing_database_is_an_error_not_an_empty_new_one(tmp_path, capsys):
    missing = tmp_path / "nothing.db"
    code = review.main(["--db", str(missing), "--out", str(tmp_path / "x.yml")])
    assert code == 1
    assert f"no conversation database at {missing}" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "x.yml").exists()


def test_make_review_passes_days_out_and_db_through():
    done = subprocess.run(
        ["make", "-n", "review", "DAYS=30", "OUT=/tmp/labels.yml", "DB=sqlite:///x.db"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert '-m bot.review --days "30" --out "/tmp/labels.yml" --db "sqlite:///x.db"' in done.stdout
