"""Benchmark this assistant against the default `rasa init` assistant, in one run.

    python -m bench.run                 # everything (about 45 minutes on 2 shared cores)
    python -m bench.run --quick         # a handful of messages, no CV, no training
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
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import bots, chat_start, load, nludata, offline, realistic, report, servers
from bench.report import Row, Target
from bench.servers import Bot, Served


@dataclass
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

    @classmethod
    def light(cls) -> Plan:
        """Fewer rounds, for A/B runs of candidate changes."""
        return cls(
            start_rounds=1,
            sequential_rounds=2,
            users10_rounds=2,
            users50_rounds=1,
            users50_per_user=4,
            parse_rounds=2,
            parse_per_round=50,
            retrains=1,
        )

    @classmethod
    def quick(cls) -> Plan:
        return cls(
            start_rounds=1,
            sequential_rounds=1,
            sequential_per_round=12,
            users10_rounds=1,
            users10_per_user=1,
            users50_rounds=1,
            users50_per_user=1,
            parse_rounds=1,
            parse_per_round=10,
            retrains=1,
            parallel_start=True,
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a tiny sample: a handful of messages, no CV, no training",
    )
    parser.add_argument(
        "--light", action="store_true", help="fewer rounds (one start, 200 sequential messages)"
    )
    parser.add_argument("--skip-cv", action="store_true", help="no cross-validation")
    parser.add_argument("--skip-training", action="store_true", help="no training times")
    parser.add_argument("--out", default="bench-results", help="folder for bench.json and logs")
    parser.add_argument(
        "--project",
        default=str(bots.REPO_ROOT),
        help="the assistant to measure as 'ours' (e.g. a modified copy)",
    )
    parser.add_argument("--model", help="its model (default: <project>/models/assistant.tar.gz)")
    parser.add_argument(
        "--ours-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="environment for our servers only (e.g. TF thread settings)",
    )
    parser.add_argument("--baseline-dir", default=str(bots.BASELINE_DIR))
    parser.add_argument(
        "--against-project",
        help="A/B test: use this copy of the assistant as the 'baseline' column instead",
    )
    parser.add_argument("--against-model", help="its model (default: <it>/models/assistant.tar.gz)")
    parser.add_argument(
        "--against-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="environment for the --against-project servers only",
    )
    parser.add_argument(
        "--render",
        metavar="BENCH_JSON",
        help="print the table of an earlier run again (and update it)",
    )
    parser.add_argument("--start-rounds", type=int, help="starts per bot (default 3, quick 1)")
    parser.add_argument("--no-baseline", action="store_true", help="measure ours only")
    parser.add_argument(
        "--no-baseline-train",
        action="store_true",
        help="skip the baseline when it is not trained yet (default with --quick)",
    )
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
            {
                "user": text,
                "status": status,
                "ms": round(latency * 1000, 1),
                "bot": [reply[:90] for reply in replies],
            }
        )
    return transcript


def realistic_rows(both) -> list[Row]:
    def row(label: str, key: str, target: Target | None, digits: int = 3) -> Row:
        return Row(label, "", *both("realistic", key), target, digits)

    at_least = Target("ours", ">=", 0.95)
    return [
        row(
            "Realistic knowledge questions, right topic",
            "knowledge_accuracy",
            Target("ours", ">=", 0.97),
        ),
        row(
            "Realistic in-scope false rejection",
            "knowledge_false_rejection",
            Target("ours", "<=", 0.02),
        ),
        row("Near-domain and out-of-scope rejection", "out_of_scope_rejection", at_least),
        row("Follow-ups answered with the expected topic", "follow_up_accuracy", at_least),
        row("Dialogues reaching the expected recommendation", "dialogues_reached", at_least),
        row("Visitor turns per successful dialogue", "dialogue_turns", Target("ours", "<=", 4), 2),
        row("Slot understanding, company size", "slot_company_size", at_least),
        row("Slot understanding, budget", "slot_budget", at_least),
        row("Slot understanding, functions (exact set)", "slot_outsourced_functions", at_least),
    ]


def measure_served(
    bot_list: list[Bot],
    plan: Plan,
    work: Path,
    logs: Path,
    out_of_scope: list[str],
    held_out: list,
    progress,
) -> dict[str, dict]:
    """Start, latency, throughput, /model/parse, understanding via parse, memory."""
    results: dict[str, dict[str, Any]] = {bot.name: {"starts": []} for bot in bot_list}
    served: dict[str, Served] = {}
    action: dict[str, Any] = {}
    for bot in bot_list:
        if bot.with_action_server:
            process, port, seconds = start_action_server(bot, logs)
            action[bot.name] = (process, port)
            results[bot.name]["action_server_ready_s"] = seconds

    def start(bot: Bot, number: int) -> Served:
        port = action.get(bot.name, (None, None))[1]
        running, ready, first = servers.start_bot(
            bot, work / f"{bot.name}-{number}.db", logs / f"{bot.name}-rasa.log", port
        )
        results[bot.name]["starts"].append({"ready_s": ready, "first_message_s": first})
        progress(f"{bot.name}: answered after {ready:.1f}s (first message {first*1000:.0f} ms)")
        return running

    for number in range(plan.start_rounds):
        last = number == plan.start_rounds - 1
        if plan.parallel_start:
            with ThreadPoolExecutor(len(bot_list)) as pool:
                started = dict(
                    zip(
                        [b.name for b in bot_list],
                        pool.map(start, bot_list, [number] * len(bot_list)),
                        strict=False,
                    )
                )
        else:
            started = {}
            for bot in in_order(bot_list, number):
                started[bot.name] = start(bot, number)
                if not last:  # an idle server must not share the machine with the next start
                    servers.stop(started[bot.name].process)
        for name, running in started.items():
            if last:
                running.action_process = action.get(name, (None,))[0]
                served[name] = running
            else:
                servers.stop(running.process)

    for bot in bot_list:
        results[bot.name]["warm_up_conversation"] = first_conversation(served[bot.name])

    def rounds(kind: str, count: int, run) -> None:
        samples = {bot.name: load.Sample() for bot in bot_list}
        for number in range(count):
            for bot in in_order(bot_list, number):
                samples[bot.name].add(run(served[bot.name], number))
        for name, sample in samples.items():
            results[name][kind] = sample.summary()
            summary = results[name][kind]
            progress(
                f"{name}: {kind} p50 {summary['p50_ms']:.0f} ms, "
                f"p95 {summary['p95_ms']:.0f} ms, errors {summary['errors']}"
            )

    rounds(
        "sequential",
        plan.sequential_rounds,
        lambda s, n: load.converse(s, plan.sequential_per_round, start=n),
    )
    rounds(
        "users10", plan.users10_rounds, lambda s, n: load.concurrent(s, 10, plan.users10_per_user)
    )
    rounds(
        "users50", plan.users50_rounds, lambda s, n: load.concurrent(s, 50, plan.users50_per_user)
    )
    rounds(
        "parse",
        plan.parse_rounds,
        lambda s, n: load.parse_load(s, plan.parse_per_round, start=n * plan.parse_per_round),
    )

    for bot in bot_list:
        results[bot.name]["out_of_scope"] = load.rejection_rate(served[bot.name], out_of_scope)
        if bot.kind == "assistant":
            results[bot.name]["held_out"] = load.held_out_accuracy(served[bot.name], held_out)
        results[bot.name]["memory"] = served[bot.name].memory()
        progress(f"{bot.name}: memory {results[bot.name]['memory']}")
        if bot.kind == "assistant":  # after the memory: ~500 more conversations kept in memory
            results[bot.name]["realistic"] = measure_realistic(served[bot.name])
            progress(f"{bot.name}: realistic {results[bot.name]['realistic']}")
    for running in served.values():
        servers.stop(running.process)
        servers.stop(running.action_process)
    return results


def measure_realistic(running: Served) -> dict[str, Any]:
    """The blind, realistic sets of tests/realistic through the REST channel."""
    figures = realistic.evaluate(lambda sender, text: running.send(sender, text)[1])
    slots, _ = realistic.slot_accuracy(lambda text: running.parse(text)[1])
    return {
        "knowledge_accuracy": figures.knowledge_accuracy,
        "knowledge_false_rejection": figures.knowledge_false_rejection,
        "out_of_scope_rejection": figures.out_of_scope_rejection,
        "follow_up_accuracy": figures.follow_up_accuracy,
        "dialogues_reached": figures.dialogues_reached,
        "dialogue_turns": figures.dialogue_turns,
        **{f"slot_{slot}": value for slot, value in slots.items()},
    }


def start_action_server(bot: Bot, logs: Path):
    return servers.start_action_server(bot, logs / f"{bot.name}-actions.log")


def value(results: dict, name: str, *keys: str) -> float | None:
    current: Any = results.get(name)
    for key in keys:
        if not isinstance(current, dict) or key not in current:
            return None
        current = current[key]
    return current if isinstance(current, int | float) else None


def build_rows(results: dict[str, dict[str, Any]]) -> list[Row]:
    def both(*keys: str):
        return value(results, "ours", *keys), value(results, "baseline", *keys)

    def start_median(name: str, key: str, scale: float = 1.0) -> float | None:
        starts = (results.get(name) or {}).get("starts") or []
        found = median([start[key] * scale for start in starts])
        return found

    def memory(name: str, process: str) -> float | None:
        return value(results, name, "memory", process, "peak_rss_mb")

    def total(name: str) -> float | None:
        parts = [memory(name, "rasa"), memory(name, "actions")]
        return None if parts[0] is None else sum(p for p in parts if p is not None)

    def retrained(name: str) -> float | None:
        """Components trained again (graph nodes) in the worst retrain."""
        runs = ((results.get(name) or {}).get("training") or {}).get("retrains")
        return None if not runs else float(max(len(run["trained"]) for run in runs))

    at_least = Target("ours", ">=", 0.95)
    rows = [
        Row("CV intent macro-F1 (5 folds)", "", *both("cv", "intent_macro_f1"), at_least, 3),
        Row(
            "CV response-selector accuracy (<intent>/<topic>)",
            "",
            *both("cv", "response_selector_accuracy"),
            None,
            3,
        ),
        Row(
            "Held-out accuracy, intent + topic (tests/nlu)",
            "",
            *both("held_out", "accuracy"),
            at_least,
            3,
        ),
        Row(
            "Held-out intent accuracy (tests/nlu)",
            "",
            *both("held_out", "intent_accuracy"),
            None,
            3,
        ),
        Row("Out-of-scope rejection", "", *both("out_of_scope", "rate"), at_least, 3),
        *realistic_rows(both),
        Row("REST sequential p50", "ms", *both("sequential", "p50_ms"), Target("ratio", "<=", 0.5)),
        Row("REST sequential p95", "ms", *both("sequential", "p95_ms"), Target("ratio", "<=", 0.5)),
        Row("REST sequential p99", "ms", *both("sequential", "p99_ms")),
        Row("REST sequential max", "ms", *both("sequential", "max_ms")),
        Row("10 users p50", "ms", *both("users10", "p50_ms")),
        Row("10 users p95", "ms", *both("users10", "p95_ms")),
        Row(
            "10 users throughput",
            "msgs/s",
            *both("users10", "throughput_msgs_s"),
            Target("ratio", ">=", 2),
        ),
        Row("50 users p50", "ms", *both("users50", "p50_ms")),
        Row("50 users p95", "ms", *both("users50", "p95_ms")),
        Row("50 users throughput", "msgs/s", *both("users50", "throughput_msgs_s")),
        Row("/model/parse p50", "ms", *both("parse", "p50_ms")),
        Row("/model/parse p95", "ms", *both("parse", "p95_ms")),
        Row(
            "Start until first answer",
            "s",
            start_median("ours", "ready_s"),
            start_median("baseline", "ready_s"),
            Target("ratio", "<=", 0.5),
        ),
        Row(
            "First message after start",
            "ms",
            start_median("ours", "first_message_s", 1000),
            start_median("baseline", "first_message_s", 1000),
            Target("ours", "<", 100),
        ),
        Row(
            "Peak RSS, Rasa server",
            "MB",
            memory("ours", "rasa"),
            memory("baseline", "rasa"),
            Target("ratio", "<=", 0.7),
            0,
        ),
        Row(
            "Peak RSS, action server",
            "MB",
            memory("ours", "actions"),
            memory("baseline", "actions"),
            None,
            0,
        ),
        Row(
            "Peak RSS, all servers",
            "MB",
            total("ours"),
            total("baseline"),
            Target("ratio", "<=", 0.7),
            0,
        ),
        Row(
            "Terminal chat, start to prompt (make chat vs rasa shell, same model)",
            "s",
            *both("chat_start", "seconds"),
            Target("ratio", "<=", 1.0),
            1,
        ),
        Row("Training from scratch", "s", *both("training", "scratch_seconds")),
        Row(
            "Retrain after a response-text change",
            "s",
            *both("training", "retrain_seconds"),
            Target("ours", "<=", 30),
        ),
        Row(
            "Components retrained after that change",
            "",
            retrained("ours"),
            retrained("baseline"),
            None,
            0,
        ),
    ]
    return rows


def guarded(function, *args) -> dict[str, Any]:
    """A failed offline measurement becomes an error entry, not a lost run."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - reported in bench.json
        return {"error": f"{type(error).__name__}: {error}"}


def render(path: Path) -> int:
    """Rebuild the rows of an earlier bench.json from its raw figures and print them."""
    data = json.loads(path.read_text())
    rows = build_rows(data["details"])
    report.write(
        path.parent, rows, data["machine"], data["versions"], data["settings"], data["details"]
    )
    print(report.header(data["machine"], data["versions"]))
    print(report.table(rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        return render(Path(args.render))
    plan = Plan.quick() if args.quick else Plan.light() if args.light else Plan()
    if args.start_rounds:
        plan.start_rounds = args.start_rounds
    skip_cv = args.skip_cv or args.quick
    skip_training = args.skip_training or args.quick
    project = Path(args.project).resolve()
    model = Path(args.model).resolve() if args.model else project / "models" / "assistant.tar.gz"
    out = Path(args.out).resolve()
    logs = out / "logs"
    if logs.exists():
        shutil.rmtree(logs)
    logs.mkdir(parents=True)
    bots.CACHE.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=bots.CACHE))
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", file=sys.stderr, flush=True)

    machine_info, versions_info = report.machine(), report.versions()
    print(report.header(machine_info, versions_info), file=sys.stderr, flush=True)
    if not model.exists():
        print(f"{model} is missing: run `make train` first", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 2
    # A snapshot, so that a retrain by someone else during the run cannot mix two models.
    snapshot = work / "ours-model.tar.gz"
    shutil.copy2(model, snapshot)
    extra_env = dict(item.split("=", 1) for item in args.ours_env)
    ours = bots.ours(project, snapshot, extra_env)
    baseline = None
    if args.against_project:
        against = Path(args.against_project).resolve()
        against_model = Path(args.against_model or against / "models" / "assistant.tar.gz")
        against_snapshot = work / "against-model.tar.gz"
        shutil.copy2(against_model, against_snapshot)
        baseline = bots.ours(
            against,
            against_snapshot,
            dict(item.split("=", 1) for item in args.against_env),
            name="baseline",
        )
    elif not args.no_baseline:
        baseline = bots.baseline(
            Path(args.baseline_dir),
            create=not (args.quick or args.no_baseline_train),
            log=logs / "baseline-init.log",
        )
        if baseline is None:
            progress("baseline not trained yet: measuring ours only (run without --quick)")
    bot_list = [ours] + ([baseline] if baseline else [])

    out_of_scope = [
        text
        for intent, text in nludata.read_examples(project / "tests/nlu/conversation_test.yml")
        if intent == "out_of_scope"
    ]
    out_of_scope += nludata.read_lines(Path(__file__).with_name("out_of_scope.txt"))
    held_out = nludata.read_dir(project / "tests" / "nlu")

    results: dict[str, dict[str, Any]] = {}
    settings = {
        "quick": args.quick,
        "project": str(project),
        "model": str(model),
        "baseline_model": str(baseline.model) if baseline else None,
        "baseline_project": str(baseline.project) if baseline else None,
        "baseline_env": baseline.extra_env if baseline else {},
        "ours_env": extra_env,
        "plan": plan.__dict__,
        "skip_cv": skip_cv,
        "skip_training": skip_training,
        "out_of_scope_sentences": len(out_of_scope),
        "held_out_examples": len(held_out),
    }

    def save() -> Path:
        """bench.json after every phase, so a late failure loses nothing."""
        return report.write(
            out, build_rows(results), machine_info, versions_info, settings, results
        )

    try:
        results.update(measure_served(bot_list, plan, work, logs, out_of_scope, held_out, progress))
        save()
        if not args.quick:
            progress("ours: terminal chat start to prompt, against rasa shell ...")
            chat = guarded(chat_start.measure, model)
            results["ours"]["chat_start"] = {"seconds": (chat or {}).get("make_chat_s")}
            results.setdefault("baseline", {})["chat_start"] = {
                "seconds": (chat or {}).get("rasa_shell_s")
            }
            progress(f"ours: chat start {chat}")
            save()
        for bot in bot_list:
            if not skip_cv:
                progress(f"{bot.name}: 5-fold cross-validation ...")
                results[bot.name]["cv"] = guarded(
                    offline.cross_validation,
                    bot.project,
                    work / f"{bot.name}-cv",
                    logs / f"{bot.name}-cv.log",
                )
                progress(f"{bot.name}: cv {results[bot.name]['cv']}")
            if not skip_training:
                progress(f"{bot.name}: training from scratch, then after a response change ...")
                results[bot.name]["training"] = guarded(
                    offline.training_times,
                    bot.project,
                    work / f"{bot.name}-train",
                    logs / f"{bot.name}-train.log",
                    plan.retrains,
                )
                training = results[bot.name]["training"]
                progress(
                    f"{bot.name}: training "
                    + str({k: v for k, v in training.items() if k not in ("scratch", "retrains")})
                )
            save()
    finally:
        servers.stop_all()
        shutil.rmtree(work, ignore_errors=True)

    settings["seconds"] = round(time.monotonic() - started)
    machine_info["load_average_end"] = report.machine().get("load_average")
    rows = build_rows(results)
    path = save()
    print(report.header(machine_info, versions_info))
    print(report.table(rows))
    print(f"\nFigures and raw data: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
