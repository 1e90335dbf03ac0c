"""Run a snippet file as a script, section by section, and report each section's output.

    python tests/run_script.py snippets/batch_size.py report.json

When a page shows every `--8<--` section of a file in order, tests/docblocks.py
runs the file through this wrapper once instead of running it twice (once block
by block in the test process, once as a script for tests/test_snippets.py).
The file runs as `python file.py` would run it: in a fresh interpreter, in the
current directory, with __name__ == "__main__", its code unchanged. The only
difference is that stdout is collected per section, so each block on the page
can be compared with its own output, and an error is reported with its section.

A section that calls `plt.show()` draws nothing here (no display; the Agg
backend). Like Jupyter's inline backend, this wrapper then saves the figures
that section left open, as `<file>_<section>.svg` in the current directory, so
the page can show exactly what the reader's `plt.show()` displays and
tests/docblocks.py can compare it with the committed copy.
"""

import contextlib
import io
import json
import re
import sys
import traceback
from pathlib import Path

START = re.compile(r"^\s*# --8<-- \[start:([\w-]+)\]\s*$")
END = re.compile(r"^\s*# --8<-- \[end:([\w-]+)\]\s*$")


def sections(path: str) -> list[tuple[str, int, str]]:
    """(name, number of lines before the section, code) for each section, in file order."""
    found, current, first, body = [], None, 0, []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        if m := START.match(line):
            current, first, body = m.group(1), n + 1, []
        elif END.match(line) and current:
            found.append((current, first, "\n".join(body)))
            current = None
        elif current:
            body.append(line)
    return found


def save_open_figures(stem: str) -> None:
    """Save what a section's plt.show() would have displayed (reproducibly), then close it."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None or not plt.get_fignums():
        return
    with plt.rc_context({"svg.hashsalt": stem}):  # stable ids, so the SVG can be compared
        for n, number in enumerate(plt.get_fignums()):
            name = stem if n == 0 else f"{stem}_{n + 1}"
            plt.figure(number).savefig(f"{name}.svg", bbox_inches="tight", metadata={"Date": None})
    plt.close("all")


def main(path: str, report: str) -> None:
    namespace = {"__name__": "__main__", "__file__": path}
    results = []
    for name, first, code in sections(path):
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile("\n" * first + code, path, "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001 - reported to the test, with its traceback
            tb = exc.__traceback__.tb_next  # start at the snippet, not at this wrapper
            error = "".join(traceback.format_exception(type(exc), exc, tb))
            results.append({"section": name, "stdout": out.getvalue(), "error": error})
            break
        results.append({"section": name, "stdout": out.getvalue(), "error": None})
        save_open_figures(Path(path).stem + "_" + name)
    Path(report).write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
