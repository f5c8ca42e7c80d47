/* argmap comparison page. Reads the JSON payload in #argmap-compare-data: the joint diagram of two
 * linked maps and the report of what changed between them.
 * Safety rule (as in the viewer): every string from a map reaches the page through textContent,
 * createTextNode, Node.append(string) or setAttribute on an allowed, non-URL, non-handler attribute;
 * never through a markup parser. */
"use strict";
(function () {
  const started = performance.now();
  const data = JSON.parse(document.getElementById("argmap-compare-data").textContent);
  const report = data.report;
  const items = report.items;
  const groups = report.themes;
  const labels = report.labels || { a: { poles: {}, themes: {} }, b: { poles: {}, themes: {} } };
  const { h, build, panZoom } = argmapPage;
  const CHANGES = ["persisted", "contradicted", "moved pole", "appeared", "disappeared"];
  const SIDES = ["a", "b"];
  const $ = (id) => document.getElementById(id);
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  const fmt = (x, signed) => (x === null || x === undefined ? "—"
    : (signed && x >= 0 ? "+" : "") + x.toFixed(3));
  const short = (s, n) => {
    const t = (s || "").split(/\s+/).join(" ").trim();
    return t.length <= n ? t : `${t.slice(0, n - 1).replace(/\s+\S*$/, "")} …`;
  };
  const nodeId = (side, ref) => (ref ? `${side}~${ref.id}` : null);
  const sideOf = (id) => id.slice(0, 1);

  const state = { item: null, node: null, pole: "", change: "" };

  /* ---------------------------------------------------------------- diagram */
  const diagram = $("diagram");
  const svg = build(data.svg);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Joint diagram of the two maps");
  diagram.prepend(svg);
  const pz = panZoom(diagram, svg);
  const { setView, fitted, fit, panBy, zoomBy, boxOf } = pz;
  const nodeEl = new Map();
  const edgeEl = new Map();
  for (const g of svg.querySelectorAll("g.node")) {
    const id = g.getAttribute("data-id");
    if (has(data.nodes, id)) {
      nodeEl.set(id, g);
      g.classList.add("prop");
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      const ref = refOf(id);
      g.setAttribute("aria-label", `${sideOf(id) === "a" ? "Earlier" : "Later"} map: ${ref ? ref.text : id}`);
    }
  }
  for (const g of svg.querySelectorAll("g.edge")) {
    // Graphviz names an edge "head->tail" here: every link is drawn from map b's node back to map a's.
    const title = g.getAttribute("data-id") || "";
    const k = title.indexOf("->");
    if (k > 0) edgeEl.set(`${title.slice(k + 2)}|${title.slice(0, k)}`, g);
  }
  /* Show every element of els at once, with some room around them. */
  function focusOn(els) {
    if (!els.length) return;
    const boxes = els.map(boxOf);
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.w));
    const y1 = Math.max(...boxes.map((b) => b.y + b.h));
    setView(fitted({ x: x0, y: y0, w: Math.max(x1 - x0, 700), h: Math.max(y1 - y0, 200) }, 0.2));
  }
  svg.addEventListener("click", (e) => {
    if (pz.endedDrag()) return;
    const g = e.target.closest("g.node.prop");
    if (g) selectNode(g.getAttribute("data-id"), false);
  });
  svg.addEventListener("keydown", (e) => {
    const g = e.target.closest && e.target.closest("g.node.prop");
    if (g && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      selectNode(g.getAttribute("data-id"), false);
    }
  });
  diagram.addEventListener("keydown", (e) => {
    const steps = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (steps[e.key]) { e.preventDefault(); panBy(...steps[e.key]); }
    else if (e.key === "+" || e.key === "=") zoomBy(1.25);
    else if (e.key === "-") zoomBy(0.8);
    else if (e.key === "0") fit();
  });

  /* ---------------------------------------------------------------- report */
  function refOf(id) {
    const side = sideOf(id);
    const pid = id.slice(2);
    for (const item of items) if (item[side] && item[side].id === pid) return item[side];
    return null;
  }
  const inGroup = (item, key) => item.theme === key || (item.also || []).includes(key);
  const groupLabel = (key) => {
    const g = groups.find((x) => x.key === key);
    return g ? g.label : "no theme";
  };
  const poleName = (side, id) => (id && has(labels[side].poles, id) ? labels[side].poles[id] : id || "no pole");
  const themeName = (side, id) => (has(labels[side].themes, id) ? labels[side].themes[id] : id);
  const lineEls = new Map();

  function quoteSpan(ref) {
    return ref.quote ? h("q", { class: "quote", text: short(ref.quote, 110) })
      : h("i", { class: "own", text: short(ref.text, 110) });
  }
  function sideRef(side, ref) {
    return h("span", { class: `ref side-${side}` }, h("code", { text: `${side}:${ref.id}` }), " ", quoteSpan(ref));
  }
  function line(index, key) {
    const item = items[index];
    const parts = [h("span", { class: `tag change-${item.change.replace(" ", "-")}`, text: item.change })];
    if (item.relation) parts.push(" ", h("b", { text: item.relation }));
    if (item.a) parts.push(" ", sideRef("a", item.a));
    if (item.a && item.b) parts.push(" → ");
    if (item.b) parts.push(" ", sideRef("b", item.b));
    const others = [item.theme, ...(item.also || [])].filter((k) => k !== key);
    if (others.length) parts.push(" ", h("span", { class: "also", text: `(also under: ${others.map(groupLabel).join("; ")})` }));
    const button = h("button", {
      type: "button", class: "line", "data-item": String(index),
      on: { click: () => selectItem(index, true) },
    }, ...parts);
    if (!lineEls.has(index)) lineEls.set(index, []);
    lineEls.get(index).push(button);
    return h("li", null, button);
  }
  function balanceTable() {
    const rows = report.poles.map((p) => h("tr", null,
      h("td", { text: p.a_label || "—" }), h("td", { class: "num", text: fmt(p.a_strength) }),
      h("td", { text: (p.b_label || "—") + (p.relation ? ` (${p.relation})` : "") }),
      h("td", { class: "num", text: fmt(p.b_strength) }), h("td", { class: "num", text: fmt(p.delta, true) })));
    const margin = report.a.margin !== null && report.b.margin !== null ? report.b.margin - report.a.margin : null;
    rows.push(h("tr", { class: "margin" }, h("td", { text: "Margin" }), h("td", { class: "num", text: fmt(report.a.margin, true) }),
      h("td"), h("td", { class: "num", text: fmt(report.b.margin, true) }), h("td", { class: "num", text: fmt(margin, true) })));
    return h("table", { class: "balance" },
      h("thead", null, h("tr", null, ...["Pole in a", "Thesis", "Pole in b", "Thesis", "Change"].map((t) => h("th", { text: t })))),
      h("tbody", null, ...rows));
  }
  function visible(item) {
    if (state.change && item.change !== state.change) return false;
    if (state.pole === "~none") return item.pole === null;
    return !state.pole || item.pole === state.pole;
  }
  function renderReport() {
    const pane = $("report");
    lineEls.clear();
    const out = [h("h2", { text: "What changed, theme by theme" }), balanceTable(),
      h("p", { class: "muted", text: `Thesis strengths under ${report.semantics}; weights: what each theme's factors add to the margin (first pole minus the other).` })];
    let shown = 0;
    const counted = new Set();
    for (const group of groups) {
      const mine = items.map((item, i) => [item, i]).filter(([item]) => inGroup(item, group.key) && visible(item));
      if (!mine.length) continue;
      mine.forEach(([, i]) => counted.add(i));
      const list = h("ul", { class: "lines" });
      for (const change of CHANGES) for (const [item, i] of mine) if (item.change === change) list.append(line(i, group.key));
      out.push(h("section", { class: "theme", "data-theme": group.key === null ? "" : group.key },
        h("h3", { text: group.label }),
        h("p", { class: "weight", text: `weight ${fmt(group.a_weight, true)} → ${fmt(group.b_weight, true)}` }),
        list));
    }
    shown = counted.size;
    if (!shown) out.push(h("p", { class: "muted", text: "No line matches the filters." }));
    pane.replaceChildren(...out);
    $("filter-count").textContent = `${shown} of ${items.length} points`;
    markLines();
  }

  /* ---------------------------------------------------------------- details */
  const details = $("details");
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.append(h("dt", { text: term }), h("dd", { text: value }));
  }
  function sideBlock(side, ref) {
    const title = side === "a" ? report.a.title : report.b.title;
    const box = h("div", { class: `side side-${side}`, id: `side-${side}` },
      h("h3", { text: `${side === "a" ? "Earlier" : "Later"} (${side}): ${title}` }));
    if (!ref) {
      box.append(h("p", { class: "muted", text: side === "a" ? "Not in the earlier map." : "Not in the later map." }));
      return box;
    }
    const dl = h("dl");
    row(dl, "id", ref.id);
    row(dl, "role", ref.role);
    row(dl, "pole", ref.pole ? poleName(side, ref.pole) : null);
    row(dl, "themes", (ref.themes || []).map((t) => themeName(side, t)).join(", "));
    row(dl, "strength", ref.strength === null ? null : fmt(ref.strength));
    box.append(h("p", { class: "text", id: `text-${side}`, text: ref.text }));
    if (ref.quote) box.append(h("blockquote", { id: `quote-${side}`, text: ref.quote }));
    if (ref.locator) box.append(h("p", { class: "muted", id: `locator-${side}`, text: ref.locator }));
    box.append(dl);
    if (!nodeEl.has(`${side}~${ref.id}`)) box.append(h("p", { class: "muted", text: "Not drawn in the diagram: nothing links it." }));
    return box;
  }
  function itemPanel(index) {
    const item = items[index];
    const head = [item.change, item.relation].filter(Boolean).join(" · ");
    return h("div", { id: "item-panel", "data-item": String(index) },
      h("h2", { text: head }),
      item.note ? h("p", { class: "note", text: `Note: ${item.note}` }) : null,
      h("p", { class: "muted", text: [item.theme, ...(item.also || [])].map(groupLabel).join("; ") }),
      h("div", { class: "pair" }, sideBlock("a", item.a), sideBlock("b", item.b)));
  }
  function nodePanel(id) {
    const side = sideOf(id);
    const ref = refOf(id);
    const mine = items.map((item, i) => [item, i]).filter(([item]) => item[side] && ref && item[side].id === ref.id);
    const other = side === "a" ? "b" : "a";
    const list = h("ul", { class: "links" }, ...mine.map(([item, i]) => h("li", null, h("button", {
      type: "button", class: "linkish", on: { click: () => selectItem(i, true) },
    }, `${item.relation || item.change} → ${item[other] ? `${other}:${item[other].id} ` : ""}`,
    item[other] ? short(item[other].text, 90) : ""))));
    return h("div", { id: "node-panel", "data-node": id }, h("h2", { text: `${side}:${ref ? ref.id : id}` }),
      sideBlock(side, ref), h("h3", { text: "Links" }), list);
  }
  function intro() {
    return h("div", { class: "muted" },
      h("p", { text: "Click a line of the report to see both sides with their quotes and to focus their nodes in the diagram; click a node to list its links." }),
      h("p", { text: "Only linked points are drawn; each box on the left faces the matching box on the right." }));
  }
  function renderDetails() {
    if (state.item !== null) details.replaceChildren(itemPanel(state.item));
    else if (state.node !== null) details.replaceChildren(nodePanel(state.node));
    else details.replaceChildren(intro());
  }

  /* ---------------------------------------------------------------- selection */
  function ids() {
    if (state.item !== null) {
      const item = items[state.item];
      return [nodeId("a", item.a), nodeId("b", item.b)].filter((id) => id && nodeEl.has(id));
    }
    return state.node !== null && nodeEl.has(state.node) ? [state.node] : [];
  }
  function markDiagram() {
    const chosen = new Set(ids());
    const any = chosen.size > 0;
    // A selected node keeps the nodes it is linked to in view: its counterparts in the other map.
    const near = new Set(chosen);
    if (state.node !== null) {
      for (const key of edgeEl.keys()) {
        const [tail, head] = key.split("|");
        if (chosen.has(tail)) near.add(head);
        if (chosen.has(head)) near.add(tail);
      }
    }
    for (const [id, g] of nodeEl) {
      g.classList.toggle("selected", chosen.has(id));
      g.classList.toggle("dim", any && !near.has(id));
    }
    // An item lights its own link; a node, every link it has.
    const item = state.item !== null ? items[state.item] : null;
    const link = item && item.a && item.b ? `${nodeId("a", item.a)}|${nodeId("b", item.b)}` : null;
    for (const [key, g] of edgeEl) {
      const [tail, head] = key.split("|");
      const on = item ? key === link : chosen.has(tail) || chosen.has(head);
      g.classList.toggle("selected", on);
      g.classList.toggle("dim", any && !on);
    }
    return [...near].map((id) => nodeEl.get(id));
  }
  function involves(item) {
    if (state.item !== null) return items[state.item] === item;
    if (state.node === null) return false;
    const side = sideOf(state.node);
    return Boolean(item[side]) && `${side}~${item[side].id}` === state.node;
  }
  function markLines() {
    let first = null;
    for (const [i, buttons] of lineEls) {
      const on = involves(items[i]);
      for (const b of buttons) {
        b.classList.toggle("current", on);
        b.setAttribute("aria-pressed", on ? "true" : "false");
        if (on && !first) first = b;
      }
    }
    return first;
  }
  function writeHash() {
    const hash = state.item !== null ? `item=${state.item}` : state.node !== null ? `node=${encodeURIComponent(state.node)}` : "";
    try { history.replaceState(null, "", hash ? `#${hash}` : location.pathname); } catch (e) { /* file: pages may refuse */ }
  }
  function update(focus, scrollLine) {
    renderDetails();
    const els = markDiagram();
    if (focus) { if (els.length) focusOn(els); }
    const first = markLines();
    if (scrollLine && first) first.scrollIntoView({ block: "nearest" });
    writeHash();
    $("status").textContent = state.item !== null ? `Selected: ${details.querySelector("h2").textContent}` : "";
  }
  function selectItem(index, focus) {
    if (index === null || !items[index]) { state.item = null; state.node = null; update(false, false); return; }
    state.item = index;
    state.node = null;
    update(focus, true);
  }
  function selectNode(id, focus) {
    if (!nodeEl.has(id)) return;
    state.node = id;
    state.item = null;
    update(focus, true);
  }
  function clear() {
    state.item = null;
    state.node = null;
    update(false, false);
  }
  $("clear").addEventListener("click", clear);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") clear(); });

  /* ---------------------------------------------------------------- filters */
  function fillSelect(id, entries) {
    $(id).replaceChildren(...entries.map(([value, text]) => h("option", { value, text })));
  }
  fillSelect("f-pole", [["", "All poles"],
    ...report.poles.filter((p) => p.a).map((p) => [p.a, `${p.a_label || p.a} → ${p.b_label || "—"}`]),
    ["~none", "No pole (explanations, verdicts, hubs)"]]);
  fillSelect("f-change", [["", "All changes"], ...CHANGES.filter((c) => report.counts[c]).map((c) => [c, `${c} (${report.counts[c]})`])]);
  $("f-pole").addEventListener("change", (e) => { state.pole = e.target.value; renderReport(); });
  $("f-change").addEventListener("change", (e) => { state.change = e.target.value; renderReport(); });

  /* ---------------------------------------------------------------- start */
  document.title = `${report.a.title} → ${report.b.title} — argmap comparison`;
  $("title").textContent = `What changed: ${report.a.title} → ${report.b.title}`;
  $("summary").textContent = CHANGES.map((c) => `${report.counts[c] || 0} ${c}`).join(", ");
  renderReport();
  fit();
  /* A permalink: #item=<n> (a report line) or #node=<side>~<id>. */
  function readHash() {
    const hash = location.hash.slice(1);
    if (hash.startsWith("item=")) selectItem(Number(hash.slice(5)), true);
    else if (hash.startsWith("node=")) selectNode(decodeURIComponent(hash.slice(5)), true);
    else renderDetails();
  }
  window.addEventListener("hashchange", readHash);
  readHash();
  const api = {
    version: data.version,
    readyMs: performance.now() - started,
    selectItem: (i) => selectItem(i, true),
    selectNode: (id) => selectNode(id, true),
    clear, fit, panBy, zoomBy,
    state: () => ({ ...state, viewBox: pz.view(), lines: document.querySelectorAll("#report button.line").length }),
  };
  Object.defineProperty(window, "argmapCompare", { value: Object.freeze(api) });
})();
