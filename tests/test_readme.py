"""The README is a contract too: its two commands exist, and every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from copdesk.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    out = []
    for name, parser in sub.choices.items():
        nested = [a for a in parser._actions if getattr(a, "choices", None) and a.dest.endswith("_command")]
        out += [f"{name} {child}" for child in nested[0].choices] if nested else [name]
    return out


def test_every_cli_command_is_in_the_readme():
    for command in _commands():
        assert f"copdesk {command}" in README, command


def test_the_two_commands_come_first_and_exist():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    first = blocks[0]
    assert "./dev run" in first and "./dev test" in first
    assert README.index("./dev run") < README.index("## Command line")
    assert (ROOT / "dev").stat().st_mode & 0o111


def test_ci_calls_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./dev test" in ci
