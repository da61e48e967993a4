/*
 * BPO / call center assistant: embeddable chat widget.
 * Plain JavaScript, no dependencies, no build step. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-title="BPO or call center?" async></script>
 * `async`: the host page never waits for it; the widget starts after the page's load event.
 * Optional data attributes: data-greeting, data-color (any CSS colour),
 * data-position ("right" | "left"), data-open ("true" | "false"), data-server (URL).
 * All text from the server or the user is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript; // captured now: it is null inside callbacks
  if (window.__bpoChatWidget) return; // included twice: the first copy wins
  window.__bpoChatWidget = true;
  if (!script || !script.src) {
    var found = document.querySelectorAll('script[src*="widget.js"]');
    script = found[found.length - 1] || null;
  }

  var ds = (script && script.dataset) || {};
  var scriptUrl = new URL(script && script.src ? script.src : "widget.js", location.href);
  var server = (ds.server || scriptUrl.origin).replace(/\/+$/, "");
  var ENDPOINT = server + "/webhooks/rest/webhook";
  var CSS_URL = new URL("widget.css", scriptUrl).href;
  var TITLE = ds.title || "Chat with us";
  var GREETING = ds.greeting ||
    "Hi! I explain the difference between a **BPO** (business process outsourcing) and a " +
    "**call center**, and I can recommend one for your company after three quick questions. " +
    "What would you like to know?";
  var STARTERS = [
    { title: "What is a BPO?", payload: "What is a BPO?" },
    { title: "BPO vs call center", payload: "What is the difference between a BPO and a call center?" },
    { title: "Recommend one for me", payload: "/request_recommendation" }
  ];
  var MAX_LEN = 1000;
  var TIMEOUT_MS = 15000;
  var RESEND_MS = 120000; // a question left unanswered by a reload is sent again (same id) this long
  var MAX_STORED = 200;
  var KEY = "bpo-chat-widget:" + server;
  var UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: "M4 5h16v11H10l-5 4v-4H4z",
    close: "M6 6l12 12M18 6L6 18",
    restart: "M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5",
    send: "M21 3L10 14M21 3l-6.5 18-4.5-7-7-4.5z",
    thumb: "M7 11v9H3v-9zm0 0l4-8c2 0 3 1.5 2.5 3.5L13 10h6a2 2 0 0 1 2 2.4l-1.3 6A2 2 0 0 1 17.7 20H7"
  };

  // ---------- state: localStorage, shared by every tab of the site ----------
  // messages: {id, from, text, buttons, rating?, p?: payload of a question not answered yet, at?}

  function uuid() { // randomUUID needs a secure context; the fallback is as random
    try { return crypto.randomUUID(); } catch (e) { /* http: page */ }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function cleanButtons(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (b) {
      return b && typeof b.title === "string" && b.title && b.payload != null;
    }).map(function (b) { return { title: b.title, payload: String(b.payload) }; });
  }

  function cleanMessage(m, i) {
    if (!m || (m.from !== "bot" && m.from !== "user")) return null;
    var text = typeof m.text === "string" ? m.text : "";
    var c = {
      id: typeof m.id === "string" && m.id ? m.id.slice(0, 80) : "m" + i,
      from: m.from, text: text, buttons: m.from === "bot" ? cleanButtons(m.buttons) : []
    };
    if (m.rating === "up" || m.rating === "down") c.rating = m.rating;
    if (typeof m.p === "string" && m.p) { c.p = m.p; c.at = +m.at || 0; }
    return text || c.buttons.length ? c : null;
  }

  function read() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY) || "null");
      if (s && UUID_RE.test(s.sender) && Array.isArray(s.messages)) {
        return {
          sender: s.sender,
          messages: s.messages.map(cleanMessage).filter(Boolean),
          open: typeof s.open === "boolean" ? s.open : null
        };
      }
    } catch (e) { /* storage blocked or corrupt: start fresh */ }
    return null;
  }

  // Messages of `base` in order, plus those only `extra` has, each after its predecessor in
  // `extra`: another tab's messages are never lost. A question answered anywhere is answered;
  // on a rating, `extra` wins when `mine` (this tab's own change), else `base`.
  function merge(base, extra, mine) {
    var out = base.slice(), at = -1, byId = {};
    out.forEach(function (m) { byId[m.id] = m; });
    extra.forEach(function (m) {
      var k = byId[m.id];
      if (!k) { out.splice(++at, 0, m); byId[m.id] = m; return; }
      at = out.indexOf(k);
      if (!m.p) delete k.p;
      if (m.rating && (mine || !k.rating)) k.rating = m.rating;
    });
    return out;
  }

  function save(force) {
    var s = !force && read(), added = false;
    if (s) {
      if (s.sender !== state.sender) return; // another tab started a new conversation: adopted on its storage event
      var merged = merge(s.messages, state.messages, true);
      added = merged.length > state.messages.length;
      state.messages = merged;
    }
    if (state.messages.length > MAX_STORED) state.messages = state.messages.slice(-MAX_STORED);
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* ignore */ }
    // another tab's messages came in with this save, before its storage event: show them
    if (added) renderAll();
  }

  function find(id) {
    return state.messages.filter(function (m) { return m.id === id; })[0];
  }

  var state = read() || { sender: uuid(), messages: [], open: null };

  // ---------- DOM helpers (no innerHTML anywhere) ----------

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k === "text") n.textContent = v;
      else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? "" : v);
    });
    (kids || []).forEach(function (c) {
      if (c) n.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return n;
  }

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "icon icon-" + name);
    var p = document.createElementNS(SVG_NS, "path");
    p.setAttribute("d", ICONS[name]);
    svg.appendChild(p);
    return svg;
  }

  // ---------- safe, minimal formatting of bot text ----------

  function appendLinks(parent, text) {
    var re = /https?:\/\/[^\s<>"]+/g, last = 0, m;
    while ((m = re.exec(text))) {
      var url = m[0].replace(/[.,;:!?'")\]]+$/, "");
      var href = null;
      try {
        var u = new URL(url);
        if (u.protocol === "http:" || u.protocol === "https:") href = u.href;
      } catch (e) { /* not a URL: keep as text */ }
      if (!href) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: url }));
      last = m.index + url.length;
      re.lastIndex = last;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function appendInline(parent, text) {
    var parts = text.split("**");
    if (parts.length % 2 === 0) parts = [text]; // unbalanced markers: show literally
    parts.forEach(function (part, i) {
      if (!part) return;
      var target = parent;
      if (i % 2) target = parent.appendChild(el("strong"));
      appendLinks(target, part);
    });
  }

  function formatInto(container, text) {
    text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/).forEach(function (block) {
      var p = null, ul = null;
      block.split("\n").forEach(function (line) {
        var item = /^\s*[-\u2022]\s+(.*)$/.exec(line);
        if (item) {
          if (!ul) ul = container.appendChild(el("ul"));
          p = null;
          appendInline(ul.appendChild(el("li")), item[1]);
        } else if (line.trim()) {
          ul = null;
          if (p) p.appendChild(el("br"));
          else p = container.appendChild(el("p"));
          appendInline(p, line);
        }
      });
    });
  }

  // ---------- colours: text on the brand colour, and brand-coloured text, both >= 4.5:1 ----------

  function rgbOf(color) { // any valid CSS colour, as the browser resolves it, over white
    var probe = shadow.appendChild(el("i", { style: "color:" + color }));
    var v = getComputedStyle(probe).color, n = (v.match(/[\d.]+/g) || []).map(Number);
    probe.remove();
    if (!/^rgba?\(/.test(v)) { // a colour space getComputedStyle keeps (oklch, lab...): paint it
      var cx = document.createElement("canvas").getContext("2d");
      cx.fillStyle = color;
      cx.fillRect(0, 0, 1, 1);
      n = Array.prototype.slice.call(cx.getImageData(0, 0, 1, 1).data);
      n[3] /= 255;
    }
    var a = n.length > 3 ? n[3] : 1;
    return n.slice(0, 3).map(function (c) { return c * a + 255 * (1 - a); });
  }

  function lum(rgb) {
    var l = rgb.map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  function contrast(a, b) { return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }

  function applyColor() {
    var color = (ds.color || "").trim();
    if (!color || !(window.CSS && CSS.supports && CSS.supports("color", color))) return;
    var rgb = rgbOf(color), L = lum(rgb), ink = rgb;
    var css = function (c) { return "rgb(" + c.map(Math.round).join(",") + ")"; };
    host.style.setProperty("--bpo-primary", css(rgb));
    host.style.setProperty("--bpo-on-primary", contrast(L, 1) >= contrast(L, 0) ? "#fff" : "#000");
    // as text and outlines on the light backgrounds (white, bot bubbles #eef2f7): darkened if needed
    while (contrast(lum(ink), 0.86) < 4.6) ink = ink.map(function (c) { return c * 0.9; });
    host.style.setProperty("--bpo-ink", css(ink));
  }

  // ---------- build the widget ----------

  var host = el("bpo-chat-widget", { "data-testid": "bpo-host" });
  var shadow = host.attachShadow({ mode: "open" });
  var link = el("link", { rel: "stylesheet", href: CSS_URL });
  var launcher = el("button", {
    type: "button", class: "launcher", id: "bpo-launcher", "data-testid": "launcher",
    "aria-controls": "bpo-panel", "aria-expanded": "false", "aria-label": "Open chat: " + TITLE
  }, [icon("chat"), icon("close")]);
  var log = el("div", {
    class: "log", id: "bpo-log", "data-testid": "transcript", role: "log",
    "aria-live": "polite", "aria-label": "Conversation", tabindex: "0"
  });
  var input = el("input", {
    id: "bpo-input", class: "input", "data-testid": "input", type: "text",
    maxlength: String(MAX_LEN), autocomplete: "off", placeholder: "Type your message\u2026"
  });
  var sendBtn = el("button", {
    type: "submit", class: "send", "data-testid": "send", "aria-label": "Send message"
  }, [icon("send")]);
  var form = el("form", { class: "composer", "data-testid": "composer", novalidate: true }, [
    el("label", { for: "bpo-input", class: "sr-only", text: "Message to the assistant" }), input, sendBtn
  ]);
  var newBtn = el("button", {
    type: "button", class: "icon-btn", "data-testid": "new-conversation",
    "aria-label": "New conversation", title: "New conversation", onclick: function () { ask(true); }
  }, [icon("restart")]);
  var cancelBtn = el("button", {
    type: "button", class: "btn alt", "data-testid": "confirm-no", text: "Cancel",
    onclick: function () { ask(false); }
  });
  var confirmBar = el("div", {
    class: "confirm", "data-testid": "confirm", role: "group", "aria-labelledby": "bpo-confirm", hidden: true
  }, [
    el("p", { id: "bpo-confirm", text: "Start a new conversation? This clears the messages above." }),
    el("button", {
      type: "button", class: "btn", "data-testid": "confirm-yes", text: "Start new", onclick: newConversation
    }),
    cancelBtn
  ]);
  var panel = el("section", {
    class: "panel", id: "bpo-panel", "data-testid": "panel", role: "dialog", "aria-labelledby": "bpo-title"
  }, [
    el("div", { class: "header" }, [
      newBtn, // at the far end from Close, and asks first
      el("h2", { class: "title", id: "bpo-title", "data-testid": "title", text: TITLE }),
      el("button", {
        type: "button", class: "icon-btn", "data-testid": "close",
        "aria-label": "Close chat", title: "Close", onclick: function () { setOpen(false, true); }
      }, [icon("close")])
    ]),
    confirmBar,
    log,
    form
  ]);
  var root = el("div", {
    class: "root pos-" + (ds.position === "left" ? "left" : "right"), "data-testid": "root",
    lang: "en"
  }, [launcher, panel]);
  root.style.visibility = "hidden"; // until widget.css has loaded: no flash of unstyled widget
  link.addEventListener("load", reveal);
  link.addEventListener("error", reveal);
  function reveal() { root.style.removeProperty("visibility"); scrollToTurn(); }
  shadow.appendChild(link);
  shadow.appendChild(root);

  function ask(on) { // the "New conversation" confirmation
    confirmBar.hidden = !on;
    (on ? cancelBtn : newBtn).focus();
  }

  // ---------- transcript ----------

  var busy = false, refused = false;
  var typingEl = null, errorEl = null, turnStart = null;
  var restarting = null; // pending "/restart" of a new conversation

  // The start of the latest answer when it does not fit, else the end of the transcript.
  function scrollToTurn() {
    var max = log.scrollHeight - log.clientHeight;
    log.scrollTop = turnStart && turnStart.isConnected ? Math.min(max, log.scrollTop - 12 +
      turnStart.getBoundingClientRect().top - log.getBoundingClientRect().top) : max;
  }

  function renderMessage(m, enabled) {
    var row = el("div", { class: "row " + m.from, "data-testid": m.from + "-message" });
    if (m.text) {
      var bubble = el("div", { class: "bubble", "data-testid": m.from + "-text" });
      if (m.from === "bot") formatInto(bubble, m.text);
      else bubble.textContent = m.text;
      row.appendChild(bubble);
      if (m.from === "bot" && m.id !== "greeting") row.appendChild(rating(m));
    }
    if (m.buttons.length) {
      var group = el("div", { class: "quick", role: "group", "aria-label": "Suggested replies" });
      m.buttons.forEach(function (b) {
        group.appendChild(el("button", {
          type: "button", class: "qr", "data-testid": "quick-reply", disabled: !enabled, text: b.title,
          onclick: function (e) { if (!busy && !e.currentTarget.disabled) submit(b.payload, b.title); }
        }));
      });
      row.appendChild(group);
    }
    log.insertBefore(row, typingEl && typingEl.parentNode === log ? typingEl : null);
    turnStart = m.from === "user" ? null : turnStart || row;
    scrollToTurn();
  }

  // Thumbs up / down under a bot answer: stored in the conversation on the server.
  function rating(m) {
    var group = el("div", { class: "rate", role: "group", "aria-label": "Rate this answer" });
    var paint = function (r) {
      Array.prototype.forEach.call(group.children, function (b) {
        b.setAttribute("aria-pressed", String(b.value === r));
      });
    };
    [["up", "Helpful"], ["down", "Not helpful"]].forEach(function (r) {
      group.appendChild(el("button", {
        type: "button", class: "thumb " + r[0], value: r[0], "data-testid": "rate-" + r[0],
        "aria-label": r[1], title: r[1], onclick: function () {
          var mine = find(m.id);
          if (!mine || mine.rating === r[0]) return;
          fetch(server + "/webhooks/rest/feedback", {
            method: "POST", mode: "cors", credentials: "omit",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ sender: state.sender, rating: r[0], text: m.text })
          }).then(function (res) {
            if (!res.ok) return;
            mine.rating = r[0];
            save();
            paint(r[0]);
          }, function () { /* not stored: the button stays unpressed */ });
        }
      }, [icon("thumb")]));
    });
    paint(m.rating);
    return group;
  }

  function renderAll() {
    var focused = log.contains(shadow.activeElement);
    log.textContent = "";
    turnStart = null;
    var lastUser = -1;
    state.messages.forEach(function (m, i) { if (m.from === "user") lastUser = i; });
    state.messages.forEach(function (m, i) { renderMessage(m, i > lastUser); });
    if (typingEl) log.appendChild(typingEl);
    if (errorEl) log.appendChild(errorEl);
    if (focused) log.focus();
    scrollToTurn();
  }

  function addMessage(m) {
    m = cleanMessage(m);
    if (!m || find(m.id)) return; // already here (another tab added it)
    if (m.from === "user") {
      Array.prototype.forEach.call(log.querySelectorAll(".qr"), function (b) { b.disabled = true; });
    }
    state.messages.push(m);
    renderMessage(m, true);
    save();
  }

  function greet() {
    addMessage({ id: "greeting", from: "bot", text: GREETING, buttons: STARTERS });
  }

  function setBusy(on) {
    busy = on;
    if (on) root.setAttribute("data-busy", "true");
    else root.removeAttribute("data-busy");
    sendBtn.disabled = on || refused;
    if (on && !typingEl) {
      typingEl = el("div", { class: "row bot typing", "data-testid": "typing", role: "status" }, [
        el("div", { class: "bubble" }, [
          el("span", { class: "sr-only", text: "The assistant is typing\u2026" }),
          el("span", { class: "dot" }), el("span", { class: "dot" }), el("span", { class: "dot" })
        ])
      ]);
      log.appendChild(typingEl);
      scrollToTurn();
    } else if (!on && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }

  function clearError() {
    if (errorEl) errorEl.remove();
    errorEl = null;
  }

  function showError(text, message, messageId) { // no message: nothing a Retry could fix
    clearError();
    errorEl = el("div", { class: "error", role: "alert", "data-testid": "error" }, [
      el("p", { text: text }),
      message && el("button", {
        type: "button", class: "retry", "data-testid": "retry", text: "Retry",
        onclick: function () { clearError(); input.focus(); request(message, messageId); }
      })
    ]);
    log.appendChild(errorEl);
    log.scrollTop = log.scrollHeight;
  }

  // ---------- talking to the server ----------

  // The same id on a retry: the server answers a message it already stored only once.
  function post(sender, message, messageId) {
    var ctrl = new AbortController();
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; ctrl.abort(); }, TIMEOUT_MS);
    return fetch(ENDPOINT, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message, message_id: messageId }),
      signal: ctrl.signal
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok) {
          var err = new Error("HTTP " + res.status);
          err.detail = body && typeof body.error === "string" ? body.error : "";
          err.http = true;
          throw err;
        }
        return Array.isArray(body) ? body : [];
      });
    }).then(function (list) { clearTimeout(timer); return list; }, function (err) {
      clearTimeout(timer);
      err.timeout = timedOut;
      throw err;
    });
  }

  // A request that got no answer at all: is this site refused (CORS), or the server unreachable?
  // Refused: a CORS request to the server fails, the same request without CORS gets through.
  function probe(err) {
    var get = function (mode) {
      return fetch(server + "/webhooks/rest/", { mode: mode, credentials: "omit" });
    };
    if (err.timeout || err.http) return Promise.resolve(false);
    return get("cors").then(function () { return false; }, function () {
      return get("no-cors").then(function () { return true; }, function () { return false; });
    });
  }

  function refuse() {
    refused = true;
    input.disabled = sendBtn.disabled = true;
    input.placeholder = "Chat is not available here";
    showError("Chat is not enabled on this website yet.");
    console.warn("[bpo-chat-widget] " + server + " refuses messages from " + location.origin +
      " (CORS). To allow this site, start the assistant with WIDGET_ALLOWED_ORIGINS=" + location.origin +
      " (comma-separated origins; bot/server.py allowed_origins), e.g. WIDGET_ALLOWED_ORIGINS=" +
      location.origin + " make serve");
  }

  function request(message, messageId) {
    var sender = state.sender;
    setBusy(true);
    (restarting || Promise.resolve()).then(function () {
      return post(sender, message, messageId);
    }).then(function (list) {
      if (sender !== state.sender) return; // the user started a new conversation meanwhile
      setBusy(false);
      var q = messageId && find(messageId);
      if (q) { delete q.p; save(); }
      list.forEach(function (m, i) {
        if (m) addMessage({ id: (messageId || uuid()) + "." + i, from: "bot", text: m.text, buttons: m.buttons });
      });
    }, function (err) {
      return probe(err).then(function (isRefused) {
        if (sender !== state.sender) return;
        setBusy(false);
        if (isRefused) return refuse();
        showError(err.timeout ? "The assistant is taking too long to answer." :
          err.detail ? "Sorry, the assistant could not answer: " + err.detail :
          "Sorry, the assistant can't be reached right now.", message, messageId);
      });
    });
  }

  function submit(payload, shown) {
    var text = String(payload).trim();
    if (!text || busy || refused) return false;
    clearError();
    var id = uuid();
    addMessage({ id: id, from: "user", text: shown, p: text, at: Date.now() });
    request(text, id);
    input.focus();
    return true;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim().slice(0, MAX_LEN);
    if (text && submit(text, text)) input.value = "";
  });

  function newConversation() {
    confirmBar.hidden = true;
    state = { sender: uuid(), messages: [], open: true };
    save(true);
    setBusy(false);
    clearError();
    log.textContent = "";
    var sender = state.sender;
    var done = function () { if (state.sender === sender) restarting = null; };
    restarting = post(sender, "/restart").then(done, done); // reply ignored: not shown
    greet();
    input.value = "";
    input.focus();
  }

  // Another tab changed the conversation: show the same one here.
  window.addEventListener("storage", function (e) {
    if (e.key !== KEY || !host.isConnected) return;
    var s = read(), before = JSON.stringify(state.messages);
    if (!s) return;
    if (s.sender !== state.sender) {
      state.sender = s.sender;
      state.messages = s.messages;
      setBusy(false);
      clearError();
    } else {
      var theirs = s.messages.length;
      state.messages = merge(s.messages, state.messages, false);
      // this tab saved between their read and their write, so their save lost our
      // messages: write them back, or the other tab never sees them
      if (state.messages.length > theirs) save(true);
    }
    if (JSON.stringify(state.messages) !== before) renderAll();
  });

  // ---------- open / close; on a phone the open panel is modal ----------

  var phone = window.matchMedia("(max-width: 479.98px)");
  var modal = null; // the host page's own values while the panel is modal

  function updateModal() {
    var on = !!state.open && phone.matches, de = document.documentElement, b = document.body;
    if (on === !!modal || !b) return;
    if (on) {
      modal = [de.style.overflow, b.style.overflow, b.inert];
      de.style.overflow = b.style.overflow = "hidden"; // the page behind does not scroll
      b.inert = true; // nor takes focus: the widget is not in <body>
      panel.setAttribute("aria-modal", "true");
    } else {
      de.style.overflow = modal[0];
      b.style.overflow = modal[1];
      b.inert = modal[2];
      modal = null;
      panel.removeAttribute("aria-modal");
    }
  }

  function setOpen(open, moveFocus) {
    state.open = open;
    root.classList.toggle("open", open);
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", (open ? "Close chat: " : "Open chat: ") + TITLE);
    updateModal();
    if (open) {
      if (!state.messages.length) greet();
      scrollToTurn();
      if (moveFocus) input.focus();
    } else if (moveFocus) {
      launcher.focus();
    }
    save();
  }

  launcher.addEventListener("click", function () { setOpen(!state.open, true); });
  root.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && state.open) {
      e.stopPropagation();
      if (!confirmBar.hidden) ask(false);
      else setOpen(false, true);
    } else if (e.key === "Tab" && modal) { // focus goes round inside the panel
      var all = Array.prototype.filter.call(panel.querySelectorAll("button, input, [tabindex]"), function (n) {
        return !n.disabled && n.getClientRects().length;
      });
      var first = all[0], last = all[all.length - 1], at = shadow.activeElement;
      if (e.shiftKey ? at === first || !panel.contains(at) : at === last) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    }
  });
  phone.addEventListener && phone.addEventListener("change", updateModal);

  // ---------- start, after the host page has loaded ----------

  function start() {
    // on <html>, not <body>: a transformed body would carry the fixed launcher away when scrolling
    document.documentElement.appendChild(host);
    applyColor();
    renderAll();
    setOpen(state.open === null ? ds.open === "true" : state.open, false);
    // a question a reload left unanswered: sent again with its id (the server answers it once)
    var q = state.messages.filter(function (m) { return m.p; }).pop();
    if (q && Date.now() - q.at < RESEND_MS) request(q.p, q.id);
    else if (q) showError("Your last message has not been answered yet.", q.p, q.id);
    window.__bpoChatWidget = {
      open: function () { setOpen(true, true); },
      close: function () { setOpen(false, false); },
      newConversation: newConversation
    };
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
