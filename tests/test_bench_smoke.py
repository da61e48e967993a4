"""The benchmark runs on a tiny sample (`python -m bench.run --quick --no-baseline`).

Not a benchmark: it checks that the measurement functions, the table and bench.json
work, in about 15 s. It reuses models/assistant.tar.gz; the baseline's column is
checked on the table alone (starting `rasa init`'s bot loads TensorFlow: 25 s).
"""

from __future__ import annotations

import json
import sys

from bench import bots, report, run, support
from bench.report import Row
from bot.processes import REPO_ROOT


def test_table_and_json_have_both_columns_ratios_and_targets(tmp_path):
    rows = [
        Row("REST sequential p50", "ms", 40.0, 100.0, "ratio <= 0.5"),
        Row("10 users throughput", "msgs/s", 30.0, 10.0, "ratio >= 2"),
        Row("Out-of-scope rejection", "", 0.9, None, "ours >= 0.95", 3),
        Row("Peak RSS, action server", "MB", 120.0, None, None, 0),
    ]
    text = report.table(rows)
    header = [cell.strip() for cell in text.splitlines()[0].strip("|").split("|")]
    assert header == list(report.COLUMNS)
    assert "0.40x" in text and "3.00x" in text and "<= 0.5x" in text and ">= 0.95 " in text
    assert [row.met for row in rows] == [True, True, False, None]
    path = report.write(tmp_path, rows, machine=report.machine(), versions=report.versions())
    data = json.loads(path.read_text())
    assert data["rows"][0]["ratio"] == 0.4 and data["rows"][0]["target"] == "<= 0.5x"
    assert data["rows"][2]["ratio"] is None and data["rows"][2]["met"] is False
    assert data["machine"]["cores"] >= 1 and data["versions"]["rasa"]


def test_every_figure_of_the_table_is_read_from_the_results():
    ours = {
        "start": {"ready_s": 5.0, "first_message_ms": 25.0},
        "memory": {"rasa": {"peak_rss_mb": 800.0}, "total_peak_rss_mb": 900.0},
        "training": {"retrained_count": 2},
    }
    figures = {row.figure: row.ours for row in run.build_rows({"ours": ours})}
    assert figures["Start until first answer"] == 5.0
    assert figures["First message after start"] == 25.0
    assert figures["Peak RSS, all servers"] == 900.0
    assert figures["Components retrained after that change"] == 2
    assert figures["Peak RSS, action server"] is None
    assert len(figures) == len(run.ROWS)


def test_latency_figures_interpolate_like_numpy():
    figures = support.latency_figures([i / 1000 for i in range(1, 101)])  # 1..100 ms
    assert figures["p50_ms"] == 50.5 and round(figures["p95_ms"], 2) == 95.05
    assert figures["max_ms"] == 100 and support.latency_figures([0.002])["p99_ms"] == 2


def test_held_out_accuracy_needs_the_topic_of_a_retrieval_intent():
    def reading(intent: str, key: str = "") -> dict:
        selector = {intent: {"response": {"intent_response_key": key}}} if key else {}
        return {"intent": {"name": intent}, "response_selector": selector}

    readings = {
        "hello": reading("greet"),
        "what is a bpo": reading("definition", "definition/bpo"),
        "bpo vs call center": reading("definition", "definition/call_center"),
        "weather?": reading("nlu_fallback"),
    }
    examples = [
        ("greet", "hello"),
        ("definition/bpo", "what is a bpo"),
        ("difference/overview", "bpo vs call center"),
        ("out_of_scope", "weather?"),
    ]
    figures = support.held_out_accuracy(readings.get, examples)
    assert (figures["accuracy"], figures["intent_accuracy"]) == (0.5, 0.5)
    assert support.rejection_rate(readings.get, ["weather?", "hello"])["rate"] == 0.5


def test_out_of_scope_sentences_are_not_training_data():
    sentences = support.read_lines(REPO_ROOT / "bench" / "out_of_scope.txt")
    assert len(sentences) >= 30
    training = support.nlu_examples(REPO_ROOT / "data" / "nlu")
    assert support.unseen(sentences, training) == sentences


def test_the_baseline_is_served_by_rasa_run_with_the_rest_channel():
    baseline = bots.baseline(create=False)
    if baseline is None:
        return  # not trained yet: `make bench` creates it
    command = baseline.command(5005, "token")
    assert command[:4] == [sys.executable, "-m", "rasa", "run"]
    assert "--auth-token" in command and "--credentials" in command


def test_quick_run_measures_and_writes_the_table(trained_model, tmp_path, capsys):
    assert run.main(["--quick", "--no-baseline", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert all(column in printed for column in report.COLUMNS)

    data = json.loads((tmp_path / "bench.json").read_text())
    figures = {row["figure"]: row for row in data["rows"]}
    for figure in (
        "REST sequential p50",
        "10 users throughput",
        "50 users throughput",
        "/model/parse p95",
        "Start until first answer",
        "Peak RSS, all servers",
        "Out-of-scope rejection",
    ):
        assert figures[figure]["ours"] is not None, figure
    assert figures["Held-out accuracy, intent + topic (tests/nlu)"]["ours"] > 0.5
    ours = data["details"]["ours"]
    assert ours["sequential"]["errors"] == 0 and ours["users50"]["errors"] == 0
    memory = ours["memory"]
    assert memory["actions"]["peak_rss_mb"] > 0
    total = memory["rasa"]["peak_rss_mb"] + memory["actions"]["peak_rss_mb"]
    assert memory["total_peak_rss_mb"] == total
