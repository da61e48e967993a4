"""Runs the assistant: `chat` in this terminal, or `serve` for the web widget and REST.

Both start the action server in the background first and stop it at the end.
"""

from __future__ import annotations

import argparse
import subprocess

from bot import processes

LOG_DIR = processes.REPO_ROOT / ".rasa" / "logs"

EMBED_SNIPPET = '<script src="{origin}/widget.js" data-title="BPO or call center?" defer></script>'


def chat(model: str) -> int:
    action_port = processes.free_port()
    env = processes.assistant_env(action_port, processes.tracker_db())
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    print(f"    action server on 127.0.0.1:{action_port} (log: {LOG_DIR / 'actions.log'})")
    with processes.action_server(action_port, env, log=LOG_DIR / "actions.log"):
        shell = processes.rasa_command(
            "shell",
            "--model",
            model,
            "--endpoints",
            "endpoints.yml",
            "--port",
            str(processes.free_port()),
            "--quiet",
        )
        # Library warnings go to the log, so the terminal shows only the conversation.
        with open(LOG_DIR / "shell.log", "ab") as log:
            return subprocess.call(shell, cwd=processes.REPO_ROOT, env=env, stderr=log)


def serve(model: str, host: str, port: int, action_port: int) -> int:
    env = processes.assistant_env(action_port, processes.tracker_db())
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    print(f"==> Action server on 127.0.0.1:{action_port}")
    with processes.action_server(action_port, env, log=LOG_DIR / "actions.log"):
        print(f"==> Rasa server on {host}:{port} (loading the model...)")
        server = subprocess.Popen(
            processes.python_command(
                "-m", "bot.server", "--model", model, "--host", host, "--port", str(port)
            ),
            cwd=processes.REPO_ROOT,
            env=env,
        )
        try:
            processes.wait_until_healthy(f"http://127.0.0.1:{port}/health", 240, server)
            origin = f"http://{host}:{port}"
            print(f"\n  Demo page:     {origin}/")
            print(f"  REST webhook:  POST {origin}/webhooks/rest/webhook")
            print(f"  Embed snippet: {EMBED_SNIPPET.format(origin=origin)}")
            print("  (allow other sites with WIDGET_ALLOWED_ORIGINS=https://example.com)\n")
            return server.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            processes.stop(server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    chat_args = sub.add_parser("chat")
    chat_args.add_argument("--model", default="models/assistant.tar.gz")
    serve_args = sub.add_parser("serve")
    serve_args.add_argument("--model", default="models/assistant.tar.gz")
    serve_args.add_argument("--host", default="127.0.0.1")
    serve_args.add_argument("--port", type=int, default=5005)
    serve_args.add_argument("--action-port", type=int, default=5055)
    args = parser.parse_args()
    if args.command == "chat":
        return chat(args.model)
    return serve(args.model, args.host, args.port, args.action_port)


if __name__ == "__main__":
    raise SystemExit(main())
