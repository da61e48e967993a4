"""Serves the widget's files and the demo page from the assistant's own server."""

from __future__ import annotations

import gzip
import hashlib
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
            body = path.read_bytes()
            # revalidated on every page view, downloaded again only when it changed
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            headers = {
                "Cache-Control": "no-cache",
                "ETag": etag,
                "Vary": "Accept-Encoding",
                "X-Content-Type-Options": "nosniff",
            }
            if etag in request.headers.get("if-none-match", ""):
                return response.empty(status=304, headers=headers)
            if "gzip" in request.headers.get("accept-encoding", ""):
                body = gzip.compress(body)
                headers["Content-Encoding"] = "gzip"
            return response.raw(body, content_type=content_type, headers=headers)

        return handler

    for route, (filename, content_type) in STATIC_FILES.items():
        blueprint.add_route(serve(filename, content_type), route, name=filename.replace(".", "_"))
    demo = serve(DEMO_PAGE, "text/html; charset=utf-8")
    blueprint.add_route(demo, "/demo", name="demo")
    if demo_at_root:
        blueprint.add_route(demo, "/", name="demo_root")
    return blueprint
