"""Benchmark this assistant against the default `rasa init` assistant, in one run.

    python -m bench.run                 # everything (about 16 minutes on 2 shared cores)
    python -m bench.run --quick         # a few messages: no blind sets, CV or training
    python -m bench.run --light --skip-cv --skip-training \
        --project /tmp/copy --against-project /tmp/before   # A/B of a change on copies
    python -m bench.run --render bench-results/bench.json   # print an earlier table

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
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Callable

from bench import bots, chat_start, load, offline, realistic, report, support
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
    ("Near-domain and out-of-scope rejection", "",
     "realistic.out_of_scope_rejection", AT_LEAST, 3),
    ("Follow-ups answered with the expected topic", "",
     "realistic.follow_up_accuracy", AT_LEAST, 3),
    ("Dialogues reaching the expected recommendation", "",
     "realistic.dialogues_reached", AT_LEAST, 3),
    ("Visitor turns per successful dialogue", "", "realistic.dialogue_turns", "ours <= 4", 2),
    ("Slot understanding, company size", "", "realistic.slot_company_size", AT_LEAST, 3),
    ("Slot understanding, budget", "", "realistic.slot_budget", AT_LEAST, 3),
    ("Slot understanding, functions (exact set)", "",
     "realistic.slot_outsourced_functions", AT_LEAST, 3),
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


@dataclasses.dataclass
class Plan:
    """How much of each measurement to do."""

    start_rounds: int = 3
    sequential_rounds: int = 3
    sequential_per_round: int = 100  # 300 messages in all
    users10_rounds: int = 3
    users10_per_user: int = 10  # 3 x 10 x 10 = 300 messages
    users50_rounds: int = 2
    users50_per_user: int = 6  # 2 x 50 x 6 = 600 messages
    parse_rounds: int = 3
    parse_per_round: int = 100
    retrains: int = 2
    parallel_start: bool = False  # start both bots at once (quick: start times not comparable)


LIGHT = Plan(1, 2, 100, 2, 10, 1, 4, 2, 50, 1)  # for A/B runs of candidate changes
QUICK = Plan(1, 1, 12, 1, 1, 1, 1, 1, 10, 1, parallel_start=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    flag = parser.add_argument
    flag("--quick", action="store_true", help="a few messages: no blind sets, CV or training")
    flag("--light", action="store_true", help="fewer rounds (one start, 200 sequential messages)")
    flag("--skip-cv", action="store_true", help="no cross-validation")
    flag("--skip-training", action="store_true", help="no training times")
    flag("--no-baseline", action="store_true", help="measure ours only")
    flag("--out", default="bench-results", help="folder for bench.json and logs")
    flag("--project", default=str(processes.REPO_ROOT), help="the assistant to measure as ours")
    flag("--model", help="its model (default: <project>/models/assistant.tar.gz)")
    flag("--against-project", help="A/B: this copy of the assistant as the baseline instead")
    flag("--render", metavar="BENCH_JSON", help="print the table of an earlier run again")
    return parser.parse_args(argv)


def in_order(items: list[Any], round_number: int) -> list[Any]:
    """Alternate who goes first, round by round."""
    return items if round_number % 2 == 0 else list(reversed(items))


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def first_conversation(served: Served) -> list[dict[str, Any]]:
    """One whole conversation, unmeasured (warm-up), kept to check the mix behaves."""
    sender, transcript = str(uuid.uuid4()), []
    for text in served.bot.conversations[0]:
        status, body, latency = served.send(sender, text)
        replies = [r.get("text", "") for r in body] if isinstance(body, list) else [str(body)]
        transcript.append(
            {"user": text, "status": status, "ms": round(latency * 1000, 1), "bot": replies}
        )
    return transcript


def measure_served(
    bot_list: list[Bot], plan: Plan, work: Path, logs: Path, quick: bool, progress: Callable
) -> dict[str, dict[str, Any]]:
    """Start, latency, throughput, /model/parse, understanding via parse, memory, and
    (unless quick) the blind sets."""
    results: dict[str, dict[str, Any]] = {bot.name: {"starts": []} for bot in bot_list}
    with contextlib.ExitStack() as running:
        action = {}
        for bot in (bot for bot in bot_list if bot.ours):
            port, started = processes.free_port(), time.monotonic()
            log = logs / f"{bot.name}-actions.log"
            server = processes.action_server(port, bots.env(work / "a.db"), log, cwd=bot.project)
            action[bot.name] = running.enter_context(server), port
            results[bot.name]["action_server_ready_s"] = time.monotonic() - started

        def start(bot: Bot, number: int) -> Served:
            served, ready, first = bots.start(
                bot,
                work / f"{bot.name}-{number}.db",
                logs / f"{bot.name}-rasa.log",
                action.get(bot.name, (None, 0))[1],
            )
            running.callback(processes.stop, served.process)
            results[bot.name]["starts"].append({"ready_s": ready, "first_message_s": first})
            progress(f"{bot.name}: answered after {ready:.1f}s (first message {first*1000:.0f} ms)")
            return served

        for number in range(plan.start_rounds):
            if plan.parallel_start:
                with ThreadPoolExecutor(len(bot_list)) as pool:
                    started = list(pool.map(start, bot_list, [number] * len(bot_list)))
            else:  # an idle server must not share the machine with the next start
                started = [start(bot, number) for bot in in_order(bot_list, number)]
            if number < plan.start_rounds - 1:
                for served in started:
                    processes.stop(served.process)
        served = {each.bot.name: each for each in started}
        for name, each in served.items():
            each.action_process = action.get(name, (None,))[0]
            results[name]["warm_up_conversation"] = first_conversation(each)

        for kind in ("sequential", "users10", "users50", "parse"):
            samples = {bot.name: load.Sample() for bot in bot_list}
            for number in range(getattr(plan, f"{kind}_rounds")):
                for bot in in_order(bot_list, number):
                    samples[bot.name].add(one_round(kind, served[bot.name], plan, number))
            for name, sample in samples.items():
                summary = results[name][kind] = sample.summary()
                progress(
                    f"{name}: {kind} p50 {summary['p50_ms']:.0f} ms, "
                    f"p95 {summary['p95_ms']:.0f} ms, errors {summary['errors']}"
                )

        out_of_scope, held_out = understanding_sets(bot_list[0].project)
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


def one_round(kind: str, served: Served, plan: Plan, number: int) -> load.Sample:
    if kind == "sequential":
        return load.converse(served, plan.sequential_per_round, start=number)
    if kind == "parse":
        return load.parse_load(served, plan.parse_per_round, start=number * plan.parse_per_round)
    return load.concurrent(served, int(kind[5:]), getattr(plan, f"{kind}_per_user"))  # usersN


def understanding_sets(project: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The out-of-scope sentences (tests/nlu's and bench/out_of_scope.txt) and the
    held-out examples of tests/nlu."""
    held_out = support.nlu_examples(project / "tests" / "nlu")
    out_of_scope = [text for label, text in held_out if label == "out_of_scope"]
    return out_of_scope + support.read_lines(Path(__file__).with_name("out_of_scope.txt")), held_out


def measure_realistic(served: Served) -> dict[str, Any]:
    """The blind, realistic sets of tests/realistic through the REST channel."""
    figures = realistic.evaluate(lambda sender, text: served.send(sender, text)[1])
    slots, _ = realistic.slot_accuracy(served.read)
    found = {k: v for k, v in dataclasses.asdict(figures).items() if k != "misses"}
    return {**found, **{f"slot_{slot}": value for slot, value in slots.items()}}


def derived(figures: dict[str, Any]) -> dict[str, Any]:
    """A bot's results with the figures computed from others: medians of the starts,
    all servers' memory, components retrained (also for an earlier bench.json)."""
    starts = figures.get("starts") or []
    memory = dict(figures.get("memory") or {})
    peaks = [part.get("peak_rss_mb") or 0 for part in memory.values() if isinstance(part, dict)]
    memory["total_peak_rss_mb"] = sum(peaks) if memory.get("rasa") else None
    training = dict(figures.get("training") or {})
    counts = [len(run["trained"]) for run in training.get("retrains") or []]
    training["retrained_count"] = max(counts, default=None)
    start = {
        "ready_s": median([each["ready_s"] for each in starts]),
        "first_message_ms": median([each["first_message_s"] * 1000 for each in starts]),
    }
    return {**figures, "memory": memory, "training": training, "start": start}


def build_rows(results: dict[str, dict[str, Any]]) -> list[report.Row]:
    def value(name: str, where: str) -> float | None:
        current: Any = derived(results.get(name) or {})
        for key in where.split("."):
            current = current.get(key) if isinstance(current, dict) else None
        return current if isinstance(current, int | float) else None

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


def render(path: Path) -> int:
    """Rebuild the rows of an earlier bench.json from its raw figures and print them."""
    data = json.loads(path.read_text())
    rows = build_rows(data["details"])
    sections = ("machine", "versions", "settings", "details")
    report.write(path.parent, rows, **{name: data[name] for name in sections})
    print(report.header(data["machine"], data["versions"]))
    print(report.table(rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        return render(Path(args.render))
    plan = QUICK if args.quick else LIGHT if args.light else Plan()
    skip_cv, skip_training = args.skip_cv or args.quick, args.skip_training or args.quick
    project = Path(args.project).resolve()
    model = Path(args.model or project / "models" / "assistant.tar.gz").resolve()
    out = Path(args.out).resolve()
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
    bot_list = [bots.ours(project, work / "ours.tar.gz")]
    if args.against_project:
        against = Path(args.against_project).resolve()
        shutil.copy2(against / "models" / "assistant.tar.gz", work / "against.tar.gz")
        bot_list.append(bots.ours(against, work / "against.tar.gz", name="baseline"))
    elif not args.no_baseline:
        baseline = bots.baseline(create=not args.quick, log=logs / "baseline-init.log")
        bot_list += [baseline] if baseline else []
        if baseline is None:
            progress("baseline not trained yet: measuring ours only (run without --quick)")
    settings = {
        "quick": args.quick,
        "project": str(project),
        "model": str(model),
        "baseline_model": str(bot_list[-1].model) if len(bot_list) > 1 else None,
        "baseline_project": str(bot_list[-1].project) if len(bot_list) > 1 else None,
        "plan": dataclasses.asdict(plan),
        "skip_cv": skip_cv,
        "skip_training": skip_training,
    }
    results: dict[str, dict[str, Any]] = {}

    def save() -> Path:
        """bench.json after every phase, so a late failure loses nothing."""
        sections = {"machine": machine, "versions": versions, "settings": settings}
        return report.write(out, build_rows(results), **sections, details=results)

    try:
        results.update(measure_served(bot_list, plan, work, logs, args.quick, progress))
        save()
        if not args.quick:
            progress("ours: terminal chat start to prompt, against rasa shell ...")
            chat = guarded(chat_start.measure, model)
            results["ours"]["chat_start"] = {"seconds": chat.get("make_chat_s")}
            results.setdefault("baseline", {})["chat_start"] = {"seconds": chat.get("rasa_shell_s")}
            progress(f"ours: chat start {chat}")
            save()
        offline_figures = {
            "cv": (skip_cv, offline.cross_validation),  # 5 folds
            "training": (skip_training, partial(offline.training_times, retrains=plan.retrains)),
        }
        for bot in bot_list:
            for kind, (skip, measure) in offline_figures.items():
                if skip:
                    continue
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
