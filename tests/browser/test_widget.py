"""The web chat widget in a real browser (Debian's chromium, driven by playwright).

The `assistant` session fixture (tests/conftest.py) starts the real Rasa and action
servers on free ports: `assistant.base_url` serves the demo page at `/`, `/widget.js`,
`/widget.css` and the REST webhook; `http://127.0.0.1:<assistant.embed_port>` is an
origin the server allows by CORS, where these tests serve plain "customer" pages.
Playwright's CSS selectors pierce the widget's open shadow root.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

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
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"  # committed, shown in the README
WEBHOOK = "/webhooks/rest/webhook"
TITLE = "BPO or call center?"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
XSS = "<img src=x onerror=alert(1)>"

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
    return f'<script src="{base_url}/widget.js" data-title="{TITLE}"{extra} defer></script>'


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
    }


@pytest.fixture(scope="session")
def embed_site(assistant):
    """Serves customer_pages() from the CORS-allowed second origin; yields that origin."""
    pages = customer_pages(assistant.base_url)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server API)
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
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

    with page.expect_request(
        lambda r: r.method == "POST" and '"/restart"' in (r.post_data or "")
    ) as restart:
        page.locator(tid("new-conversation")).click()
    new_sender = stored_state(page)["sender"]
    assert new_sender != old_sender and UUID4.match(new_sender)
    assert json.loads(restart.value.post_data) == {"sender": new_sender, "message": "/restart"}
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
