"""Shared fixtures: real reports on throwaway files, never mocks of the core."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dir(tmp_path_factory, monkeypatch):
    """Each test gets an empty user data folder, so a developer's own corrections never leak in."""
    from copdesk.core.template import forms
    monkeypatch.setenv("COPDESK_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    forms.clear_cache()
    yield
    forms.clear_cache()


@pytest.fixture
def template():
    from copdesk.core.template.forms import load_template
    return load_template()


@pytest.fixture
def new_report(tmp_path, template):
    """A factory of fresh reports: new_report(measures=[...], kind=..., name=...)."""
    from copdesk.core.report.open_file import Report
    opened = []

    def make(measures=("12.1", "12.3", "13.1", "39"), kind="other", name="r.copdesk", **kw) -> "Report":
        r = Report.create(tmp_path / name, template, signatory=kw.pop("signatory", "Example Org"), kind=kind,
                          title=kw.pop("title", "Report March 2026"), subscriptions=list(measures), who="tester", **kw)
        opened.append(r)
        return r

    yield make
    for r in opened:
        try:
            r.close()
        except Exception:  # noqa: BLE001 (closing what a test left open: its own failure says more)
            pass


@pytest.fixture
def sample_json() -> Path:
    from copdesk import paths
    return paths.resources_dir() / "sample" / "kestrel-video-2026-03.json"


SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_file(relative: str) -> Path:
    """A file of ../shared (reference material beside the checkout). CI always has it: missing there fails."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI must have shared/ beside the checkout")
        pytest.skip(f"{path} is not beside this checkout")
    return path
