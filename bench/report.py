"""The table (figure | ours | baseline | ratio | target | met?) and bench.json."""

from __future__ import annotations

import json
import operator
import os
import platform
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

COLUMNS = ("figure", "ours", "baseline", "ratio", "target", "met?")
OPERATORS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt}


@dataclass
class Row:
    figure: str
    unit: str
    ours: float | None
    baseline: float | None
    target: str | None = None  # "ratio <= 0.5", "ours >= 0.95", "ours < 100" ...
    digits: int = 1

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.baseline in (None, 0):
            return None
        return self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        on, op, limit = self.target.split()
        value = self.ratio if on == "ratio" else self.ours
        return None if value is None else OPERATORS[op](value, float(limit))

    def target_text(self) -> str:
        if self.target is None:
            return "-"
        on, op, limit = self.target.split()
        return f"{op} {float(limit):g}" + ("x" if on == "ratio" else "")

    def cells(self) -> list[str]:
        def number(value: float | None) -> str:
            return "n/a" if value is None else f"{value:,.{self.digits}f}"

        met = {None: "-" if self.target is None else "n/a", True: "yes", False: "NO"}[self.met]
        label = f"{self.figure} ({self.unit})" if self.unit else self.figure
        ratio = "n/a" if self.ratio is None else f"{self.ratio:.2f}x"
        return [label, number(self.ours), number(self.baseline), ratio, self.target_text(), met]

    def as_dict(self) -> dict[str, Any]:
        target = None if self.target is None else self.target_text()
        return {**asdict(self), "target": target, "ratio": self.ratio, "met": self.met}


def table(rows: list[Row]) -> str:
    cells = [list(COLUMNS)] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def line(values: list[str]) -> str:
        rest = [value.rjust(width) for value, width in zip(values[1:], widths[1:], strict=True)]
        return "| " + " | ".join([values[0].ljust(widths[0]), *rest]) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(cells[0]), separator] + [line(values) for values in cells[1:]])


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        info["memory_gb"] = round(int(meminfo[0].split()[1]) / 1024 / 1024, 1)  # MemTotal
        cpus = Path("/proc/cpuinfo").read_text().splitlines()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpus if "model name" in line)
        info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    except (OSError, StopIteration):
        pass
    return info


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"python": sys.version.split()[0]}
    for package in ("rasa", "rasa-sdk", "tensorflow", "spacy", "sanic"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def header(machine_info: dict[str, Any], versions_info: dict[str, Any]) -> str:
    return (
        f"Machine: {machine_info.get('cores')} cores, {machine_info.get('memory_gb')} GB, "
        f"{machine_info.get('cpu', 'unknown CPU')} (load average at start "
        f"{' '.join(machine_info.get('load_average', []))})\n"
        "Versions: " + ", ".join(f"{k} {v}" for k, v in versions_info.items())
    )


def write(out: Path, rows: list[Row], **sections: Any) -> Path:
    """bench.json: the sections (machine, versions, settings, details) and the table."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "bench.json"
    data = {**sections, "columns": list(COLUMNS), "rows": [row.as_dict() for row in rows]}
    path.write_text(json.dumps({**data, "table": table(rows)}, indent=2, default=str))
    return path
