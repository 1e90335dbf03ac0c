"""pytest adapter: every page in docs/ is a test file, every code block a test.

    pytest docs/en/fit.md            # one page: its notebook runs once
    pytest docs --update-outputs     # rewrite the outputs and figures from real runs

The first block of a page runs the page's notebook (notebook.build) in a fresh
kernel (run.execute); each block then checks its own cell: no error, the
printed text matches the page's output file, the figures match the committed
SVGs. The Japanese and English pages share their code (the same snippets), so
the second language reuses the first one's run when its code cells are the
same; conftest.py sends both languages of a page to the same xdist worker.

A failure names the page and line of the block and shows the kernel's real
traceback, with "Cell In[n], line k" translated to the file and line the code
comes from (a snippet, or the page itself).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from pathlib import Path

import pytest

from docrun import DOCS, FIGURES, OUTPUTS, ROOT
from docrun.collect import Block, read
from docrun.compare import normalize, outputs_match, same_drawing
from docrun.notebook import build, run_blocks
from docrun.run import CELL_REF, CellResult, execute

PROVENANCE = OUTPUTS / "provenance.json"


class BlockError(Exception):
    """A block failed; args[0] is the report to show."""


_runs: dict[str, list[CellResult]] = {}  # code hash -> results, one per cell
_pages: dict[Path, tuple[list[Block], str]] = {}  # page -> (its cells' blocks, code hash)


def run_page(path: Path) -> tuple[list[Block], list[CellResult]]:
    """The page's notebook run (once per distinct code in this worker)."""
    if path not in _pages:
        nb = build(path)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        key = hashlib.sha256("\0".join(code).encode()).hexdigest()
        if key not in _runs:
            _runs[key] = execute(nb)
        _pages[path] = run_blocks(read(path)), key
    blocks, key = _pages[path]
    return blocks, _runs[key]


def where_in_source(block: Block, line: int) -> str:
    file, offset = block.origin
    return f"{file.relative_to(ROOT)}:{offset + line}"


def traceback_report(blocks: list[Block], results: list[CellResult], error: str) -> str:
    """The kernel's traceback, each "Cell In[n], line k" followed by the real file:line."""
    by_count = {r.execution_count: b for b, r in zip(blocks, results) if r.execution_count}

    def locate(m: re.Match) -> str:
        block = by_count.get(int(m.group(1)))
        return m.group(0) + (f" -> {where_in_source(block, int(m.group(2)))}" if block else "")

    return CELL_REF.sub(locate, error)


def record_provenance(path: Path) -> None:
    """Which TensorFlow and Keras made this page's outputs, and when (written by --update-outputs)."""
    import datetime
    import fcntl
    from importlib.metadata import version

    with open(PROVENANCE.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # xdist workers update the file one at a time
        data = json.loads(PROVENANCE.read_text()) if PROVENANCE.exists() else {}
        data[path.stem] = {"tensorflow": version("tensorflow"), "keras": version("keras"),
                           "date": datetime.date.today().isoformat()}
        PROVENANCE.write_text(json.dumps(dict(sorted(data.items())), indent=2) + "\n")
    PROVENANCE.with_suffix(".lock").unlink(missing_ok=True)


def pytest_addoption(parser):
    parser.addoption("--update-outputs", action="store_true",
                     help="rewrite snippets/outputs/ and the figures from real runs")


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".md" and DOCS in file_path.parents:
        return PageFile.from_parent(parent, path=file_path)
    return None


class PageFile(pytest.File):
    def collect(self):
        page = read(self.path)
        if page.problems:  # tests/test_guard.py reports them too; here the page cannot run
            yield GuardItem.from_parent(self, name="fences", problems=page.problems)
            return
        for block in page.blocks:
            yield BlockItem.from_parent(self, name=f"line {block.lineno}", block=block)


class GuardItem(pytest.Item):
    def __init__(self, *, problems, **kwargs):
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self):
        raise BlockError(f"{self.path.relative_to(ROOT)}: code that would not run:\n  " + "\n  ".join(self.problems))

    def repr_failure(self, excinfo):
        return excinfo.value.args[0] if isinstance(excinfo.value, BlockError) else super().repr_failure(excinfo)


class BlockItem(pytest.Item):
    def __init__(self, *, block: Block, **kwargs):
        super().__init__(**kwargs)
        self.block = block

    def runtest(self):
        block = self.block
        if block.skip:
            pytest.skip(block.skip)
        if block.whole_file:
            pytest.skip(f"the listing of all of {block.whole_file.relative_to(ROOT)}: not a cell of the session; "
                        "tests/test_snippets.py checks the file stands alone")
        blocks, results = run_page(self.path)
        n = next(i for i, b in enumerate(blocks) if b.lineno == block.lineno)
        result = results[n]
        if not result.ran:
            failed = next(b for b, r in zip(blocks, results) if r.error)
            raise BlockError(f"{block.where}: not run, an earlier block failed ({failed.where})")
        if result.error:
            raise BlockError(f"{block.where}: error in this block\n\n"
                             f"{traceback_report(blocks, results, result.error)}\n"
                             f"--- printed before the error ---\n{result.stdout}")
        update = self.config.getoption("update_outputs")
        self.check_figures(result, update)
        if update and n == len(blocks) - 1:  # the whole page ran without an error
            record_provenance(self.path)
        expected = block.expected_file
        if expected is None:
            return
        if update:
            if not expected.exists() or not outputs_match(expected.read_text(encoding="utf-8"), result.stdout):
                expected.write_text(result.stdout, encoding="utf-8")
            return
        if not expected.exists():
            raise BlockError(f"{block.where}: {expected.relative_to(ROOT)} does not exist: make outputs")
        shown = expected.read_text(encoding="utf-8")
        if not outputs_match(shown, result.stdout):
            diff = "".join(difflib.unified_diff(
                (normalize(shown) + "\n").splitlines(True), (normalize(result.stdout) + "\n").splitlines(True),
                f"shown on the page ({expected.relative_to(ROOT)})", "printed by the code"))
            raise BlockError(f"{block.where}: the output shown on the page no longer matches the code\n\n"
                             f"{diff}\nIf the change is intended, regenerate the outputs: make outputs")

    def check_figures(self, result: CellResult, update: bool) -> None:
        names = [self.block.figure_name + (f"_{k + 1}" if k else "") for k in range(len(result.figures))]
        problems = []
        for name, svg in zip(names, result.figures):
            committed = FIGURES / f"{name}.svg"
            if update:
                if not committed.exists() or not same_drawing(committed.read_text(encoding="utf-8"), svg):
                    committed.write_text(svg, encoding="utf-8")
            elif not committed.exists():
                problems.append(f"the block draws a figure; docs/assets/figures/{name}.svg does not exist: make outputs")
            elif not same_drawing(committed.read_text(encoding="utf-8"), svg):
                problems.append(f"docs/assets/figures/{name}.svg no longer matches what this block draws: make outputs")
        if problems:
            raise BlockError(f"{self.block.where}: " + "\n".join(problems))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, BlockError):
            return excinfo.value.args[0]
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.block.lineno - 1, f"{self.block.where} ({self.block.kind} block)"
