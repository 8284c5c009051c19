"""Generate a platform-size report for the export benchmark (fictional text, the same every run).

All 44 commitments and every measure subscribed; every commitment question, measure, QRE and SLI
answered with a few hundred words of Markdown (paragraphs, nested bullets, bold, italic, links); a
member-state table (30 states + Total EU + Total EEA) on every SLI and on SLIs of two Crisis and
Elections Response sub-sections, 2 tables per commitment in all (88), every other one wide enough
(6 columns) for a landscape page.

    .venv/bin/python benchmarks/make_platform_report.py OUT.copdesk
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from copdesk.core.template.forms import load_template
from copdesk.core.report.create import create_from_data
from copdesk.core.model import Answer, CrisisSection, ReportData
from copdesk.core.template.template import Template

WORDS = ("platform policy users content review network accounts fact-checkers labels election campaign "
         "researchers transparency measures removed demoted appeals signals classifiers moderators reports "
         "languages partners coordinated inauthentic behaviour advertising recommender trust safety "
         "member states risk assessment independent audit data access monitoring teams quarterly").split()
TABLES_PER_COMMITMENT = 2


def sentence(rnd: random.Random) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(9, 22))]
    if rnd.random() < 0.2:
        i = rnd.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rnd.random() < 0.15:
        i = rnd.randrange(len(words))
        words[i] = f"*{words[i]}*"
    if rnd.random() < 0.08:
        words.append(f"(see [our help centre](https://example.org/help/{rnd.randint(1, 999)}))")
    return " ".join(words).capitalize() + "."


def answer(rnd: random.Random, words: int) -> str:
    """Markdown of about `words` words: paragraphs, sometimes a nested bullet list."""
    parts, count = [], 0
    while count < words:
        if rnd.random() < 0.25:
            items = [f"- {sentence(rnd)}" for _ in range(rnd.randint(2, 4))]
            items.insert(1, f"  - {sentence(rnd)}")
            parts.append("\n".join(items))
        else:
            parts.append(" ".join(sentence(rnd) for _ in range(rnd.randint(2, 5))))
        count += len(parts[-1].split())
    return "\n\n".join(parts)


def member_state_table(t: Template, rnd: random.Random, wide: bool) -> list[list[str | None]]:
    header = [t.country_column, "Items removed", "Views of removed items"]
    if wide:
        header += ["Appeals", "Restored after appeal", "Share of items"]
    rows = [header]
    totals = [0] * (len(header) - 1)
    for i, state in enumerate(t.member_states):
        values = [rnd.randint(0, 250_000) for _ in header[1:]]
        totals = [a + b if i < t.eu_states else a for a, b in zip(totals, values)]
        cells = [f"{v:,}" for v in values]
        if wide:
            cells[-1] = f"{rnd.random() * 5:.1f}%"
        if rnd.random() < 0.05:
            cells[rnd.randrange(len(cells))] = rnd.choice(["-", "N/A"])
        rows.append([state] + cells)
    rows.append(["Total EU"] + [f"{v:,}" for v in totals])
    rows.append(["Total EEA"] + [f"{v:,}" for v in totals])
    return rows


def build(t: Template, seed: int = 2026) -> ReportData:
    rnd = random.Random(seed)
    answers: dict[str, str] = {
        "header.signatory": "Osprey Social (fictional)", "header.kind": "platform", "header.services": "Osprey Social",
        "header.title": "Report March 2026", "header.period_start": "2025-07-01", "header.period_end": "2025-12-31",
        "header.description": answer(rnd, 300)}
    tables: dict[str, list] = {}
    subs = {c.code for c in t.commitments()} | {m.code for m in t.measures()}
    for c in t.commitments():
        answers.update({f"{c.code} Q1": "Yes", f"{c.code} Q2": answer(rnd, 150), f"{c.code} Q3": "Yes",
                        f"{c.code} Q4": answer(rnd, 120)})
        for m in c.measures:
            answers[m.code] = answer(rnd, rnd.randint(200, 350))
            for e in m.elements:
                answers[e.code] = answer(rnd, rnd.randint(150, 300) if e.kind == "qre" else rnd.randint(80, 160))
                if e.kind == "sli":
                    tables[e.code] = member_state_table(t, rnd, wide=len(tables) % 2 == 1)
    crisis = crisis_sections(t, rnd, answers, tables, 2 * len(t.commitments()) - len(tables))
    return ReportData(meta={"template_edition": t.edition}, answers={k: Answer(k, v) for k, v in answers.items()},
                      tables=tables, subscriptions=frozenset(subs), crisis=crisis)


def crisis_sections(t: Template, rnd, answers, tables, n_tables: int) -> tuple[CrisisSection, ...]:
    """Two sub-sections, each with chapter outlines, measure blocks and half of the remaining tables."""
    slis = [e for e in t.elements() if e.kind == "sli"]
    out = []
    for sid, title in ((1, "Elections 2025"), (2, "Crisis 2025")):
        p = f"Crisis {sid}/"
        answers.update({p + "title": title, p + "threats": answer(rnd, 250), p + "mitigations": answer(rnd, 250)})
        chosen = rnd.sample(slis, n_tables // 2 + (sid == 1) * (n_tables % 2))
        items = {t.parents[e.code] for e in chosen} | {e.code for e in chosen}
        items |= {t.chapter_of(e.code).code for e in chosen}
        for code in items:
            answers[p + code] = answer(rnd, 150)
        for e in chosen:
            tables[p + e.code] = member_state_table(t, rnd, wide=len(tables) % 2 == 1)
        out.append(CrisisSection(sid, sid, title, tuple(sorted(items))))
    return tuple(out)


def main(out: Path) -> None:
    t = load_template()
    data = build(t)
    out.unlink(missing_ok=True)
    create_from_data(out, t, data).close()
    words = sum(len(a.text.split()) for a in data.answers.values())
    print(f"Wrote {out}: {len(data.answers)} answers, {words:,} words, {len(data.tables)} member-state tables, "
          f"{len(data.crisis)} crisis sub-sections.")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "platform-report.copdesk"))
