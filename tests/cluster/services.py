"""PostgreSQL and Redis for the cluster tests: installed from Debian's packages when
missing, started privately on free loopback ports with random passwords, and
controllable (stopped, started, paused) for the fault tests. Everything lives in a
temporary directory that is removed at the end.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import psycopg2
import pytest
import redis

from bot import processes

IS_ROOT = os.geteuid() == 0

# rows of the fault table, printed at the end of the run (tests/cluster/conftest.py)
fault_table: List[str] = []


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


def as_postgres(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if IS_ROOT else command


# --------------------------------------------------------------------------- PostgreSQL


class PostgreSQL:
    """A private cluster on a free loopback port with a database and a user for Rasa."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.home = Path(tempfile.mkdtemp(prefix="bpo-cluster-pg-"))
        if IS_ROOT:
            shutil.chown(self.home, "postgres", "postgres")
        self.data, self.port = self.home / "data", processes.free_port()
        self.settings = {
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(self.port),
            "DB_DATABASE": "rasa",
            "DB_USER": "rasa",
            "DB_PASSWORD": secrets.token_hex(16),
        }
        self.running = False

    def _ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            as_postgres([str(self.binaries / "pg_ctl"), "-D", str(self.data), *args]),
            check=check,
            stdout=subprocess.DEVNULL,
        )

    def create(self) -> None:
        subprocess.run(
            as_postgres(
                [
                    str(self.binaries / "initdb"),
                    "-D",
                    str(self.data),
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
        self.start()
        admin = psycopg2.connect(
            host=str(self.home), port=self.port, user="postgres", dbname="postgres"
        )
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("CREATE ROLE rasa LOGIN PASSWORD %s", (self.settings["DB_PASSWORD"],))
            cursor.execute("CREATE DATABASE rasa OWNER rasa")
        admin.close()

    def start(self) -> None:
        self._ctl(
            "-l",
            str(self.home / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.home} -c fsync=off",
            "start",
        )
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stops the server (`fast`: open connections are closed, as on a restart)."""
        self._ctl("-m", mode, "-w", "-t", "60", "stop", check=False)
        self.running = False

    def connect(self):
        return psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            user="rasa",
            password=self.settings["DB_PASSWORD"],
            dbname="rasa",
        )

    def remove(self) -> None:
        if self.running:
            self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


@contextlib.contextmanager
def postgres_service(binaries: Path) -> Iterator[PostgreSQL]:
    server = PostgreSQL(binaries)
    try:
        server.create()
        yield server
    finally:
        server.remove()


@contextlib.contextmanager
def postgresql(binaries: Path) -> Iterator[Dict[str, str]]:
    """The DB_* settings of a private PostgreSQL (see PostgreSQL)."""
    with postgres_service(binaries) as server:
        yield server.settings


# --------------------------------------------------------------------------- Redis


class RedisServer:
    """redis-server on a free loopback port, with a random password, nothing on disk."""

    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="bpo-cluster-redis-"))
        self.port, self.password = processes.free_port(), secrets.token_hex(16)
        self.config = self.home / "redis.conf"
        self.config.write_text(
            f'bind 127.0.0.1\nport {self.port}\nrequirepass {self.password}\nsave ""\n'
            f"appendonly no\ndir {self.home}\nprotected-mode yes\n"
        )
        self.config.chmod(0o600)
        self.process: Optional[subprocess.Popen] = None
        self.settings = {
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.port),
            "REDIS_PASSWORD": self.password,
            "REDIS_DB": "1",
        }

    def client(self, **kwargs) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password, db=1, **kwargs)

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", str(self.config)],
            stdout=open(self.home / "redis.log", "ab"),
            stderr=subprocess.STDOUT,
        )
        client = self.client()
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.resume()
            processes.stop(self.process, timeout=10)
            self.process = None

    def pause(self) -> None:
        """SIGSTOP: connections are accepted (by the kernel) and never answered."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


@contextlib.contextmanager
def redis_service() -> Iterator[RedisServer]:
    server = RedisServer()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@contextlib.contextmanager
def redis_server() -> Iterator[Dict[str, str]]:
    """The REDIS_* settings of a private redis-server (see RedisServer)."""
    with redis_service() as server:
        yield server.settings


# --------------------------------------------------------------------------- the cluster

ENDPOINTS = "endpoints.cluster.yml"


@dataclass
class Cluster:
    """PostgreSQL, Redis, one action server and Rasa servers named "a", "b"."""

    postgres: PostgreSQL
    redis: RedisServer
    work: Path
    model: str = ""
    env: Dict[str, str] = field(default_factory=dict)
    urls: Dict[str, str] = field(default_factory=dict)
    servers: Dict[str, contextlib.ExitStack] = field(default_factory=dict)

    @property
    def database(self) -> Dict[str, str]:
        return self.postgres.settings

    @property
    def lock(self) -> Dict[str, str]:
        return self.redis.settings

    def start_server(self, name: str) -> None:
        port = processes.free_port()
        server = contextlib.ExitStack()
        server.enter_context(
            processes.rasa_server(
                self.model,
                port,
                self.env,
                extra_args=["--endpoints", ENDPOINTS],
                log=self.work / f"rasa-{name}.log",
            )
        )
        self.servers[name], self.urls[name] = server, f"http://127.0.0.1:{port}"

    def post(
        self,
        server: str,
        sender: str,
        text: str,
        message_id: Optional[str] = None,
        timeout: float = 60,
    ) -> Tuple[List[Dict[str, Any]], float]:
        """The replies to one message, and how long they took."""
        body: Dict[str, Any] = {"sender": sender, "message": text}
        if message_id:
            body["message_id"] = message_id
        request = urllib.request.Request(
            self.urls[server] + "/webhooks/rest/webhook",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            assert reply.status == 200
            replies = json.loads(reply.read())
        return replies, time.perf_counter() - started

    def say(self, server: str, sender: str, text: str) -> str:
        replies, _ = self.post(server, sender, text)
        return "\n".join(m.get("text") or "" for m in replies)

    def health(self, server: str, timeout: float = 10) -> Tuple[int, Dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.urls[server] + "/health", timeout=timeout) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def stop(self, server: str) -> None:
        self.servers.pop(server).close()

    def events(self, sender: str) -> List[Tuple[str, dict]]:
        connection = self.postgres.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,)
                )
                return [(kind, json.loads(data)) for kind, data in cursor.fetchall()]
        finally:
            connection.close()


@contextlib.contextmanager
def cluster_running(model: str, work: Path, servers: Tuple[str, ...] = ("a", "b")):
    """PostgreSQL, Redis, an action server and Rasa servers on endpoints.cluster.yml."""
    binaries = ensure_packages()
    with contextlib.ExitStack() as everything:
        postgres = everything.enter_context(postgres_service(binaries))
        lock = everything.enter_context(redis_service())
        action_port = processes.free_port()
        env = processes.assistant_env(
            action_port, work / "unused-sqlite.db", **postgres.settings, **lock.settings
        )
        everything.enter_context(
            processes.action_server(action_port, env, log=work / "actions.log")
        )
        cluster = Cluster(postgres, lock, work, model=model, env=env)
        try:
            for name in servers:  # one after the other: the first one creates the tables
                cluster.start_server(name)
            yield cluster
        finally:
            for server in cluster.servers.values():
                server.close()
