"""The benchmark script runs on a tiny sample (`python -m bench.run --quick`).

Not a benchmark: it checks that the measurement functions, the table and bench.json
work. It reuses models/assistant.tar.gz and the cached baseline in .bench-cache/
(skipping the baseline's figures when it has not been trained yet).
"""

from __future__ import annotations

import json

from bench import bots, nludata, report, run
from bench.report import Row, Target
from bot.processes import REPO_ROOT


def test_table_and_json_have_both_columns_and_ratios(tmp_path):
    rows = [
        Row("REST sequential p50", "ms", 40.0, 100.0, Target("ratio", "<=", 0.5)),
        Row("10 users throughput", "msgs/s", 30.0, 10.0, Target("ratio", ">=", 2)),
        Row("Out-of-scope rejection", "", 0.9, None, Target("ours", ">=", 0.95), 3),
    ]
    text = report.table(rows)
    header = [cell.strip() for cell in text.splitlines()[0].strip("|").split("|")]
    assert header == list(report.COLUMNS)
    assert "0.40x" in text and "3.00x" in text
    assert [row.met for row in rows] == [True, True, False]
    path = report.write(tmp_path, rows, report.machine(), report.versions(), {}, {})
    data = json.loads(path.read_text())
    assert data["rows"][0]["ratio"] == 0.4
    assert data["rows"][2]["ratio"] is None and data["rows"][2]["met"] is False
    assert data["machine"]["cores"] >= 1 and data["versions"]["rasa"]


def test_out_of_scope_sentences_are_not_training_data():
    sentences = nludata.read_lines(REPO_ROOT / "bench" / "out_of_scope.txt")
    assert len(sentences) >= 30
    training = nludata.read_dir(REPO_ROOT / "data" / "nlu")
    assert nludata.unseen(sentences, training) == sentences


def test_quick_run_measures_both_bots_and_writes_the_table(trained_model, tmp_path, capsys):
    assert run.main(["--quick", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert all(column in printed for column in report.COLUMNS)

    data = json.loads((tmp_path / "bench.json").read_text())
    figures = {row["figure"]: row for row in data["rows"]}
    for figure in (
        "REST sequential p50",
        "10 users throughput",
        "Start until first answer",
        "Peak RSS, Rasa server",
        "Out-of-scope rejection",
    ):
        assert figures[figure]["ours"] is not None, figure
    assert figures["Held-out accuracy, intent + topic (tests/nlu)"]["ours"] > 0.5
    ours = data["details"]["ours"]
    assert ours["sequential"]["errors"] == 0
    assert ours["memory"]["actions"]["peak_rss_mb"] > 0

    if bots.baseline_model() is not None:  # the cached baseline took part: ratios exist
        for figure in (
            "REST sequential p50",
            "REST sequential p95",
            "10 users throughput",
            "Start until first answer",
            "Peak RSS, Rasa server",
        ):
            assert figures[figure]["baseline"] is not None, figure
            assert figures[figure]["ratio"] > 0, figure
