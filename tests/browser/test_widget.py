"""The web chat widget in a real browser (Debian's chromium, driven by playwright).

The `assistant` session fixture (tests/conftest.py) starts the real Rasa and action
servers on free ports: `assistant.base_url` serves the demo page at `/`, `/widget.js`,
`/widget.css` and the REST webhook; `http://127.0.0.1:<assistant.embed_port>` is an
origin the server allows by CORS, where these tests serve plain "customer" pages
(`http://localhost:<assistant.embed_port>` serves the same pages from an origin the server
does not allow). Playwright's CSS selectors pierce the widget's open shadow root.
axe-core comes from build/node_modules (`make browser` installs it).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
import statistics
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bot.rest_client import post_json

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000  # the real bot needs up to ~2 s per reply on a slow machine
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 667}
PHONE = {"width": 390, "height": 844}
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"  # committed, shown in the README
WEBHOOK = "/webhooks/rest/webhook"
TITLE = "BPO or call center?"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
XSS = "<img src=x onerror=alert(1)>"
FEEDBACK = "/webhooks/rest/feedback"
WIDGET_DIR = ROOT / "bot" / "widget"
AXE = ROOT / "build" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
SLOW_WIDGET_SECONDS = 0.4  # /slow/widget.js and /slow/widget.css on the customer site

expect.set_options(timeout=TIMEOUT_MS)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def chromium() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium: Browser):
    """new_page(**context_options) -> Page in a fresh context (empty localStorage).

    Every page fails the test on an uncaught script error or on any dialog
    (alert/confirm/prompt), which is what injected HTML would trigger.
    """
    contexts = []
    problems: list[str] = []

    def make(**options) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

        def on_dialog(dialog):
            problems.append(f"dialog: {dialog.type} {dialog.message!r}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, problems


def snippet(base_url: str, **attrs: str) -> str:
    extra = "".join(f' data-{name}="{value}"' for name, value in attrs.items())
    return f'<script src="{base_url}/widget.js" data-title="{TITLE}"{extra} async></script>'


AGGRESSIVE_CSS = """
  html { font-size: 40px !important; }
  * { all: unset; font: 40px serif !important; color: red !important; }
  *::before, *::after { content: "X" !important; color: red !important; }
  button, div {
    display: block !important; position: static !important; float: left !important;
    width: 10px !important; height: 10px !important; padding: 30px !important;
    margin: 20px !important; border: 6px dotted lime !important; border-radius: 0 !important;
    background: yellow !important; opacity: 0.5 !important; transform: rotate(5deg) !important;
    font: italic 900 30px/3 cursive !important; text-transform: uppercase !important;
    box-shadow: 0 0 0 9px magenta !important; visibility: visible !important;
  }
  input, section, header, h2, form, label, span, p, ul, li, a, strong, svg, path {
    all: unset !important; display: inline !important; font-size: 50px !important;
    letter-spacing: 9px !important; fill: red !important; stroke: red !important;
  }
"""


def customer_pages(base_url: str) -> dict[str, str]:
    """Plain pages of a customer's site on another origin, each embedding the README snippet."""
    host_bits = (
        '<h1>Contoso Freight</h1><p id="host-p">Our own content.</p>'
        '<button id="host-button">Host button</button><div id="host-div">A div</div>'
    )
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<title>{title}</title>{head}</head><body>{body}</body></html>"
    )
    return {
        "/plain.html": page.format(
            title="Customer site", head="", body=host_bits + snippet(base_url)
        ),
        "/nowidget.html": page.format(title="No widget", head="", body=host_bits),
        "/twice.html": page.format(
            title="Twice", head="", body=host_bits + snippet(base_url) + snippet(base_url)
        ),
        "/options.html": page.format(
            title="Options",
            head="",
            body=host_bits
            + snippet(
                base_url,
                greeting="Hello from Contoso! Ask me about BPOs.",
                color="#0f766e",
                position="left",
                open="true",
            ),
        ),
        "/aggressive.html": page.format(
            title="Aggressive CSS",
            head=f"<style>{AGGRESSIVE_CSS}</style>",
            body=host_bits + snippet(base_url),
        ),
        "/transformed.html": page.format(
            title="Transformed body",
            head="<style>body { transform: translateZ(0); margin: 0 }</style>",
            body=host_bits + '<div style="height: 4000px">Tall</div>' + snippet(base_url),
        ),
        # the host page of the DOMContentLoaded measurement, without the widget, with the
        # README snippet, and with the old `defer` snippet; the widget's files come slowly
        **{
            f"/timing-{kind}.html": page.format(
                title="Timing",
                head="<style>p { max-width: 40em }</style>",
                body=host_bits
                + "".join(f"<p>Paragraph {i} of the host's own content.</p>" for i in range(40))
                + (
                    f'<script src="/slow/widget.js" data-server="{base_url}" {kind}></script>'
                    if kind != "none"
                    else ""
                ),
            )
            for kind in ("none", "async", "defer")
        },
    }


def color_page(base_url: str, color: str) -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Colour</title></head>"
        f"<body><h1>Brand colour</h1>{snippet(base_url, color=color, open='true')}</body></html>"
    )


@pytest.fixture(scope="session")
def embed_site(assistant):
    """Serves customer_pages() from the CORS-allowed second origin; yields that origin."""
    pages = customer_pages(assistant.base_url)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server API)
            url = urlsplit(self.path)
            content_type = "text/html; charset=utf-8"
            if url.path.startswith("/slow/"):  # the widget's files over a slow network
                time.sleep(SLOW_WIDGET_SECONDS)
                name = url.path.rsplit("/", 1)[-1]
                body = (
                    (WIDGET_DIR / name).read_text() if name in ("widget.js", "widget.css") else ""
                )
                content_type = "text/css" if name.endswith(".css") else "application/javascript"
            elif url.path == "/color.html":
                body = color_page(assistant.base_url, parse_qs(url.query)["c"][0])
            else:
                body = pages.get(url.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write((body or "not found").encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", assistant.embed_port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{assistant.embed_port}"
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------- helpers


def tid(name: str) -> str:
    return f"[data-testid={name}]"


def open_widget(page: Page) -> None:
    launcher = page.locator(tid("launcher"))
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    expect(page.locator(tid("panel"))).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator(tid("input"))).to_be_focused()
    # let the opening animation finish, so boxes and styles are final
    page.locator(tid("panel")).evaluate("e => Promise.all(e.getAnimations().map(a => a.finished))")


def bot_count(page: Page) -> int:
    return page.locator(tid("bot-message")).count()


def wait_for_reply(page: Page, before: int) -> str:
    """Waits until the widget is idle with more than `before` bot messages; returns the new text."""
    page.wait_for_function(
        """([n]) => {
            const root = document.querySelector('bpo-chat-widget').shadowRoot;
            if (root.querySelector('[data-testid=error]')) return true;
            return !root.querySelector('[data-busy]')
                && root.querySelectorAll('[data-testid=bot-message]').length > n;
        }""",
        arg=[before],
        timeout=TIMEOUT_MS,
    )
    expect(page.locator(tid("error"))).to_have_count(0)
    messages = page.locator(tid("bot-message"))
    return "\n".join(messages.nth(i).inner_text() for i in range(before, messages.count()))


def say(page: Page, text: str) -> str:
    before = bot_count(page)
    page.locator(tid("input")).fill(text)
    page.locator(tid("input")).press("Enter")
    expect(page.locator(tid("user-text")).last).to_have_text(text)
    return wait_for_reply(page, before)


def enabled_replies(page: Page):
    return page.locator(f"{tid('quick-reply')}:enabled")


def click_reply(page: Page, title: str) -> str:
    before = bot_count(page)
    enabled_replies(page).filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$")).last.click()
    expect(page.locator(tid("user-text")).last).to_have_text(title)
    return wait_for_reply(page, before)


def in_shadow(page: Page, expression: str):
    """Evaluates a JS expression with `r` bound to the widget's shadow root."""
    root = "document.querySelector('bpo-chat-widget').shadowRoot"
    return page.evaluate(f"() => {{ const r = {root}; return ({expression}); }}")


def stored_state(page: Page) -> dict:
    raw = page.evaluate(
        "() => { const k = Object.keys(localStorage).find(k => k.startsWith('bpo-chat-widget:'));"
        " return k ? localStorage.getItem(k) : null; }"
    )
    assert raw, "the widget stored nothing in localStorage"
    return json.loads(raw)


def save_screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.mouse.move(0, 0)  # no hover effect in the picture
    page.screenshot(path=str(target))
    shutil.copyfile(target, DOCS_SCREENSHOTS / f"{name}.png")


def typed_answer(question: str) -> str:
    if re.search(r"how many people|size", question, re.I):
        return "about 20 people"
    if re.search(r"budget", question, re.I):
        return "money is tight"
    if re.search(r"tasks|outsource", question, re.I):
        return "customer support"
    raise AssertionError(f"unexpected question from the form: {question!r}")


def finished(turn: str) -> bool:
    return bool(re.search(r"recommendation|call cent(er|re)|\bBPO\b", turn, re.I))


STYLE_PROPS = [
    "display",
    "position",
    "visibility",
    "opacity",
    "transform",
    "box-sizing",
    "width",
    "height",
    "top",
    "left",
    "right",
    "bottom",
    "margin-top",
    "margin-left",
    "padding-top",
    "padding-left",
    "padding-right",
    "border-top-width",
    "border-top-style",
    "border-top-color",
    "border-top-left-radius",
    "background-color",
    "color",
    "box-shadow",
    "outline-style",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "text-transform",
    "text-align",
    "float",
]
STYLED_PARTS = [
    "launcher",
    "panel",
    "title",
    "new-conversation",
    "close",
    "transcript",
    "bot-message",
    "bot-text",
    "quick-reply",
    "composer",
    "input",
    "send",
]


def computed_styles(page: Page) -> dict[str, dict[str, str]]:
    return page.evaluate(
        """([parts, props]) => {
            const root = document.querySelector('bpo-chat-widget').shadowRoot;
            const out = {};
            for (const part of parts) {
                const el = root.querySelector(`[data-testid="${part}"]`);
                const cs = getComputedStyle(el), r = el.getBoundingClientRect();
                out[part] = {rect: [r.x, r.y, r.width, r.height].map(Math.round).join(',')};
                for (const p of props) out[part][p] = cs.getPropertyValue(p);
            }
            return out;
        }""",
        [STYLED_PARTS, STYLE_PROPS],
    )


# ---------------------------------------------------------------- tests


def test_ask_a_question_then_click_a_quick_reply(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    expect(page.locator(tid("title"))).to_have_text(TITLE)
    # empty transcript: a local greeting with three starter quick replies
    expect(page.locator(tid("bot-message"))).to_have_count(1)
    expect(enabled_replies(page)).to_have_text(
        ["What is a BPO?", "BPO vs call center", "Recommend one for me"]
    )

    answer = say(page, "what is a bpo?")
    assert re.search(r"business process outsourcing", answer, re.I), answer
    # the greeting's buttons are now disabled; the answer's own ones are live
    expect(page.locator(tid("bot-message")).first.locator(tid("quick-reply"))).to_have_count(3)
    for i in range(3):
        expect(
            page.locator(tid("bot-message")).first.locator(tid("quick-reply")).nth(i)
        ).to_be_disabled()
    replies = enabled_replies(page)
    expect(replies.first).to_be_visible()
    title = replies.first.inner_text().strip()

    reply = click_reply(page, title)
    assert reply.strip(), "no answer to the quick reply"
    # the quick reply is shown by its title, not its payload
    expect(page.locator(tid("user-text"))).to_have_text(["what is a bpo?", title])


def test_recommendation_with_buttons_only(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    turn = click_reply(page, "Recommend one for me")
    assert re.search(r"how many people", turn, re.I), turn
    preferred = ["Under 50 people", "Customer support", "Tight"]
    for _ in range(6):
        if finished(turn):
            break
        titles = [t.strip() for t in enabled_replies(page).all_inner_texts()]
        choice = next((t for t in preferred if t in titles), None)
        assert choice, f"no expected button among {titles} after {turn!r}"
        turn = click_reply(page, choice)
    assert re.search(r"call cent(er|re)", turn, re.I), turn
    expect(enabled_replies(page).first).to_be_visible()  # follow-up buttons
    expect(page.locator(tid("typing"))).to_have_count(0)
    save_screenshot(page, "desktop")


def test_recommendation_by_typing(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    turn = say(page, "I need a recommendation")
    for _ in range(6):
        if finished(turn):
            break
        turn = say(page, typed_answer(turn))
    assert re.search(r"call cent(er|re)", turn, re.I), turn


def test_reload_keeps_transcript_and_conversation_continues(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    turn = click_reply(page, "Recommend one for me")
    turn = say(page, typed_answer(turn))  # answer the first question
    sender = stored_state(page)["sender"]
    assert UUID4.match(sender)
    transcript = page.locator(tid("transcript")).inner_text()
    enabled_before = enabled_replies(page).all_inner_texts()

    page.reload()
    # reopened as it was left, same transcript, same buttons state, same sender
    expect(page.locator(tid("panel"))).to_be_visible()
    expect(page.locator(tid("transcript"))).to_have_text(transcript, use_inner_text=True)
    assert enabled_replies(page).all_inner_texts() == enabled_before
    assert stored_state(page)["sender"] == sender

    # the server remembers the first answer: the form goes on from where it was
    for _ in range(4):
        if finished(turn):
            break
        turn = say(page, typed_answer(turn))
    assert re.search(r"call cent(er|re)", turn, re.I), turn
    explanation = click_reply(page, "Why this one?")
    assert re.search(r"call cent(er|re)", explanation, re.I), explanation

    # navigating to another page of the same site continues the conversation too
    page.goto(assistant.base_url + "/?page=2")
    expect(page.locator(tid("transcript"))).to_contain_text(explanation.splitlines()[0])


def test_new_conversation(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    say(page, "what is a bpo?")
    old_sender = stored_state(page)["sender"]
    restarts: list[str] = []
    page.on("request", lambda r: restarts.append(r.url) if "/restart" in (r.post_data or "") else 0)

    # far from Close (the title is between them), and it asks first
    boxes = [page.locator(tid(name)).bounding_box() for name in ("new-conversation", "close")]
    assert boxes[1]["x"] - (boxes[0]["x"] + boxes[0]["width"]) > 150, boxes
    page.locator(tid("new-conversation")).click()
    expect(page.locator(tid("confirm"))).to_be_visible()
    expect(page.locator(tid("confirm"))).to_contain_text("Start a new conversation?")
    expect(page.locator(tid("confirm-no"))).to_be_focused()  # the safe choice
    page.keyboard.press("Escape")  # cancels the question, keeps the chat open
    expect(page.locator(tid("confirm"))).to_be_hidden()
    expect(page.locator(tid("panel"))).to_be_visible()
    expect(page.locator(tid("new-conversation"))).to_be_focused()
    page.locator(tid("new-conversation")).click()
    page.locator(tid("confirm-no")).click()
    expect(page.locator(tid("confirm"))).to_be_hidden()
    expect(page.locator(tid("user-text"))).to_have_text(["what is a bpo?"])
    assert stored_state(page)["sender"] == old_sender and restarts == []

    page.locator(tid("new-conversation")).click()
    with page.expect_request(
        lambda r: r.method == "POST" and '"/restart"' in (r.post_data or "")
    ) as restart:
        page.locator(tid("confirm-yes")).click()
    new_sender = stored_state(page)["sender"]
    assert new_sender != old_sender and UUID4.match(new_sender)
    assert json.loads(restart.value.post_data) == {"sender": new_sender, "message": "/restart"}
    expect(page.locator(tid("confirm"))).to_be_hidden()
    expect(page.locator(tid("user-message"))).to_have_count(0)  # /restart is not shown
    expect(page.locator(tid("bot-message"))).to_have_count(1)  # just the greeting
    expect(enabled_replies(page)).to_have_count(3)
    expect(page.locator(tid("input"))).to_be_focused()
    page.wait_for_timeout(500)  # a late reply to /restart must not appear either
    expect(page.locator(tid("bot-message"))).to_have_count(1)
    assert re.search(r"business process outsourcing", say(page, "what is a bpo?"), re.I)


def test_readme_snippet_on_another_origin(new_page, assistant, embed_site):
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(embed_site + "/plain.html")
    open_widget(page)
    answer = say(page, "what is a bpo?")
    assert re.search(r"business process outsourcing", answer, re.I), answer
    # the stylesheet came from the assistant's origin, and nothing else was contacted
    css = in_shadow(page, "r.querySelector('link').href")
    assert css == assistant.base_url + "/widget.css"
    strangers = [
        u for u in requests if not u.startswith((assistant.base_url + "/", embed_site + "/"))
    ]
    assert not strangers, strangers
    assert any(u == assistant.base_url + WEBHOOK for u in requests)


def test_snippet_included_twice_renders_one_widget(new_page, embed_site):
    page = new_page()
    page.goto(embed_site + "/twice.html")
    expect(page.locator(tid("launcher"))).to_have_count(1)
    assert page.evaluate("() => document.querySelectorAll('bpo-chat-widget').length") == 1


def test_data_attributes(new_page, embed_site):
    page = new_page()
    page.goto(embed_site + "/options.html")
    expect(page.locator(tid("panel"))).to_be_visible()  # data-open="true"
    expect(page.locator(tid("bot-text")).first).to_have_text(
        "Hello from Contoso! Ask me about BPOs."
    )
    header_bg = in_shadow(page, "getComputedStyle(r.querySelector('.header')).backgroundColor")
    assert header_bg == "rgb(15, 118, 110)"  # data-color="#0f766e"
    box = page.locator(tid("launcher")).bounding_box()
    assert box["x"] < 100, box  # data-position="left"
    expect(page.locator(tid("input"))).not_to_be_focused()  # opening on load does not steal focus


def test_host_page_css_does_not_change_the_widget(new_page, assistant, embed_site):
    looks = {}
    for name, url in [
        ("demo", assistant.base_url + "/"),
        ("aggressive", embed_site + "/aggressive.html"),
    ]:
        page = new_page(reduced_motion="reduce")  # no animation caught half-way
        page.goto(url)
        open_widget(page)
        page.locator(tid("input")).blur()
        page.mouse.move(640, 10)  # no hover effects either
        page.wait_for_timeout(300)
        looks[name] = computed_styles(page)
    for part in STYLED_PARTS:
        differences = {
            prop: (looks["demo"][part][prop], looks["aggressive"][part][prop])
            for prop in looks["demo"][part]
            if looks["demo"][part][prop] != looks["aggressive"][part][prop]
        }
        assert not differences, f"{part}: {differences}"


def test_widget_css_does_not_leak_into_the_host_page(new_page, embed_site):
    def host_styles(url: str):
        page = new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        return page.evaluate(
            """() => ['host-p', 'host-button', 'host-div'].map(id => {
                const cs = getComputedStyle(document.getElementById(id));
                return [cs.font, cs.color, cs.background, cs.margin, cs.padding, cs.border,
                        cs.boxSizing].join('|');
            })"""
        )

    assert host_styles(embed_site + "/plain.html") == host_styles(embed_site + "/nowidget.html")


def test_user_html_is_shown_literally(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    say(page, XSS)
    say(page, "<script>alert(2)</script><b>bold?</b>")
    expect(page.locator(tid("user-text"))).to_have_text(
        [XSS, "<script>alert(2)</script><b>bold?</b>"]
    )
    page.wait_for_timeout(500)
    counts = in_shadow(
        page,
        "[r.querySelectorAll('img, script, b').length, document.querySelectorAll('img').length]",
    )
    assert counts == [0, 0]
    # the new_page fixture fails the test if any dialog opened


def test_bot_html_is_shown_literally_with_safe_formatting(new_page, assistant):
    page = new_page()
    text = (
        f"Hello {XSS}<script>alert(2)</script>\n\n"
        "A **bold** claim, see https://example.com/docs. Not a link: javascript:alert(3)\n\n"
        "- first point\n- second **point**"
    )
    reply = [
        {"recipient_id": "x", "text": text, "buttons": [{"title": "<b>Click</b>", "payload": "hi"}]}
    ]
    page.route(
        f"**{WEBHOOK}",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(reply)
        ),
    )
    page.goto(assistant.base_url + "/")
    open_widget(page)
    say(page, "show me html")
    bubble = page.locator(tid("bot-text")).last
    expect(bubble).to_contain_text(f"Hello {XSS}<script>alert(2)</script>")
    expect(bubble.locator("strong").first).to_have_text("bold")
    expect(bubble.locator("ul > li")).to_have_text(["first point", "second point"])
    expect(bubble.locator("p")).to_have_count(2)
    link = bubble.locator("a")
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", "https://example.com/docs")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    expect(enabled_replies(page)).to_have_text(["<b>Click</b>"])
    page.wait_for_timeout(500)
    assert in_shadow(page, "r.querySelectorAll('img, script, b').length") == 0


def test_keyboard_only(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    focused = (
        "() => { const h = document.querySelector('bpo-chat-widget');"
        " const a = h.shadowRoot.activeElement;"
        " return document.activeElement === h && a ? a.dataset.testid || '' : ''; }"
    )
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "launcher":
            break
    assert page.evaluate(focused) == "launcher", "the launcher is not reachable with Tab"
    outline = page.locator(tid("launcher")).evaluate(
        "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
    )
    assert (
        outline[0] != "none" and float(outline[1].rstrip("px")) >= 2
    ), outline  # visible focus ring

    page.keyboard.press("Enter")
    expect(page.locator(tid("panel"))).to_be_visible()
    expect(page.locator(tid("input"))).to_be_focused()

    # type and send
    before = bot_count(page)
    page.keyboard.type("what is a bpo?")
    page.keyboard.press("Enter")
    assert re.search(r"business process outsourcing", wait_for_reply(page, before), re.I)
    expect(page.locator(tid("input"))).to_be_focused()

    # choose one of the answer's quick replies: they come just before the input in tab order
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(focused) == "quick-reply":
            break
    assert page.evaluate(focused) == "quick-reply"
    title = in_shadow(page, "r.activeElement.textContent")
    before = bot_count(page)
    page.keyboard.press("Enter")
    expect(page.locator(tid("user-text")).last).to_have_text(title)
    assert wait_for_reply(page, before).strip()
    expect(page.locator(tid("input"))).to_be_focused()

    # Escape closes and gives focus back to the launcher
    page.keyboard.press("Escape")
    expect(page.locator(tid("panel"))).to_be_hidden()
    expect(page.locator(tid("launcher"))).to_be_focused()
    expect(page.locator(tid("launcher"))).to_have_attribute("aria-expanded", "false")


def test_accessibility_basics(new_page, assistant):
    page = new_page(reduced_motion="reduce")
    page.goto(assistant.base_url + "/")
    open_widget(page)
    log = page.locator(tid("transcript"))
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    info = page.evaluate(
        """() => {
            const r = document.querySelector('bpo-chat-widget').shadowRoot;
            const unnamed = [...r.querySelectorAll('button')]
                .filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).length;
            const label = r.querySelector('[data-testid=input]').labels[0];
            const anim = getComputedStyle(r.querySelector('[data-testid=panel]')).animationName;
            const launcher = r.querySelector('[data-testid=launcher]');
            const trans = getComputedStyle(launcher).transitionDuration;
            return {unnamed, label: label ? label.textContent : '', anim, trans};
        }"""
    )
    assert info["unnamed"] == 0 and info["label"], info
    assert info["anim"] == "none" and info["trans"] == "0s", info  # prefers-reduced-motion

    # contrast of text against its background >= 4.5:1
    pairs = page.evaluate(
        """() => {
            const r = document.querySelector('bpo-chat-widget').shadowRoot;
            const cs = s => getComputedStyle(r.querySelector(s));
            const pair = (fg, bg) => [cs(fg).color, cs(bg).backgroundColor];
            return {
                title: pair('[data-testid=title]', '.header'),
                bot: pair('[data-testid=bot-text]', '[data-testid=bot-text]'),
                quick: pair('[data-testid=quick-reply]', '[data-testid=quick-reply]'),
                input: pair('[data-testid=input]', '[data-testid=input]'),
                launcher: pair('[data-testid=launcher]', '[data-testid=launcher]'),
            };
        }"""
    )

    def luminance(css: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for name, (fg, bg) in pairs.items():
        hi, lo = sorted([luminance(fg), luminance(bg)], reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (name, fg, bg)


def test_mobile_full_screen(new_page, assistant):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    page.goto(assistant.base_url + "/")
    open_widget(page)
    box = page.locator(tid("panel")).bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (
        0,
        0,
        MOBILE["width"],
        MOBILE["height"],
    ), box
    expect(page.locator(tid("launcher"))).to_be_hidden()
    answer = say(page, "what is a bpo?")
    assert re.search(r"business process outsourcing", answer, re.I), answer
    input_box = page.locator(tid("input")).bounding_box()
    assert input_box["y"] + input_box["height"] <= MOBILE["height"]
    save_screenshot(page, "mobile")
    page.locator(tid("close")).click()
    expect(page.locator(tid("panel"))).to_be_hidden()
    expect(page.locator(tid("launcher"))).to_be_visible()
    expect(page.locator(tid("launcher"))).to_be_focused()


def test_server_down_then_retry(new_page, assistant):
    page = new_page()
    page.route(f"**{WEBHOOK}", lambda route: route.abort("connectionrefused"))
    page.goto(assistant.base_url + "/")
    open_widget(page)
    page.locator(tid("input")).fill("what is a bpo?")
    page.locator(tid("input")).press("Enter")
    expect(page.locator(tid("error"))).to_be_visible()
    expect(page.locator(tid("error"))).to_have_attribute("role", "alert")
    expect(page.locator(tid("typing"))).to_have_count(0)

    page.unroute(f"**{WEBHOOK}")  # the server is back
    before = bot_count(page)
    page.locator(tid("retry")).click()
    expect(page.locator(tid("error"))).to_have_count(0)
    answer = wait_for_reply(page, before)
    assert re.search(r"business process outsourcing", answer, re.I), answer
    expect(page.locator(tid("user-text"))).to_have_text(["what is a bpo?"])  # not sent twice


def test_slow_server_times_out_then_retry(new_page, assistant):
    page = new_page()
    page.clock.install()
    stalled = []
    page.route(f"**{WEBHOOK}", lambda route: stalled.append(route))  # never answered
    page.goto(assistant.base_url + "/")
    open_widget(page)
    page.locator(tid("input")).fill("what is a bpo?")
    page.locator(tid("input")).press("Enter")
    expect(page.locator(tid("typing"))).to_be_visible()
    page.clock.fast_forward(16_000)  # past the widget's 15 s limit
    expect(page.locator(tid("error"))).to_contain_text(re.compile("too long", re.I))
    page.unroute_all(behavior="ignoreErrors")
    before = bot_count(page)
    page.locator(tid("retry")).click()
    assert re.search(r"business process outsourcing", wait_for_reply(page, before), re.I)


def test_blank_messages_are_not_sent_and_input_is_capped(new_page, assistant):
    page = new_page()
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.post_data or "") if r.method == "POST" else None)
    page.goto(assistant.base_url + "/")
    open_widget(page)
    expect(page.locator(tid("input"))).to_have_attribute("maxlength", "1000")
    page.locator(tid("input")).fill("   ")
    page.locator(tid("input")).press("Enter")
    page.locator(tid("send")).click()
    page.wait_for_timeout(300)
    assert posts == []
    expect(page.locator(tid("user-message"))).to_have_count(0)
    page.locator(tid("input")).fill("")
    page.locator(tid("input")).press_sequentially("x" * 30)
    page.keyboard.insert_text("y" * 1200)
    assert len(page.locator(tid("input")).input_value()) == 1000


# ---------------------------------------------------------------- issue 13


def storage_key(assistant) -> str:
    return f"bpo-chat-widget:{assistant.base_url}"


def contrast_ratio(fg: str, bg: str) -> float:
    def luminance(css: str) -> float:
        channels = [float(v) / 255 for v in re.findall(r"[\d.]+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def wait_until(page: Page, condition, timeout_s: float = 10) -> None:
    """Lets playwright dispatch events (route handlers) until condition() is true."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(50)


def tracker_events(assistant, sender: str) -> list[dict]:
    with sqlite3.connect(assistant.tracker_db) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def log_view(page: Page) -> dict:
    """The transcript's scroll position and where its rows are, relative to its viewport."""
    return in_shadow(
        page,
        """(() => {
            const log = r.querySelector('[data-testid=transcript]');
            const top = log.getBoundingClientRect().top;
            return {
                scrollTop: log.scrollTop, clientHeight: log.clientHeight,
                scrollHeight: log.scrollHeight,
                rows: [...log.querySelectorAll('.row')].map(row => {
                    const b = row.getBoundingClientRect();
                    return {top: b.top - top, bottom: b.bottom - top, text: row.innerText};
                }),
            };
        })()""",
    )


def test_reload_and_page_change_open_the_transcript_at_the_latest_message(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    messages = []
    for i in range(15):
        messages.append({"id": f"u{i}", "from": "user", "text": f"Question {i}"})
        messages.append({"id": f"b{i}", "from": "bot", "text": f"Answer {i}.\n\nSecond line {i}."})
    state = {"sender": "0d9f6b8e-7c1a-4b8e-9f0a-3c2d1e0f4a5b", "messages": messages, "open": True}
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [storage_key(assistant), json.dumps(state)]
    )
    for url in (assistant.base_url + "/", assistant.base_url + "/?page=2"):
        page.goto(url)
        expect(page.locator(tid("panel"))).to_be_visible()
        expect(page.locator(tid("bot-text")).last).to_contain_text("Answer 14.")
        page.wait_for_timeout(200)
        view = log_view(page)
        assert view["scrollHeight"] > 2 * view["clientHeight"], view  # it does overflow
        last = view["rows"][-1]
        assert "Answer 14." in last["text"]
        # at the end: the latest message is entirely in view
        assert view["scrollTop"] >= view["scrollHeight"] - view["clientHeight"] - 2, view
        assert 0 <= last["top"] and last["bottom"] <= view["clientHeight"] + 1, last


def test_a_long_answer_is_shown_from_its_start(new_page, assistant):
    page = new_page(viewport={"width": 1280, "height": 520})
    page.goto(assistant.base_url + "/")
    open_widget(page)
    turn = click_reply(page, "Recommend one for me")
    for choice in ["Under 50 people", "Customer support", "Tight"]:
        if finished(turn):
            break
        turn = click_reply(page, choice)
    assert "My recommendation" in turn, turn
    page.wait_for_timeout(200)
    view = log_view(page)
    answer = next(row for row in view["rows"] if "My recommendation" in row["text"])
    assert answer["bottom"] - answer["top"] > view["clientHeight"], (answer, view)  # too long
    # its first line is at the top of the transcript, not scrolled away above it
    assert 0 <= answer["top"] <= 30, (answer, view)


def test_phone_panel_is_modal(new_page, assistant):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(assistant.base_url + "/")
    assert page.evaluate("document.documentElement.scrollHeight") > PHONE["height"] + 200
    open_widget(page)
    box = page.locator(tid("panel")).bounding_box()
    assert (box["width"], box["height"]) == (PHONE["width"], PHONE["height"]), box
    expect(page.locator(tid("panel"))).to_have_attribute("aria-modal", "true")
    assert page.evaluate("document.body.inert") is True  # the host page takes no focus
    inside = (
        "() => { const h = document.querySelector('bpo-chat-widget');"
        " const a = h.shadowRoot.activeElement;"
        " return document.activeElement === h && !!a && !!a.closest('[data-testid=panel]'); }"
    )
    for key in ["Tab"] * 14 + ["Shift+Tab"] * 14:
        page.keyboard.press(key)
        assert page.evaluate(inside), f"focus left the panel after {key}"

    # the page behind does not scroll, by wheel over the panel or from the keyboard
    for x, y in [(195, 30), (195, 400)]:
        page.mouse.move(x, y)
        page.mouse.wheel(0, 900)
    page.locator(tid("input")).focus()
    page.keyboard.press("PageDown")
    page.wait_for_timeout(400)
    assert page.evaluate("window.scrollY") == 0

    page.keyboard.press("Escape")
    expect(page.locator(tid("panel"))).to_be_hidden()
    expect(page.locator(tid("launcher"))).to_be_focused()
    assert page.evaluate("document.body.inert") is False
    page.mouse.move(195, 400)
    page.mouse.wheel(0, 900)
    page.wait_for_function("window.scrollY > 0")  # and it scrolls again once closed


def test_the_snippet_does_not_delay_the_host_page(new_page, embed_site):
    page = new_page()
    # DOMContentLoaded counted from the start of parsing (performance.timing.domLoading: what
    # a snippet can delay; the network and the renderer's start before it are only noise),
    # whether it came before widget.js arrived, and the load event
    timing = """() => {
        const t = performance.timing, start = t.navigationStart;
        const w = performance.getEntriesByType('resource').find(r => r.name.endsWith('widget.js'));
        return [t.domContentLoadedEventStart - t.domLoading, t.loadEventStart - start,
                w ? start + w.responseEnd > t.domContentLoadedEventStart : null,
                t.domContentLoadedEventStart - start];
    }"""
    samples: dict[str, list] = {"none": [], "async": [], "defer": []}
    for _ in range(15):  # interleaved, so that the machine's load falls on all three alike
        for kind in samples:
            page.goto(f"{embed_site}/timing-{kind}.html")
            if kind != "none":
                expect(page.locator(tid("launcher"))).to_be_visible()  # the widget did start
            samples[kind].append(page.evaluate(timing))

    def stat(f, kind: str, i: int) -> float:
        return f(sample[i] for sample in samples[kind])

    best = {kind: stat(min, kind, 0) for kind in samples}
    middle = {kind: stat(statistics.median, kind, 0) for kind in samples}
    print(
        f"\nDOMContentLoaded after the start of parsing, 15 loads each (widget files served in"
        f" {SLOW_WIDGET_SECONDS} s), best / median: without the widget {best['none']:.0f} /"
        f" {middle['none']:.0f} ms, with the async snippet {best['async']:.0f} /"
        f" {middle['async']:.0f} ms (difference {best['async'] - best['none']:+.0f} /"
        f" {middle['async'] - middle['none']:+.0f} ms), with the old defer snippet"
        f" {best['defer']:.0f} / {middle['defer']:.0f} ms."
        "\nFrom navigation start (median): DOMContentLoaded {:.0f} / {:.0f} / {:.0f} ms;".format(
            *(stat(statistics.median, kind, 3) for kind in samples)
        )
        + " load event {:.0f} / {:.0f} / {:.0f} ms (async waits for widget.js, not CSS).".format(
            *(stat(statistics.median, kind, 1) for kind in samples)
        )
    )
    # the page never waited for the widget: DOMContentLoaded came before widget.js, every time
    assert all(sample[2] for sample in samples["async"]), samples["async"]
    # best of 15: this shared machine adds 0-20 ms to single loads, alike with or without it
    # (a clean-clone run once measured 6 ms best to best; widget.js is served in 0.4 s)
    assert best["async"] - best["none"] <= 15, samples
    assert best["defer"] - best["none"] > 300, samples  # the measurement sees a delaying snippet


def test_refused_origin_says_chat_is_not_enabled(new_page, assistant):
    page = new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    origin = f"http://localhost:{assistant.embed_port}"  # not in WIDGET_ALLOWED_ORIGINS
    page.goto(origin + "/plain.html")
    open_widget(page)
    page.locator(tid("input")).fill("what is a bpo?")
    page.locator(tid("input")).press("Enter")
    expect(page.locator(tid("error"))).to_have_text(re.compile("not enabled on this website"))
    expect(page.locator(tid("retry"))).to_have_count(0)  # nothing a Retry could change
    expect(page.locator(tid("input"))).to_be_disabled()
    expect(page.locator(tid("send"))).to_be_disabled()
    hints = [text for text in console if "WIDGET_ALLOWED_ORIGINS" in text]
    assert hints and f"WIDGET_ALLOWED_ORIGINS={origin}" in hints[0], console
    print("\nconsole:", hints[0])


def test_reload_while_a_reply_is_pending_gets_the_reply(new_page, assistant):
    page = new_page()
    bodies: list[dict] = []
    page.on(
        "request",
        lambda r: bodies.append(json.loads(r.post_data)) if r.url.endswith(WEBHOOK) else None,
    )
    page.goto(assistant.base_url + "/")
    open_widget(page)

    # the webhook as the network treats it: "hold" (never sent), "lose" (sent, reply lost)
    network = {"mode": "hold"}
    held, lost = [], []

    def webhook(route):
        if network["mode"] == "hold":
            held.append(route)
        elif network["mode"] == "lose":
            lost.append(route.fetch())  # the server answers; the page never gets it
        else:
            route.continue_()

    page.route(f"**{WEBHOOK}", webhook)

    # 1. the question never reached the server: sent again after the reload
    page.locator(tid("input")).fill("what is a bpo?")
    page.locator(tid("input")).press("Enter")
    wait_until(page, lambda: held)
    network["mode"] = "pass"
    page.reload()
    answer = wait_for_reply(page, 1)
    assert re.search(r"business process outsourcing", answer, re.I), answer
    assert len(bodies) == 2 and bodies[0] == bodies[1], bodies  # same message_id

    # 2. the server answered, the reply was lost to the reload: the stored reply, not a new turn
    network["mode"] = "lose"
    page.locator(tid("input")).fill("what is a call center?")
    page.locator(tid("input")).press("Enter")
    wait_until(page, lambda: lost)
    assert lost[0].status == 200
    network["mode"] = "pass"
    before = bot_count(page)
    page.reload()
    answer = wait_for_reply(page, before - 1)
    assert re.search(r"agents", answer, re.I), answer
    assert len(bodies) == 4 and bodies[2] == bodies[3], bodies
    expect(page.locator(tid("user-text"))).to_have_text(
        ["what is a bpo?", "what is a call center?"]
    )
    sender = stored_state(page)["sender"]
    users = [e for e in tracker_events(assistant, sender) if e["event"] == "user"]
    assert [e["text"] for e in users] == ["what is a bpo?", "what is a call center?"], users
    assert not any(m.get("p") for m in stored_state(page)["messages"])

    # 3. an old unanswered question is not sent by itself: it gets a Retry
    state = stored_state(page)
    state["messages"].append({"id": "old-q", "from": "user", "text": "hi", "p": "hi", "at": 1})
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [storage_key(assistant), json.dumps(state)]
    )
    page.reload()
    expect(page.locator(tid("retry"))).to_be_visible()
    before = bot_count(page)
    page.locator(tid("retry")).click()
    assert wait_for_reply(page, before).strip()


def test_two_tabs_show_the_same_conversation(new_page, assistant):
    first = new_page()
    second = first.context.new_page()
    first.goto(assistant.base_url + "/")
    open_widget(first)
    say(first, "what is a bpo?")
    second.goto(assistant.base_url + "/")
    expect(second.locator(tid("panel"))).to_be_visible()
    expect(second.locator(tid("user-text"))).to_have_text(["what is a bpo?"])
    say(second, "what is a call center?")
    expect(first.locator(tid("user-text"))).to_have_text(
        ["what is a bpo?", "what is a call center?"]
    )

    # both tabs send at once: neither message is lost in either tab
    for page, text in [(first, "what are the benefits of a bpo?"), (second, "thanks!")]:
        page.locator(tid("input")).fill(text)
    first.locator(tid("input")).press("Enter")
    second.locator(tid("input")).press("Enter")
    for page in (first, second):
        page.wait_for_function(
            """() => { const r = document.querySelector('bpo-chat-widget').shadowRoot;
                return !r.querySelector('[data-busy]')
                    && r.querySelectorAll('[data-testid=bot-message]').length >= 5; }"""
        )
        expect(page.locator(tid("user-text"))).to_have_count(4)
    expect(first.locator(tid("error"))).to_have_count(0)
    texts = [p.locator(tid("transcript")).inner_text() for p in (first, second)]
    assert texts[0] == texts[1]
    for text in ["what is a bpo?", "what is a call center?", "benefits of a bpo", "thanks!"]:
        assert text in texts[0]
    stored = [m["text"] for m in stored_state(first)["messages"] if m["from"] == "user"]
    assert sorted(stored) == sorted(
        ["what is a bpo?", "what is a call center?", "what are the benefits of a bpo?", "thanks!"]
    )


@pytest.mark.parametrize("color", ["#fbbf24", "gold", "hsl(48 96% 53%)", "oklch(0.9 0.1 200)"])
def test_any_brand_colour_keeps_text_readable(new_page, embed_site, color):
    page = new_page()
    page.goto(f"{embed_site}/color.html?c={urllib.request.quote(color)}")
    expect(page.locator(tid("panel"))).to_be_visible()
    colors = page.evaluate(
        """(c) => {
            const r = document.querySelector('bpo-chat-widget').shadowRoot;
            const cs = s => getComputedStyle(r.querySelector(s));
            const probe = document.createElement('i');
            probe.style.color = c;
            document.body.append(probe);
            const pair = (f, b = f) => [cs(f).color, cs(b).backgroundColor];
            return {
                given: getComputedStyle(probe).color,
                header: pair('[data-testid=title]', '.header'),
                launcher: pair('[data-testid=launcher]'),
                send: pair('[data-testid=send]'),
                quick: pair('[data-testid=quick-reply]'),
                ink: [cs('.root').getPropertyValue('--ink'), pair('[data-testid=bot-text]')[1]],
            };
        }""",
        color,
    )
    given = colors.pop("given")
    if given.startswith("rgb"):  # the brand colour itself is used, as the browser resolves it
        assert colors["header"][1] == given, (given, colors)
    for name, (fg, bg) in colors.items():
        assert contrast_ratio(fg, bg) >= 4.5, (color, name, fg, bg)


def test_launcher_stays_on_screen_with_a_transformed_body(new_page, embed_site):
    page = new_page()
    page.goto(embed_site + "/transformed.html")
    launcher = page.locator(tid("launcher"))
    expect(launcher).to_be_visible()
    before = launcher.bounding_box()
    assert before["y"] + before["height"] <= DESKTOP["height"], before
    page.mouse.wheel(0, 1500)
    page.wait_for_function("window.scrollY > 1000")
    assert launcher.bounding_box() == before
    launcher.click()
    panel = page.locator(tid("panel")).bounding_box()
    assert 0 <= panel["y"] and panel["y"] + panel["height"] <= DESKTOP["height"], panel


def test_thumbs_down_is_stored_in_the_conversation(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    expect(page.locator(tid("rate-down"))).to_have_count(0)  # not under the local greeting
    say(page, "what is a bpo?")
    answer = page.locator(tid("bot-message")).last
    down, up = answer.locator(tid("rate-down")), answer.locator(tid("rate-up"))
    expect(down).to_have_attribute("aria-label", "Not helpful")
    expect(up).to_have_attribute("aria-label", "Helpful")
    expect(answer.get_by_role("group", name="Rate this answer")).to_be_visible()
    expect(down).to_have_attribute("aria-pressed", "false")

    down.click()
    expect(down).to_have_attribute("aria-pressed", "true")
    expect(up).to_have_attribute("aria-pressed", "false")
    sender = stored_state(page)["sender"]
    events = tracker_events(assistant, sender)
    said = [e["text"] for e in events if e["event"] == "bot"]
    ratings = [e for e in events if e["event"] == "slot" and e["name"] == "feedback"]
    assert [e["value"] for e in ratings] == [{"rating": "down", "text": said[-1]}], ratings
    assert re.search(r"business process outsourcing", said[-1], re.I)

    page.reload()  # the rating is remembered
    expect(page.locator(tid("rate-down")).last).to_have_attribute("aria-pressed", "true")
    page.locator(tid("rate-up")).last.click()
    expect(page.locator(tid("rate-up")).last).to_have_attribute("aria-pressed", "true")
    ratings = [
        e["value"]["rating"]
        for e in tracker_events(assistant, sender)
        if e["event"] == "slot" and e["name"] == "feedback"
    ]
    assert ratings == ["down", "up"]


def test_feedback_endpoint_checks_its_input(assistant, conversation):
    url = assistant.base_url + FEEDBACK
    conversation.say("hello")
    good = {"sender": conversation.sender, "rating": "up", "text": "Hi!"}
    for bad in [
        {**good, "rating": "meh"},
        {**good, "rating": None},
        {**good, "sender": ""},
        {**good, "sender": "two\nlines"},
        {**good, "text": ""},
        {**good, "text": 5},
        {**good, "text": "x" * 5001},
    ]:
        status, body = post_json(url, bad)
        assert status == 400 and body["error"], (bad, body)
    status, _ = post_json(url, {**good, "sender": "6f1c2b4a-0d3e-4f5a-8b7c-9d0e1f2a3b4c"})
    assert status == 404  # no such conversation
    assert post_json(url, good) == (200, {"status": "ok"})
    preflight = urllib.request.Request(
        url,
        method="OPTIONS",
        headers={
            "Origin": f"http://127.0.0.1:{assistant.embed_port}",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(preflight, timeout=10) as reply:
        allowed = reply.headers["Access-Control-Allow-Origin"]
    assert allowed == f"http://127.0.0.1:{assistant.embed_port}"


def run_axe(page: Page, state: str) -> list:
    """axe-core's violations on the page as it is, and again with the widget moved into
    <body>: axe finds backgrounds only inside <body> (its element grid starts there), so
    the widget's colour contrast is checked by that second run (the widget sits on <html>)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser` (npm install of axe-core)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => {
            const run = async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                return {
                    violations: r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' > ')),
                    })),
                    passes: r.passes.length,
                    incomplete: r.incomplete.map(v => v.id + ': ' + v.nodes.map(
                        n => n.target.join(' > ').slice(0, 40)).join(', ')),
                };
            };
            const host = document.querySelector('bpo-chat-widget');
            const placed = await run();
            const inert = document.body.inert;  // the phone's modal panel makes <body> inert
            document.body.inert = false;
            document.body.append(host);
            await new Promise(done => setTimeout(done, 400));  // styles and animation settle
            const inBody = await run();
            document.documentElement.append(host);
            document.body.inert = inert;
            await new Promise(done => setTimeout(done, 400));
            return {version: axe.version, placed, inBody};
        }""",
        AXE_TAGS,
    )
    for where in ("placed", "inBody"):
        run = result[where]
        print(
            f"\naxe-core {result['version']} ({', '.join(AXE_TAGS)}), {state}"
            f"{' (widget moved into <body>)' if where == 'inBody' else ''}:"
            f" {len(run['violations'])} violations, {run['passes']} rules passed,"
            f" needs review: {run['incomplete'] or 'none'}"
        )
    return result["placed"]["violations"] + result["inBody"]["violations"]


def test_axe_finds_no_violations(new_page, assistant):
    page = new_page()
    page.goto(assistant.base_url + "/")
    open_widget(page)
    found = {"open": run_axe(page, "widget open")}
    say(page, "what is a bpo?")
    page.locator(tid("rate-up")).last.click()
    expect(page.locator(tid("rate-up")).last).to_have_attribute("aria-pressed", "true")
    found["mid-conversation"] = run_axe(page, "mid-conversation, an answer rated")
    page.locator(tid("new-conversation")).click()
    found["confirm"] = run_axe(page, "asking before a new conversation")
    page.locator(tid("confirm-no")).click()
    page.route(f"**{WEBHOOK}", lambda route: route.abort("connectionrefused"))
    page.locator(tid("input")).fill("what is a call center?")
    page.locator(tid("input")).press("Enter")
    expect(page.locator(tid("retry"))).to_be_visible()
    found["error"] = run_axe(page, "error state")

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    phone.goto(assistant.base_url + "/")
    open_widget(phone)
    found["phone"] = run_axe(phone, "phone, full screen")
    assert not any(found.values()), json.dumps(found, indent=1)


def test_widget_size_as_served(assistant):
    raw, compressed = {}, {}
    for name in ("widget.js", "widget.css"):
        request = urllib.request.Request(
            f"{assistant.base_url}/{name}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.headers["Content-Encoding"] == "gzip"
            compressed[name] = len(body := reply.read())
            raw[name] = len(gzip.decompress(body))
    source = sum((WIDGET_DIR / name).stat().st_size for name in raw)
    print(
        f"\nwidget.js + widget.css: source {source:,} B; served {sum(raw.values()):,} B"
        f" ({raw}), gzipped {sum(compressed.values()):,} B ({compressed})"
    )
    assert sum(raw.values()) < 25_000 or sum(compressed.values()) < 10_000
