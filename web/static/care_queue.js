// The care queue, live, with no library but htmx: due times that tick every second, rows and
// items refreshed as they change (server-sent events from /api/v1/care/items/events; htmx
// fetches the fresh row or part and swaps it in), and an item page's presence beat.
(function () {
  "use strict";
  var BEAT_MS = 10000;
  var DEBOUNCE_MS = 400;

  function strings() {
    var el = document.getElementById("care-strings");
    return el ? el.dataset : {};
  }

  function say(name, values) {
    var text = strings()[name] || "";
    Object.keys(values || {}).forEach(function (key) { text = text.replace("%(" + key + ")s", values[key]); });
    return text;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function clockText(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return h > 0 ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s);
  }

  // --- countdowns -------------------------------------------------------------------------------
  function tick() {
    var now = Date.now(), soon = Number(strings().soon || 1800);
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      var left = Math.floor((Date.parse(el.dataset.due) - now) / 1000);
      var time = el.querySelector(".countdown-time");
      var text = left > 0 ? say("in", { time: clockText(left) }) : say("late", { time: clockText(-left) });
      if (time && time.textContent !== text) time.textContent = text;
      var state = left <= 0 ? "breached" : left <= soon ? "due_soon" : "ok";
      if (!el.classList.contains("state-" + state)) {
        el.classList.remove("state-ok", "state-due_soon", "state-breached");
        el.classList.add("state-" + state);
      }
    });
  }

  function announce(text) {
    var live = document.getElementById("queue-live") || document.getElementById("item-live");
    if (live && text) live.textContent = text;
  }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"]; } catch (e) { return ""; }
  }

  // The stream sends `event: item` with {id, version, status, assignee_id, change}. When it
  // comes back after a break, what changed meanwhile was not sent: `onReconnect` catches up.
  function listen(url, onChange, onReconnect) {
    var source = new EventSource(url), broken = false;
    source.addEventListener("item", function (event) { onChange(JSON.parse(event.data)); });
    source.addEventListener("error", function () { broken = true; });
    source.addEventListener("open", function () { if (broken) { broken = false; onReconnect(); } });
    window.addEventListener("pagehide", function () { source.close(); });
    return source;
  }

  // --- the queue ----------------------------------------------------------------------------------
  function liveQueue(list) {
    var rows = {}, wholeList = false, timer = null;

    function refreshRow(id) {
      var row = document.getElementById("care-item-" + id);
      if (!row) return;
      var hadFocus = row.contains(document.activeElement);
      htmx.ajax("GET", list.dataset.row + id, { target: row, swap: "outerHTML" }).then(function () {
        var fresh = document.getElementById("care-item-" + id);
        if (hadFocus && fresh) fresh.querySelector("a, button").focus();
      });
    }

    function flush() {
      timer = null;
      if (wholeList) {
        wholeList = false;
        rows = {};
        if (!list.contains(document.activeElement)) {
          htmx.ajax("GET", list.dataset.list, { target: list, swap: "innerHTML" });
          announce(say("arrived"));
          return;
        }
      }
      var ids = Object.keys(rows);
      rows = {};
      ids.forEach(refreshRow);
      if (ids.length) announce(say("changed", { id: ids.join(", ") }));
    }

    function schedule() { if (!timer) timer = setTimeout(flush, DEBOUNCE_MS); }

    listen(list.dataset.live, function (change) {
      var row = document.getElementById("care-item-" + change.id);
      if (row && row.dataset.version === String(change.version)) return;
      if (row) rows[change.id] = true; else wholeList = true;
      schedule();
    }, function () { wholeList = true; schedule(); });
  }

  // --- an item ------------------------------------------------------------------------------------
  function liveItem(page) {
    var id = page.dataset.item, base = "/care/items/" + id;

    function syncReply() {
      var state = document.getElementById("item-state"), fields = document.getElementById("reply-fields");
      if (state && fields) fields.disabled = state.dataset.heldByOther === "true";
    }

    function refresh() {
      htmx.ajax("GET", base + "?part=state", { target: "#item-state", swap: "outerHTML" }).then(syncReply);
      htmx.ajax("GET", base + "?part=timeline", { target: "#item-timeline", swap: "outerHTML" });
    }

    listen(page.dataset.live, function (change) {
      var state = document.getElementById("item-state");
      if (String(change.id) !== id || (state && state.dataset.version === String(change.version))) return;
      refresh();
      announce(say("changed", { id: id }));
    }, refresh);

    function showViewers(viewers) {
      var el = document.getElementById("presence");
      if (!el) return;
      var names = viewers.map(function (v) { return v.display_name; }).join(", ");
      var text = names ? say("also", { names: names }) : say("nobody");
      if (el.textContent !== text) el.textContent = text;
    }

    function beat() {
      fetch(page.dataset.presence, { method: "POST", credentials: "same-origin",
                                     headers: { "X-CSRF-Token": csrfToken() } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) { if (body) showViewers(body.viewers || []); })
        .catch(function () { /* the next beat tries again */ });
    }
    beat();
    setInterval(beat, BEAT_MS);
    window.addEventListener("pagehide", function () {
      fetch(page.dataset.presence, { method: "DELETE", keepalive: true, credentials: "same-origin",
                                     headers: { "X-CSRF-Token": csrfToken() } });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    tick();
    setInterval(tick, 1000);
    var list = document.getElementById("queue-list");
    if (list) liveQueue(list);
    var page = document.getElementById("care-item-page");
    if (page) liveItem(page);
  });
})();
