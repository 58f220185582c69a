// didi serve: a little plain JavaScript. Every page works without it.
"use strict";

// fill replaces %d and %s in a text, in order.
function fill(text, values) {
  let i = 0;
  return text.replace(/%[ds]/g, () => String(values[i++]));
}

// Forms with data-autosave save on every change; data-reload shows the new
// score afterwards.
document.querySelectorAll("form[data-autosave]").forEach((form) => {
  const status = form.querySelector("[data-saved]");
  form.addEventListener("change", () => {
    const body = new FormData(form);
    fetch(form.action, {method: "POST", body, headers: {"X-CSRF-Token": body.get("csrf")}, credentials: "same-origin"})
      .then((r) => {
        if (!r.ok) throw new Error(r.status);
        if (form.hasAttribute("data-reload")) { location.reload(); return; }
        if (status) status.textContent = status.dataset.saved;
      })
      .catch(() => { if (status) status.textContent = ""; });
  });
});

// Live progress of a scan through Server-Sent Events.
const live = document.getElementById("live");
if (live && window.EventSource) {
  const src = new EventSource(live.dataset.events);
  const bar = live.querySelector("progress");
  src.addEventListener("progress", (e) => {
    const s = JSON.parse(e.data);
    live.querySelector(".live-status").textContent =
      s.status === "queued" ? fill(live.dataset.waiting, [s.position]) : live.dataset.running;
    live.querySelector(".live-pages").textContent = s.planned ? fill(live.dataset.pages, [s.done, s.planned]) : "";
    live.querySelector(".live-url").textContent = s.url ? fill(live.dataset.current, [s.url]) : "";
    if (bar) { bar.max = Math.max(s.planned, 1); bar.value = s.done; }
  });
  src.addEventListener("end", () => { src.close(); location.reload(); });
}

// The lecturer's table refreshes itself.
const rows = document.getElementById("rows");
if (rows) {
  setInterval(() => {
    fetch(rows.dataset.src, {credentials: "same-origin"})
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        rows.innerHTML = html;
        const count = document.getElementById("count");
        if (count) count.textContent = count.textContent.replace(/\d+/, rows.rows.length);
      })
      .catch(() => {});
  }, 3000);
}
