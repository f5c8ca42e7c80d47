// Parse Mermaid files with mermaid's own parser in one Node process (jsdom gives it the DOM it expects).
// Usage: node mermaid_check.mjs FILE...   Output: JSON {file: {ok, error, type}} on stdout.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "Node", "navigator"]) {
  if (!(name in globalThis)) {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const result = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    const parsed = await mermaid.parse(text);
    result[file] = { ok: true, type: parsed ? parsed.diagramType : null, error: null };
  } catch (e) {
    result[file] = { ok: false, type: null, error: String(e && e.message ? e.message : e).slice(0, 500) };
  }
}
process.stdout.write(JSON.stringify(result));
