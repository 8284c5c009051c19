"""copdesk's own correction file per template edition: what `copdesk forms learn` and the window's template
corrections write, in the existing corrections format (core/template/corrections.py).

    <user forms folder>/copdesk-coc-2025-03.yaml

Changes are appended in the order they are made (a later change may rename or take out an item an earlier one
added), and withdrawn exactly (undo). Every write is checked first: the template must still load with it, or
nothing is written and the FormError says why. The file sorts after the timestamped files `copdesk import
--save-corrections` writes, so its changes apply last.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from copdesk import paths
from copdesk.core.template import forms, yamlfile
from copdesk.core.template.corrections import Corrections, apply_corrections, read_corrections
from copdesk.core.errors import FormError

HEADER = ("# Template corrections written by copdesk (copdesk forms learn, and the window's Template menu).\n"
          "# They apply in order, after your other correction files. Edit with care: a change that no longer\n"
          "# fits the template stops copdesk with a message naming it.\n")


def path_for(edition: str, folder: Path | None = None) -> Path:
    return (folder or paths.user_forms_dir()) / f"copdesk-{edition}.yaml"


def read_changes(edition: str, folder: Path | None = None) -> list[dict]:
    """The changes in copdesk's own file for `edition`, in order ([] when there is none)."""
    path = path_for(edition, folder)
    if not path.exists():
        return []
    data, _text = yamlfile.read(path)
    changes = data.get("changes") if isinstance(data, dict) else None
    return list(changes) if isinstance(changes, list) else []


def append(edition: str, changes: list[dict], folder: Path | None = None) -> Path:
    """Add `changes` after the ones already there; FormError (nothing written) if the template would break."""
    return _write(edition, read_changes(edition, folder) + [dict(c) for c in changes], folder)


def withdraw(edition: str, changes: list[dict], folder: Path | None = None) -> bool:
    """Take `changes` out again (the last equal one of each, newest first). False, and nothing written, when
    one of them is not in the file any more (someone edited it meanwhile)."""
    current = read_changes(edition, folder)
    for change in reversed(changes):
        at = next((i for i in range(len(current) - 1, -1, -1) if current[i] == change), None)
        if at is None:
            return False
        del current[at]
    _write(edition, current, folder)
    return True


def _write(edition: str, changes: list[dict], folder: Path | None) -> Path:
    from copdesk.core.safety.atomic import write_file
    target = path_for(edition, folder)
    doc = {"format": "copdesk-corrections", "corrects": edition, "changes": changes}
    text = HEADER + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)
    _check(edition, target, text, doc, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, text)
    forms.clear_cache()
    return target


def _check(edition: str, target: Path, text: str, doc: dict, folder: Path | None) -> None:
    """Load the edition as it would be with `doc` as copdesk's file: a FormError names the change that breaks."""
    base = next((f for f in forms.template_files(folder) if _edition_of(f) == edition), None)
    if base is None:
        raise FormError(str(target), "corrects", f"no template edition '{edition}' is installed")
    data, base_text = yamlfile.read(base)
    others = [c for c in read_corrections(folder) if c.edition == edition and Path(c.file) != target]
    mine = Corrections(str(target), text, edition, tuple(doc["changes"]))
    ordered = sorted(others + [mine], key=lambda c: Path(c.file).name)
    fixed, applied = apply_corrections(data, ordered)
    forms.build_template(fixed, str(base), base_text, applied)


def _edition_of(path: Path) -> str:
    data, _ = yamlfile.read(path)
    return str(data.get("edition")) if isinstance(data, dict) else ""
