"""Start copdesk. The drafting window is the next milestone; until it lands, this opens the report
(the bundled sample when no file is given) and prints what it holds and what it still lacks."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from copdesk import paths


def sample_report_path() -> Path:
    """A fresh copy of the bundled sample report, made from its JSON in a temporary folder."""
    from copdesk.core.jsonio import import_json
    out = Path(tempfile.mkdtemp(prefix="copdesk-sample-")) / "kestrel-video-2026-03.copdesk"
    import_json(paths.resources_dir() / "sample" / "kestrel-video-2026-03.json", out).close()
    return out


def main(argv: list[str] | None = None) -> int:
    from copdesk import cli
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else sample_report_path()
    print(f"copdesk: opening {path}")
    return cli.main(["validate", str(path)]) if path.exists() else cli.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
