"""Who gets in: the HTTP API off by default, a token or JWT where it is on, CORS, secrets."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import jwt
import pytest

from bot import processes

FOREIGN_ORIGIN = "https://evil.example"


def call(
    url: str,
    method: str = "GET",
    body: Optional[dict] = None,
    headers: Optional[Dict[str, str]] = None,
    timeout: float = 30,
) -> Tuple[int, Dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


API_CALLS = [
    ("GET", "/status", None),
    ("GET", "/version", None),
    ("POST", "/model/parse", {"text": "what is a bpo?"}),
    ("PUT", "/model", {"model_file": "/tmp/anything.tar.gz"}),
    ("DELETE", "/model", None),
    ("POST", "/model/train", {}),
    ("GET", "/domain", None),
    ("GET", "/conversations/someone/tracker", None),
    ("POST", "/conversations/someone/messages", {"text": "hi", "sender": "user"}),
    ("POST", "/conversations/someone/trigger_intent", {"name": "greet"}),
]


# --------------------------------------------------------------------------- API off


@pytest.mark.parametrize("method,path,body", API_CALLS)
def test_the_http_api_is_off_in_the_default_server(assistant, method, path, body):
    status, _, _ = call(assistant.base_url + path, method, body)
    assert status in (404, 405), f"{method} {path} answered {status}"


# --------------------------------------------------------------------------- API on


@pytest.fixture(scope="module")
def api_server(assistant, trained_model, tmp_path_factory) -> Iterator[dict]:
    """A second Rasa server with --enable-api, a random token and a random JWT secret."""
    work = tmp_path_factory.mktemp("api")
    token, jwt_secret = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
    port = processes.free_port()
    env = processes.assistant_env(
        assistant.action_port,
        work / "conversations.db",
        RASA_AUTH_TOKEN=token,
        RASA_JWT_SECRET=jwt_secret,
    )
    with processes.rasa_server(
        str(trained_model), port, env, extra_args=["--enable-api"], log=work / "rasa.log"
    ):
        yield {"base_url": f"http://127.0.0.1:{port}", "token": token, "jwt_secret": jwt_secret}


def bearer(secret: str, role: str = "admin", username: str = "ops") -> Dict[str, str]:
    claims = {"user": {"username": username, "role": role}}
    return {"Authorization": f"Bearer {jwt.encode(claims, secret, algorithm='HS256')}"}


# Rasa leaves GET /version public by design (it names the Rasa version only).
PROTECTED_CALLS = [entry for entry in API_CALLS if entry[1] != "/version"]


@pytest.mark.parametrize("method,path,body", PROTECTED_CALLS)
def test_with_the_api_on_every_endpoint_refuses_callers_without_a_token(
    api_server, method, path, body
):
    status, _, _ = call(api_server["base_url"] + path, method, body)
    assert status in (401, 403), f"{method} {path} answered {status} without a token"
    status, _, _ = call(api_server["base_url"] + path + "?token=wrong", method, body)
    assert status in (401, 403), f"{method} {path} answered {status} with a wrong token"


def test_with_the_api_on_the_token_opens_status_and_parse(api_server):
    base, token = api_server["base_url"], api_server["token"]
    status, _, body = call(f"{base}/status?token={token}")
    assert status == 200, body
    assert "model_file" in json.loads(body)
    status, _, body = call(f"{base}/model/parse?token={token}", "POST", {"text": "what is a bpo?"})
    assert status == 200, body
    assert json.loads(body)["intent"]["name"] == "definition"


def test_with_the_api_on_a_jwt_signed_with_the_secret_is_accepted(api_server):
    base = api_server["base_url"]
    status, _, body = call(f"{base}/status", headers=bearer(api_server["jwt_secret"]))
    assert status == 200, body
    status, _, _ = call(f"{base}/status", headers=bearer("not-the-secret"))
    assert status in (401, 403)
    # a "user" role may only read its own conversation
    status, _, _ = call(
        f"{base}/conversations/someone-else/tracker",
        headers=bearer(api_server["jwt_secret"], role="user", username="me"),
    )
    assert status in (401, 403)


def test_the_chat_channel_stays_open_when_the_api_is_on(api_server):
    status, _, body = call(
        api_server["base_url"] + "/webhooks/rest/webhook",
        "POST",
        {"sender": "9b2f8b4e-8d0c-4a53-9a39-3f1f4b8f2f10", "message": "hello"},
    )
    assert status == 200 and json.loads(body), body


def test_the_api_does_not_start_without_a_token_or_secret(trained_model, tmp_path):
    env = processes.assistant_env(processes.free_port(), tmp_path / "conversations.db")
    env.pop("RASA_AUTH_TOKEN", None)
    env.pop("RASA_JWT_SECRET", None)
    result = subprocess.run(
        processes.python_command(
            "-m",
            "bot.server",
            "--model",
            str(trained_model),
            "--port",
            str(processes.free_port()),
            "--enable-api",
        ),
        cwd=processes.REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode != 0
    assert "RASA_AUTH_TOKEN" in result.stdout + result.stderr


# --------------------------------------------------------------------------- CORS


def allowed_origin(assistant) -> str:
    return f"http://127.0.0.1:{assistant.embed_port}"  # WIDGET_ALLOWED_ORIGINS of the fixture


def preflight(url: str, origin: str) -> Tuple[int, Dict[str, str]]:
    status, headers, _ = call(
        url,
        "OPTIONS",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    return status, {k.lower(): v for k, v in headers.items()}


def test_cors_echoes_an_allowed_origin(assistant):
    origin = allowed_origin(assistant)
    status, headers = preflight(assistant.webhook, origin)
    assert status < 400
    assert headers.get("access-control-allow-origin") == origin
    status, headers, _ = call(
        assistant.webhook,
        "POST",
        {"sender": "0d9ad8f4-5f44-4d0e-8a3c-2a0d4e7d3b11", "message": "hello"},
        headers={"Origin": origin},
    )
    assert status == 200
    assert {k.lower(): v for k, v in headers.items()}.get("access-control-allow-origin") == origin


def test_cors_gives_a_foreign_origin_nothing(assistant):
    _, headers = preflight(assistant.webhook, FOREIGN_ORIGIN)
    assert "access-control-allow-origin" not in headers, headers
    _, headers, _ = call(
        assistant.webhook,
        "POST",
        {"sender": "0d9ad8f4-5f44-4d0e-8a3c-2a0d4e7d3b12", "message": "hello"},
        headers={"Origin": FOREIGN_ORIGIN},
    )
    lowered = {k.lower(): v for k, v in headers.items()}
    assert "access-control-allow-origin" not in lowered, lowered


# --------------------------------------------------------------------------- committed secrets

SECRET_KEYS = re.compile(
    r"^(?:[\w.-]*[_.-])?(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|"
    r"secret[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|jwt[_-]?secret)$",
    re.IGNORECASE,
)
CAMEL_SECRET_KEYS = re.compile(r"^[a-z][A-Za-z0-9]*(Password|Secret|Token|ApiKey)$")
REFERENCE_KEYS = re.compile(r"^(existing|secretName|secretKeyRef)", re.IGNORECASE)
# In configuration and prose: `key: value` / `KEY=value` at the start of a line (also
# commented out, in a list or after `export`). In code: `key = "literal"` anywhere.
LINE_ASSIGNMENT = re.compile(
    r"""^\s*(?:#\s*)?(?:-\s+)?(?:export\s+)?["']?(?P<key>[A-Za-z_][\w.-]*)["']?\s*[:=]\s*"""
    r"""(?P<value>"[^"\n]*"|'[^'\n]*'|[^\s#,;]+)"""
)
CODE_ASSIGNMENT = re.compile(
    r"""["']?(?P<key>[A-Za-z_][\w.-]*)["']?\s*[:=]\s*(?P<value>"[^"\n]*"|'[^'\n]*')"""
)
PLACEHOLDER = re.compile(
    r"""^(\$|\{\{|<|%\(|\*\*\*|\.\.\.|os\.environ|env\(|\[|\{$)|^(null|none|~|true|false|unset|"""
    r"""required|optional|string|str|bytes|text)$""",
    re.IGNORECASE,
)
TOKEN_FORMATS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "JSON Web Token": re.compile(
        r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    ),
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:(?!\$)[^/\s:@'\"{]{3,}@"),
}
SECRET_FILE_NAMES = re.compile(r"(^|/)(id_rsa|id_ed25519|.*\.pem|.*\.key|.*\.p12|\.env(\..*)?)$")
CODE_SUFFIXES = (".py", ".js", ".ts", ".sh")


def secret_findings(path: str, text: str) -> List[str]:
    """Literal secrets in one file's text: known token formats, and secret-named keys set
    to a literal (`${ENV}` references, variables and calls are not literals)."""
    findings = []
    in_code = path.endswith(CODE_SUFFIXES)
    for number, line in enumerate(text.splitlines(), 1):
        for kind, pattern in TOKEN_FORMATS.items():
            if pattern.search(line):
                findings.append(f"{path}:{number}: {kind}")
        if in_code:
            assignments = list(CODE_ASSIGNMENT.finditer(line))
        else:
            assignments = [m for m in [LINE_ASSIGNMENT.match(line)] if m]
        for match in assignments:
            key, value = match.group("key"), match.group("value")
            secret_named = SECRET_KEYS.match(key) or CAMEL_SECRET_KEYS.match(key)
            if not secret_named or REFERENCE_KEYS.match(key):
                continue
            literal = value.strip("\"'").strip()
            if len(literal) < 3 or PLACEHOLDER.match(literal) or "(" in literal:
                continue
            findings.append(f"{path}:{number}: {key} set to a literal")
    return findings


def test_the_secret_scanner_finds_what_it_should():
    assert secret_findings("x.yml", "db:\n  pass" + "word: hunter2\n")
    assert secret_findings("x.py", "".join(["RASA_AUTH_TOK", "EN", " = ", '"s3cr3t-value"']))
    assert secret_findings("x.md", "-----BEGIN RSA " + "PRIVATE KEY-----")
    assert secret_findings("x.yml", "url: postgresql://rasa:" + "hunter2@db:5432/rasa")
    assert secret_findings("values.yml", "  postgresql" + "Password: password")
    assert not secret_findings("x.yml", "  pass" + "word: ${DB_PASSWORD}")
    assert not secret_findings("x.py", "tok" + "en = secrets.token_urlsafe(16)")
    assert not secret_findings("x.yml", "  existing" + "Secret: bpo-assistant-postgresql")
    assert not secret_findings("x.md", "export RASA_AUTH_" + "TOKEN=$(openssl rand -hex 32)")
    assert secret_findings("x.env", "export DB_PASS" + "WORD=hunter2")
    assert secret_findings("x.yml", "#  pass" + "word: hunter2")
    assert not secret_findings("x.yml", "  # No default tok" + "en: the chart's secret")
    assert not secret_findings("x.md", "tok" + 'en = jwt.encode({"user": 1}, SECRET)')


def repository_files() -> List[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"],
        cwd=processes.REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name]


def test_no_secret_is_committed():
    names = repository_files()
    assert names, "git ls-files listed nothing"
    findings = [
        f"{name}: a file that holds keys or secrets"
        for name in names
        if SECRET_FILE_NAMES.search(name)
    ]
    for name in names:
        path = Path(processes.REPO_ROOT, name)
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        raw = path.read_bytes()
        if b"\0" in raw[:8192]:
            continue  # binary
        findings += secret_findings(name, raw.decode("utf-8", errors="replace"))
    assert not findings, "\n".join(findings)
