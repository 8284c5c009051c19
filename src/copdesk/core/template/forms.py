"""Load template editions from forms/ (plus the user's corrections) into a Template.

A template file is checked node by node: an unknown key, a code in the wrong shape, a duplicate code or a
missing field stops the load with a FormError naming the file, the line and the node. Nothing is ever
half-loaded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from copdesk import paths
from copdesk.core.errors import FormError
from copdesk.core.template.template import (
    STATUSES, Chapter, Commitment, CrisisSpec, Element, HeaderField, Measure, Question, Removed, Template)

CODE_RE = {
    "chapter": r"^Chapter [IVXLC]+$",
    "commitment": r"^Commitment (\d+)$",
    "measure": r"^Measure (\d+)\.(\d+)$",
    "element": r"^(QRE|SLI) (\d+)\.(\d+)\.(\d+)$",
}
ITEM_KEYS = {"code", "title", "status", "wording", "wording_source", "note", "origin", "guidance", "label"}
TOP_KEYS = {"format", "format_version", "edition", "name", "valid_from", "header", "submitted_label",
            "signed_measures_label", "questions", "member_states", "eu_states", "total_rows",
            "country_column", "crisis", "chapters", "removed"}  # "removed": written by corrections.py only


class _Reader:
    """Walks raw YAML data, turning each problem into a FormError with file, line and node."""

    def __init__(self, file: str, text: str):
        self.file, self.text = file, text

    def fail(self, path: tuple, node: str, problem: str) -> FormError:
        from copdesk.core.template import yamlfile
        return FormError(self.file, node, problem, yamlfile.line_of(self.text, path))

    def mapping(self, data: Any, path: tuple, node: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(data, dict):
            raise self.fail(path, node, f"expected a mapping of fields, found {type(data).__name__}")
        for key in data:
            if key not in allowed:
                raise self.fail(path + (key,), node, f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required - data.keys()):
            raise self.fail(path, node, f"missing field '{key}'")
        return data

    def text_field(self, data: dict, key: str, path: tuple, node: str, default: str = "") -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(path + (key,), node, f"'{key}' must be text")
        return str(value)

    def seq(self, data: Any, path: tuple, node: str) -> list:
        if data is None:
            return []
        if not isinstance(data, list):
            raise self.fail(path, node, f"expected a list, found {type(data).__name__}")
        return data


def _item_fields(r: _Reader, data: dict, path: tuple, node: str) -> dict:
    status = r.text_field(data, "status", path, node, "verified")
    if status not in STATUSES:
        raise r.fail(path + ("status",), node, f"status '{status}' is not one of {', '.join(STATUSES)}")
    out = {k: r.text_field(data, k, path, node) for k in ("title", "wording", "wording_source", "note", "guidance",
                                                          "label")}
    return {**out, "status": status, "origin": r.text_field(data, "origin", path, node, "bundled")}


def _code(r: _Reader, data: dict, path: tuple, kind: str, seen: set[str]) -> re.Match:
    code = r.text_field(data, "code", path, f"{kind} #{path[-1] + 1}")
    match = re.match(CODE_RE[kind], code)
    if not match:
        raise r.fail(path + ("code",), code or kind, f"code '{code}' does not look like a {kind} code")
    if code in seen:
        raise r.fail(path + ("code",), code, "duplicate code")
    seen.add(code)
    return match


def _element(r: _Reader, data: Any, path: tuple, measure: re.Match, seen: set[str]) -> Element:
    r.mapping(data, path, f"element #{path[-1] + 1} of {measure.group(0)}", ITEM_KEYS | {"covers"}, {"code"})
    m = _code(r, data, path, "element", seen)
    if (m.group(2), m.group(3)) != (measure.group(1), measure.group(2)):
        raise r.fail(path + ("code",), m.group(0), f"does not belong under {measure.group(0)}")
    covers = tuple(str(c) for c in r.seq(data.get("covers"), path + ("covers",), m.group(0)))
    for i, code in enumerate(covers):
        cm = re.match(CODE_RE["measure"], code)
        if not cm or cm.group(1) != measure.group(1):
            raise r.fail(path + ("covers", i), m.group(0), f"covers '{code}': name measures of Commitment "
                         f"{measure.group(1)}, e.g. [{measure.group(0)}, Measure {measure.group(1)}.2]")
    if covers and measure.group(0) not in covers:
        raise r.fail(path + ("covers",), m.group(0), f"covers must name {measure.group(0)}, the measure it is listed under")
    return Element(code=m.group(0), covers=covers, **_item_fields(r, data, path, m.group(0)))


def _measure(r: _Reader, data: Any, path: tuple, commitment: re.Match, seen: set[str]) -> Measure:
    r.mapping(data, path, f"measure #{path[-1] + 1} of {commitment.group(0)}", ITEM_KEYS | {"qres", "slis"}, {"code"})
    m = _code(r, data, path, "measure", seen)
    if m.group(1) != commitment.group(1):
        raise r.fail(path + ("code",), m.group(0), f"does not belong under {commitment.group(0)}")
    elements = []
    for kind in ("qres", "slis"):
        for i, e in enumerate(r.seq(data.get(kind), path + (kind,), m.group(0))):
            element = _element(r, e, path + (kind, i), m, seen)
            if element.kind + "s" != kind:
                raise r.fail(path + (kind, i), element.code, f"is listed under '{kind}'")
            elements.append(element)
    return Measure(code=m.group(0), elements=tuple(elements), **_item_fields(r, data, path, m.group(0)))


def _commitment(r: _Reader, data: Any, path: tuple, seen: set[str]) -> Commitment:
    r.mapping(data, path, f"commitment #{path[-1] + 1}", ITEM_KEYS | {"measures", "measures_complete"}, {"code"})
    m = _code(r, data, path, "commitment", seen)
    measures = tuple(_measure(r, x, path + ("measures", i), m, seen)
                     for i, x in enumerate(r.seq(data.get("measures"), path + ("measures",), m.group(0))))
    complete = data.get("measures_complete", True)
    if not isinstance(complete, bool):
        raise r.fail(path + ("measures_complete",), m.group(0), "measures_complete must be true or false")
    return Commitment(code=m.group(0), measures=measures, measures_complete=complete,
                      **_item_fields(r, data, path, m.group(0)))


def _chapter(r: _Reader, data: Any, path: tuple, seen: set[str]) -> Chapter:
    r.mapping(data, path, f"chapter #{path[-1] + 1}", ITEM_KEYS | {"commitments", "aliases"}, {"code", "title"})
    m = _code(r, data, path, "chapter", seen)
    commitments = tuple(_commitment(r, x, path + ("commitments", i), seen)
                        for i, x in enumerate(r.seq(data.get("commitments"), path + ("commitments",), m.group(0))))
    aliases = tuple(str(a) for a in r.seq(data.get("aliases"), path + ("aliases",), m.group(0)))
    return Chapter(code=m.group(0), commitments=commitments, aliases=aliases, **_item_fields(r, data, path, m.group(0)))


def _check_covers(r: _Reader, chapters: tuple[Chapter, ...], seen: set[str]) -> None:
    """Every measure a shared element covers must exist (checked once the whole tree is read)."""
    for ci, chapter in enumerate(chapters):
        for ki, commitment in enumerate(chapter.commitments):
            for mi, measure in enumerate(commitment.measures):
                for kind in ("qre", "sli"):
                    for ei, element in enumerate(e for e in measure.elements if e.kind == kind):
                        for i, code in enumerate(element.covers):
                            if code not in seen:
                                path = ("chapters", ci, "commitments", ki, "measures", mi, kind + "s", ei, "covers", i)
                                raise r.fail(path, element.code, f"covers '{code}', which is not in the template")


def _removed(data: Any) -> tuple[Removed, ...]:
    """What corrections took out (corrections.apply_corrections records it; a template file has none)."""
    return tuple(Removed(str(x["code"]), str(x.get("title", "")), str(x.get("origin", "")),
                         tuple(str(c) for c in x.get("codes", ())))
                 for x in data.get("removed") or () if isinstance(x, dict) and "code" in x)


def _header(r: _Reader, data: Any) -> tuple[HeaderField, ...]:
    out = []
    for i, f in enumerate(r.seq(data, ("header",), "header")):
        node = f"header field #{i + 1}"
        r.mapping(f, ("header", i), node, {"key", "label", "kind", "required", "choices", "aliases", "example"},
                  {"key", "label", "kind"})
        if f["kind"] not in ("line", "choice", "date", "rich"):
            raise r.fail(("header", i, "kind"), node, f"kind '{f['kind']}' is not line, choice, date or rich")
        choices = f.get("choices") or {}
        if not isinstance(choices, dict):
            raise r.fail(("header", i, "choices"), node, "choices must map a value to its label")
        out.append(HeaderField(key=str(f["key"]), label=str(f["label"]), kind=f["kind"],
                               required=bool(f.get("required", True)),
                               choices=tuple((str(k), str(v)) for k, v in choices.items()),
                               aliases=tuple(str(a) for a in f.get("aliases") or ()), example=str(f.get("example", ""))))
    return tuple(out)


def _questions(r: _Reader, data: Any) -> tuple[Question, ...]:
    out = []
    for i, q in enumerate(r.seq(data, ("questions",), "questions")):
        node = f"question #{i + 1}"
        r.mapping(q, ("questions", i), node, {"key", "kind", "text", "follows"}, {"key", "kind", "text"})
        if q["kind"] not in ("yes_no", "rich"):
            raise r.fail(("questions", i, "kind"), node, "kind must be yes_no or rich")
        out.append(Question(key=str(q["key"]), kind=q["kind"], text=str(q["text"]), follows=str(q.get("follows", ""))))
    keys = {q.key for q in out}
    for i, q in enumerate(out):
        if q.follows and q.follows not in keys:
            raise r.fail(("questions", i, "follows"), q.key, f"follows unknown question '{q.follows}'")
    return tuple(out)


def _crisis(r: _Reader, data: Any) -> CrisisSpec:
    keys = {"title", "note", "threats_label", "mitigations_label", "outline_prompt"}
    r.mapping(data, ("crisis",), "crisis", keys | {"examples"}, keys)
    return CrisisSpec(examples=tuple(str(x) for x in data.get("examples") or ()),
                      **{k: str(data[k]) for k in keys})


def build_template(data: Any, file: str, text: str, corrections: tuple[str, ...] = (),
                   content_hash: str | None = None) -> Template:
    """Turn raw template data into a Template, or raise a FormError naming the first problem.

    `content_hash` is the hash of `data` when it is known already (the parsed-template cache keeps it)."""
    r = _Reader(file, text)
    required = {"format", "edition", "name", "header", "questions", "member_states", "chapters", "crisis",
                "signed_measures_label"}
    r.mapping(data, (), "template", TOP_KEYS, required)
    if data["format"] != "copdesk-template":
        raise r.fail(("format",), "format", "this is not a copdesk template file (format: copdesk-template)")
    states = [str(s) for s in r.seq(data["member_states"], ("member_states",), "member_states")]
    if len(set(states)) != len(states):
        raise r.fail(("member_states",), "member_states", "a member state is listed twice")
    seen: set[str] = set()
    chapters = tuple(_chapter(r, c, ("chapters", i), seen)
                     for i, c in enumerate(r.seq(data["chapters"], ("chapters",), "chapters")))
    _check_covers(r, chapters, seen)
    if content_hash is None:
        import hashlib  # here: start-up reads the hash from the cache, and hashlib loads OpenSSL
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        content_hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return Template(
        edition=str(data["edition"]), name=str(data["name"]), header=_header(r, data["header"]),
        submitted_label=str(data.get("submitted_label", "Submitted")),
        signed_measures_label=str(data["signed_measures_label"]), questions=_questions(r, data["questions"]),
        member_states=tuple(states), eu_states=int(data.get("eu_states", 27)),
        total_rows=tuple(str(x) for x in data.get("total_rows") or ()),
        country_column=str(data.get("country_column", "Member State")), crisis=_crisis(r, data["crisis"]),
        chapters=chapters, source=file, corrections=corrections, removed=_removed(data),
        content_hash=content_hash)


def load_file(path: Path, user_dir: Path | None = None, with_corrections: bool = True) -> Template:
    """Load one template file, with the corrections for its edition from the user forms folder."""
    from copdesk.core.template import cache as form_cache
    cached = form_cache.get(path, user_dir, with_corrections)
    if isinstance(cached, dict) and "content_hash" in cached:
        try:
            return build_template(cached["data"], str(path), "", tuple(cached["applied"]), cached["content_hash"])
        except (KeyError, TypeError, ValueError, FormError):
            pass  # a damaged cache entry: the file is parsed again and the entry written anew
    template = _load_file(path, user_dir, with_corrections)
    return template


def _load_file(path: Path, user_dir: Path | None, with_corrections: bool) -> Template:
    from copdesk.core.template import cache as form_cache, yamlfile
    from copdesk.core.template.corrections import apply_corrections, read_corrections
    data, text = yamlfile.read(path)
    applied: tuple[str, ...] = ()
    if with_corrections and isinstance(data, dict):
        corrections = [c for c in read_corrections(user_dir) if c.edition == data.get("edition")]
        if corrections:
            build_template(data, str(path), text)  # the bundled file must be sound on its own
            data, applied = apply_corrections(data, corrections)
    if not applied:
        template = build_template(data, str(path), text)
    else:
        try:
            template = build_template(data, str(path), text, applied)
        except FormError as exc:  # the corrected template is wrong: blame the corrections, not the bundled file
            raise FormError(", ".join(applied), exc.node,
                            exc.problem + " (after applying these corrections)") from None
    form_cache.put(path, user_dir, with_corrections,
                   {"data": data, "applied": list(applied), "content_hash": template.content_hash})
    return template


def template_files(user_dir: Path | None = None) -> list[Path]:
    """Bundled editions, then full editions the user added (files with format: copdesk-template)."""
    files = sorted(paths.forms_dir().glob("*.yaml"))
    folder = user_dir if user_dir is not None else paths.user_forms_dir()
    if folder.is_dir():
        for f in sorted(folder.glob("*.yaml")):
            head = f.read_text(encoding="utf-8", errors="replace")[:4000]
            if re.search(r"^format:\s*copdesk-template\s*$", head, re.M):
                files.append(f)
    return files


def load_templates(user_dir: Path | None = None) -> dict[str, Template]:
    """Every edition available, by edition id."""
    out: dict[str, Template] = {}
    for f in template_files(user_dir):
        t = load_file(f, user_dir)
        if t.edition in out:
            raise FormError(str(f), "edition", f"edition '{t.edition}' is already defined in {out[t.edition].source}")
        out[t.edition] = t
    return out


_CACHE: dict[tuple[str, str], Template] = {}


def load_template(edition: str | None = None, user_dir: Path | None = None) -> Template:
    """The template of `edition` (default: the newest bundled edition), corrections applied."""
    folder = str(user_dir or paths.user_forms_dir())
    key = (edition or "", folder)
    if key not in _CACHE:
        templates = load_templates(user_dir)
        for name, t in templates.items():  # one read of the folder serves every edition asked for later
            _CACHE.setdefault((name, folder), t)
        if edition is None:
            bundled = [t for t in templates.values() if Path(t.source).parent == paths.forms_dir()]
            edition = sorted(bundled, key=lambda t: t.edition)[-1].edition
        if edition not in templates:
            raise FormError(edition, "edition", f"no template edition '{edition}' is installed "
                            f"(installed: {', '.join(sorted(templates))})")
        _CACHE[key] = templates[edition]
    return _CACHE[key]


def clear_cache() -> None:
    _CACHE.clear()


CODE_COUNTS = {"commitments": 44, "measures": 128}  # what the Code itself states


def template_notes(t: Template) -> list[str]:
    """Things a person should know about a loaded template (not errors: it loads and works)."""
    c = t.counts()
    notes = []
    for key, expected in CODE_COUNTS.items():
        if c[key] != expected:
            unconfirmed = sum(1 for i in t.index.values() if i.code.startswith(key[:-1].title()) and i.unconfirmed)
            notes.append(f"the Code has {expected} {key}; this edition lists {c[key]} ({unconfirmed} unconfirmed): "
                         f"some unconfirmed ids are placeholders, correct them with a correction file")
    open_lists = [x.code for x in t.commitments() if not x.measures_complete]
    if open_lists:
        notes.append(f"{len(open_lists)} commitments may miss measures: " + ", ".join(x.split()[1] for x in open_lists))
    if t.corrections:
        notes.append("corrections applied: " + ", ".join(Path(f).name for f in t.corrections))
    return notes
