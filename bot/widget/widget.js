/*
 * BPO / call center assistant: embeddable chat widget.
 * Plain JavaScript, no dependencies, no build step. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-title="BPO or call center?" defer></script>
 * Optional data attributes: data-greeting, data-color ("#1d4ed8"),
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
  var MAX_STORED = 200;
  var KEY = "bpo-chat-widget:" + server;
  var UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: "M4 5h16v11H10l-5 4v-4H4z",
    close: "M6 6l12 12M18 6L6 18",
    restart: "M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5",
    send: "M21 3L10 14M21 3l-6.5 18-4.5-7-7-4.5z"
  };

  // ---------- state (persisted in localStorage) ----------

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === "function") {
      try { return c.randomUUID(); } catch (e) { /* insecure context: fall through */ }
    }
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function cleanButtons(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (b) {
      return b && typeof b.title === "string" && b.title && b.payload != null;
    }).map(function (b) { return { title: b.title, payload: String(b.payload) }; });
  }

  function cleanMessage(m) {
    if (!m || (m.from !== "bot" && m.from !== "user")) return null;
    var text = typeof m.text === "string" ? m.text : "";
    var buttons = m.from === "bot" ? cleanButtons(m.buttons) : [];
    return text || buttons.length ? { from: m.from, text: text, buttons: buttons } : null;
  }

  function load() {
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
    return { sender: uuid(), messages: [], open: null };
  }

  function save() {
    if (state.messages.length > MAX_STORED) state.messages = state.messages.slice(-MAX_STORED);
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* ignore */ }
  }

  var state = load();

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

  // ---------- build the widget ----------

  var host = el("bpo-chat-widget", { "data-testid": "bpo-host" });
  var color = (ds.color || "").trim();
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
    host.style.setProperty("--bpo-primary", color);
    host.style.setProperty("--bpo-on-primary", readableOn(color));
  } else if (color && window.CSS && CSS.supports && CSS.supports("color", color)) {
    host.style.setProperty("--bpo-primary", color);
  }

  function readableOn(hex) { // white or near-black text, whichever contrasts more
    if (hex.length === 4) hex = "#" + hex[1] + hex[1] + hex[2] + hex[2] + hex[3] + hex[3];
    var lum = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var L = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return (1.05 / (L + 0.05)) >= ((L + 0.05) / 0.05) ? "#ffffff" : "#111827";
  }

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
  var panel = el("section", {
    class: "panel", id: "bpo-panel", "data-testid": "panel", role: "dialog", "aria-labelledby": "bpo-title"
  }, [
    el("div", { class: "header" }, [
      el("h2", { class: "title", id: "bpo-title", "data-testid": "title", text: TITLE }),
      el("button", {
        type: "button", class: "icon-btn", "data-testid": "new-conversation",
        "aria-label": "New conversation", title: "New conversation", onclick: newConversation
      }, [icon("restart")]),
      el("button", {
        type: "button", class: "icon-btn", "data-testid": "close",
        "aria-label": "Close chat", title: "Close", onclick: function () { setOpen(false, true); }
      }, [icon("close")])
    ]),
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
  function reveal() { root.style.removeProperty("visibility"); }
  shadow.appendChild(link);
  shadow.appendChild(root);

  // ---------- transcript ----------

  var busy = false;
  var typingEl = null, errorEl = null;
  var restarting = null; // pending "/restart" of a new conversation

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function renderMessage(m, enabled) {
    var row = el("div", { class: "row " + m.from, "data-testid": m.from + "-message" });
    if (m.text) {
      var bubble = el("div", { class: "bubble", "data-testid": m.from + "-text" });
      if (m.from === "bot") formatInto(bubble, m.text);
      else bubble.textContent = m.text;
      row.appendChild(bubble);
    }
    if (m.buttons && m.buttons.length) {
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
    scrollDown();
  }

  function renderAll() {
    log.textContent = "";
    var lastUser = -1;
    state.messages.forEach(function (m, i) { if (m.from === "user") lastUser = i; });
    state.messages.forEach(function (m, i) { renderMessage(m, i > lastUser); });
  }

  function addMessage(m) {
    m = cleanMessage(m);
    if (!m) return;
    if (m.from === "user") {
      Array.prototype.forEach.call(log.querySelectorAll(".qr"), function (b) { b.disabled = true; });
    }
    state.messages.push(m);
    renderMessage(m, true);
    save();
  }

  function greet() {
    addMessage({ from: "bot", text: GREETING, buttons: STARTERS });
  }

  function setBusy(on) {
    busy = on;
    if (on) root.setAttribute("data-busy", "true");
    else root.removeAttribute("data-busy");
    sendBtn.disabled = on;
    if (on && !typingEl) {
      typingEl = el("div", { class: "row bot typing", "data-testid": "typing", role: "status" }, [
        el("div", { class: "bubble" }, [
          el("span", { class: "sr-only", text: "The assistant is typing\u2026" }),
          el("span", { class: "dot" }), el("span", { class: "dot" }), el("span", { class: "dot" })
        ])
      ]);
      log.appendChild(typingEl);
      scrollDown();
    } else if (!on && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }

  function clearError() {
    if (errorEl) errorEl.remove();
    errorEl = null;
  }

  function showError(text, message, messageId) {
    clearError();
    errorEl = el("div", { class: "error", role: "alert", "data-testid": "error" }, [
      el("p", { text: text }),
      el("button", {
        type: "button", class: "retry", "data-testid": "retry", text: "Retry",
        onclick: function () { clearError(); input.focus(); request(message, messageId); }
      })
    ]);
    log.appendChild(errorEl);
    scrollDown();
  }

  // ---------- talking to the server ----------

  function newMessageId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

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

  function request(message, messageId) {
    var sender = state.sender;
    var id = messageId || newMessageId();
    setBusy(true);
    (restarting || Promise.resolve()).then(function () {
      return post(sender, message, id);
    }).then(function (list) {
      if (sender !== state.sender) return; // the user started a new conversation meanwhile
      setBusy(false);
      list.forEach(function (m) {
        if (m) addMessage({ from: "bot", text: m.text, buttons: m.buttons });
      });
    }, function (err) {
      if (sender !== state.sender) return;
      setBusy(false);
      showError(err.timeout ? "The assistant is taking too long to answer." :
        err.detail ? "Sorry, the assistant could not answer: " + err.detail :
        "Sorry, the assistant can't be reached right now.", message, id);
    });
  }

  function submit(payload, shown) {
    var text = String(payload).trim();
    if (!text || busy) return false;
    clearError();
    if (shown) addMessage({ from: "user", text: shown });
    request(text);
    input.focus();
    return true;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim().slice(0, MAX_LEN);
    if (text && submit(text, text)) input.value = "";
  });

  function newConversation() {
    state = { sender: uuid(), messages: [], open: true };
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

  // ---------- open / close, keyboard ----------

  function setOpen(open, moveFocus) {
    state.open = open;
    root.classList.toggle("open", open);
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", (open ? "Close chat: " : "Open chat: ") + TITLE);
    if (open) {
      if (!state.messages.length) greet();
      scrollDown();
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
      setOpen(false, true);
    }
  });

  // ---------- start ----------

  function start() {
    document.body.appendChild(host);
    renderAll();
    setOpen(state.open === null ? ds.open === "true" : state.open, false);
    window.__bpoChatWidget = {
      open: function () { setOpen(true, true); },
      close: function () { setOpen(false, false); },
      newConversation: newConversation
    };
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
