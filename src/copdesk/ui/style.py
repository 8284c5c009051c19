"""A calm, readable look: system font, clear headings, official wording set apart from summaries."""

from __future__ import annotations

STYLE = """
QLabel#h1 { font-size: 20px; font-weight: 600; margin: 4px 0 8px 0; }
QLabel#h2 { font-size: 16px; font-weight: 600; margin: 12px 0 4px 0; }
QLabel#wording { background: #f4f6f9; border-left: 3px solid #5b7aa6; padding: 6px 8px; }
QLabel#summary { color: #555; font-style: italic; padding: 2px 0; }
QLabel#fieldProblem, QLabel#tableProblems { color: #9a1c1c; }
QTextEdit { background: white; }
QWidget#carried { background: #fff6d6; border: 1px solid #d8b64a; }
"""


def apply_style(app) -> None:
    app.setStyleSheet(STYLE)
