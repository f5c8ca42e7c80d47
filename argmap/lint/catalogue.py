"""The Markdown rule catalogue, generated from the registry so the docs cannot drift.

``docs/rules.md`` is this function's output; a test compares the two and
``pytest --update-golden`` rewrites the file.
"""

from __future__ import annotations

from argmap.lint.registry import Family, Rule, all_rules

__all__ = ["rules_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _anchor(rule: Rule) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def rules_markdown() -> str:
    """The full rule catalogue: a table of every code, then each rule with a broken map and its fix."""
    rules = all_rules()
    lines = [
        "# Validation rules",
        "",
        "<!-- Generated from argmap/validate by argmap.validate.rules_markdown(); do not edit by hand.",
        "     Regenerate with: pytest tests/test_validate.py --update-golden -->",
        "",
        "`argmap check` and `argmap.validate.validate()` apply these rules. Codes are stable: a code",
        "never changes meaning. Choose rules with `--select` and `--ignore`, which take codes, code",
        "prefixes (`S`, `L00`), rule names or family names. Errors make `argmap check` exit with 1;",
        "warnings do so only with `--strict`; info is worth a look.",
        "",
        "| Code | Name | Severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    for rule in rules:
        link = f"[{rule.code}](#{_anchor(rule)})"
        lines.append(f"| {link} | {rule.name} | {rule.severity.value} | {_cell(rule.summary)} |")
    for family in Family:
        members = [r for r in rules if r.family is family]
        if not members:
            continue
        lines += ["", f"## {family.letter}: {family.value.capitalize()}", "", family.description]
        for rule in members:
            lines += [
                "",
                f"### {rule.code} {rule.name}",
                "",
                f"*{rule.severity.value}* — {rule.summary}",
                "",
                "Broken:",
                "",
                "```yaml",
                rule.example.rstrip("\n"),
                "```",
                "",
                "Fixed:",
                "",
                "```yaml",
                rule.fix.rstrip("\n"),
                "```",
            ]
            for source, text in sorted(rule.texts.items()):
                lines += ["", f"Checked against the text of source `{source}`: “{text}”"]
    return "\n".join(lines) + "\n"
