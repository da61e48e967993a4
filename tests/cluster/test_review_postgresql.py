"""`make review` on PostgreSQL: the scripted conversations of tests/unit/test_review.py
stored by Rasa's SQLTrackerStore in a private PostgreSQL cluster, read back from
endpoints.cluster.yml (DB_* variables) and from a database URL. Run with
`make test-cluster`."""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Dict, Iterator

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.loading import load_data

from tests.cluster.test_cluster import ensure_packages, postgresql
from tests.unit.test_review import (
    DOMAIN,
    FALLBACKS,
    LOW_CONFIDENCE_AS_EXAMPLES,
    OLD_TEXTS,
    OUT_OF_SCOPE,
    RATED_DOWN,
    conversations,
    run_cli,
)

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def database() -> Iterator[Dict[str, str]]:
    with postgresql(ensure_packages()) as settings:
        store = SQLTrackerStore(
            DOMAIN,
            dialect="postgresql",
            host=settings["DB_HOST"],
            port=settings["DB_PORT"],
            db=settings["DB_DATABASE"],
            username=settings["DB_USER"],
            password=settings["DB_PASSWORD"],
        )

        async def fill() -> None:
            for sender_id, events in conversations().items():
                tracker = DialogueStateTracker.from_events(sender_id, events, DOMAIN.slots)
                await store.save(tracker)

        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, fill()).result()
        store.engine.dispose()
        yield settings


def assert_review(report: str) -> None:
    assert "Conversations: 3\n" in report
    assert "Recommendations given: 2 (call center 1, BPO 1)" in report
    assert "Not understood (nlu_fallback): 3 messages (2 different)" in report
    assert "Feedback: 1 thumbs up, 1 thumbs down" in report
    assert f'answer rated down: "{RATED_DOWN}"' in report
    for text in OLD_TEXTS:
        assert text not in report


def test_review_from_the_cluster_endpoints(database, tmp_path):
    out = tmp_path / "review_nlu.yml"
    done = run_cli("--endpoints", "endpoints.cluster.yml", "--out", str(out), **database)
    assert done.returncode == 0, done.stderr
    assert_review(done.stdout)
    assert "store: postgresql rasa at 127.0.0.1" in done.stdout
    texts = [m.get("text") for m in load_data(str(out)).intent_examples]
    assert texts == [*FALLBACKS, *LOW_CONFIDENCE_AS_EXAMPLES, *OUT_OF_SCOPE]


def test_review_from_a_database_url(database, tmp_path):
    url = (
        f"postgresql://{database['DB_USER']}:{database['DB_PASSWORD']}@"
        f"{database['DB_HOST']}:{database['DB_PORT']}/{database['DB_DATABASE']}"
    )
    done = run_cli("--db", url, "--out", str(tmp_path / "review_nlu.yml"))
    assert done.returncode == 0, done.stderr
    assert_review(done.stdout)
    assert database["DB_PASSWORD"] not in done.stdout


def test_an_unreachable_server_fails_fast_with_a_message(tmp_path):
    done = run_cli(
        "--db", "postgresql://rasa:${unused}@127.0.0.1:1/rasa", "--out", str(tmp_path / "x.yml")
    )
    assert done.returncode == 1
    assert "cannot reach the postgresql rasa at 127.0.0.1:1" in done.stderr
    assert "${unused}" not in done.stderr
