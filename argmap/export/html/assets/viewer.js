/* argmap viewer. Reads the JSON payload in #argmap-data and builds the page from it.
 * Safety rule: every string from the map or a source reaches the page through textContent,
 * createTextNode, Node.append(string) or setAttribute on an allowed, non-URL, non-handler attribute;
 * never through innerHTML or any other markup parser. */
"use strict";
(function () {
  const started = performance.now();
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const { SVGNS, h, build, panZoom } = argmapPage;
  const ROLE_NAMES = {
    thesis: "Thesis", claim: "Claim", evidence: "Evidence", explanation: "Explanation",
    verdict: "Verdict", assumption: "Assumption",
  };
  const nodes = data.nodes;
  const order = data.order.filter((id) => nodes[id]);
  const poleLabel = Object.fromEntries(data.poles.map((p) => [p.id, p.label]));
  const themeLabel = Object.fromEntries(data.themes.map((t) => [t.id, t.label]));
  const $ = (id) => document.getElementById(id);

  const state = {
    node: null, pole: "", theme: "", role: "", speaker: "", q: "", focus: false, depth: 1, ev: "",
  };

  /* ---------------------------------------------------------------- diagram */
  const diagram = $("diagram");
  const svg = build(data.svg);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Argument map diagram");
  diagram.prepend(svg);
  const pz = panZoom(diagram, svg);
  const { setView, fitted, fit, panBy, zoomBy, boxOf } = pz;
  const nodeEl = new Map();
  const junctionEl = new Map();
  const edgeEls = [];
  function shapeOf(g) {
    for (const c of g.children) if (c.tagName === "path" || c.tagName === "polygon" || c.tagName === "ellipse") return c;
    return null;
  }
  for (const g of svg.querySelectorAll("g.node")) {
    const id = g.getAttribute("data-id");
    if (Object.prototype.hasOwnProperty.call(nodes, id)) {
      nodeEl.set(id, g);
      g.classList.add("prop");
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", `${ROLE_NAMES[nodes[id].role] || nodes[id].role}: ${nodes[id].text}`);
    } else if (Object.prototype.hasOwnProperty.call(data.junctions, id)) {
      junctionEl.set(id, g);
    }
  }
  for (const g of svg.querySelectorAll("g.edge")) {
    const title = g.getAttribute("data-id") || "";
    const k = title.indexOf(">");
    if (k > 0) edgeEls.push([g, title.slice(0, k - 1), title.slice(k + 1)]);
  }

  function centreOn(id) {
    const g = nodeEl.get(id);
    if (!g) return;
    const b = boxOf(g);
    const w = Math.min(pz.view().w, Math.max(b.w * 5, 700));
    const box = fitted({ x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - w / 4, w, h: w / 2 }, 0);
    setView(box);
  }

  svg.addEventListener("click", (e) => {
    if (pz.endedDrag()) return;
    const g = e.target.closest("g.node.prop");
    if (g) select(g.getAttribute("data-id"), { centre: false });
  });
  svg.addEventListener("keydown", (e) => {
    const g = e.target.closest && e.target.closest("g.node.prop");
    if (g && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(g.getAttribute("data-id"), { centre: false });
    }
  });

  /* ---------------------------------------------------------------- source pane */
  const sourcePane = $("source");
  const markEls = new Map();
  const missing = new Map();
  const sourceBox = new Map();
  const sourceById = Object.fromEntries(data.sources.map((s) => [s.id, s]));
  let shownSource = null;
  function showSource(id) {
    if (!sourceBox.has(id)) return;
    for (const [sid, box] of sourceBox) box.hidden = sid !== id;
    shownSource = id;
    const chooser = $("source-choice");
    if (chooser) chooser.value = id;
  }
  function markClicked(mark) {
    const ids = mark.getAttribute("data-ids").split(" ");
    const at = ids.indexOf(state.node);
    select(ids[(at + 1) % ids.length], { centre: true, scrollQuote: false });
  }
  function buildSources() {
    const cited = data.sources;
    if (cited.length > 1) {
      const chooser = h("select", { id: "source-choice", "aria-label": "Source shown" });
      for (const s of cited) chooser.append(h("option", { value: s.id, text: s.title }));
      chooser.addEventListener("change", () => showSource(chooser.value));
      sourcePane.append(h("label", {}, "Source ", chooser));
    }
    for (const s of cited) {
      const box = h("article", { class: "source-box", "aria-label": `Source: ${s.title}` });
      const meta = [s.author, s.date, s.kind].filter(Boolean).join(" · ");
      box.append(h("div", { class: "source-head" }, h("h2", { text: s.title }), meta ? h("div", { class: "muted", text: meta }) : null));
      if (s.url) box.append(h("div", { class: "muted", text: s.url }));
      if (s.segments) {
        const text = h("div", { class: "source-text" });
        for (const [piece, ids] of s.segments) {
          if (!ids.length) { text.append(piece); continue; }
          const mark = h("mark", { tabindex: "0", role: "button", "data-ids": ids.join(" "), title: `Quoted by: ${ids.join(", ")}`, text: piece });
          for (const id of ids) {
            if (!markEls.has(id)) markEls.set(id, []);
            markEls.get(id).push(mark);
          }
          text.append(mark);
        }
        text.addEventListener("click", (e) => {
          const mark = e.target.closest("mark");
          if (mark) markClicked(mark);
        });
        text.addEventListener("keydown", (e) => {
          const mark = e.target.closest && e.target.closest("mark");
          if (mark && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); markClicked(mark); }
        });
        box.append(text);
        for (const id of s.missing) missing.set(id, s.id);
      } else {
        box.append(h("p", { class: "warn", text: s.problem
          ? `The source text could not be read (${s.problem}).`
          : "The source text is not included: build the page with --sources DIR (a folder of <source id>.txt files)." }));
      }
      sourceBox.set(s.id, box);
      sourcePane.append(box);
    }
    if (cited.length) showSource(cited[0].id);
    else sourcePane.append(h("p", { class: "muted", text: "This map cites no sources." }));
  }

  /* ---------------------------------------------------------------- filters, focus, search */
  function neighbourhood(id, depth) {
    const seen = new Set([id]);
    let frontier = [id];
    for (let step = 0; step < depth && frontier.length; step++) {
      const next = [];
      for (const cur of frontier) {
        const n = nodes[cur];
        if (!n) continue;
        for (const other of [...n.supports, ...n.supportedBy, ...n.attacks, ...n.attackedBy, ...n.coPremises]) {
          if (!seen.has(other) && nodes[other]) { seen.add(other); next.push(other); }
        }
      }
      frontier = next;
    }
    return seen;
  }
  function passes(id, around) {
    const n = nodes[id];
    if (state.pole && !n.poles.includes(state.pole)) return false;
    if (state.theme && !n.themes.includes(state.theme)) return false;
    if (state.role && n.role !== state.role) return false;
    if (state.speaker && !(n.speaker && n.speaker.name === state.speaker)
      && !n.speechActs.some((a) => a.name === state.speaker)) return false;
    return !around || around.has(id);
  }
  function applyVisibility() {
    const around = state.focus && state.node ? neighbourhood(state.node, state.depth) : null;
    const vis = new Set(order.filter((id) => passes(id, around)));
    for (const [id, g] of nodeEl) g.classList.toggle("dim", !vis.has(id));
    const jvis = new Map();
    for (const [name, g] of junctionEl) {
      const j = data.junctions[name];
      const v = vis.has(j.conclusion) && j.premises.some((p) => vis.has(p));
      jvis.set(name, v);
      g.classList.toggle("dim", !v);
    }
    const shown = (name) => (nodes[name] ? vis.has(name) : jvis.has(name) ? jvis.get(name) : true);
    for (const [g, a, b] of edgeEls) g.classList.toggle("dim", !(shown(a) && shown(b)));
    for (const [, marks] of markEls) {
      for (const m of marks) m.classList.toggle("dim", !m.getAttribute("data-ids").split(" ").some((i) => vis.has(i)));
    }
    const count = $("filter-count");
    count.textContent = vis.size === order.length ? "" : `${vis.size} of ${order.length} shown`;
    return vis;
  }
  const haystack = new Map(order.map((id) => {
    const n = nodes[id];
    const c = n.citation || {};
    const parts = [id, n.text, c.quote, c.locator, n.note, n.speaker && n.speaker.name];
    return [id, parts.filter(Boolean).join("\n").toLowerCase()];
  }));
  let hits = [];
  function search(q) {
    state.q = q;
    const needle = q.trim().toLowerCase();
    hits = [];
    for (const id of order) {
      const hit = needle !== "" && haystack.get(id).includes(needle);
      const g = nodeEl.get(id);
      if (g) g.classList.toggle("hit", hit);
      if (hit) hits.push(id);
    }
    $("search-count").textContent = needle ? `${hits.length} match${hits.length === 1 ? "" : "es"}` : "";
    return hits;
  }
  function nextHit(back) {
    if (!hits.length) return;
    const at = hits.indexOf(state.node);
    const k = at < 0 ? 0 : (at + (back ? hits.length - 1 : 1)) % hits.length;
    select(hits[k], { centre: true });
  }

  function fillSelect(id, label, entries) {
    const sel = $(id);
    sel.append(h("option", { value: "", text: `All ${label}` }));
    for (const [value, text] of entries) sel.append(h("option", { value, text }));
    return sel;
  }
  fillSelect("f-pole", "poles", data.poles.map((p) => [p.id, p.label]));
  fillSelect("f-theme", "themes", data.themes.map((t) => [t.id, t.label]));
  fillSelect("f-role", "roles", data.roles.map((r) => [r, ROLE_NAMES[r] || r]));
  fillSelect("f-speaker", "speakers", data.speakers.map((s) => [s, s]));
  const overlaySel = $("overlay");
  overlaySel.append(h("option", { value: "", text: "None" }));
  for (const name of Object.keys(data.evaluations)) {
    const gradual = data.evaluations[name].gradual;
    overlaySel.append(h("option", { value: name, text: `${name} (${gradual ? "strengths" : "labels"})` }));
  }
  if (!overlaySel.options.length || Object.keys(data.evaluations).length === 0) overlaySel.disabled = true;

  /* ---------------------------------------------------------------- evaluation overlay */
  const originalFill = new Map();
  function overlayOf(id) {
    const ev = data.evaluations[state.ev];
    if (!ev || !ev.nodes[id]) return null;
    const [label, strength] = ev.nodes[id];
    if (label !== null) return { fill: data.colours.labels[label] || "#DDDDDD", badge: label.toUpperCase(), label, strength };
    const bins = data.colours.strengths;
    const fill = bins[Math.min(bins.length - 1, Math.floor(strength * bins.length))];
    return { fill, badge: strength.toFixed(2), label: null, strength };
  }
  function applyOverlay() {
    for (const [id, g] of nodeEl) {
      const shape = shapeOf(g);
      const old = g.querySelector("text.badge");
      if (old) old.remove();
      if (!shape) continue;
      if (!originalFill.has(id)) originalFill.set(id, shape.getAttribute("fill"));
      const o = state.ev ? overlayOf(id) : null;
      if (!o) { shape.setAttribute("fill", originalFill.get(id) || "none"); continue; }
      shape.setAttribute("fill", o.fill);
      const b = g.getBBox();
      const t = document.createElementNS(SVGNS, "text");
      t.setAttribute("class", "badge");
      t.setAttribute("x", String(b.x + b.width - 4));
      t.setAttribute("y", String(b.y + 12));
      t.setAttribute("text-anchor", "end");
      t.textContent = o.badge;
      g.appendChild(t);
    }
  }

  /* ---------------------------------------------------------------- details panel */
  const details = $("details");
  function nodeButton(id) {
    const n = nodes[id];
    if (!n) return h("span", { class: "muted", text: id });
    const label = n.text.length > 110 ? `${n.text.slice(0, 107)}…` : n.text;
    return h("button", {
      type: "button", class: "linkish", "data-node": id,
      on: { click: () => select(id, { centre: true }) },
    }, label, n.drawn ? null : h("span", { class: "muted", text: " (not drawn)" }));
  }
  function relationList(title, ids) {
    if (!ids.length) return null;
    return h("section", {}, h("h3", { text: `${title} (${ids.length})` }),
      h("ul", {}, ...ids.map((id) => h("li", {}, nodeButton(id)))));
  }
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.append(h("dt", { text: term }), h("dd", {}, value));
  }
  function speakerText(s) {
    return s ? [s.name, s.title, s.affiliation].filter(Boolean).join(", ") : null;
  }
  function nodePanel(id) {
    const n = nodes[id];
    const box = h("div", { id: "node-panel", "data-node": id });
    box.append(h("h2", { id: "node-text", text: n.text }));
    const dl = h("dl", {});
    row(dl, "Id", h("code", { text: id }));
    row(dl, "Role", ROLE_NAMES[n.role] || n.role);
    row(dl, n.poles.length > 1 ? "Poles" : "Pole", n.poles.map((p) => poleLabel[p] || p).join(", "));
    row(dl, "Themes", n.themes.map((t) => themeLabel[t] || t).join(", "));
    row(dl, "Speaker", speakerText(n.speaker));
    row(dl, "Hedge", n.hedge ? `“${n.hedge}”${n.confidence === null ? "" : ` (confidence ${n.confidence})`}` : null);
    if (!n.hedge && n.confidence !== null) row(dl, "Confidence", String(n.confidence));
    if (n.speechActs.length) {
      row(dl, "Speech acts", h("ul", {}, ...n.speechActs.map((a) => h("li", {},
        `${a.speaker} ${a.act}`, a.hedge ? ` (“${a.hedge}”)` : "", a.locator ? `, ${a.locator}` : ""))));
    }
    const c = n.citation;
    if (c) {
      const s = sourceById[c.source];
      row(dl, "Source", s ? s.title : c.source);
      row(dl, "Locator", c.locator);
      row(dl, "Footnotes", c.footnotes.join(", "));
    }
    const o = state.ev ? overlayOf(id) : null;
    if (o) row(dl, state.ev, o.label !== null ? `${o.label} (${o.strength})` : o.strength.toFixed(3));
    box.append(dl);
    if (c && c.quote) {
      box.append(h("blockquote", { id: "node-quote", text: c.quote }));
      if (markEls.has(id)) {
        box.append(h("button", { type: "button", on: { click: () => scrollQuote(id) } }, "Show in source"));
      } else if (missing.has(id)) {
        box.append(h("p", { class: "warn", text: "This quote was not found in the source text." }));
      } else {
        box.append(h("p", { class: "muted", text: "The source text is not included in this page." }));
      }
    }
    if (n.note) box.append(h("p", { class: "muted", text: `Note: ${n.note}` }));
    box.append(h("div", {},
      h("button", { type: "button", on: { click: () => { state.focus = !state.focus; update(); } } },
        state.focus ? "Show the whole map" : `Focus on this node (${state.depth} step${state.depth === 1 ? "" : "s"})`),
      " ",
      h("button", { type: "button", on: { click: () => centreOn(id) } }, "Centre in diagram")));
    for (const part of [
      relationList("Supports", n.supports), relationList("Supported by", n.supportedBy),
      relationList("Attacks", n.attacks), relationList("Attacked by", n.attackedBy),
      relationList("Contradicts", n.contradicts),
    ]) if (part) box.append(part);
    return box;
  }
  function balancePanel() {
    const ev = data.evaluations[state.ev];
    if (!ev) return null;
    const box = h("section", { id: "balance", "aria-label": "Evaluation" });
    box.append(h("h3", { text: `Evaluation: ${state.ev}${ev.converged ? "" : " (did not converge)"}` }));
    const legend = h("div", { class: "muted" });
    if (ev.gradual) {
      legend.append("Strength from weak to strong: ");
      data.colours.strengths.forEach((colour) => {
        const sw = h("span", { class: "legend-swatch" });
        sw.style.background = colour;
        legend.append(sw);
      });
    } else {
      const seen = new Set(Object.values(ev.nodes).map((v) => v[0]));
      for (const [label, colour] of Object.entries(data.colours.labels)) {
        if (!seen.has(label)) continue;
        const sw = h("span", { class: "legend-swatch" });
        sw.style.background = colour;
        legend.append(sw, `${label} `);
      }
    }
    box.append(legend);
    const bal = data.balances[state.ev];
    if (!bal) {
      if (data.balanceLimit) box.append(h("p", { class: "muted", text: `No balance table: the map has more than ${data.balanceLimit} propositions (argmap evaluate computes it).` }));
      return box;
    }
    const poles = h("table", { class: "balance", id: "balance-poles" },
      h("thead", {}, h("tr", {}, h("th", { text: "Pole" }), h("th", { text: "Thesis strength" }))));
    const pb = h("tbody", {});
    for (const p of bal.poles) {
      pb.append(h("tr", {}, h("td", {}, p.thesis ? nodeButton(p.thesis) : p.label, h("div", { class: "muted", text: p.label })),
        h("td", { class: "num", text: p.strength === null ? "–" : p.strength.toFixed(3) })));
    }
    poles.append(pb);
    box.append(poles);
    if (bal.margin !== null) box.append(h("p", { text: `Margin (first pole minus the strongest other): ${bal.margin.toFixed(3)}` }));
    if (bal.factors.length) {
      const t = h("table", { class: "balance", id: "balance-factors" },
        h("caption", { class: "muted", text: "Factors by how much removing each moves the margin" }),
        h("thead", {}, h("tr", {}, h("th", { text: "Factor" }), h("th", { text: "Pole" }), h("th", { text: "Strength" }), h("th", { text: "Shift" }))));
      const tb = h("tbody", {});
      for (const f of bal.factors.slice(0, 15)) {
        tb.append(h("tr", {}, h("td", {}, nodeButton(f.id)), h("td", { text: poleLabel[f.pole] || f.pole }),
          h("td", { class: "num", text: f.strength.toFixed(2) }), h("td", { class: "num", text: f.shift.toFixed(3) })));
      }
      t.append(tb);
      box.append(t);
      if (bal.factors.length > 15) box.append(h("p", { class: "muted", text: `and ${bal.factors.length - 15} more factors with smaller shifts` }));
    }
    return box;
  }
  function introPanel() {
    const box = h("div", { id: "intro" });
    box.append(h("h2", { text: "Select a node" }));
    if (data.description) box.append(h("p", { text: data.description }));
    box.append(h("p", { class: "muted", text: `${order.length} propositions. Click a node or a highlighted quote; the details and the quote appear here and in the source pane.` }));
    box.append(h("p", { class: "muted", text: "Keys: / search, n and p next and previous node, Enter select, Escape clear, + and - zoom, 0 fit, arrows pan, f focus." }));
    return box;
  }
  function renderDetails() {
    details.replaceChildren(state.node && nodes[state.node] ? nodePanel(state.node) : introPanel());
    const bal = state.ev ? balancePanel() : null;
    if (bal) details.append(bal);
  }

  /* ---------------------------------------------------------------- selection and state */
  function scrollQuote(id) {
    const marks = markEls.get(id);
    if (!marks || !marks.length) return;
    const sid = nodes[id].citation && nodes[id].citation.source;
    if (sid) showSource(sid);
    marks[0].scrollIntoView({ block: "center", inline: "nearest" });
  }
  let previous = null;
  function select(id, opts) {
    const options = opts || {};
    if (id !== null && !nodes[id]) return;
    if (previous) {
      const g = nodeEl.get(previous);
      if (g) g.classList.remove("selected");
      for (const m of markEls.get(previous) || []) m.classList.remove("current");
    }
    state.node = id;
    previous = id;
    if (id !== null) {
      const g = nodeEl.get(id);
      if (g) g.classList.add("selected");
      for (const m of markEls.get(id) || []) m.classList.add("current");
      if (options.scrollQuote !== false) scrollQuote(id);
      if (options.centre) centreOn(id);
      $("status").textContent = `Selected: ${nodes[id].text}`;
    }
    if (state.focus) applyVisibility();
    renderDetails();
    writeHash();
  }

  function update() {
    applyVisibility();
    renderDetails();
    writeHash();
    $("focus-btn").setAttribute("aria-pressed", String(state.focus));
  }
  const KEYS = ["node", "pole", "theme", "role", "speaker", "q", "ev"];
  function writeHash() {
    const p = new URLSearchParams();
    for (const k of KEYS) if (state[k]) p.set(k, state[k]);
    if (state.focus) p.set("focus", String(state.depth));
    const hash = p.toString();
    if (hash === location.hash.slice(1)) return;
    try {
      history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
    } catch (err) {
      suppressHash = true;
      location.hash = hash;
    }
  }
  let suppressHash = false;
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const valid = {
      pole: (v) => v in poleLabel, theme: (v) => v in themeLabel, role: (v) => data.roles.includes(v),
      speaker: (v) => data.speakers.includes(v), ev: (v) => v in data.evaluations, q: () => true,
    };
    for (const k of Object.keys(valid)) {
      const v = p.get(k) || "";
      state[k] = v && valid[k](v) ? v : "";
    }
    const depth = parseInt(p.get("focus") || "", 10);
    state.focus = Number.isFinite(depth) && depth >= 0;
    if (state.focus) state.depth = Math.min(depth, 20);
    $("f-pole").value = state.pole;
    $("f-theme").value = state.theme;
    $("f-role").value = state.role;
    $("f-speaker").value = state.speaker;
    $("search").value = state.q;
    $("focus-depth").value = String(state.depth);
    overlaySel.value = state.ev;
    search(state.q);
    applyOverlay();
    const node = p.get("node");
    select(node && nodes[node] ? node : null, { centre: Boolean(node && nodes[node]) });
    update();
  }
  window.addEventListener("hashchange", () => {
    if (suppressHash) { suppressHash = false; return; }
    readHash();
  });

  for (const [id, key] of [["f-pole", "pole"], ["f-theme", "theme"], ["f-role", "role"], ["f-speaker", "speaker"]]) {
    $(id).addEventListener("change", (e) => { state[key] = e.target.value; update(); });
  }
  $("search").addEventListener("input", (e) => { search(e.target.value); writeHash(); });
  $("search").addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); nextHit(e.shiftKey); }
  });
  $("focus-depth").addEventListener("change", (e) => {
    const v = parseInt(e.target.value, 10);
    state.depth = Number.isFinite(v) && v >= 0 ? Math.min(v, 20) : 1;
    update();
  });
  $("focus-btn").addEventListener("click", () => { state.focus = !state.focus; update(); });
  overlaySel.addEventListener("change", () => { state.ev = overlaySel.value; applyOverlay(); renderDetails(); writeHash(); });
  $("permalink").addEventListener("click", () => {
    writeHash();
    const box = $("permalink-box");
    box.hidden = false;
    box.value = location.href;
    box.select();
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(() => {});
    $("status").textContent = "Permalink ready to copy";
  });

  function visibleOrder() {
    const around = state.focus && state.node ? neighbourhood(state.node, state.depth) : null;
    return order.filter((id) => nodeEl.has(id) && passes(id, around));
  }
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (e.key === "Escape") {
      if (typing) t.blur();
      else select(null);
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const inDiagram = diagram.contains(t);
    if (e.key === "/") { e.preventDefault(); $("search").focus(); }
    else if (e.key === "+" || e.key === "=") zoomBy(1.25);
    else if (e.key === "-") zoomBy(0.8);
    else if (e.key === "0") fit();
    else if (e.key === "f") { state.focus = !state.focus; update(); }
    else if (e.key === "n" || e.key === "p") {
      const ids = visibleOrder();
      if (!ids.length) return;
      const at = ids.indexOf(state.node);
      const k = at < 0 ? 0 : (at + (e.key === "n" ? 1 : ids.length - 1)) % ids.length;
      select(ids[k], { centre: true });
      nodeEl.get(ids[k]).focus({ preventScroll: true });
    } else if (inDiagram && e.key.startsWith("Arrow")) {
      e.preventDefault();
      const step = 60;
      const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
      panBy(d[0], d[1]);
    }
  });

  /* ---------------------------------------------------------------- start */
  document.title = `${data.title} — argmap viewer`;
  $("title").textContent = data.title;
  $("question").textContent = data.question || "";
  buildSources();
  fit();
  readHash();
  const api = {
    version: data.version,
    readyMs: performance.now() - started,
    select: (id) => select(id, { centre: true }),
    setFilter: (key, value) => { state[key] = value; $(`f-${key}`).value = value; return update(); },
    search, panBy, zoomBy, fit, applyVisibility,
    state: () => ({ ...state, hits: hits.slice(), viewBox: pz.view() }),
  };
  Object.defineProperty(window, "argmapViewer", { value: Object.freeze(api) });
})();
