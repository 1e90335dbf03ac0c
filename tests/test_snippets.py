"""Every file in snippets/ is used by a page and runs on its own as a script.

Snippets whose name contains "figure" draw the site's figures: the
standalone run here writes them into a temporary folder, and each one must
match the committed copy in docs/assets/figures/ (same drawing, coordinates
within a pixel or two), so a figure cannot silently drift from its code.
`make figures` regenerates them.
"""

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docblocks import DOCS, FIGURES, OUTPUTS, ROOT, check_figures, page_scripts, same_drawing

SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
OUTPUT_FILES = sorted(OUTPUTS.glob("*.txt"))
def used_files() -> set[str]:
    """Paths named by the pages: snippet includes and figure images."""
    found = set()
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        found |= set(re.findall(r'-{1,}8<-{1,}\s+"([^":]+)', text))
        found |= {f"docs/assets/figures/{name}" for name in re.findall(r"assets/figures/([\w.-]+)", text)}
    return found


def test_no_orphans():
    files = SNIPPETS + OUTPUT_FILES + sorted(FIGURES.glob("*"))
    unused = [p.relative_to(ROOT).as_posix() for p in files]
    assert [p for p in unused if p not in used_files()] == []


@functools.cache
def run_by_pages() -> dict[Path, str]:
    """Snippet files that a page already runs whole, as a script (tests/run_script.py)."""
    found = {}
    for page in sorted(DOCS.rglob("*.md")):
        for script in page_scripts(page):
            found.setdefault(script, page.relative_to(ROOT).as_posix())
    return found


@pytest.mark.parametrize("script", SNIPPETS, ids=lambda p: p.name)
def test_runs_standalone(script: Path, tmp_path: Path):
    """As a reader who downloaded the file would run it: `python workflow.py`."""
    if page := run_by_pages().get(script):
        pytest.skip(f"already run as a script, in a fresh interpreter, by the tests of {page}")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"python {script.name} failed:\n{result.stderr[-4000:]}"
    problems = check_figures(tmp_path, script, update=False)
    assert problems is None, f"{problems}: run make figures"


def test_figure_check_bites():
    svg = '<path id="p9e96987814" d="M 10 20.5 L 30 40"/><text>epoch</text>'
    assert same_drawing(svg, svg)
    assert same_drawing(svg, svg.replace("20.5", "21.9"))
    assert not same_drawing(svg, svg.replace("20.5", "25"))
    assert not same_drawing(svg, svg.replace("epoch", "step"))
