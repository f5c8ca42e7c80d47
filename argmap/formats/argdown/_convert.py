"""Argdown's model <-> argmap's model: reading an Argdown document as a map, and writing a map as Argdown.

Reading (any Argdown file): statements become propositions (id: the title, made a valid id if it is not
one; the other wordings of an equivalence class become propositions that rephrase it); reconstructed
arguments become inferences, one per conclusion of their premise-conclusion structure (premises: the
statements since the previous conclusion, or those named by ``{uses: [1, 2]}``), labelled by their
inference rules; arguments without a structure become propositions tagged ``argdown-argument`` (their
description as text); support relations become single-premise inferences; attacks rebut a statement or an
unreconstructed argument and undercut a reconstructed one; undercuts hit an inference; contradictions and
contrarieties fill ``contradicts``. Headings become themes of the statements and arguments under them.

Writing: a map's own structure travels in Argdown's own mechanisms so that map -> Argdown -> map is
lossless and the file still opens in Argdown's tools: the map's title, question, description, sources,
poles, themes, attacks, attributions and preferences as the ``argmap`` key of the front matter; each
proposition's fields (role, poles, themes, citation, speaker, hedge, ...; its exact text when Argdown would
normalise it) as ``{data}``; each inference as an argument with a premise-conclusion structure (label, hedge
and note as inference data); attacks also as relations, so Argdown draws them. Data is written as JSON with
every non-ASCII or Argdown-significant character escaped, which YAML reads back exactly.

Imports only :mod:`argmap.model`, :mod:`argmap.errors` and the formats' shared structuring helpers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from argmap.errors import Location, ParseError
from argmap.formats._located import load_located
from argmap.formats._spec import structure_map, unstructure_map
from argmap.formats.argdown._parse import ArgdownDocument, _Loader, parse
from argmap.model import ID_PATTERN, ArgumentMap, Inference, Proposition
from argmap.model.core import file_fields

__all__ = ["ARGUMENT_TAG", "document_to_map", "dumps", "loads"]

#: Tag of a proposition that stands for an Argdown argument without a premise-conclusion structure.
ARGUMENT_TAG = "argdown-argument"


def _file_keys(cls: type[Any], handled: tuple[str, ...]) -> tuple[str, ...]:
    """The file keys of a model class (aliases included) that travel as Argdown data."""
    keys: list[str] = []
    for attribute, field in file_fields(cls):
        for key in (field.key or attribute.name, field.alias):
            if key is not None and key not in handled:
                keys.append(key)
    return tuple(keys)


_PROPOSITION_KEYS = _file_keys(Proposition, ("id", "text", "tags", "contradicts"))
_INFERENCE_KEYS = _file_keys(Inference, ("id", "premises", "conclusion"))
_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """Read Argdown text as a map; syntax and content errors are :class:`ParseError` with line and column."""
    return document_to_map(parse(text, filename), filename)


# -- reading ------------------------------------------------------------------------------------------


class _Ids:
    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.counter = 0

    def slug(self, title: str) -> str:
        if ID_PATTERN.match(title) and title not in self.taken:
            self.taken.add(title)
            return title
        base = _SLUG_BAD.sub("-", title.strip()).strip("-.") or "untitled"
        return self.unique(base)

    def unique(self, base: str) -> str:
        new, k = base, 1
        while new in self.taken:
            k += 1
            new = f"{base}-{k}"
        self.taken.add(new)
        return new

    def fresh(self, prefix: str) -> str:
        while True:
            self.counter += 1
            new = f"{prefix}{self.counter}"
            if new not in self.taken:
                self.taken.add(new)
                return new


def document_to_map(doc: ArgdownDocument, filename: str | None = None) -> ArgumentMap:  # noqa: PLR0915
    """The map an Argdown document describes (see the module docstring for how)."""
    front = doc.front_matter
    own = front.get("argmap") if isinstance(front.get("argmap"), Mapping) else None
    ids = _Ids()
    located: dict[int, Any] = {}
    # The located front matter's containers stay alive while their ids are keys of `located`.
    _keep: list[Any] = []
    if own is not None:
        own, located, _keep = _located_front_matter(doc, own, filename)

    def at(line: int, column: int, value: dict[str, Any]) -> dict[str, Any]:
        located[id(value)] = ((line, column), dict.fromkeys(value, (line, column)), None)
        return value

    data: dict[str, Any] = {}
    if own is not None:
        data.update({k: v for k, v in own.items() if k not in ("attacks",)})
        own_place = located.get(id(own))
        data.setdefault("title", str(front.get("title") or _stem(filename)))
    else:
        data["title"] = str(front.get("title") or _stem(filename))
        themes: dict[str, str] = {}
        for _level, section in doc.sections:
            if section and section not in themes:
                themes[section] = ids.unique(_SLUG_BAD.sub("-", section).strip("-.").lower() or "section")
        if themes:
            data["themes"] = [{"id": tid, "label": label} for label, tid in themes.items()]
        ids.taken.clear()

    statement_id = {title: ids.slug(title) for title in doc.statements}
    argument_prop = {t: ids.slug(t) for t, a in doc.arguments.items() if not a.pcs}
    argument_inf: dict[str, str] = {t: ids.slug(t) for t, a in doc.arguments.items() if a.pcs}

    def theme_of(section: str | None) -> str | None:
        if own is not None or not section:
            return None
        return themes.get(section)

    propositions: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    for title, st in doc.statements.items():
        prop: dict[str, Any] = {"id": statement_id[title]}
        text = st.data.get("text") if isinstance(st.data.get("text"), str) else st.text
        prop["text"] = text if text is not None else title
        extra = {k: st.data[k] for k in _PROPOSITION_KEYS if k in st.data}
        if "theme" not in extra and "themes" not in extra and (theme := theme_of(st.section)):
            extra["themes"] = [theme]
        prop.update(extra)
        tags = st.data["tags"] if "tags" in st.data else list(st.tags)
        if tags:
            prop["tags"] = tags
        if "contradicts" in st.data:
            prop["contradicts"] = list(st.data["contradicts"])
        propositions.append(at(st.line, st.column, prop))
        by_id[prop["id"]] = prop
        # The other wordings of an equivalence class are kept as propositions that rephrase it (where the
        # exact text is in the data, the text Argdown shows is only its display copy).
        others: list[str] = [] if "text" in st.data else st.texts
        first: str = prop["id"]
        for k, other in enumerate(dict.fromkeys(t for t in others if t != prop["text"]), start=2):
            member: dict[str, Any] = {"id": ids.unique(f"{first}.{k}"), "text": other, "rephrases": [first]}
            propositions.append(at(st.line, st.column, member))
            by_id[member["id"]] = member
    for title, arg in doc.arguments.items():
        if arg.pcs:
            continue
        prop = {"id": argument_prop[title]}
        text = arg.data.get("text") if isinstance(arg.data.get("text"), str) else None
        prop["text"] = text or (arg.descriptions[0] if arg.descriptions else title)
        prop["tags"] = [ARGUMENT_TAG, *arg.tags]
        if theme := theme_of(arg.section):
            prop["themes"] = [theme]
        propositions.append(at(arg.line, arg.column, prop))
        by_id[prop["id"]] = prop

    inferences: list[dict[str, Any]] = []
    main_inference: dict[str, str] = {}
    for title, arg in doc.arguments.items():
        if not arg.pcs:
            continue
        conclusions = [k for k, item in enumerate(arg.pcs) if item.role != "premise"]
        numbers = {item.number: item for item in arg.pcs}
        start = 0
        for nth, k in enumerate(conclusions):
            item = arg.pcs[k]
            extra = item.inference_data or {}
            uses = extra.get("uses")
            if isinstance(uses, list) and uses and all(isinstance(u, int) and u in numbers for u in uses):
                premises = [statement_id[numbers[u].title] for u in uses]
            else:
                premises = [statement_id[p.title] for p in arg.pcs[start:k]]
            start = k
            last = nth == len(conclusions) - 1
            iid = argument_inf[title] if last else ids.unique(f"{argument_inf[title]}.{nth + 1}")
            inf: dict[str, Any] = {"id": iid, "premises": premises, "conclusion": statement_id[item.title]}
            if any(key in extra for key in _INFERENCE_KEYS):
                inf.update({key: extra[key] for key in _INFERENCE_KEYS if key in extra})
            else:
                if item.rules:
                    inf["label"] = ", ".join(item.rules)
                if last and arg.descriptions:
                    inf["note"] = arg.descriptions[0]
            # An inference is placed on its line (the '--' one), where its rules and data are.
            inferences.append(at(item.inference_line or item.line, 1, inf))
        main_inference[title] = argument_inf[title]

    def node(ref: tuple[str, str]) -> str:
        kind, title = ref
        if kind == "statement":
            return statement_id[title]
        if title in argument_prop:
            return argument_prop[title]
        return statement_id[doc.arguments[title].pcs[-1].title]

    attacks: list[dict[str, Any]] = []
    relation_attacks: list[tuple[dict[str, Any], int, int]] = []
    supported_by: dict[str, str] = {}  # unreconstructed argument's proposition -> its first support inference
    for rel in doc.relations:
        if rel.kind in ("support", "entails"):
            src, dst = node(rel.source), node(rel.target)
            iid = ids.fresh("s")
            inferences.append(at(rel.line, rel.column, {"id": iid, "premises": [src], "conclusion": dst}))
            supported_by.setdefault(src, iid)
    for rel in doc.relations:
        if rel.kind in ("contradictory", "contrary"):
            src, dst = node(rel.source), node(rel.target)
            listed = by_id[src].setdefault("contradicts", [])
            if dst not in listed:
                listed.append(dst)
        elif rel.kind in ("attack", "undercut"):
            src = node(rel.source)
            kind, title = rel.target
            if kind == "inference" or (kind == "argument" and title in main_inference):
                target, akind = main_inference[title], "undercut"
            elif rel.kind == "undercut" and kind == "argument" and argument_prop[title] in supported_by:
                target, akind = supported_by[argument_prop[title]], "undercut"
            else:
                target, akind = node(rel.target), "rebut"
            relation_attacks.append(({"from": src, "to": target, "kind": akind}, rel.line, rel.column))

    known = own.get("attacks") if own is not None else None
    if isinstance(known, list):
        for listed_attack in known:
            if isinstance(listed_attack, Mapping):
                attacks.append(dict(listed_attack))
                if id(listed_attack) in located:
                    located[id(attacks[-1])] = located[id(listed_attack)]
        ids.taken.update(str(a.get("id")) for a in attacks)
    # Argdown has no qualifications or concessions: the front matter says which kind each attack is, and a
    # relation adds an attack only where the front matter has none between the same two ends.
    listed = {(a.get("from"), a.get("to")) for a in attacks}
    for attack, line, column in relation_attacks:
        key = (attack["from"], attack["to"])
        if key not in listed:
            attacks.append(at(line, column, {"id": ids.fresh("a"), **attack}))
            listed.add(key)

    data["propositions"] = propositions
    data["inferences"] = inferences
    data["attacks"] = attacks
    located[id(data)] = ((1, 1), dict.fromkeys(data, (1, 1)), None)
    if own is not None and own_place is not None:
        # The map's own keys sit where the front matter's argmap key has them.
        values, keys = own_place[1], own_place[2] or {}
        located[id(data)] = (
            own_place[0],
            {k: values.get(k, (1, 1)) for k in data},
            {k: keys.get(k, (1, 1)) for k in data},
        )
    for part in ("propositions", "inferences", "attacks"):
        items = data[part]
        located[id(items)] = ((1, 1), [located.get(id(i), ((1, 1),))[0] for i in items], None)

    def to_location(pos: Any) -> Location:
        line, column = pos if isinstance(pos, tuple) else (1, 1)
        return Location(filename, line, column)

    try:
        return structure_map(data, file=filename, located=located, to_location=to_location, root=(1, 1))
    except ParseError:
        raise
    except (TypeError, ValueError) as exc:  # pragma: no cover - structure_map reports these itself
        raise ParseError(str(exc), filename, 1, 1, code="M002") from None


def _located_front_matter(
    doc: ArgdownDocument, own: Mapping[str, Any], filename: str | None
) -> tuple[Mapping[str, Any], dict[int, Any], list[Any]]:
    """The front matter's ``argmap`` mapping read again with the position of every value in it (at its line
    and column in the Argdown file), so that a problem in it is reported where it is; the parser's reading,
    without positions, where the located reader reads the text otherwise (``yes`` is text to it)."""
    try:
        loaded = load_located(doc.front_matter_source, filename)
    except ParseError:
        return own, {}, []
    found = loaded.data.get("argmap") if isinstance(loaded.data, dict) else None
    if not isinstance(found, Mapping) or found != own:
        return own, {}, []
    first = doc.front_matter_line

    def shift(mark: Any) -> tuple[int, int]:
        return first + mark.line, mark.column + 1

    located: dict[int, Any] = {}
    for key, (start, values, keys) in loaded.located.items():
        moved = (
            {k: shift(v) for k, v in values.items()} if isinstance(values, Mapping) else [*map(shift, values)]
        )
        located[key] = (shift(start), moved, None if keys is None else {k: shift(v) for k, v in keys.items()})
    return found, located, [loaded.data, *loaded.keep]


def _stem(filename: str | None) -> str:
    if not filename:
        return "Argdown map"
    name = re.split(r"[\\/]", filename)[-1]
    return name[: -len(".argdown")] if name.lower().endswith(".argdown") else name


# -- writing ------------------------------------------------------------------------------------------

# Characters that mean something in Argdown text; a backslash makes each one literal.
_SIGNIFICANT = re.compile(r"[\\\[\]<>{}#*_@/]|(?:\.(?=[^\s]+?\.))|(?::(?=[^\s]+?:))")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(text: str) -> str:
    visible = re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()
    return _SIGNIFICANT.sub(lambda m: "\\" + m.group(0), visible)


def _json(value: Any) -> str:
    """JSON that YAML reads back exactly and Argdown's data lexer cannot misread: ASCII only, with braces,
    brackets and the like inside strings escaped."""
    text = json.dumps(value, ensure_ascii=True, separators=(", ", ": "))
    out: list[str] = []
    last = 0
    for match in _JSON_STRING.finditer(text):
        # YAML 1.1 reads a float's exponent only after a decimal point.
        out.append(_BARE_EXPONENT.sub(r"\1.0\2", text[last : match.start()]))
        string = _STRING_SIGNIFICANT.sub(lambda m: f"\\u{ord(m.group(0)):04x}", match.group(0)[1:-1])
        # YAML wants a character beyond the BMP as one \U escape, not a surrogate pair.
        string = _SURROGATES.sub(lambda m: f"\\U{_join_surrogates(m.group(1), m.group(2)):08x}", string)
        out.append(f'"{string}"')
        last = match.end()
    out.append(_BARE_EXPONENT.sub(r"\1.0\2", text[last:]))
    return "".join(out)


_JSON_STRING = re.compile(r'"(?:\\.|[^"\\])*"')
_STRING_SIGNIFICANT = re.compile(r"[{}\[\]#<>/:,*_@\-]")
_SURROGATES = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")
_BARE_EXPONENT = re.compile(r"(?<![\w.])(-?\d+)([eE][-+]?\d+)")


def _join_surrogates(high: str, low: str) -> int:
    return 0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00)


class _FrontDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting the strings that YAML 1.2 (Argdown's js-yaml) would read as numbers."""


# YAML 1.1 (PyYAML) reads a float's exponent only after a decimal point and octals as 017; YAML 1.2 also
# reads 1e100 and 0o17 as numbers, so such a string unquoted came back from Argdown as a number.
_YAML12_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*)?\.?\d*[eE][-+]?\d+|0o[0-7]+")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if _YAML12_NUMBER.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_FrontDumper.add_representer(str, _represent_str)


def _title(pid: str) -> str:
    return pid


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown: readable by Argdown's tools, and read back by :func:`loads` as the same map."""
    data = unstructure_map(amap)
    propositions = data.pop("propositions", [])
    inferences = data.pop("inferences", [])
    attacks = data.pop("attacks", [])
    if attacks:
        data["attacks"] = attacks
    head = {"title": amap.title, "argmap": data}
    front = yaml.dump(head, Dumper=_FrontDumper, sort_keys=False, allow_unicode=True, width=100)
    if yaml.load(front, Loader=_Loader) != head:
        # A line separator or the like in a string does not survive as itself: escape all but ASCII.
        front = yaml.dump(head, Dumper=_FrontDumper, sort_keys=False, allow_unicode=False, width=100)
    lines = ["===", front.rstrip("\n"), "===", ""]
    if not (propositions or inferences or attacks):
        # Argdown wants something after the front matter; a heading is all it adds (themes are in the
        # front matter, so argmap reads no theme from it).
        lines.append(f"# {_escape(amap.title) or 'Map'}")

    for prop in propositions:
        extra = {k: v for k, v in prop.items() if k not in ("id", "text", "tags", "contradicts")}
        text = prop["text"]
        visible = _escape(text)
        if re.sub(r"\s+", " ", text).strip() != text or _CONTROL.search(text) or not visible:
            extra["text"] = text
        if prop.get("tags"):
            extra["tags"] = prop["tags"]
        if prop.get("contradicts"):
            extra["contradicts"] = prop["contradicts"]
        # Argdown needs some text after a title; the exact text is in the data then.
        line = f"[{_title(prop['id'])}]: {visible or '(text in data)'}"
        if extra:
            line += f" {_json(extra)}"
        lines.append(line)
        for other in prop.get("contradicts", ()):
            lines.append(f"  >< [{_title(other)}]")
        lines.append("")

    for inf in inferences:
        lines.append(f"<{_title(inf['id'])}>")
        lines.append("")
        number = 0
        for premise in inf["premises"]:
            number += 1
            lines.append(f"({number}) [{_title(premise)}]")
        extra = {k: v for k, v in inf.items() if k not in ("id", "premises", "conclusion")}
        lines.append(f"-- {_json(extra)} --" if extra else "----")
        lines.append(f"({number + 1}) [{_title(inf['conclusion'])}]")
        lines.append("")

    inference_ids = {inf["id"] for inf in inferences}
    for att in attacks:
        undercut = att.get("kind", "rebut") == "undercut"
        if undercut or att["to"] in inference_ids:
            # An attack on an inference (an undercut, or a qualification of it) is drawn on its argument.
            lines.append(f"<{_title(att['to'])}>")
            lines.append(f"  {'<_' if undercut else '<-'} [{_title(att['from'])}]")
        else:
            lines.append(f"[{_title(att['from'])}]")
            lines.append(f"  -> [{_title(att['to'])}]")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
