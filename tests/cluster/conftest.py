"""The `cluster` marker: tests that install and start PostgreSQL and Redis.

They run only when asked for, with `make test-cluster` (`pytest -m cluster tests/cluster`);
a plain `pytest` skips them.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "cluster: multi-machine set-up (PostgreSQL + Redis + two Rasa servers); "
        "run with `make test-cluster`",
    )


def cluster_selected(config: pytest.Config) -> bool:
    expression = config.getoption("-m") or ""
    return "cluster" in expression and "not cluster" not in expression


def pytest_collection_modifyitems(config: pytest.Config, items) -> None:
    if cluster_selected(config):
        return
    skip = pytest.mark.skip(reason="cluster test: run `make test-cluster` (pytest -m cluster)")
    for item in items:
        if item.get_closest_marker("cluster") is not None:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter) -> None:
    from tests.cluster.services import fault_table

    if fault_table:
        terminalreporter.section("fault table (issue 11)")
        terminalreporter.write_line(
            "| fault | answered normally | of those stored | answered 'not saved' "
            "| /health during | /health after |"
        )
        terminalreporter.write_line("|---|---|---|---|---|---|")
        for row in fault_table:
            terminalreporter.write_line(row)
