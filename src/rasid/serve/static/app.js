// Rasid page: article view (text with highlights, events table, map, timeline) and store view.
// Security rule: every string that comes from a document is put in the page with textContent or
// createTextNode, never as HTML markup; popups and tooltips are DOM nodes built the same way.
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  const TYPE_COLOURS = {
    "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd", "Protests": "#1f77b4", "Riots": "#8c564b",
    "Strategic developments": "#2ca02c",
  };
  const N_EV_COLOURS = 6;
  const COLUMNS = [
    { key: "n", label: "#", num: true },
    { key: "event_date", label: "Date" },
    { key: "event_type", label: "Type" },
    { key: "sub_event_type", label: "Sub-type" },
    { key: "actor1", label: "Actor 1" },
    { key: "actor2", label: "Actor 2" },
    { key: "location", label: "Location" },
    { key: "admin1", label: "Admin1" },
    { key: "country", label: "Country" },
    { key: "fatalities", label: "Killed", num: true },
    { key: "confidence", label: "Conf.", num: true },
  ];
  const STORE_COLUMNS = COLUMNS.concat([{ key: "source", label: "Source" },
    { key: "document_id", label: "Document" }]);
  const PAGE = 50;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) for (const [k, v] of Object.entries(props)) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);  // strings become text nodes
    return node;
  }
  function setStatus(msg) { $("#status").textContent = msg || ""; }
  function colourOf(type) { return TYPE_COLOURS[type] || "#555"; }

  // ---------- tooltip ----------
  const tip = $("#tip");
  function showTip(ev, text) {
    tip.textContent = text;
    tip.hidden = false;
    const x = Math.min(ev.clientX + 12, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = (ev.clientY + 16) + "px";
  }
  function hideTip() { tip.hidden = true; }

  // ---------- map ----------
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([31, 38], 4);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  fetch("/static/world.geojson").then((r) => r.json()).then((world) => {
    L.geoJSON(world, {
      style: { color: "#8a8a80", weight: 0.8, fillColor: "#f1eee4", fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
  }).catch(() => setStatus("base map not available"));
  const markers = L.layerGroup().addTo(map);
  const markerById = new Map();

  function popupFor(e, n) {
    const box = el("div", { class: "popup" });
    box.append(el("p", { class: "popup-title", text: (n ? "#" + n + " " : "") + (e.event_type || "") }));
    const lines = [e.sub_event_type, e.event_date,
      [e.actor1, e.actor2].filter(Boolean).join(" → "),
      [e.location, e.admin1, e.country].filter(Boolean).join(", "),
      "killed " + (e.fatalities || 0), e.notes];
    for (const line of lines) if (line) box.append(el("p", { class: "popup-line", text: String(line) }));
    return box;
  }

  function drawMarkers(events) {
    markers.clearLayers();
    markerById.clear();
    const seen = new Map();
    const pts = [];
    events.forEach((e, i) => {
      if (e.latitude == null || e.longitude == null) return;
      const key = e.latitude.toFixed(3) + "," + e.longitude.toFixed(3);
      const k = seen.get(key) || 0;  // fan out events at the same point so each stays visible
      seen.set(key, k + 1);
      const ang = k * 2.4, r = k ? 0.12 * Math.sqrt(k) : 0;
      const ll = [e.latitude + r * Math.sin(ang), e.longitude + r * Math.cos(ang)];
      const m = L.circleMarker(ll, {
        radius: 8, color: "#222", weight: 1.2, fillColor: colourOf(e.event_type), fillOpacity: 0.85,
        className: "event-marker",
      }).bindPopup(popupFor(e, e._n || i + 1));
      m.on("click", () => focusEvent(e.event_id, false));
      m.addTo(markers);
      markerById.set(e.event_id, m);
      pts.push(ll);
    });
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(1), { maxZoom: 6 });
  }

  // ---------- timeline ----------
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    if (text != null) n.textContent = text;
    return n;
  }
  const day = (s) => (s ? Date.parse(s + "T00:00:00Z") : NaN);
  function drawTimeline(events) {
    const box = $("#timeline");
    box.replaceChildren();
    const dated = events.filter((e) => !isNaN(day(e.event_date)));
    if (!dated.length) { box.append(el("p", { text: "No dated events." })); return; }
    let lo = Math.min(...dated.map((e) => day(e.date_start || e.event_date)));
    let hi = Math.max(...dated.map((e) => day(e.date_end || e.event_date)));
    lo -= 86400000; hi += 86400000;
    const W = 600, left = 30, right = 40, rowH = 16, top = 12;
    const rows = Math.min(dated.length, 40);
    const H = top + rows * rowH + 30;
    const x = (t) => left + (W - left - right) * (t - lo) / (hi - lo);
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline of events" });
    const axisY = top + rows * rowH + 4;
    s.append(svg("line", { x1: left, x2: W - right, y1: axisY, y2: axisY, stroke: "#999" }));
    const ticks = 4;
    for (let i = 0; i <= ticks; i++) {
      const t = lo + (hi - lo) * i / ticks;
      s.append(svg("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 4, stroke: "#999" }));
      s.append(svg("text", { x: x(t), y: axisY + 16, "text-anchor": "middle" },
        new Date(t).toISOString().slice(0, 10)));
    }
    dated.slice(0, rows).forEach((e, i) => {
      const y = top + i * rowH + rowH / 2;
      const g = svg("g", { class: "tl-event", "data-event": e.event_id });
      const a = x(day(e.date_start || e.event_date)), b = x(day(e.date_end || e.event_date));
      g.append(svg("line", { x1: a, x2: Math.max(b, a + 1), y1: y, y2: y, stroke: colourOf(e.event_type), "stroke-width": 6, "stroke-opacity": 0.35 }));
      g.append(svg("circle", { cx: x(day(e.event_date)), cy: y, r: 5, fill: colourOf(e.event_type), stroke: "#222" }));
      g.append(svg("text", { x: 4, y: y + 4 }, "#" + (e._n || i + 1)));
      g.append(svg("title", {}, `${e.event_date} (${e.date_start || "?"} … ${e.date_end || "?"}) ${e.event_type}`));
      g.addEventListener("click", () => focusEvent(e.event_id, true));
      s.append(g);
    });
    box.append(s);
  }

  // ---------- text with highlights ----------
  // Offsets from the server count Unicode code points; JavaScript strings count UTF-16 units.
  function cpIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    const idx = [];
    let u = 0;
    for (const ch of text) { idx.push(u); u += ch.length; }
    idx.push(u);
    return idx;
  }

  function renderText(text, doc) {
    const idx = cpIndex(text);
    const at = (cp) => (idx ? idx[Math.min(cp, idx.length - 1)] : cp);
    const spans = [];
    const add = (s, e, cls, label, evIdx) => {
      if (s == null || e == null || e <= s) return;
      spans.push({ s: at(s), e: at(e), cls, label, ev: evIdx });
    };
    doc.events.forEach((e, i) => {
      const n = i + 1;
      for (const sp of e.evidence || []) add(sp.start, sp.end, "hl-evidence", `evidence of event #${n}: ${e.event_type} / ${e.sub_event_type}`, i);
      if (e.trigger) add(e.trigger.start, e.trigger.end, "hl-trigger", `trigger of event #${n}: ${e.trigger.text}`, i);
    });
    for (const en of doc.entities || []) {
      const kind = ["LOC", "GPE", "FAC"].includes(en.type) ? "hl-place"
        : ["ACTOR", "ORG", "PER"].includes(en.type) ? "hl-actor" : null;
      if (!kind) continue;
      const what = kind === "hl-place" ? "place" : "actor";
      add(en.start, en.end, kind, `${what} (${en.type}): ${en.canonical || en.text}`);
    }
    for (const t of doc.timex || []) {
      add(t.start, t.end, "hl-date", `date: ${t.value || "?"} (${t.date_start || "?"} … ${t.date_end || "?"}, ${t.precision || "?"})`);
    }
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(Math.min(sp.s, text.length)); cuts.add(Math.min(sp.e, text.length)); }
    const bounds = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i], b = bounds[i + 1];
      const piece = text.slice(a, b);
      const cover = spans.filter((sp) => sp.s <= a && sp.e >= b);
      if (!cover.length) { frag.append(document.createTextNode(piece)); continue; }
      const node = el("span", { class: "hl" }, piece);
      const evs = new Set();
      for (const sp of cover) {
        node.classList.add(sp.cls);
        if (sp.ev != null) evs.add(sp.ev);
      }
      if (evs.size) {
        const first = Math.min(...evs);
        node.classList.add("ev-c" + (first % N_EV_COLOURS));
        node.dataset.events = [...evs].map((k) => doc.events[k].event_id).join(" ");
      }
      const label = [...new Set(cover.map((sp) => sp.label))].join("\n");
      node.dataset.tip = label;
      node.setAttribute("title", label);
      frag.append(node);
    }
    const box = $("#doc-text");
    box.replaceChildren(frag);
  }
  $("#doc-text").addEventListener("mousemove", (ev) => {
    const t = ev.target.closest && ev.target.closest(".hl");
    if (t && t.dataset.tip) showTip(ev, t.dataset.tip); else hideTip();
  });
  $("#doc-text").addEventListener("mouseleave", hideTip);

  // ---------- sortable tables ----------
  function makeTable(table, columns, onRow) {
    const state = { rows: [], key: null, dir: 1 };
    const headRow = table.querySelector("thead tr");
    headRow.replaceChildren(...columns.map((c) => {
      const th = el("th", { text: c.label, "data-key": c.key, scope: "col" });
      th.addEventListener("click", () => {
        state.dir = state.key === c.key ? -state.dir : 1;
        state.key = c.key;
        render();
      });
      return th;
    }));
    function cell(row, c) {
      const v = row[c.key];
      if (c.key === "event_type") {
        return el("td", null, el("span", { class: "swatch", style: "background:" + colourOf(v) }), v || "");
      }
      if (c.key === "confidence" && typeof v === "number") return el("td", { text: v.toFixed(2) });
      if (c.key === "document_id" && v) {
        const b = el("button", { type: "button", class: "open-doc", text: "open" });
        b.addEventListener("click", (ev) => { ev.stopPropagation(); openDocument(v); });
        return el("td", null, b);
      }
      return el("td", { text: v == null ? "" : String(v) });
    }
    function render() {
      const rows = state.rows.slice();
      if (state.key) {
        const col = columns.find((c) => c.key === state.key);
        rows.sort((a, b) => {
          const x = a[state.key], y = b[state.key];
          if (col.num) return state.dir * ((+x || 0) - (+y || 0));
          return state.dir * String(x ?? "").localeCompare(String(y ?? ""));
        });
      }
      for (const th of headRow.children) {
        th.classList.toggle("sorted-asc", th.dataset.key === state.key && state.dir > 0);
        th.classList.toggle("sorted-desc", th.dataset.key === state.key && state.dir < 0);
      }
      const body = table.querySelector("tbody");
      body.replaceChildren(...rows.map((r) => {
        const tr = el("tr", { "data-event": r.event_id || "" }, ...columns.map((c) => cell(r, c)));
        tr.addEventListener("click", () => onRow(r));
        return tr;
      }));
    }
    return { set(rows) { state.rows = rows; render(); } };
  }

  // ---------- article view ----------
  let current = null;
  const eventsTable = makeTable($("#events-table"), COLUMNS, (r) => focusEvent(r.event_id, true));

  function focusEvent(id, openPopup) {
    document.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
    document.querySelectorAll(`tr[data-event="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("focus"));
    let first = null;
    document.querySelectorAll("#doc-text .hl-evidence").forEach((n) => {
      if ((n.dataset.events || "").split(" ").includes(id)) { n.classList.add("focus"); first = first || n; }
    });
    if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    const m = markerById.get(id);
    if (m && openPopup) { map.panTo(m.getLatLng()); m.openPopup(); }
  }

  function showDocument(text, doc) {
    current = doc;
    doc.events.forEach((e, i) => { e._n = i + 1; e.n = i + 1; });
    renderText(text, doc);
    eventsTable.set(doc.events);
    $("#event-count").textContent = `(${doc.events.length})`;
    drawMarkers(doc.events);
    drawTimeline(doc.events);
    $("#warnings").replaceChildren(...(doc.warnings || []).map((w) => el("div", { text: "warning: " + w })));
  }

  async function api(url, options) {
    const r = await fetch(url, options);
    let data = null;
    try { data = await r.json(); } catch (_) { /* not JSON */ }
    if (!r.ok) throw new Error((data && data.detail) || `HTTP ${r.status}`);
    return data;
  }

  async function openDocument(id) {
    setStatus("loading document…");
    try {
      const doc = await api("/api/documents/" + encodeURIComponent(id));
      showView("article");
      $("#text").value = doc.text || "";
      $("#published").value = doc.published || "";
      $("#source").value = doc.source || "";
      showDocument(doc.text || "", doc);
      setStatus("document " + id);
      document.body.dataset.ready = "document";
    } catch (err) {
      setStatus("error: " + err.message);
    }
  }

  $("#article-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("#text").value;
    if (!text.trim()) { setStatus("paste an article first"); return; }
    setStatus("extracting…");
    const t0 = performance.now();
    try {
      const body = { text, published: $("#published").value || null, source: $("#source").value || null };
      const doc = await api("/api/extract", {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
      });
      showDocument(text, doc);
      setStatus(`${doc.events.length} event(s) in ${Math.round(performance.now() - t0)} ms`);
      document.body.dataset.ready = "article";
    } catch (err) {
      setStatus("error: " + err.message);
    }
  });
  $("#file").addEventListener("change", () => {
    const f = $("#file").files[0];
    if (!f) return;
    f.text().then((t) => { $("#text").value = t; });
  });

  // ---------- store view ----------
  let offset = 0, total = 0;
  const storeTable = makeTable($("#store-table"), STORE_COLUMNS, (r) => {
    focusEvent(r.event_id, true);
  });
  function storeQuery(extra) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData($("#store-form")).entries()) if (v) params.set(k, v);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return params.toString();
  }
  async function loadStore() {
    setStatus("loading…");
    try {
      const data = await api("/api/events?" + storeQuery({ limit: PAGE, offset }));
      total = data.total;
      data.events.forEach((e, i) => { e.n = offset + i + 1; e._n = e.n; });
      storeTable.set(data.events);
      $("#store-count").textContent = `(${total})`;
      $("#page-info").textContent = total ? `${offset + 1}–${offset + data.events.length} of ${total}` : "none";
      $("#prev").disabled = offset === 0;
      $("#next").disabled = offset + PAGE >= total;
      drawMarkers(data.events);
      drawTimeline(data.events);
      setStatus("");
      document.body.dataset.ready = "store";
    } catch (err) {
      setStatus("error: " + err.message);
    }
  }
  $("#store-form").addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; loadStore(); });
  $("#prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadStore(); });
  $("#next").addEventListener("click", () => { offset += PAGE; loadStore(); });

  // ---------- tabs ----------
  let hasStore = false;
  function showView(name) {
    for (const b of document.querySelectorAll("button.tab")) b.classList.toggle("active", b.dataset.view === name);
    $("#view-article").hidden = name !== "article";
    $("#view-store").hidden = name !== "store";
    if (name === "store") {
      if (hasStore) loadStore(); else setStatus("no event store: start rasid serve with --db FILE");
    } else if (current) {
      drawMarkers(current.events);
      drawTimeline(current.events);
    } else {
      drawMarkers([]);
      drawTimeline([]);
    }
    map.invalidateSize();
  }
  for (const b of document.querySelectorAll("button.tab")) b.addEventListener("click", () => showView(b.dataset.view));
  api("/api/health").then((h) => { hasStore = !!h.store; $("#tab-store").disabled = !hasStore; })
    .catch(() => {});
  drawTimeline([]);
})();
