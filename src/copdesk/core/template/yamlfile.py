"""Read YAML data files fast (libyaml when present) and find the line of a node for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from copdesk.core.errors import FormError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a path into the data: ("chapters", 3, "commitments", 0)


def read(path: Path) -> tuple[Any, str]:
    """Parse a YAML file; returns (data, text). A syntax error becomes a FormError with its line."""
    from copdesk.core.errors import InputError
    from copdesk.core.safety.inputs import TEXT_LIMIT, read_bytes
    try:
        text = read_bytes(path, TEXT_LIMIT, "template file").decode("utf-8")  # capped: a device never ends
    except UnicodeDecodeError as exc:
        raise FormError(str(path), "file", f"is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except InputError as exc:
        reason = exc.message.removeprefix(f"{path} ").rstrip(".")
        raise FormError(str(path), "file", f"cannot be read: {reason}") from None
    try:
        return yaml.load(text, Loader=_Loader), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise FormError(str(path), "YAML syntax", problem, mark.line + 1 if mark else None) from None


def line_of(text: str, path: Path_) -> int | None:
    """1-based line where the node at `path` starts, or None. Only called when reporting an error."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == step), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
        line = node.start_mark.line + 1
    return line
