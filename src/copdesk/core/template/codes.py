"""Answer codes: what they look like, how a user may type them, and the nearest valid ones.

Canonical answer codes:
    header.signatory ... header.description        the report header
    Commitment 12 Q1 ... Commitment 12 Q4          the fixed per-commitment questions
    Measure 12.1, QRE 12.1.1, SLI 16.1.1           the template's items
    Crisis 1/title, Crisis 1/threats, Crisis 1/mitigations
    Crisis 1/Chapter IV                            the chapter outline in a crisis sub-section
    Crisis 1/Measure 16.1, Crisis 1/SLI 16.1.1     measure blocks in a crisis sub-section
Users may type them loosely: "qre12.1.1", "12.1", "c12 q1", "crisis 1 / threats".
"""

from __future__ import annotations

import re

from copdesk.core.template.template import Template

CRISIS_PARTS = ("title", "threats", "mitigations")
# Patterns as text, compiled (and cached by re) when first used: compiling them all at import cost start-up.
# Numbers of at most 9 digits: longer ones are no code (and int() refuses more than 4,300 digits).
_CRISIS = r"^crisis\s*(\d{1,9})\s*/\s*(.+)$"
_PATTERNS = [
    (r"^header[.\s]+(\w+)$", lambda m: f"header.{m.group(1).lower()}"),
    (r"^(?:c|commitment)\s*(\d{1,9})[\s./]*q\s*([1-9])$", lambda m: f"Commitment {int(m.group(1))} Q{m.group(2)}"),
    (r"^(qre|sli)\s*(\d+\.\d+\.\d+)$", lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    (r"^(?:m|measure)?\s*(\d+\.\d+)$", lambda m: f"Measure {m.group(1)}"),
    (r"^(?:c|commitment)?\s*(\d{1,9})$", lambda m: f"Commitment {int(m.group(1))}"),
    (r"^chapter\s+([ivxlc]+)$", lambda m: f"Chapter {m.group(1).upper()}"),
]


def normalize(raw: str) -> str:
    """The canonical spelling of a loosely typed code (unchanged when it is not recognised)."""
    text = " ".join(raw.split())
    m = re.match(_CRISIS, text, re.I)
    if m:
        rest = m.group(2).strip()
        part = rest.lower() if rest.lower() in CRISIS_PARTS else normalize(rest)
        return f"Crisis {int(m.group(1))}/{part}"
    for pattern, build in _PATTERNS:
        m = re.match(pattern, text, re.I)
        if m:
            return build(m)
    return text


def split_crisis(code: str) -> tuple[int, str] | None:
    """(section id, part) for a crisis code, else None."""
    m = re.match(r"^Crisis (\d{1,9})/(.+)$", code)
    return (int(m.group(1)), m.group(2)) if m else None


def answer_codes(t: Template) -> list[str]:
    """Every answer code of the template outside crisis sections, in template order."""
    out = [f.code for f in t.header]
    for commitment in t.commitments():
        out += [f"{commitment.code} {q.key}" for q in t.questions]
        for measure in commitment.measures:
            out.append(measure.code)
            out += [e.code for e in measure.elements]
    return out


def is_answer_code(t: Template, code: str) -> bool:
    crisis = split_crisis(code)
    if crisis:
        part = crisis[1]
        return part in CRISIS_PARTS or (part in t.index and not part.startswith("Commitment "))
    if code.startswith("header."):
        return t.header_field(code[7:]) is not None
    m = re.match(r"^(Commitment \d+) (Q\d)$", code)
    if m:
        return m.group(1) in t.index and t.question(m.group(2)) is not None
    return code in t.index and code.split(" ")[0] in ("Measure", "QRE", "SLI")


def suggest(t: Template, raw: str, n: int = 5) -> list[str]:
    """The nearest valid codes to a code the template does not know."""
    pool = answer_codes(t) + [c.code for c in t.commitments()]
    code = normalize(raw)
    crisis = split_crisis(code)
    if crisis:
        inner = suggest(t, crisis[1], n) if crisis[1] not in CRISIS_PARTS else []
        return [f"Crisis {crisis[0]}/{c}" for c in list(CRISIS_PARTS) + inner][:n]
    import difflib  # only when a code was mistyped
    close = difflib.get_close_matches(code, pool, n=n, cutoff=0.6)
    m = re.match(r"^(QRE|SLI|Measure) (\d+)\.(\d+)", code)
    if m:  # siblings under the same measure or commitment come first
        stem = f"{m.group(2)}.{m.group(3)}." if m.group(1) != "Measure" else f"{m.group(2)}."
        siblings = [c for c in pool if c.split(" ")[-1].startswith(stem) and c.split(" ")[0] in (m.group(1), "Measure")]
        close = siblings + [c for c in close if c not in siblings]
    return close[:n]
