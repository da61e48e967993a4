"""The Rasa server of `make serve`: hardened REST channel, web widget, API off by default.

    python -m bot.server --model models/assistant.tar.gz --port 5005

Rasa's own `rasa run` claims `/` and cannot serve the widget; this builds the same
Sanic app from Rasa's parts, with the REST channel registered in code (so there is
no credentials.yml) and the action endpoint of bot/action_calls.py.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
from functools import partial
from typing import Any, List, Optional, Sequence

from rasa import server as rasa_server
from rasa.core import channels
from rasa.core.run import close_resources, load_agent_on_start
from rasa.core.utils import AvailableEndpoints
from rasa.utils.log_utils import configure_structlog
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import rasa_patches
from bot.action_calls import ActionEndpoint
from bot.channels.guarded_rest import GuardedRestInput
from bot.connection_limits import BoundedHttpProtocol, apply_limits
from bot.tracker_store import make_store_errors_visible, primary_store
from bot.widget.routes import widget_blueprint

logger = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 64 * 1024
WARM_UP_TEXT = "hello"
HEALTH_TIMEOUT_SECONDS = 3
CORS_MAX_AGE_SECONDS = 600


def allowed_origins(host: str, port: int) -> List[str]:
    """The demo page's own origin plus WIDGET_ALLOWED_ORIGINS (comma-separated)."""
    own = [f"http://{host}:{port}"]
    if host in ("127.0.0.1", "0.0.0.0"):
        own.append(f"http://localhost:{port}")
    extra = os.environ.get("WIDGET_ALLOWED_ORIGINS", "")
    return own + [origin.strip() for origin in extra.split(",") if origin.strip()]


def create_app(
    model_path: str,
    endpoints_path: str,
    cors_origins: Sequence[str],
    enable_api: bool = False,
    auth_token: Optional[str] = None,
    jwt_secret: Optional[str] = None,
) -> Sanic:
    endpoints = AvailableEndpoints.read_endpoints(endpoints_path)
    endpoints.action = ActionEndpoint.from_config(endpoints.action)
    rasa_patches.apply()
    if enable_api:
        if not (auth_token or jwt_secret):
            raise SystemExit("--enable-api needs RASA_AUTH_TOKEN or RASA_JWT_SECRET")
        app = rasa_server.create_app(
            cors_origins=list(cors_origins),
            auth_token=auth_token,
            jwt_secret=jwt_secret,
            jwt_method="HS256",
            endpoints=endpoints,
        )
    else:
        app = Sanic("bpo_assistant", configure_logging=False)
        # a cross-origin page pays the preflight once in ten minutes, not on every message
        app.config.CORS_MAX_AGE = CORS_MAX_AGE_SECONDS
        rasa_server.configure_cors(app, list(cors_origins))
    app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES
    apply_limits(app)  # header/handler time totals, connection cap (slow-client floods)

    channels.channel.register([GuardedRestInput()], app, route="/webhooks/")
    app.blueprint(widget_blueprint(demo_at_root=not enable_api))

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        """200 only when the model is loaded and the conversation store (and a Redis lock
        store) take writes, so a load balancer takes a replica that cannot save out of
        rotation."""
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or not agent.is_ready():
            return response.json({"status": "loading"}, status=503)
        stores = {"tracker_store": primary_store(agent.tracker_store)}
        if hasattr(agent.lock_store, "check_writable"):  # Redis: every replica's locks
            stores["lock_store"] = agent.lock_store
        problems = await asyncio.gather(*(store_problem(store) for store in stores.values()))
        report = {name: problem or "ok" for name, problem in zip(stores, problems, strict=True)}
        if any(problems):
            return response.json({"status": "unavailable", **report}, status=503)
        return response.json({"status": "ok", **report})

    async def json_error(request: Request, exception: SanicException) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        message = str(exception) if status < 500 else "Internal server error"
        return response.json({"error": message}, status=status)

    app.error_handler.add(SanicException, json_error)

    app.register_listener(
        partial(load_agent_on_start, model_path, endpoints, None), "before_server_start"
    )
    app.register_listener(fail_loudly, "before_server_start")
    app.register_listener(warm_up, "before_server_start")
    app.register_listener(close_resources, "after_server_stop")
    return app


async def fail_loudly(app: Sanic, _loop) -> None:
    make_store_errors_visible(app.ctx.agent)


async def store_problem(store: Any) -> Optional[str]:
    """Why the store (tracker or lock store) cannot take a write now, or None."""
    check = getattr(store, "check_writable", None)
    if check is None:
        return None
    try:
        call = check() if asyncio.iscoroutinefunction(check) else asyncio.to_thread(check)
        await asyncio.wait_for(call, HEALTH_TIMEOUT_SECONDS)
    except asyncio.TimeoutError:
        return f"no answer within {HEALTH_TIMEOUT_SECONDS} s"
    except Exception as error:  # the reason is for the operator, not a visitor
        return f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    return None


async def warm_up(app: Sanic, _loop) -> None:
    """Run the NLU graph once so the first visitor does not pay for its lazy set-up."""
    await app.ctx.agent.parse_message(WARM_UP_TEXT)
    logger.info("Model warmed up; ready for messages.")


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument(
        "--enable-api",
        action="store_true",
        help="Rasa's HTTP API, protected by RASA_AUTH_TOKEN or RASA_JWT_SECRET",
    )
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    configure_structlog(logging.INFO)
    app = create_app(
        args.model,
        args.endpoints,
        allowed_origins(args.host, args.port),
        enable_api=args.enable_api,
        auth_token=os.environ.get("RASA_AUTH_TOKEN"),
        jwt_secret=os.environ.get("RASA_JWT_SECRET"),
    )
    app.run(
        host=args.host,
        port=args.port,
        workers=1,
        access_log=False,
        motd=False,
        protocol=BoundedHttpProtocol,
    )


if __name__ == "__main__":
    main()
