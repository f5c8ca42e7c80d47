/* argmap pages: what the viewer and the comparison page share. It is placed before the page's own
 * script in the same inline script element, so the policy hash covers both.
 * Safety rule: every string from a map or a source reaches the page through textContent,
 * createTextNode, Node.append(string) or setAttribute on an allowed, non-URL, non-handler attribute;
 * never through innerHTML or any other markup parser. */
"use strict";
const argmapPage = (function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  /* The SVG the page rebuilds: only these elements and attributes (the Python side allows the same). */
  const TAGS = new Set(["svg", "g", "path", "polygon", "polyline", "ellipse", "text"]);
  const ATTRS = new Set([
    "class", "viewBox", "transform", "fill", "stroke", "stroke-width", "stroke-dasharray",
    "fill-opacity", "stroke-opacity", "points", "d", "cx", "cy", "rx", "ry", "x", "y",
    "text-anchor", "font-family", "font-size", "font-weight", "font-style", "text-decoration", "data-id",
  ]);

  /* An HTML element; string children become text nodes. */
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  /* The SVG element tree of the payload's [tag, attributes, ...children] lists, by DOM calls. */
  function build(tree) {
    const tag = tree[0];
    if (!TAGS.has(tag)) return null;
    const e = document.createElementNS(SVGNS, tag);
    const attrs = tree[1];
    for (const k of Object.keys(attrs)) if (ATTRS.has(k)) e.setAttribute(k, attrs[k]);
    for (let i = 2; i < tree.length; i++) {
      const c = tree[i];
      if (typeof c === "string") e.appendChild(document.createTextNode(c));
      else {
        const b = build(c);
        if (b) e.appendChild(b);
      }
    }
    return e;
  }

  /* Pan and zoom of the drawing svg inside the pane diagram: drag, wheel, the #zoom-in, #zoom-out
   * and #fit buttons, and window resizes. The drawing keeps its own size and view box; the visible
   * region becomes one CSS transform, so panning moves a composited layer instead of laying out
   * and painting the drawing again. */
  function panZoom(diagram, svg) {
    const graph = svg.querySelector("g.graph");
    const consolidated = graph && graph.transform.baseVal.consolidate();
    const matrix = consolidated ? consolidated.matrix : svg.createSVGMatrix();
    const box = svg.viewBox.baseVal;
    const base = box && box.width ? { x: box.x, y: box.y, w: box.width, h: box.height } : { x: 0, y: 0, w: 1000, h: 1000 };
    let vb = { ...base };
    svg.style.width = `${base.w}px`;
    svg.style.height = `${base.h}px`;
    let crisp = 0;
    function setView(next) {
      const k = Math.max(1, diagram.clientWidth) / next.w;
      const zoomed = Math.abs(next.w - vb.w) > 1e-9;
      vb = next;
      svg.style.transform = `translate(${-(vb.x - base.x) * k}px, ${-(vb.y - base.y) * k}px) scale(${k})`;
      if (zoomed) {
        // A layer scaled by the compositor blurs; once zooming pauses, draw it again at this scale.
        clearTimeout(crisp);
        crisp = setTimeout(() => {
          svg.style.willChange = "auto";
          requestAnimationFrame(() => { svg.style.willChange = "transform"; });
        }, 300);
      }
    }
    const scale = () => vb.w / Math.max(1, diagram.clientWidth);
    /* A view box with the pane's aspect ratio, so one screen pixel is the same length both ways. */
    function fitted(area, pad) {
      const cw = Math.max(1, diagram.clientWidth);
      const ch = Math.max(1, diagram.clientHeight);
      let w = area.w * (1 + pad);
      let hh = area.h * (1 + pad);
      if (w / hh > cw / ch) hh = w * ch / cw;
      else w = hh * cw / ch;
      return { x: area.x + area.w / 2 - w / 2, y: area.y + area.h / 2 - hh / 2, w, h: hh };
    }
    const fit = () => setView(fitted(base, 0.02));
    function panBy(dx, dy) {
      const s = scale();
      setView({ x: vb.x - dx * s, y: vb.y - dy * s, w: vb.w, h: vb.h });
    }
    function zoomAt(factor, px, py) {
      const w = Math.min(Math.max(vb.w / factor, 20), base.w * 20);
      const f = vb.w / w;
      setView({ x: px - (px - vb.x) / f, y: py - (py - vb.y) / f, w, h: vb.h / f });
    }
    const zoomBy = (factor) => zoomAt(factor, vb.x + vb.w / 2, vb.y + vb.h / 2);
    /* The box of a drawn element in view-box units. */
    function boxOf(g) {
      const b = g.getBBox();
      const m = matrix;
      return { x: m.a * b.x + m.e, y: m.d * b.y + m.f, w: b.width * m.a, h: b.height * m.d };
    }

    let drag = null;
    let lastDrag = 0;
    diagram.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || e.target.closest("button")) return;
      drag = { x: e.clientX, y: e.clientY, moved: 0, id: e.pointerId };
    });
    diagram.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      if (drag.moved > 4) {
        if (!diagram.classList.contains("dragging")) {
          diagram.classList.add("dragging");
          diagram.setPointerCapture(drag.id);
        }
        panBy(dx, dy);
      }
      drag.x = e.clientX;
      drag.y = e.clientY;
    });
    function endDrag() {
      const moved = drag ? drag.moved : 0;
      if (drag && diagram.classList.contains("dragging")) {
        diagram.classList.remove("dragging");
        diagram.releasePointerCapture(drag.id);
      }
      drag = null;
      return moved;
    }
    diagram.addEventListener("pointerup", () => { lastDrag = endDrag(); });
    diagram.addEventListener("pointercancel", () => { lastDrag = endDrag(); });
    diagram.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = diagram.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), vb.x + (e.clientX - r.left) * scale(), vb.y + (e.clientY - r.top) * scale());
    }, { passive: false });
    document.getElementById("zoom-in").addEventListener("click", () => zoomBy(1.25));
    document.getElementById("zoom-out").addEventListener("click", () => zoomBy(0.8));
    document.getElementById("fit").addEventListener("click", fit);
    window.addEventListener("resize", () => setView(fitted(vb, 0)));
    /* Whether the click now arriving ends a drag (and should not select anything). */
    function endedDrag() {
      if (lastDrag > 4) {
        lastDrag = 0;
        return true;
      }
      return false;
    }
    return { setView, fitted, fit, panBy, zoomAt, zoomBy, boxOf, endedDrag, view: () => ({ ...vb }) };
  }

  return { SVGNS, h, build, panZoom };
})();
