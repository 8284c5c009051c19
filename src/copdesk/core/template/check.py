"""`copdesk forms check [PATH]`: load a template (or corrections) and say what it holds and what is wrong."""

from __future__ import annotations

from pathlib import Path

from copdesk import paths
from copdesk.core.template import forms, yamlfile
from copdesk.core.template.corrections import apply_corrections, read_corrections
from copdesk.core.errors import FormError


def _load(path: Path | None):
    if path is None:
        return [forms.load_template()]
    if path.is_dir():
        return list(forms.load_templates(path).values())
    data, text = yamlfile.read(path)
    kind = data.get("format") if isinstance(data, dict) else None
    if kind == "copdesk-template":
        return [forms.build_template(data, str(path), text)]
    if kind == "copdesk-corrections":
        corrections = [c for c in read_corrections(path.parent) if Path(c.file) == path]
        base = next(f for f in forms.template_files() if yamlfile.read(f)[0].get("edition") == corrections[0].edition)
        raw, text_base = yamlfile.read(base)
        fixed, applied = apply_corrections(raw, corrections)
        return [forms.build_template(fixed, str(base), text_base, applied)]
    raise FormError(str(path), "format", "is neither 'copdesk-template' nor 'copdesk-corrections'",
                    yamlfile.line_of(text, ("format",)))


def check(path: Path | None) -> tuple[list[str], bool]:
    """Printable lines and whether the template loads."""
    try:
        templates = _load(path)
    except FormError as exc:
        return [f"error: {exc.message}"], False
    except StopIteration:
        return [f"error: {path}: corrects an edition that is not installed"], False
    lines = []
    for t in templates:
        if len(templates) > 1 or path is None:
            lines.append(f"{t.edition} ({t.source})")
        lines.append(t.summary_line())
        lines += [f"note: {n}" for n in forms.template_notes(t)]
    if path is None:
        lines.append(f"user corrections folder: {paths.user_forms_dir()}")
    return lines, True
