"""The desktop bundle's inputs: spec data, desktop entry, MIME type, icons, and a start of the window.

The PyInstaller build itself is too slow for the suite: packaging/build-linux.sh builds and measures it.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"


def _spec_calls() -> dict:
    """Run packaging/copdesk.spec with PyInstaller's build functions replaced by recorders."""
    from types import SimpleNamespace
    calls: dict = {}

    def recorder(name):
        def record(*args, **kwargs):
            calls[name] = (args, kwargs)
            return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])
        return record

    namespace = {name: recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    namespace["SPECPATH"] = str(ROOT / "packaging")
    code = (ROOT / "packaging" / "copdesk.spec").read_text()
    exec(compile(code, "copdesk.spec", "exec"), namespace)  # noqa: S102 - our own build file
    return calls


def test_the_bundle_carries_forms_resources_translations_and_dictionaries():
    args, kwargs = _spec_calls()["Analysis"]
    datas = {dest: Path(src) for src, dest in kwargs["datas"]}
    assert set(datas) >= {"forms", "resources"}
    assert list(datas["forms"].glob("*.yaml")), "no template edition would be bundled"
    resources = datas["resources"]
    for needed in ("base.docx", "sample/kestrel-video-2026-03.json", "icons/copdesk-256.png",
                   "icons/status/complete-16.png", "i18n/copdesk_fr.qm", "dictionaries/en_GB.dic", "dictionaries/en_GB.aff"):
        assert (resources / needed).is_file(), needed
    assert Path(args[0][0]).name == "copdesk_entry.py" and Path(args[0][0]).is_file()


def test_spec_builds_one_folder_without_upx():
    calls = _spec_calls()
    assert calls["EXE"][1]["exclude_binaries"] is True  # one-folder: the binaries go to COLLECT
    assert calls["EXE"][1]["upx"] is False and calls["COLLECT"][1]["upx"] is False


def test_a_wheel_installs_the_same_data():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    patterns = [p for files in data_files.values() for p in files]
    for folder in ("icons", "i18n", "dictionaries"):
        assert any(p.startswith(f"resources/{folder}/") for p in patterns), folder
    needed = [f for f in (ROOT / "resources").rglob("*") if f.is_file() and f.suffix not in (".ts", ".py")]
    installed = {f for p in patterns for f in ROOT.glob(p) if f.is_file()}
    assert not [str(f.relative_to(ROOT)) for f in needed if f not in installed]  # e.g. icons/status/*.png
    assert data_files["share/applications"] == ["packaging/linux/copdesk.desktop"]


def test_desktop_entry_validates_and_opens_copdesk_files():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate must be installed in CI (desktop-file-utils, see .ci/run)")
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    run = subprocess.run([tool, str(LINUX / "copdesk.desktop")], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "copdesk.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "copdesk %f" and desktop["Icon"] == "copdesk"
    assert "application/x-copdesk" in desktop["MimeType"].split(";")


def test_mime_type_matches_the_report_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / "copdesk-mime.xml").getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-copdesk"
    assert mime.find("m:glob", ns).get("pattern") == "*.copdesk"
    from copdesk.core.report import store
    inner = mime.find("m:magic/m:match/m:match", ns)
    assert int(inner.get("value"), 16) == store.APPLICATION_ID and inner.get("offset") == "68"


def test_icons_in_every_size_from_16_to_256():
    from PySide6.QtGui import QImage
    icons = ROOT / "resources" / "icons"
    assert (icons / "copdesk.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(str(icons / f"copdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_smoke_start_opens_and_paints_a_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))  # settings of its own
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "copdesk_entry.py"), "--smoke"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "copdesk window painted" in run.stdout
    assert "spell checking en_GB: dictionary loaded" in run.stdout and "'receive'" in run.stdout


# What copdesk's own code imports, by the distribution that provides it.
DISTRIBUTIONS = {"PySide6": "PySide6-Essentials", "shiboken6": "PySide6-Essentials", "sqlite_utils": "sqlite-utils",
                 "lxml": "lxml", "yaml": "PyYAML", "spylls": "spylls"}


def test_the_runtime_dependencies_are_what_copdesk_imports():
    """Every third-party module src/ imports comes from a runtime dependency, and every runtime dependency is
    imported: python-docx, which only the tests and resources/make_base_docx.py use, is in the test extra
    and is kept out of the bundle."""
    import ast
    import re
    imported = set()
    for path in (ROOT / "src" / "copdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"copdesk"}
    assert third_party <= set(DISTRIBUTIONS), third_party - set(DISTRIBUTIONS)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0] for d in project["dependencies"]}
    assert runtime == {DISTRIBUTIONS[m] for m in third_party}
    assert any(d.startswith("python-docx") for d in project["optional-dependencies"]["test"])
    assert "docx" in _spec_calls()["Analysis"][1]["excludes"]
