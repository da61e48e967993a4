"""Profile our Rasa server under the benchmark's REST load with py-spy.

    .venv/bin/pip install py-spy
    python -m bench.profile [--seconds 60] [--mode sequential|users10] [--gil]

Writes <out>/profile-<mode>.txt (collapsed stacks) and prints the functions where the
server spends its time: own time (self) and time including callees (total). With
--gil, only the samples of the thread holding the GIL (the CPU the server can use).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from bench import bots
from bot import processes


def frame_name(frame: str) -> str:
    """'function (.../site-packages/rasa/core/agent.py:12)' -> 'function (rasa/core/agent.py)'."""
    where = frame.rsplit(" (", 1)[-1].split(":")[0].split("site-packages/")[-1]
    return f"{frame.split(' (')[0]} ({where})"


def summarise(collapsed: Path, top: int = 30) -> str:
    """Self and inclusive sample counts per function from py-spy's collapsed stacks."""
    own, inclusive = Counter(), Counter()
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        frames = [frame_name(frame) for frame in stack.split(";")]
        own[frames[-1]] += int(count)
        inclusive.update(dict.fromkeys(frames, int(count)))
    total = max(sum(own.values()), 1)
    lines = [f"{total} samples"]
    for title, counter in (("self", own), ("total (with callees)", inclusive)):
        lines.append(f"\n-- top by {title}")
        lines += [f"{100 * n / total:5.1f}%  {f}" for f, n in counter.most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--mode", choices=("sequential", "users10"), default="sequential")
    parser.add_argument("--gil", action="store_true", help="only the thread holding the GIL")
    parser.add_argument("--out", default="bench-results")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy is not installed: .venv/bin/pip install py-spy", file=sys.stderr)
        return 2
    bot = bots.ours(processes.REPO_ROOT, processes.REPO_ROOT / "models" / "assistant.tar.gz")
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    bots.CACHE.mkdir(exist_ok=True)
    stop, count = threading.Event(), [0]

    def drive(served: bots.Served) -> None:
        while not stop.is_set():
            if args.mode == "sequential":
                count[0] += len(bots.converse(served, 10, start=count[0]).latencies)
            else:
                count[0] += len(bots.concurrent(served, 10, 2).latencies)

    with tempfile.TemporaryDirectory(dir=bots.CACHE) as work, contextlib.ExitStack() as running:
        port, work = processes.free_port(), Path(work)
        running.enter_context(
            processes.action_server(port, bots.env(work / "a.db"), work / "a.log")
        )
        served, ready, _ = bots.start(bot, work / "t.db", work / "rasa.log", port)
        running.callback(processes.stop, served.process)
        print(f"ready after {ready:.1f}s; profiling {args.seconds}s of {args.mode} load")
        bots.converse(served, 10)  # warm-up
        threading.Thread(target=drive, args=(served,), daemon=True).start()
        collapsed = out / f"profile-{args.mode}.txt"
        record = ["record", "--pid", str(served.process.pid), "--duration", str(args.seconds)]
        record += ["--rate", "200", "--format", "raw", "--output", str(collapsed), "--nonblocking"]
        subprocess.run([py_spy, *record, *(["--gil"] if args.gil else [])], check=True)
        stop.set()
    print(f"{count[0]} messages during the profile")
    summary = summarise(collapsed)
    (out / f"profile-{args.mode}-summary.txt").write_text(summary)
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
