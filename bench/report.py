"""The table (figure | ours | baseline | ratio | target | met?) and bench.json."""

from __future__ import annotations

import json
import operator
import os
import platform
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
        return None if self.ours is None or not self.baseline else self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        on, op, limit = self.target.split()
        value = self.ratio if on == "ratio" else self.ours
        return None if value is None else OPERATORS[op](value, float(limit))

    def target_text(self) -> str | None:
        if self.target is None:
            return None
        on, op, limit = self.target.split()
        return f"{op} {float(limit):g}" + ("x" if on == "ratio" else "")

    def cells(self) -> list[str]:
        def number(value: float | None) -> str:
            return "n/a" if value is None else f"{value:,.{self.digits}f}"

        met = {None: "-" if self.target is None else "n/a", True: "yes", False: "NO"}[self.met]
        label = f"{self.figure} ({self.unit})" if self.unit else self.figure
        ratio = "n/a" if self.ratio is None else f"{self.ratio:.2f}x"
        target = self.target_text() or "-"
        return [label, number(self.ours), number(self.baseline), ratio, target, met]


def table(rows: list[Row]) -> str:
    lines = [list(COLUMNS)] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    text = [
        f"| {line[0].ljust(widths[0])} | "
        + " | ".join(cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True))
        + " |"
        for line in lines
    ]
    text.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(text)


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        meminfo = Path("/proc/meminfo").read_text().split()
        info["memory_gb"] = round(int(meminfo[1]) / 1024 / 1024, 1)  # MemTotal, kB
        cpus = Path("/proc/cpuinfo").read_text().splitlines()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpus if "model name" in line)
        info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    except (OSError, StopIteration):
        pass
    return info


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"python": platform.python_version()}
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
    rows_json = [
        {**asdict(r), "target": r.target_text(), "ratio": r.ratio, "met": r.met} for r in rows
    ]
    data = {**sections, "columns": list(COLUMNS), "rows": rows_json, "table": table(rows)}
    (path := out / "bench.json").write_text(json.dumps(data, indent=2, default=str))
    return path
