"""The assistant's one HTTP client against a small local server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from bot.processes import free_port, is_up
from bot.rest_client import AssistantClient, Unavailable, post_json

API_KEY_FOR_TESTS = "test-" + "token"  # noqa: S105


class Handler(BaseHTTPRequestHandler):
    """/webhooks/rest/webhook echoes the message; a message 'bad' gets a 400, 'crash'
    a 500 that is not JSON; /model/parse echoes the text and the token."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path.startswith("/model/parse"):
            status, reply = 200, {"text": body["text"], "path": self.path}
        elif body.get("message") == "bad":
            status, reply = 400, {"error": "'sender' must be a string"}
        elif body.get("message") == "crash":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"Internal Server Error")
            return
        else:
            status, reply = 200, [{"recipient_id": body["sender"], "text": body["message"]}]
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_send_returns_the_replies(base_url):
    client = AssistantClient(base_url + "/")
    assert client.webhook == base_url + "/webhooks/rest/webhook"
    assert client.send("visitor-1", "hi") == [{"recipient_id": "visitor-1", "text": "hi"}]


def test_http_errors_are_returned_by_post_and_raised_as_unavailable_by_send(base_url):
    client = AssistantClient(base_url)
    assert client.post("v", "bad") == (400, {"error": "'sender' must be a string"})
    assert client.post("v", "crash") == (500, "Internal Server Error")
    with pytest.raises(Unavailable, match="400: 'sender' must be a string"):
        client.send("v", "bad")
    with pytest.raises(Unavailable, match="can't reach"):
        AssistantClient(f"http://127.0.0.1:{free_port()}").send("v", "hi")


def test_parse_sends_the_api_token_and_post_json_takes_bytes(base_url):
    status, reading = AssistantClient(base_url, token=API_KEY_FOR_TESTS).parse("what is a bpo")
    assert status == 200 and reading == {
        "text": "what is a bpo",
        "path": f"/model/parse?token={API_KEY_FOR_TESTS}",
    }
    raw = json.dumps({"sender": "v", "message": "hi"}).encode()
    assert post_json(base_url + "/webhooks/rest/webhook", raw)[0] == 200


def test_is_up_says_whether_a_url_answers_200(base_url):
    assert is_up(base_url + "/health")
    assert not is_up(base_url + "/nothing")
    assert not is_up(f"http://127.0.0.1:{free_port()}/health")
