"""Several machines, tested on one: PostgreSQL tracker store, Redis lock store, two Rasa
servers and one action server, all from endpoints.cluster.yml.

Installs Debian's `postgresql` and `redis-server` when missing, starts a private
PostgreSQL cluster and a password-protected Redis on free loopback ports, and
stops and removes everything at the end. Run with `make test-cluster`.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import psycopg2
import pytest
import redis

from bot import processes

pytestmark = pytest.mark.cluster

ENDPOINTS = "endpoints.cluster.yml"
IS_ROOT = os.geteuid() == 0


# --------------------------------------------------------------------------- packages


def postgres_bin() -> Optional[Path]:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name)
    )
    return Path(found[-1]).parent if found else None


def ensure_packages() -> Path:
    """PostgreSQL's binaries (installed from Debian's packages when missing) and redis-server."""
    missing = []
    if postgres_bin() is None:
        missing.append("postgresql")
    if shutil.which("redis-server") is None:
        missing.append("redis-server")
    if missing:
        if not IS_ROOT:
            pytest.fail(f"install {' '.join(missing)} (apt-get install {' '.join(missing)})")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    binaries = postgres_bin()
    assert binaries is not None and shutil.which("redis-server"), "installation failed"
    return binaries


# --------------------------------------------------------------------------- services


def as_postgres(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if IS_ROOT else command


@contextlib.contextmanager
def postgresql(binaries: Path) -> Iterator[Dict[str, str]]:
    """A private cluster on a free loopback port with a database and a user for Rasa."""
    home = Path(tempfile.mkdtemp(prefix="bpo-cluster-pg-"))
    if IS_ROOT:
        shutil.chown(home, "postgres", "postgres")
    data, port = home / "data", processes.free_port()
    settings = {
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(port),
        "DB_DATABASE": "rasa",
        "DB_USER": "rasa",
        "DB_PASSWORD": secrets.token_hex(16),
    }
    started = False
    try:
        subprocess.run(
            as_postgres(
                [
                    str(binaries / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            as_postgres(
                [
                    str(binaries / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(home / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        admin = psycopg2.connect(host=str(home), port=port, user="postgres", dbname="postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("CREATE ROLE rasa LOGIN PASSWORD %s", (settings["DB_PASSWORD"],))
            cursor.execute("CREATE DATABASE rasa OWNER rasa")
        admin.close()
        yield settings
    finally:
        if started:
            subprocess.run(
                as_postgres(
                    [
                        str(binaries / "pg_ctl"),
                        "-D",
                        str(data),
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        "60",
                        "stop",
                    ]
                ),
                stdout=subprocess.DEVNULL,
                check=False,
            )
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def redis_server() -> Iterator[Dict[str, str]]:
    """redis-server on a free loopback port, with a random password, nothing on disk."""
    home = Path(tempfile.mkdtemp(prefix="bpo-cluster-redis-"))
    port, password = processes.free_port(), secrets.token_hex(16)
    config = home / "redis.conf"
    config.write_text(
        f'bind 127.0.0.1\nport {port}\nrequirepass {password}\nsave ""\nappendonly no\n'
        f"dir {home}\nprotected-mode yes\n"
    )
    config.chmod(0o600)
    server = subprocess.Popen(
        ["redis-server", str(config)],
        stdout=open(home / "redis.log", "wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port, password=password)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield {
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(port),
            "REDIS_PASSWORD": password,
            "REDIS_DB": "1",
        }
    finally:
        processes.stop(server, timeout=10)
        shutil.rmtree(home, ignore_errors=True)


# --------------------------------------------------------------------------- the cluster


@dataclass
class Cluster:
    database: Dict[str, str]
    lock: Dict[str, str]
    work: Path
    urls: Dict[str, str] = field(default_factory=dict)
    servers: Dict[str, contextlib.ExitStack] = field(default_factory=dict)

    def say(self, server: str, sender: str, text: str) -> str:
        request = urllib.request.Request(
            self.urls[server] + "/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": text}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as reply:
            assert reply.status == 200
            return "\n".join(m.get("text") or "" for m in json.loads(reply.read()))

    def stop(self, server: str) -> None:
        self.servers.pop(server).close()

    def events(self, sender: str) -> List[Tuple[str, dict]]:
        connection = psycopg2.connect(
            host=self.database["DB_HOST"],
            port=self.database["DB_PORT"],
            user=self.database["DB_USER"],
            password=self.database["DB_PASSWORD"],
            dbname=self.database["DB_DATABASE"],
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,)
                )
                return [(kind, json.loads(data)) for kind, data in cursor.fetchall()]
        finally:
            connection.close()


@pytest.fixture(scope="module")
def cluster(trained_model, tmp_path_factory) -> Iterator[Cluster]:
    binaries = ensure_packages()
    work = tmp_path_factory.mktemp("cluster")
    with contextlib.ExitStack() as everything:
        database = everything.enter_context(postgresql(binaries))
        lock = everything.enter_context(redis_server())
        action_port = processes.free_port()
        env = processes.assistant_env(action_port, work / "unused-sqlite.db", **database, **lock)
        everything.enter_context(
            processes.action_server(action_port, env, log=work / "actions.log")
        )
        cluster = Cluster(database, lock, work)
        try:
            for name in ("a", "b"):  # one after the other: the first one creates the tables
                port = processes.free_port()
                server = contextlib.ExitStack()
                server.enter_context(
                    processes.rasa_server(
                        str(trained_model),
                        port,
                        env,
                        extra_args=["--endpoints", ENDPOINTS],
                        log=work / f"rasa-{name}.log",
                    )
                )
                cluster.servers[name], cluster.urls[name] = server, f"http://127.0.0.1:{port}"
            yield cluster
        finally:
            for server in cluster.servers.values():
                server.close()


# --------------------------------------------------------------------------- checks


def assert_complete_and_consistent(events: List[Tuple[str, dict]], sent: List[str]) -> None:
    """Every message stored once, in order, each turn finished (a reply, then listening)."""
    kinds = [kind for kind, _ in events]
    assert kinds.count("session_started") == 1, kinds
    users = [i for i, kind in enumerate(kinds) if kind == "user"]
    assert [events[i][1]["text"] for i in users] == sent
    for text, begin, end in zip(sent, users, users[1:] + [len(events)], strict=False):
        turn = events[begin:end]
        assert any(kind == "bot" for kind, _ in turn), f"no reply stored for {text!r}"
        assert (
            turn[-1][0] == "action" and turn[-1][1]["name"] == "action_listen"
        ), f"the turn of {text!r} is unfinished or interleaved: {[k for k, _ in turn]}"
    stamps = [data["timestamp"] for _, data in events]
    assert stamps == sorted(stamps), "events are out of order"
    unique = {(kind, json.dumps(data, sort_keys=True)) for kind, data in events}
    assert len(unique) == len(events), "some events are stored twice"


def last_slot(events: List[Tuple[str, dict]], name: str):
    values = [data["value"] for kind, data in events if kind == "slot" and data["name"] == name]
    return values[-1] if values else None


# --------------------------------------------------------------------------- tests


def test_one_conversation_alternating_between_two_servers_is_complete(cluster):
    sender = str(uuid.uuid4())
    script = [
        ("hello", "BPO"),
        ("recommend one for me", "How many people"),
        ("about 30 people", "Which tasks"),
        ("customer support", "budget"),
        ("money is tight", "My recommendation: a call center"),
        ("why that one?", "I suggested a call center"),
    ]
    for number, (text, expected) in enumerate(script):
        server = "ab"[number % 2]
        reply = cluster.say(server, sender, text)
        assert expected in reply, f"server {server} answered {text!r} with {reply!r}"

    events = cluster.events(sender)
    assert_complete_and_consistent(events, [text for text, _ in script])
    assert last_slot(events, "company_size") == "small"
    assert last_slot(events, "budget") == "tight"
    assert last_slot(events, "recommended_model") == "call_center"
    assert not (cluster.work / "unused-sqlite.db").exists(), "a server used SQLite, not PostgreSQL"


def test_simultaneous_messages_of_one_conversation_are_serialised_by_the_redis_lock(cluster):
    sender = str(uuid.uuid4())
    client = redis.Redis(
        host="127.0.0.1",
        port=int(cluster.lock["REDIS_PORT"]),
        password=cluster.lock["REDIS_PASSWORD"],
    )
    client.config_resetstat()
    cluster.say("a", sender, "hello")
    sent = ["hello"]
    texts = {"a": "what is a bpo?", "b": "What is a call center?"}

    def send(server: str, barrier: threading.Barrier, replies: Dict[str, str]) -> None:
        barrier.wait()
        replies[server] = cluster.say(server, sender, texts[server])

    for _ in range(3):
        replies: Dict[str, str] = {}
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=send, args=(name, barrier, replies)) for name in texts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert "Business Process Outsourcing" in replies["a"], replies
        assert "call center" in replies["b"].lower(), replies
        sent += list(texts.values())

    events = cluster.events(sender)
    stored = [data["text"] for kind, data in events if kind == "user"]
    assert sorted(stored) == sorted(sent), stored
    assert_complete_and_consistent(events, stored)
    commands = client.info("commandstats")
    assert commands.get("cmdstat_set", {}).get("calls", 0) >= len(sent), commands


def test_a_server_stopped_mid_conversation_the_other_one_finishes_it(cluster):
    sender = str(uuid.uuid4())
    assert "How many people" in cluster.say("a", sender, "recommend one for me")
    assert "Which tasks" in cluster.say("b", sender, "around 300 employees")
    assert "budget" in cluster.say("a", sender, "payroll and bookkeeping")

    cluster.stop("a")
    with pytest.raises(OSError):
        cluster.say("a", sender, "hello?")

    final = cluster.say("b", sender, "our budget is flexible")
    assert "My recommendation: a BPO" in final
    assert "I suggested a BPO" in cluster.say("b", sender, "why that one?")
    events = cluster.events(sender)
    assert_complete_and_consistent(
        events,
        [
            "recommend one for me",
            "around 300 employees",
            "payroll and bookkeeping",
            "our budget is flexible",
            "why that one?",
        ],
    )
    assert last_slot(events, "recommended_model") == "bpo"
