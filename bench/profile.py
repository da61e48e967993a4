"""Profile our Rasa server under the benchmark's REST load with py-spy.

    .venv/bin/pip install py-spy
    python -m bench.profile --seconds 60 [--project COPY] [--mode sequential|users10]

Writes <out>/profile-<mode>.txt (collapsed stacks) and prints the functions where
the server spends its time: own time (self) and time including callees (total).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bench import bots, load
from bot import processes


def frame_name(frame: str) -> str:
    """'function (.../site-packages/rasa/core/agent.py:12)' -> 'function (rasa/core/agent.py)'."""
    where = frame.rsplit(" (", 1)[-1].split(":")[0].split("site-packages/")[-1]
    return f"{frame.split(' (')[0]} ({where})"


def summarise(collapsed: Path, top: int = 30) -> str:
    """Self and inclusive sample counts per function from py-spy's collapsed stacks."""
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        total += int(count)
        frames = [frame_name(frame) for frame in stack.split(";")]
        own[frames[-1]] += int(count)
        inclusive.update({frame: int(count) for frame in set(frames)})
    lines = [f"{total} samples"]
    for title, counter in (("self", own), ("total (with callees)", inclusive)):
        lines.append(f"\n-- top by {title}")
        lines += [f"{100 * n / max(total, 1):5.1f}%  {f}" for f, n in counter.most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(processes.REPO_ROOT))
    parser.add_argument("--model")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--mode", choices=("sequential", "users10"), default="sequential")
    parser.add_argument("--out", default="bench-results")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy is not installed: .venv/bin/pip install py-spy", file=sys.stderr)
        return 2
    project = Path(args.project).resolve()
    bot = bots.ours(project, Path(args.model or project / "models" / "assistant.tar.gz"))
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    bots.CACHE.mkdir(exist_ok=True)
    stop, count = threading.Event(), [0]

    def drive(served: bots.Served) -> None:
        while not stop.is_set():
            if args.mode == "sequential":
                load.converse(served, 10, start=count[0])
                count[0] += 10
            else:
                load.concurrent(served, 10, 2)
                count[0] += 20

    with tempfile.TemporaryDirectory(dir=bots.CACHE) as work, contextlib.ExitStack() as running:
        port = processes.free_port()
        log = Path(work) / "actions.log"
        running.enter_context(processes.action_server(port, bots.env(Path(work) / "a.db"), log))
        served, ready, _ = bots.start(bot, Path(work) / "t.db", Path(work) / "rasa.log", port)
        running.callback(processes.stop, served.process)
        print(f"ready after {ready:.1f}s; profiling {args.seconds}s of {args.mode} load")
        load.converse(served, 10)  # warm-up
        threading.Thread(target=drive, args=(served,), daemon=True).start()
        collapsed = out / f"profile-{args.mode}.txt"
        record = ["record", "--pid", str(served.process.pid), "--duration", str(args.seconds)]
        record += ["--rate", "200", "--format", "raw", "--output", str(collapsed), "--nonblocking"]
        subprocess.run([py_spy, *record], check=True)
        stop.set()
    print(f"{count[0]} messages during the profile")
    summary = summarise(collapsed)
    (out / f"profile-{args.mode}-summary.txt").write_text(summary)
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
