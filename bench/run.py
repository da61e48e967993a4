"""Benchmark this assistant against the default `rasa init` assistant, in one run.

    python -m bench.run            # everything (about 16 minutes on 2 shared cores)
    python -m bench.run --quick    # a few messages: no blind sets, CV, chat start or training

Both bots are served the same way (REST channel, SQLite tracker store, HTTP API on
for /model/parse) and measured in the same run, interleaved round by round, so the
ratio ours/baseline is the figure to read on a shared, noisy machine. The table goes
to stdout and, with the raw figures, to <out>/bench.json. `python -m bench.profile`
records where our server spends its time under the same load (py-spy).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

from bench import bots, offline, realistic, report, support
from bench.bots import Bot, Served
from bot import processes

AT_LEAST = "ours >= 0.95"
# fmt: off
ROWS = [  # figure, unit, where in a bot's results, target, digits
    ("CV intent macro-F1 (5 folds)", "", "cv.intent_macro_f1", AT_LEAST, 3),
    ("CV response-selector accuracy (<intent>/<topic>)", "",
     "cv.response_selector_accuracy", None, 3),
    ("Held-out accuracy, intent + topic (tests/nlu)", "", "held_out.accuracy", AT_LEAST, 3),
    ("Held-out intent accuracy (tests/nlu)", "", "held_out.intent_accuracy", None, 3),
    ("Out-of-scope rejection", "", "out_of_scope.rate", AT_LEAST, 3),
    ("Realistic knowledge questions, right topic", "",
     "realistic.knowledge_accuracy", "ours >= 0.97", 3),
    ("Realistic in-scope false rejection", "",
     "realistic.knowledge_false_rejection", "ours <= 0.02", 3),
    ("Near-domain and out-of-scope rejection", "", "realistic.out_of_scope_rejection", AT_LEAST, 3),
    ("Follow-ups answered with the expected topic", "",
     "realistic.follow_up_accuracy", AT_LEAST, 3),
    ("Dialogues reaching the expected recommendation", "",
     "realistic.dialogues_reached", AT_LEAST, 3),
    ("Visitor turns per successful dialogue", "", "realistic.dialogue_turns", "ours <= 4", 2),
    ("Slot understanding, company size", "", "realistic.slot_company_size", AT_LEAST, 3),
    ("Slot understanding, budget", "", "realistic.slot_budget", AT_LEAST, 3),
    ("Slot understanding, functions (exact set)", "",
     "realistic.slot_outsourced_functions", AT_LEAST, 3),
    # the same phrasings as answers to the form's question, as its recommendation reports them
    ("Form fills the size asked", "", "realistic.form_company_size", AT_LEAST, 3),
    ("Form fills the budget asked", "", "realistic.form_budget", AT_LEAST, 3),
    ("Form fills the functions asked", "", "realistic.form_outsourced_functions", AT_LEAST, 3),
    ("REST sequential p50", "ms", "sequential.p50_ms", "ratio <= 0.5", 1),
    ("REST sequential p95", "ms", "sequential.p95_ms", "ratio <= 0.5", 1),
    ("REST sequential p99", "ms", "sequential.p99_ms", None, 1),
    ("REST sequential max", "ms", "sequential.max_ms", None, 1),
    ("10 users p50", "ms", "users10.p50_ms", None, 1),
    ("10 users p95", "ms", "users10.p95_ms", None, 1),
    ("10 users throughput", "msgs/s", "users10.throughput_msgs_s", "ratio >= 2", 1),
    ("50 users p50", "ms", "users50.p50_ms", None, 1),
    ("50 users p95", "ms", "users50.p95_ms", None, 1),
    ("50 users throughput", "msgs/s", "users50.throughput_msgs_s", None, 1),
    ("/model/parse p50", "ms", "parse.p50_ms", None, 1),
    ("/model/parse p95", "ms", "parse.p95_ms", None, 1),
    ("Start until first answer", "s", "start.ready_s", "ratio <= 0.5", 1),
    ("First message after start", "ms", "start.first_message_ms", "ours < 100", 1),
    ("Peak RSS, Rasa server", "MB", "memory.rasa.peak_rss_mb", "ratio <= 0.7", 0),
    ("Peak RSS, action server", "MB", "memory.actions.peak_rss_mb", None, 0),
    ("Peak RSS, all servers", "MB", "memory.total_peak_rss_mb", "ratio <= 0.7", 0),
    ("Terminal chat, start to prompt (make chat vs rasa shell, same model)", "s",
     "chat_start.seconds", "ratio <= 1", 1),
    ("Training from scratch", "s", "training.scratch_seconds", None, 1),
    ("Retrain after a response-text change", "s", "training.retrain_seconds", "ours <= 30", 1),
    ("Components retrained after that change", "", "training.retrained_count", None, 0),
]
# fmt: on

# (rounds, size) of each load: messages, messages per user, or /model/parse requests
PLAN = {"sequential": (3, 100), "users10": (3, 10), "users50": (2, 6), "parse": (3, 100)}
QUICK = {"sequential": (1, 12), "users10": (1, 1), "users50": (1, 1), "parse": (1, 10)}
STARTS = 3  # the last one is measured; start figures are medians (one start when quick)
LOADS: dict[str, Callable[[Served, int, int], bots.Sample]] = {
    "sequential": lambda served, size, number: bots.converse(served, size, start=number),
    "users10": lambda served, size, _: bots.concurrent(served, 10, size),
    "users50": lambda served, size, _: bots.concurrent(served, 50, size),
    "parse": lambda served, size, number: bots.parse_load(served, size, start=number * size),
}


def in_order(items: list[Any], round_number: int) -> list[Any]:
    """Alternate who goes first, round by round."""
    return items if round_number % 2 == 0 else items[::-1]


def measure_served(
    bot_list: list[Bot], work: Path, logs: Path, quick: bool, progress: Callable
) -> dict[str, dict[str, Any]]:
    """Start, latency, throughput, /model/parse, understanding via /model/parse, memory
    and (unless quick) the blind sets."""
    results: dict[str, dict[str, Any]] = {bot.name: {"starts": []} for bot in bot_list}
    with contextlib.ExitStack() as running:
        actions = {}  # name -> (its action server, port)
        for bot in bot_list:
            if bot.ours:
                port, log = processes.free_port(), logs / f"{bot.name}-actions.log"
                server = processes.action_server(port, bots.env(work / "a.db"), log)
                actions[bot.name] = running.enter_context(server), port

        def start(bot: Bot, number: int) -> Served:
            action_process, port = actions.get(bot.name, (None, 0))
            db, log = work / f"{bot.name}-{number}.db", logs / f"{bot.name}-rasa.log"
            served, ready, first = bots.start(bot, db, log, port)
            served.action_process = action_process
            running.callback(processes.stop, served.process)
            results[bot.name]["starts"].append({"ready_s": ready, "first_message_s": first})
            progress(f"{bot.name}: answered after {ready:.1f}s (first message {first*1000:.0f} ms)")
            return served

        for number in range(starts := 1 if quick else STARTS):
            if quick:  # both at once: the start times are not comparable
                with ThreadPoolExecutor(len(bot_list)) as pool:
                    started = list(pool.map(start, bot_list, [number] * len(bot_list)))
            else:  # an idle server must not share the machine with the next start
                started = [start(bot, number) for bot in in_order(bot_list, number)]
            if number < starts - 1:
                for each in started:
                    processes.stop(each.process)
        served = {each.bot.name: each for each in started}
        for name, each in served.items():
            times = results[name]["starts"]
            results[name]["start"] = {
                "ready_s": statistics.median(t["ready_s"] for t in times),
                "first_message_ms": statistics.median(t["first_message_s"] * 1000 for t in times),
            }
            bots.converse(each, len(each.bot.conversations[0]))  # warm-up, unmeasured

        for kind, (rounds, size) in (QUICK if quick else PLAN).items():
            samples = {name: bots.Sample() for name in served}
            for number in range(rounds):
                for bot in in_order(bot_list, number):
                    samples[bot.name].add(LOADS[kind](served[bot.name], size, number))
            for name, sample in samples.items():
                figures = results[name][kind] = sample.summary()
                progress(
                    f"{name}: {kind} p50 {figures['p50_ms']:.0f} ms, "
                    f"p95 {figures['p95_ms']:.0f} ms, errors {figures['errors']}"
                )

        held_out = support.nlu_examples(processes.REPO_ROOT / "tests" / "nlu")
        out_of_scope = [text for label, text in held_out if label == "out_of_scope"]
        out_of_scope += support.read_lines(Path(__file__).with_name("out_of_scope.txt"))
        for bot in bot_list:
            each, figures = served[bot.name], results[bot.name]
            figures["out_of_scope"] = support.rejection_rate(each.read, out_of_scope)
            if bot.ours:
                figures["held_out"] = support.held_out_accuracy(each.read, held_out)
            figures["memory"] = each.memory()
            progress(f"{bot.name}: memory {figures['memory']}")
            if bot.ours and not quick:  # after the memory: ~500 more conversations kept
                figures["realistic"] = measure_realistic(each)
                progress(f"{bot.name}: realistic {figures['realistic']}")
    return results


def measure_realistic(served: Served) -> dict[str, Any]:
    """The first blind set of tests/realistic through the REST channel; its form answers
    read by NLU alone and as answers to the form's questions."""

    def send(sender: str, text: str) -> Any:
        return served.send(sender, text)[1]

    found = realistic.evaluate(send)
    slots, _ = realistic.slot_accuracy(served.read)
    in_form = realistic.form_slot_accuracy(send, realistic.Judge.from_repo())
    figures = {k: v for k, v in dataclasses.asdict(found).items() if k != "misses"}
    return (
        figures
        | {f"slot_{slot}": value for slot, value in slots.items()}
        | {f"form_{slot}": value for slot, value in in_form.items()}
    )


def build_rows(results: dict[str, dict[str, Any]]) -> list[report.Row]:
    def value(name: str, where: str) -> float | None:
        found: Any = results.get(name) or {}
        for key in where.split("."):
            found = found.get(key) if isinstance(found, dict) else None
        return found if isinstance(found, int | float) else None

    return [
        report.Row(figure, unit, value("ours", where), value("baseline", where), target, digits)
        for figure, unit, where, target, digits in ROWS
    ]


def guarded(function: Callable, *args: Any) -> dict[str, Any]:
    """A failed offline measurement becomes an error entry, not a lost run."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - reported in bench.json
        return {"error": f"{type(error).__name__}: {error}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few messages, no blind sets")
    parser.add_argument("--no-baseline", action="store_true", help="measure ours only")
    parser.add_argument("--out", default="bench-results", help="folder for bench.json and logs")
    args = parser.parse_args(argv)
    model, out = processes.REPO_ROOT / "models" / "assistant.tar.gz", Path(args.out).resolve()
    shutil.rmtree(out / "logs", ignore_errors=True)
    (logs := out / "logs").mkdir(parents=True)
    bots.CACHE.mkdir(exist_ok=True)
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", file=sys.stderr, flush=True)

    machine, versions = report.machine(), report.versions()
    print(report.header(machine, versions), file=sys.stderr, flush=True)
    if not model.exists():
        print(f"{model} is missing: run `make train` first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="run-", dir=bots.CACHE))
    # A snapshot, so that a retrain by someone else during the run cannot mix two models.
    shutil.copy2(model, work / "ours.tar.gz")
    bot_list = [bots.ours(processes.REPO_ROOT, work / "ours.tar.gz")]
    if not args.no_baseline:
        baseline = bots.baseline(create=not args.quick, log=logs / "baseline-init.log")
        bot_list += [baseline] if baseline else []
        if baseline is None:
            progress("baseline not trained yet: measuring ours only (run without --quick)")
    settings = {
        "quick": args.quick,
        "model": str(model),
        "baseline_model": str(bot_list[-1].model) if len(bot_list) > 1 else None,
        "plan": QUICK if args.quick else PLAN,
    }
    results: dict[str, dict[str, Any]] = {}

    def save() -> Path:
        """bench.json after every phase, so a late failure loses nothing."""
        sections = {"machine": machine, "versions": versions, "settings": settings}
        return report.write(out, build_rows(results), **sections, details=results)

    try:
        results.update(measure_served(bot_list, work, logs, args.quick, progress))
        save()
        if not args.quick:
            progress("ours: terminal chat start to prompt, against rasa shell ...")
            chat = guarded(offline.chat_start, model)
            results["ours"]["chat_start"] = {"seconds": chat.get("make_chat_s")}
            results.setdefault("baseline", {})["chat_start"] = {"seconds": chat.get("rasa_shell_s")}
            progress(f"ours: chat start {chat}")
            for bot in bot_list:
                for kind, measure in (
                    ("cv", offline.cross_validation),  # 5 folds
                    ("training", offline.training_times),
                ):
                    progress(f"{bot.name}: {kind} ...")
                    where = (work / f"{bot.name}-{kind}", logs / f"{bot.name}-{kind}.log")
                    found = results[bot.name][kind] = guarded(measure, bot.project, *where)
                    shown = {k: v for k, v in found.items() if not isinstance(v, dict | list)}
                    progress(f"{bot.name}: {kind} {shown}")
                    save()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    settings["seconds"] = round(time.monotonic() - started)
    machine["load_average_end"] = report.machine().get("load_average")
    path = save()
    print(report.header(machine, versions))
    print(report.table(build_rows(results)))
    print(f"\nFigures and raw data: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
