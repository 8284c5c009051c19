"""Merge a reviewer's copy back into the author's: three-way, by the history the two copies share.

Two copies of one report share the start of their history (everything before the file was copied).
After that point each side has its own changes. An answer changed on one side only is taken from that
side; changed on both sides to different values, it is a choice for the author (the author's value stays
in place until then, both values are kept in the merge_conflicts table and in the history). Comments are
combined by id, statuses by the latest decision. Nothing either side wrote is lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from copdesk.core.errors import InputError
from copdesk.core.report.create import create_from_data
from copdesk.core.records import record
from copdesk.core.model import Answer, CrisisSection, ReportData, now
from copdesk.core.report.open_file import Report, open_report

KEY = ("at", "who", "code", "field", "old", "new")


@record
class Conflict:
    code: str
    kind: str  # "text" or "table"
    base: str | None
    mine: str | None
    theirs: str | None


@dataclass
class MergeResult:
    out: Path
    from_theirs: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    comments_added: int = 0


def _prefix(a: tuple[dict, ...], b: tuple[dict, ...]) -> int:
    n = 0
    for x, y in zip(a, b):
        if tuple(x.get(k) for k in KEY) != tuple(y.get(k) for k in KEY):
            break
        n += 1
    return n


def _touched(tail: tuple[dict, ...]) -> dict[str, set[str]]:
    """Codes changed in a history tail, by kind: text, table, subscription, section."""
    out: dict[str, set[str]] = {"text": set(), "table": set(), "subscription": set(), "section": set()}
    for h in tail:
        f = h["field"]
        kind = ("text" if f in ("text", "status") else "table" if f == "table" or f.startswith("cell ")
                else "subscription" if f == "subscribed" else "section" if f == "section" else "")
        if kind:
            out[kind].add(h["code"])
    return out


def _base_texts(prefix: tuple[dict, ...]) -> dict[str, str | None]:
    base: dict[str, str | None] = {}
    for h in prefix:
        if h["field"] == "text":
            base[h["code"]] = h["new"]
        elif h["field"] == "table":
            base["table:" + h["code"]] = h["new"]
    return base


def _check_same_report(mine: ReportData, theirs: ReportData, a: Path, b: Path) -> None:
    if mine.meta.get("report_id") != theirs.meta.get("report_id"):
        raise InputError(f"{a.name} and {b.name} are different reports, so they cannot be merged.",
                         "Merge a copy of the same report that a reviewer sent back.")
    if mine.meta.get("template_edition") != theirs.meta.get("template_edition"):
        raise InputError(f"{a.name} and {b.name} use different template editions "
                         f"({mine.meta.get('template_edition')} and {theirs.meta.get('template_edition')}).",
                         "Both copies must be on the same edition to be merged.")


def _renumber_theirs_sections(mine: ReportData, theirs: ReportData, t_tail) -> tuple[ReportData, tuple]:
    """A sub-section both sides added under the same number is moved to a free number on their side."""
    added_mine = {s.id for s in mine.crisis}
    added_theirs = {int(h["code"].split()[1]) for h in t_tail if h["field"] == "section" and h["new"] == "added"}
    clash = sorted(sid for sid in added_theirs if sid in added_mine)
    if not clash:
        return theirs, t_tail
    free = max([s.id for s in mine.crisis] + [s.id for s in theirs.crisis]) + 1
    mapping = {f"Crisis {sid}/": f"Crisis {free + i}/" for i, sid in enumerate(clash)}

    def move(code: str) -> str:
        if code + "/" in mapping:  # "Crisis 2" itself (section rows of the history)
            return mapping[code + "/"].rstrip("/")
        return next((new + code[len(old):] for old, new in mapping.items() if code.startswith(old)), code)

    crisis = tuple(replace(s, id=int(move(f"Crisis {s.id}/").split()[1].rstrip("/"))) for s in theirs.crisis)
    answers = {move(c): replace(a, code=move(c)) for c, a in theirs.answers.items()}
    comments = [dict(r, code=move(r["code"])) for r in theirs.extras.get("comments", [])]
    moved = replace(theirs, crisis=crisis, answers=answers, tables={move(c): g for c, g in theirs.tables.items()},
                    extras={**theirs.extras, "comments": comments})
    return moved, tuple(dict(h, code=move(h["code"])) for h in t_tail)


def _pick(code, kind, mine_v, theirs_v, mine_touched, theirs_touched, base, prefer, result):
    """The merged value of one answer or table (None = absent)."""
    changed_m, changed_t = code in mine_touched, code in theirs_touched
    same = _comparable(mine_v) == _comparable(theirs_v)
    if same or not changed_t:
        return mine_v
    if not changed_m:
        result.from_theirs.append(code)
        return theirs_v
    if prefer == "theirs":
        return theirs_v
    if prefer != "mine":
        result.conflicts.append(Conflict(code, kind, base, _dump(mine_v), _dump(theirs_v)))
    return mine_v


def _comparable(v):
    return v.text if isinstance(v, Answer) else json.dumps(v) if v is not None else None


def _dump(v) -> str | None:
    return v.text if isinstance(v, Answer) else json.dumps(v, ensure_ascii=False) if v is not None else None


def _union_by(rows_a: list[dict], rows_b: list[dict], key, newer: str) -> list[dict]:
    out: dict = {}
    for r in rows_a + rows_b:
        k = key(r)
        if k not in out or str(r.get(newer, "")) > str(out[k].get(newer, "")):
            out[k] = r
    return list(out.values())


def merge(mine_path: Path | str, theirs_path: Path | str, out: Path | str, prefer: str | None = None,
          who: str = "") -> MergeResult:
    """Write the merge of two copies of one report to `out`; conflicts wait in OUT for the author."""
    mine_path, theirs_path, out = Path(mine_path), Path(theirs_path), Path(out)
    with open_report(mine_path, readonly=True) as m, open_report(theirs_path, readonly=True) as t:
        template, mine, theirs = m.template, m.snapshot(with_history=True), t.snapshot(with_history=True)
    _check_same_report(mine, theirs, mine_path, theirs_path)
    k = _prefix(mine.history, theirs.history)
    # Changes one side already holds from an earlier merge are not changes of the other side.
    seen_m = {tuple(h.get(x) for x in KEY) for h in mine.history}
    seen_t = {tuple(h.get(x) for x in KEY) for h in theirs.history}
    m_tail = tuple(h for h in mine.history[k:] if tuple(h.get(x) for x in KEY) not in seen_t)
    t_tail = tuple(h for h in theirs.history[k:] if tuple(h.get(x) for x in KEY) not in seen_m)
    theirs, t_tail = _renumber_theirs_sections(mine, theirs, t_tail)
    tm, tt = _touched(m_tail), _touched(t_tail)
    base = _base_texts(mine.history[:k])
    result = MergeResult(out)
    answers = {}
    for code in sorted(set(mine.answers) | set(theirs.answers)):
        v = _pick(code, "text", mine.answers.get(code), theirs.answers.get(code), tm["text"], tt["text"],
                  base.get(code), prefer, result)
        if v is not None:
            answers[code] = v
    tables = {}
    for code in sorted(set(mine.tables) | set(theirs.tables)):
        v = _pick(code, "table", mine.tables.get(code), theirs.tables.get(code), tm["table"], tt["table"],
                  base.get("table:" + code), prefer, result)
        if v:
            tables[code] = v
    subs = {c for c in mine.subscriptions | theirs.subscriptions
            if (c in mine.subscriptions if c not in tt["subscription"] or c in tm["subscription"]
                else c in theirs.subscriptions)}
    crisis = _merge_sections(mine, theirs, tm["section"], tt["section"])
    extras = _merge_extras(mine, theirs, result, who)
    history = _merge_history(mine.history, (), t_tail, theirs_path, who)
    data = ReportData(meta=dict(mine.meta), answers=answers, tables=tables, subscriptions=frozenset(subs),
                      crisis=crisis, history=history, extras=extras)
    create_from_data(out, template, data).close()
    return result


def _merge_sections(mine: ReportData, theirs: ReportData, touched_m, touched_t) -> tuple[CrisisSection, ...]:
    by_id = {s.id: s for s in mine.crisis}
    for s in theirs.crisis:
        if s.id not in by_id:
            if f"Crisis {s.id}" in touched_t or f"Crisis {s.id}" not in touched_m:
                by_id[s.id] = s
        else:
            by_id[s.id] = replace(by_id[s.id], items=tuple(dict.fromkeys(by_id[s.id].items + s.items)))
    gone = {int(c.split()[1]) for c in touched_t if c not in {f"Crisis {s.id}" for s in theirs.crisis}
            and c not in touched_m}
    return tuple(s for sid, s in sorted(by_id.items()) if sid not in gone)


def _merge_extras(mine: ReportData, theirs: ReportData, result: MergeResult, who: str) -> dict[str, list[dict]]:
    extras = {name: list(rows) for name, rows in mine.extras.items()}
    mine_ids = {r["id"] for r in mine.extras.get("comments", [])}
    comments = _union_by(mine.extras.get("comments", []), theirs.extras.get("comments", []), lambda r: r["id"],
                         "updated_at")
    result.comments_added = sum(1 for r in comments if r["id"] not in mine_ids)
    extras["comments"] = comments
    if mine.extras.get("suggestions") or theirs.extras.get("suggestions"):  # from reviewed Word documents
        extras["suggestions"] = _union_by(mine.extras.get("suggestions", []), theirs.extras.get("suggestions", []),
                                          lambda r: r["id"], "settled_at")
    extras["section_status"] = _union_by(mine.extras.get("section_status", []),
                                         theirs.extras.get("section_status", []), lambda r: r["code"], "at")
    versions = _union_by(mine.extras.get("versions", []), theirs.extras.get("versions", []),
                         lambda r: (r["name"], r["at"]), "at")
    extras["versions"] = [dict(r, id=i + 1) for i, r in enumerate(sorted(versions, key=lambda r: r["at"]))]
    pending = {r["code"]: r for r in mine.extras.get("merge_conflicts", [])}
    for c in result.conflicts:
        pending[c.code] = {"code": c.code, "kind": c.kind, "base": c.base, "mine": c.mine, "theirs": c.theirs,
                           "theirs_file": ""}
    extras["merge_conflicts"] = list(pending.values())
    names = [r["name"] for r in sorted(mine.extras.get("services", []), key=lambda r: r["position"])]
    names += [r["name"] for r in sorted(theirs.extras.get("services", []), key=lambda r: r["position"])
              if r["name"] not in names]  # a service either copy named (its answers are merged like any)
    if names:
        extras["services"] = [{"name": n, "position": i} for i, n in enumerate(names, start=1)]
    return extras


def _merge_history(prefix, m_tail, t_tail, theirs_path: Path, who: str) -> tuple[dict, ...]:
    rows = list(prefix) + list(m_tail) + list(t_tail)
    rows.append({"at": now(), "who": who, "code": "report", "field": "merge", "old": None, "new": theirs_path.name})
    return tuple(dict(r, id=i + 1) for i, r in enumerate(rows))


def pending(report: Report) -> list[Conflict]:
    return [Conflict(r["code"], r["kind"], r["base"], r["mine"], r["theirs"]) for r in report.merge_conflict_rows()]


def add_conflicts(report: Report, conflicts: list[Conflict], theirs_file: str) -> None:
    """Leave choices in an open report (review-import does; a merge writes them into its new file). A newer
    choice on the same answer replaces an older one."""
    report.add_merge_choices([{"code": c.code, "kind": c.kind, "base": c.base, "mine": c.mine, "theirs": c.theirs}
                              for c in conflicts], theirs_file)


def resolve(report: Report, code: str, choice: str) -> None:
    """Settle one merge choice: "mine", "theirs" or "base"; the other values stay in the history."""
    row = next((c for c in pending(report) if c.code == code), None)
    if row is None:
        raise InputError(f"No merge choice is pending for {code}.")
    if choice not in ("mine", "theirs", "base"):
        raise InputError(f"Choose mine, theirs or base for {code}.")
    report.settle_merge_choice(code, row.kind, getattr(row, choice), choice)


def reopen(report: Report, row: dict, value: str | None) -> None:
    """The undo of `resolve`: the answer (or table, as JSON) holds `value` again, the choice `row` is pending."""
    report.reopen_merge_choice(row, value)
