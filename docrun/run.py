"""Run a page's notebook in a fresh Jupyter kernel, as a reader's session.

One kernel per notebook, started in an empty working directory, cells in
order, stopping at the first error (the cells after it are "not run"). Before
the first cell the runner sets, out of the reader's sight, what Jupyter's
inline backend needs to hand figures back as comparable SVG (no dates, stable
hash salt) and quiets TensorFlow's C++ start-up log. Nothing else differs from
what a reader who opens the notebook and presses "Run all" gets.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from docrun.compare import render
from docrun.zygote import kernel_dir

SETUP = """\
%matplotlib inline
%config InlineBackend.figure_formats = ["svg"]
%config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "metadata": {"Date": None}}
import matplotlib
matplotlib.rcParams["svg.hashsalt"] = "docrun"
del matplotlib
"""
CELL_TIMEOUT = 600
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CELL_REF = re.compile(r"Cell In\[(\d+)\], line (\d+)")


@dataclass
class CellResult:
    ran: bool = False
    stdout: str = ""
    stderr: str = ""
    error: str | None = None  # the traceback, as text
    figures: list[str] = field(default_factory=list)  # SVG texts, in drawing order
    execution_count: int | None = None


def kernel_env() -> dict[str, str]:
    return {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "SOURCE_DATE_EPOCH": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def execute(nb: nbformat.NotebookNode, workdir: Path | None = None) -> list[CellResult]:
    """One CellResult per code cell of `nb` (a copy is run; `nb` is not changed)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    run = nbformat.from_dict(nb)
    run.cells.insert(0, nbformat.v4.new_code_cell(SETUP))
    code = [i for i, c in enumerate(run.cells) if c.cell_type == "code"][1:]
    results = [CellResult() for _ in code]
    workdir = workdir or Path(tempfile.mkdtemp(prefix="docrun-"))
    warm = kernel_dir()  # a kernel forked from a process that has imported TensorFlow (zygote.py)
    client = NotebookClient(
        run, timeout=CELL_TIMEOUT, kernel_name="docrun" if warm else "python3",
        resources={"metadata": {"path": str(workdir)}},
        record_timing=False,
        # TensorFlow's C++ start-up lines go to the kernel's own stderr, not into a cell.
        extra_arguments=["--IPKernelApp.capture_fd_output=False"],
    )
    old = dict(os.environ)
    os.environ.update(kernel_env())  # the kernel inherits this process's environment
    if warm:
        os.environ["JUPYTER_PATH"] = warm
    try:
        # The kernel's own stderr (TensorFlow's C++ start-up lines) goes to a log kept for a crash report.
        log = open(workdir / ".kernel.log", "w")
        with log, client.setup_kernel(stderr=log):
            client.execute_cell(run.cells[0], 0)
            for result, index in zip(results, code):
                cell = run.cells[index]
                result.ran = True
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError:
                    pass  # the error output is read below
                collect(cell, result)
                if result.error:
                    break
    except Exception as exc:  # the kernel died: say so, with what it printed
        dead = next((r for r in reversed(results) if r.ran), results[0])
        tail = (workdir / ".kernel.log").read_text(errors="replace")[-3000:]
        dead.error = f"the kernel stopped: {type(exc).__name__}: {exc}\n--- kernel log ---\n{tail}"
    finally:
        os.environ.clear()
        os.environ.update(old)
    return results


def collect(cell, result: CellResult) -> None:
    result.execution_count = cell.execution_count
    for out in cell.outputs:
        if out.output_type == "stream":
            text = out.text
            if out.name == "stdout":
                result.stdout += text
            else:
                result.stderr += text
        elif out.output_type == "error":
            result.error = ANSI.sub("", "\n".join(out.traceback))
        elif "image/svg+xml" in out.get("data", {}):
            result.figures.append(out.data["image/svg+xml"])
        elif "text/plain" in out.get("data", {}) and out.output_type == "execute_result":
            result.stdout += out.data["text/plain"] + "\n"  # a bare expression, as Jupyter shows it
    result.stdout = render(result.stdout)
