"""Serves the widget's files and the demo page from the assistant's own server."""

from __future__ import annotations

from pathlib import Path

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

WIDGET_DIR = Path(__file__).resolve().parent
STATIC_FILES = {
    "/widget.js": ("widget.js", "application/javascript; charset=utf-8"),
    "/widget.css": ("widget.css", "text/css; charset=utf-8"),
}
DEMO_PAGE = "demo.html"


def widget_blueprint(demo_at_root: bool) -> Blueprint:
    """Routes for /widget.js, /widget.css and the demo page (/demo, and / if free)."""
    blueprint = Blueprint("widget")

    def serve(filename: str, content_type: str):
        async def handler(request: Request) -> HTTPResponse:
            path = WIDGET_DIR / filename
            if not path.is_file():
                return response.json({"error": f"{filename} is missing"}, status=404)
            return response.raw(
                path.read_bytes(),
                content_type=content_type,
                headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
            )

        return handler

    for route, (filename, content_type) in STATIC_FILES.items():
        blueprint.add_route(serve(filename, content_type), route, name=filename.replace(".", "_"))
    demo = serve(DEMO_PAGE, "text/html; charset=utf-8")
    blueprint.add_route(demo, "/demo", name="demo")
    if demo_at_root:
        blueprint.add_route(demo, "/", name="demo_root")
    return blueprint
