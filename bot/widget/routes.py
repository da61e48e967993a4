"""Serves the widget's files and the demo page from the assistant's own server."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.widget.feedback import receive_feedback

WIDGET_DIR = Path(__file__).resolve().parent
STATIC_FILES = {
    "/widget.js": ("widget.js", "application/javascript; charset=utf-8"),
    "/widget.css": ("widget.css", "text/css; charset=utf-8"),
}
DEMO_PAGE = "demo.html"

# Comments and indentation stay in the source, not on the wire (about 1.8 KB of the gzipped
# size). Only what the files' own style makes unambiguous is dropped, so no string or regular
# expression can be cut: whole-line comments, a `// ...` or `/* ... */` after `;`, `{`, `}`,
# `,` or `)` and a space (JS), every comment (CSS: no strings contain "/*"), indentation.
# Line breaks are kept, so JavaScript's semicolon insertion sees the same code.
_JS_DROP = [
    re.compile(r"^[ \t]*(//[^\n]*|/\*.*?\*/[ \t]*)\n", re.M | re.S),
    re.compile(r"(?<=[;{},)])[ \t]+//[^\n]*"),
    re.compile(r"(?<=[;{,])[ \t]*/\*[^*\n]*\*/"),
]
_CSS_DROP = [re.compile(r"[ \t]*/\*.*?\*/", re.S)]
_INDENT_AND_BLANK_LINES = re.compile(r"^[ \t]+|^\n+", re.M)


def compact(body: bytes, filename: str) -> bytes:
    """widget.js / widget.css as served: without comments and indentation."""
    text = body.decode("utf-8")
    for pattern in _JS_DROP if filename.endswith(".js") else _CSS_DROP:
        text = pattern.sub("", text)
    return _INDENT_AND_BLANK_LINES.sub("", text).encode("utf-8")


def widget_blueprint(demo_at_root: bool) -> Blueprint:
    """Routes for /widget.js, /widget.css, the demo page (/demo, and / if free) and the
    widget's thumbs up / down (POST /webhooks/rest/feedback)."""
    blueprint = Blueprint("widget")

    def serve(filename: str, content_type: str):
        async def handler(request: Request) -> HTTPResponse:
            path = WIDGET_DIR / filename
            if not path.is_file():
                return response.json({"error": f"{filename} is missing"}, status=404)
            body = path.read_bytes()
            if filename != DEMO_PAGE:
                body = compact(body, filename)
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
    blueprint.add_route(receive_feedback, "/webhooks/rest/feedback", methods=["POST"])
    demo = serve(DEMO_PAGE, "text/html; charset=utf-8")
    blueprint.add_route(demo, "/demo", name="demo")
    if demo_at_root:
        blueprint.add_route(demo, "/", name="demo_root")
    return blueprint
