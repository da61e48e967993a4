"""The table (figure | ours | baseline | ratio | target | met?) and bench.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

COLUMNS = ("figure", "ours", "baseline", "ratio", "target", "met?")


@dataclass
class Target:
    """`ratio <= 0.5`, `ratio >= 2`, `ours >= 0.95`, `ours < 100` ..."""

    on: str  # "ratio" or "ours"
    op: str  # "<=", ">=", "<"
    value: float

    def __str__(self) -> str:
        if self.on == "ratio":
            return f"{self.op} {self.value:g}x"
        return f"{self.op} {self.value:g}"

    def met(self, ours: float | None, ratio: float | None) -> bool | None:
        value = ratio if self.on == "ratio" else ours
        if value is None:
            return None
        return {
            "<=": value <= self.value,
            ">=": value >= self.value,
            "<": value < self.value,
            ">": value > self.value,
        }[self.op]


@dataclass
class Row:
    figure: str
    unit: str
    ours: float | None
    baseline: float | None
    target: Target | None = None
    digits: int = 1

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.baseline in (None, 0):
            return None
        return self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        return self.target.met(self.ours, self.ratio) if self.target else None

    def label(self) -> str:
        return f"{self.figure} ({self.unit})" if self.unit else self.figure

    def cells(self) -> list[str]:
        def number(value: float | None) -> str:
            return "n/a" if value is None else f"{value:,.{self.digits}f}"

        met = {None: "-" if self.target is None else "n/a", True: "yes", False: "NO"}[self.met]
        return [
            self.label(),
            number(self.ours),
            number(self.baseline),
            "n/a" if self.ratio is None else f"{self.ratio:.2f}x",
            str(self.target) if self.target else "-",
            met,
        ]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = str(self.target) if self.target else None
        data["ratio"] = self.ratio
        data["met"] = self.met
        return data


def table(rows: list[Row]) -> str:
    cells = [list(COLUMNS)] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def line(values: list[str]) -> str:
        parts = [values[0].ljust(widths[0])]
        parts += [value.rjust(width) for value, width in zip(values[1:], widths[1:], strict=False)]
        return "| " + " | ".join(parts) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(cells[0]), separator] + [line(values) for values in cells[1:]])


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
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


def write(
    out: Path,
    rows: list[Row],
    machine_info: dict[str, Any],
    versions_info: dict[str, Any],
    settings: dict[str, Any],
    details: dict[str, Any],
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "bench.json"
    path.write_text(
        json.dumps(
            {
                "machine": machine_info,
                "versions": versions_info,
                "settings": settings,
                "columns": list(COLUMNS),
                "rows": [row.as_dict() for row in rows],
                "table": table(rows),
                "details": details,
            },
            indent=2,
            default=str,
        )
    )
    return path
