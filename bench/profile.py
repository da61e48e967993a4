"""Profile our Rasa server under the sequential REST load with py-spy.

    .venv/bin/pip install py-spy
    python -m bench.profile --seconds 60 [--project COPY] [--mode sequential|users10]

Writes <out>/profile-<mode>.txt (collapsed stacks) and prints the functions where
the server spends its time: own time (self) and time including callees (total).
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import bots, load, servers


def summarise(collapsed: Path, top: int = 30) -> str:
    """Self and inclusive sample counts per function from py-spy's collapsed stacks."""
    own: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        samples = int(count)
        total += samples
        frames = [
            frame.split(" (")[0]
            + " ("
            + frame.split(" (")[-1].split(":")[0].split("site-packages/")[-1]
            + ")"
            for frame in stack.split(";")
        ]
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    lines = [f"{total} samples"]
    for title, counter in (("self", own), ("total (with callees)", inclusive)):
        lines.append(f"\n-- top by {title}")
        for frame, samples in counter.most_common(top):
            lines.append(f"{100 * samples / max(total, 1):5.1f}%  {frame}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(bots.REPO_ROOT))
    parser.add_argument("--model")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--mode", choices=("sequential", "users10"), default="sequential")
    parser.add_argument("--out", default="bench-results")
    parser.add_argument("--ours-env", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy is not installed: .venv/bin/pip install py-spy", file=sys.stderr)
        return 2
    project = Path(args.project).resolve()
    model = Path(args.model) if args.model else project / "models" / "assistant.tar.gz"
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="profile-", dir=bots.CACHE))
    bot = bots.ours(project, model, dict(item.split("=", 1) for item in args.ours_env))
    stop = threading.Event()
    count = [0]

    def drive(served: servers.Served) -> None:
        while not stop.is_set():
            if args.mode == "sequential":
                load.converse(served, 10, start=count[0])
                count[0] += 10
            else:
                load.concurrent(served, 10, 2)
                count[0] += 20

    try:
        actions, action_port, _ = servers.start_action_server(bot, work / "actions.log")
        served, ready, first = servers.start_bot(bot, work / "t.db", work / "rasa.log", action_port)
        print(f"ready after {ready:.1f}s; profiling {args.seconds}s of {args.mode} load")
        load.converse(served, 10)  # warm-up
        driver = threading.Thread(target=drive, args=(served,), daemon=True)
        driver.start()
        time.sleep(1)
        collapsed = out / f"profile-{args.mode}.txt"
        subprocess.run(
            [
                py_spy,
                "record",
                "--pid",
                str(served.process.pid),
                "--duration",
                str(args.seconds),
                "--rate",
                "200",
                "--format",
                "raw",
                "--output",
                str(collapsed),
                "--nonblocking",
            ],
            check=True,
        )
        stop.set()
        driver.join(120)
        print(f"{count[0]} messages during the profile")
        summary = summarise(collapsed)
        (out / f"profile-{args.mode}-summary.txt").write_text(summary)
        print(summary)
    finally:
        servers.stop_all()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
