"""The bundled program's entry point: the same `copdesk` command as a pip install, plus `--smoke`.

`copdesk --smoke` opens the sample report in a window, paints it and quits: packaging/build-linux.sh uses
it to prove the bundle starts (under QT_QPA_PLATFORM=offscreen on a machine without a display).
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--smoke"]:
        from copdesk.app import smoke
        raise SystemExit(smoke())
    from copdesk.cli import main
    raise SystemExit(main())
