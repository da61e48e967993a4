"""Runs the assistant: `chat` in this terminal, or `serve` for the web widget and REST.

Both start the action server in the background first and stop it at the end.
"""

from __future__ import annotations

import argparse
import subprocess

from bot import processes

LOG_DIR = processes.REPO_ROOT / ".rasa" / "logs"

EMBED_SNIPPET = '<script src="{origin}/widget.js" data-title="BPO or call center?" async></script>'


def chat(model: str, new: bool = False) -> int:
    """The action server and the assistant's own server on free ports (logs in
    .rasa/logs), the terminal chat once they answer, and both stopped after it."""
    from bot import terminal

    action_port, port = processes.free_port(), processes.free_port()
    env = processes.assistant_env(action_port, processes.tracker_db())
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    print(f"==> Starting the assistant (logs: {LOG_DIR}/)", flush=True)
    with processes.action_server(action_port, env, log=LOG_DIR / "actions.log"):
        with processes.rasa_server(model, port, env, log=LOG_DIR / "rasa.log"):
            return terminal.run(f"http://127.0.0.1:{port}", new=new)


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
    chat_args.add_argument("--new", action="store_true", help="start a new conversation")
    serve_args = sub.add_parser("serve")
    serve_args.add_argument("--model", default="models/assistant.tar.gz")
    serve_args.add_argument("--host", default="127.0.0.1")
    serve_args.add_argument("--port", type=int, default=5005)
    serve_args.add_argument("--action-port", type=int, default=5055)
    args = parser.parse_args()
    if args.command == "chat":
        return chat(args.model, args.new)
    return serve(args.model, args.host, args.port, args.action_port)


if __name__ == "__main__":
    raise SystemExit(main())
