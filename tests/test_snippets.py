"""Every file in snippets/ is used by a page and runs on its own as a script.

A reader may download a snippet and run `python x.py`. Each snippet is run so
here, in a fresh interpreter in an empty folder, unless a page's session
already ran every line of it (all its code sits in sections the pages show)
and it is self-contained (pyflakes finds no name it uses without defining):
then the script run would repeat the page's run, and the skip says which page.

Snippets whose name contains "figure" draw the site's figures: the run here
writes them into the empty folder, and each must be the same drawing as the
committed copy in docs/assets/figures/ (`make figures` redraws them).
"""

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pyflakes.api import check
from pyflakes.reporter import Reporter

from docrun import DOCS, FIGURES, OUTPUTS, ROOT, SNIPPETS, pages
from docrun.collect import read
from docrun.compare import same_drawing
from docrun.expand import include_of, sections
from docrun.notebook import run_blocks

SCRIPTS = sorted(SNIPPETS.glob("*.py"))


def used_files() -> set[str]:
    """Paths named by the pages: snippet includes and figure images."""
    found = set()
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        found |= set(re.findall(r'-{1,}8<-{1,}\s+"([^":]+)', text))
        found |= {f"docs/assets/figures/{name}" for name in re.findall(r"assets/figures/([\w.-]+)", text)}
    return found


def test_no_orphans():
    files = SCRIPTS + sorted(OUTPUTS.glob("*.txt")) + sorted(FIGURES.glob("*"))
    assert [p for p in (f.relative_to(ROOT).as_posix() for f in files) if p not in used_files()] == []


@functools.cache
def run_in_sessions() -> dict[Path, str]:
    """Snippet file -> a page whose session runs every one of its sections."""
    shown: dict[Path, dict[str, str]] = {}
    for page in pages():
        for block in run_blocks(read(page)):
            if (inc := include_of(block.raw)) and inc[1]:
                shown.setdefault(ROOT / inc[0], {}).setdefault(inc[1], page.relative_to(ROOT).as_posix())
    found = {}
    for file, names in shown.items():
        all_sections = [name for name, _, _ in sections(file)]
        if set(all_sections) <= set(names) and only_sections(file):
            found[file] = names[all_sections[-1]]
    return found


def only_sections(file: Path) -> bool:
    """No code outside the sections (a docstring and comments are fine)."""
    text = file.read_text(encoding="utf-8")
    for _, _, code in sections(file):
        text = text.replace(code, "", 1)
    rest = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return not rest or (len(rest) == 1 and rest[0].startswith('"""') and rest[0].endswith('"""'))


def undefined_names(file: Path) -> list[str]:
    class Collect(Reporter):
        def __init__(self):
            self.found = []

        def flake(self, message):
            if "undefined name" in str(message):
                self.found.append(str(message))

        def unexpectedError(self, filename, msg):
            self.found.append(f"{filename}: {msg}")

        def syntaxError(self, filename, msg, lineno, offset, text):
            self.found.append(f"{filename}:{lineno}: {msg}")

    reporter = Collect()
    check(file.read_text(encoding="utf-8"), str(file.relative_to(ROOT)), reporter)
    return reporter.found


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_self_contained(script: Path):
    """A snippet uses no name it does not define or import (so it cannot lean on another page's code)."""
    assert undefined_names(script) == []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_runs_standalone(script: Path, tmp_path: Path):
    """As a reader who downloaded the file would run it: `python x.py`."""
    if (page := run_in_sessions().get(script)) and "figure" not in script.name:
        pytest.skip(f"every section runs in the session of {page}, and it is self-contained")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"python {script.name} failed:\n{result.stderr[-4000:]}"
    for figure in sorted(tmp_path.glob("*.svg")):
        committed = FIGURES / figure.name
        assert committed.exists(), f"{script.name} draws {figure.name}, which is not in docs/assets/figures: make figures"
        assert same_drawing(committed.read_text(), figure.read_text()), (
            f"docs/assets/figures/{figure.name} no longer matches what {script.name} draws: make figures")


def test_figure_check_bites():
    svg = ('<defs><path id="p9e96987814" d="M 10 20.5 L 30 40"/></defs>'
           '<use xlink:href="#p9e96987814"/><g clip-path="url(#p9e96987814)"><text>epoch</text></g>')
    other_ids = svg.replace("p9e96987814", "p1a2b3c4d5e")  # a hash of coordinates that moved by 1e-6
    assert same_drawing(svg, svg)
    assert same_drawing(svg, other_ids)
    assert same_drawing(svg, svg.replace("20.5", "21.9"))
    assert not same_drawing(svg, svg.replace("20.5", "25"))
    assert not same_drawing(svg, svg.replace("epoch", "step"))
