// Parse many Argdown files in one Node process and print, per file, Argdown's own model as JSON:
// statements (equivalence classes), arguments (with their premise-conclusion structures) and relations.
// Usage: node argdown_model.mjs FILE...   Output: one JSON object {file: model} on stdout.
// argmap keeps shortcodes (.^., :heart:) as written, where Argdown shows them as symbols: each file is read
// with every shortcode standing for itself, so the comparison sees everything else.
import { readFileSync } from "node:fs";
import { ArgdownApplication, ParserPlugin, DataPlugin, ModelPlugin, shortcodes } from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");

const text = (s) => (s === undefined || s === null ? null : s);
const result = {};
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file, "utf8");
  const literal = Object.fromEntries(Object.keys(shortcodes).map((code) => [code, { unicode: code }]));
  const res = app.run({
    process: ["parse-input", "build-model"],
    input,
    logLevel: "none",
    model: { shortcodes: literal },
  });
  const errors = [...(res.lexerErrors || []), ...(res.parserErrors || [])].map((e) => ({
    message: e.message,
    line: e.token ? e.token.startLine : e.line,
    column: e.token ? e.token.startColumn : e.column,
  }));
  const statements = {};
  for (const [title, ec] of Object.entries(res.statements || {})) {
    const member = ec.members.find((m) => m.data && m.data.isCanonical) || ec.members.find((m) => m.text);
    statements[title] = {
      texts: ec.members.map((m) => text(m.text)).filter((t) => t),
      text: member ? text(member.text) : null,
      tags: ec.tags || [],
      data: ec.data || null,
    };
  }
  const args = {};
  for (const [title, a] of Object.entries(res.arguments || {})) {
    args[title] = {
      descriptions: a.members.map((m) => text(m.text)).filter((t) => t),
      tags: a.tags || [],
      data: a.data || null,
      pcs: (a.pcs || []).map((s) => ({
        title: s.title,
        role: s.role,
        rules: s.inference ? s.inference.inferenceRules || [] : [],
        usedPremises: s.inference ? s.inference.usedPremises || [] : [],
      })),
    };
  }
  const relations = (res.relations || []).map((r) => ({
    from: r.from.title,
    fromType: r.from.type,
    to: r.to.type === "inference" ? r.to.argumentTitle : r.to.title,
    toType: r.to.type,
    type: r.relationType,
  }));
  const sections = [];
  const walk = (list) => {
    for (const section of list || []) {
      sections.push([section.level, section.title]);
      walk(section.children);
    }
  };
  walk(res.sections);
  const sectionOf = (members) => (members[0] && members[0].section ? members[0].section.title : null);
  for (const [title, ec] of Object.entries(res.statements || {})) statements[title].section = sectionOf(ec.members);
  for (const [title, a] of Object.entries(res.arguments || {})) args[title].section = sectionOf(a.members);
  result[file] = {
    errors,
    sections,
    frontMatter: res.frontMatter || null,
    statements,
    arguments: args,
    relations,
  };
}
process.stdout.write(JSON.stringify(result));
