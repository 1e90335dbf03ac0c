"""Run every code block of every page in docs/ as a pytest test.

pytest-codeblocks parses the pages (so its marker syntax applies), but on its
own it runs a `--8<--` include literally, merges `cont` blocks into one test
with one output, and reports only str(e). This plugin adds what it lacks:

* includes are expanded by pymdownx.snippets itself, configured from
  mkdocs.yml, so a test runs exactly the code the reader sees;
* every block is its own test ("docs/ja/page.md::line 42"); `cont` carries
  the namespace of the previous block, and each block may have its own
  expected output;
* a failure shows the real exception type and a traceback whose lines point
  into the snippet file or the page;
* the same code on the ja and en pages runs once per worker: the second page
  reuses the first run, unless an earlier block in its chain differs;
* when a page shows every section of a snippet file in order, the file runs
  once as a script (tests/run_script.py, a fresh interpreter) and each block
  gets its section's output, so tests/test_snippets.py need not run it again.

Expected output is the text block after `<!--pytest-codeblocks:expected-output-->`.
It must include a file in snippets/outputs/ (tests/test_guard.py enforces
this), and `pytest --update-outputs` rewrites those files from a real run, so
no output on the site is typed by hand. Numbers with a decimal point are
compared with a tolerance, integers and all other text exactly, and Keras
timings ("1s", "3ms/step") are ignored.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import markdown
import pytest
import yaml
from pytest_codeblocks.main import extract_from_buffer

from tests.run_script import sections

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OUTPUTS = ROOT / "snippets" / "outputs"
RUNNABLE = {"python", "bash", "sh"}
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
CONT_MARKER = "<!--pytest-codeblocks:cont-->"
# Floats get a tolerance: TensorFlow's results move slightly between CPUs.
REL_TOL, ABS_TOL = 0.02, 0.005
TIMING = re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)(?:/step)?\b")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


# ---------------------------------------------------------------- snippets


def mkdocs_config() -> dict:
    """mkdocs.yml as plain data (python/name tags become None)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)


def snippets_options() -> dict:
    for ext in mkdocs_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            return ext["pymdownx.snippets"] or {}
    raise RuntimeError("mkdocs.yml does not enable pymdownx.snippets")


def expand(text: str) -> str:
    """Expand `--8<--` includes exactly as the site build does."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_options()},
    )
    with contextlib.chdir(ROOT):  # base_path is relative to where mkdocs runs
        lines = md.preprocessors["snippet"].run(text.splitlines())
    return "\n".join(lines).strip("\n") + "\n"


def source_of(raw: str, page: Path, fence_line: int) -> tuple[Path, int]:
    """Where the code of a block lives, for tracebacks: (file, first line - 1).

    A block that is a single include points into the snippet file, so the
    traceback shows the snippet's real line numbers; any other block points
    at its own lines in the page.
    """
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) == 1 and (m := INCLUDE.match(lines[0])):
        path, _, section = m.group(1).partition(":")
        file = ROOT / path
        if not section:
            return file, 0
        for name, first, _ in sections(str(file)):
            if name == section:
                return file, first
    return page, fence_line


# ---------------------------------------------------------------- outputs


def normalize(text: str) -> str:
    lines = [TIMING.sub("<time>", line.rstrip()) for line in text.strip("\n").splitlines()]
    return "\n".join(lines)


def outputs_match(expected: str, actual: str) -> bool:
    exp, act = normalize(expected), normalize(actual)
    if NUMBER.split(exp) != NUMBER.split(act):
        return False
    for a, b in zip(NUMBER.findall(exp), NUMBER.findall(act)):
        if "." in a or "e" in a or "." in b or "e" in b:
            if not math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL):
                return False
        elif a != b:
            return False
    return True  # equal splits above mean equally many numbers


# ---------------------------------------------------------------- figures

FIGURES = DOCS / "assets" / "figures"
SVG_NUMBER = re.compile(r"(?<![\w#.-])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")  # not inside ids
PIXEL_TOLERANCE = 2.0


def same_drawing(a: str, b: str) -> bool:
    """Equal SVG text apart from coordinates that moved by at most PIXEL_TOLERANCE."""
    if SVG_NUMBER.split(a) != SVG_NUMBER.split(b):
        return False
    pairs = zip(SVG_NUMBER.findall(a), SVG_NUMBER.findall(b))
    return all(x == y or abs(float(x) - float(y)) <= PIXEL_TOLERANCE for x, y in pairs)


def check_figures(workdir: Path, file: Path, update: bool) -> str | None:
    """Compare the SVGs a script wrote with docs/assets/figures/ (or, with update, copy them there)."""
    problems = []
    for figure in sorted(workdir.glob("*.svg")):
        committed = FIGURES / figure.name
        if update:
            shutil.copy(figure, committed)
        elif not committed.exists():
            problems.append(f"{figure.name} is not in docs/assets/figures (make outputs)")
        elif not same_drawing(committed.read_text(), figure.read_text()):
            problems.append(f"docs/assets/figures/{figure.name} no longer matches what {file.name} draws (make outputs)")
    return "\n".join(problems) or None


# ---------------------------------------------------------------- running


class BlockError(Exception):
    """A block failed; args[0] is the report to show."""


_results: dict[str, tuple[str, str | None, str]] = {}  # key -> (stdout, error, where)
_namespaces: dict[str, dict] = {}  # key -> namespace a `cont` block may continue


def _fresh_state() -> None:
    """What a reader has when starting a new Python session, as far as Keras goes."""
    if "keras" in sys.modules:
        keras = sys.modules["keras"]
        keras.backend.clear_session()  # also resets layer-name counters
        keras.utils.set_random_seed(0)


def _exec(step, namespace: dict) -> str:
    """Run one block in `namespace`; return its stdout or raise BlockError.

    The blocks of one chain share a working directory, as they would in a
    reader's session: a file one block saves, the next block can load.
    """
    if step.syntax != "python":
        result = subprocess.run(
            ["bash", "-e", "-c", step.code], cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode:
            raise BlockError(
                f"{step.where}: shell block exited with {result.returncode}\n"
                f"--- stdout ---\n{result.stdout}--- stderr ---\n{result.stderr}"
            )
        return result.stdout
    file, offset = step.source
    code = compile("\n" * offset + step.code, str(file), "exec")
    out = io.StringIO()
    workdir = namespace.setdefault("__docblock_dir__", tempfile.mkdtemp(prefix="docblock-"))
    try:
        with contextlib.chdir(workdir), contextlib.redirect_stdout(out):
            exec(code, namespace)
    except BaseException as exc:  # noqa: BLE001 - we report it, with its traceback
        if isinstance(exc, (KeyboardInterrupt, pytest.skip.Exception)):
            raise
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next  # drop the harness's own frames
        report = "".join(traceback.format_exception(type(exc), exc, tb))
        raise BlockError(
            f"{step.where}: {type(exc).__name__} in this block\n\n"
            f"{report}\n--- stdout before the error ---\n{out.getvalue()}"
        ) from None
    return out.getvalue()


def script_sections(file: Path) -> list[str] | None:
    """Section names of a snippet made only of sections (plus docstring and comments)."""
    found = sections(str(file))
    text = file.read_text(encoding="utf-8")
    for _, first, code in found:
        text = text.replace(code, "", 1)
    outside = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    docstring = len(outside) == 1 and outside[0].startswith('"""') and outside[0].endswith('"""')
    return [name for name, _, _ in found] if found and (not outside or docstring) else None


def whole_file(chain: list) -> Path | None:
    """The snippet file whose every section this chain shows in order, if any."""
    parts = [INCLUDE.match(step.raw.strip()) for step in chain]
    if not all(parts) or chain[0].syntax != "python":
        return None
    targets = [m.group(1).partition(":") for m in parts]
    files = {path for path, _, _ in targets}
    if len(files) != 1 or any(not section for _, _, section in targets):
        return None
    file = ROOT / files.pop()
    return file if script_sections(file) == [section for _, _, section in targets] else None


_scripts: dict[str, dict[str, tuple[str, str | None]]] = {}


def run_script(step, update: bool) -> str:
    """This block's section of one script run of its whole snippet file."""
    file = step.script
    key = hashlib.sha256(file.read_bytes()).hexdigest()
    if key not in _scripts:
        workdir = Path(tempfile.mkdtemp(prefix="docscript-"))
        report = workdir / "report.json"
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "MPLBACKEND": "Agg"}
        done = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "run_script.py"), str(file), str(report)],
            cwd=workdir, env=env, capture_output=True, text=True,
        )
        runs = {}
        if report.exists():
            import json

            runs = {r["section"]: (r["stdout"], r["error"]) for r in json.loads(report.read_text())}
        elif done.returncode:
            runs = {"": ("", f"python {file.name} crashed:\n{done.stderr[-4000:]}")}
        runs["__figures__"] = ("", check_figures(workdir, file, update))
        _scripts[key] = runs
        shutil.rmtree(workdir, ignore_errors=True)
    runs = _scripts[key]
    where = f"{file.relative_to(ROOT)} run as a script"
    if "" in runs:
        raise BlockError(f"{step.where}: {runs[''][1]}")
    if step.section is None:  # the whole file
        failed = [(name, run) for name, run in runs.items() if name != "__figures__" and run[1]]
        if failed:
            name, (stdout, error) = failed[0]
            raise BlockError(f"{step.where}: error in section '{name}' of {where}\n\n{error}")
        if runs["__figures__"][1]:
            raise BlockError(f"{step.where}: {runs['__figures__'][1]}")
        return "".join(run[0] for name, run in runs.items() if name != "__figures__")
    if step.section not in runs:
        raise BlockError(f"{step.where}: not run, an earlier section of {where} failed")
    stdout, error = runs[step.section]
    if error:
        raise BlockError(f"{step.where}: error in section '{step.section}' of {where}\n\n{error}"
                         f"\n--- stdout before the error ---\n{stdout}")
    if step.last_of_script and runs["__figures__"][1]:
        raise BlockError(f"{step.where}: {runs['__figures__'][1]}")
    return stdout


def run_chain(chain: list) -> str:
    """Run the last block of `chain` (earlier ones are the `cont` context); return stdout."""
    key = chain[-1].key
    if key in _results:
        stdout, error, where = _results[key]
        if error:
            raise BlockError(f"{chain[-1].where}: the same code failed at {where}\n\n{error}")
        return stdout
    if len(chain) > 1 and _results.get(chain[-2].key, ("", None))[1]:
        message = f"{chain[-1].where}: not run, the block it continues failed ({chain[-2].where})"
        _results[key] = ("", message, chain[-1].where)
        raise BlockError(message)
    if len(chain) == 1:
        _fresh_state()
        namespace = {"__name__": "__docblock__"}
    elif chain[-2].key in _namespaces:
        namespace = _namespaces.pop(chain[-2].key)  # each namespace is continued once
    else:
        # The context was already continued by a different block (or never
        # ran): rebuild it, so no state leaks from one page into another.
        _fresh_state()
        namespace = {"__name__": "__docblock__"}
        for step in chain[:-1]:
            _exec(step, namespace)
    try:
        stdout = _exec(chain[-1], namespace)
    except BlockError as exc:
        _results[key] = ("", exc.args[0], chain[-1].where)
        raise
    _results[key] = (stdout, None, chain[-1].where)
    _namespaces[key] = namespace
    return stdout


# ---------------------------------------------------------------- collection


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite snippets/outputs/ files whose content no longer matches a real run",
    )


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".md" and DOCS in file_path.parents:
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


class Step:
    """One runnable block after include expansion."""

    def __init__(self, page: Path, block, previous: Step | None):
        self.page, self.lineno, self.syntax = page, block.lineno, block.syntax
        self.where = f"{page.relative_to(ROOT)}:{block.lineno}"
        self.raw = block.code
        self.code = expand(block.code)
        self.source = source_of(block.code, page, block.lineno)
        self.cont = "pytest.mark.codeblocks_cont" in block.marks
        self.marks = [m for m in block.marks if m != "pytest.mark.codeblocks_cont"]
        self.importorskip = block.importorskip
        self.expected_raw = block.expected_output
        self.expected = None
        if block.expected_output is not None:
            target = INCLUDE.match(block.expected_output.strip())
            missing = target and not (ROOT / target.group(1).partition(":")[0]).exists()
            # A missing output file is reported by the test (and created by --update-outputs).
            self.expected = "<missing output file>\n" if missing else expand(block.expected_output)
        self.chain = (previous.chain if self.cont and previous else []) + [self]
        self.script, self.section, self.last_of_script = None, None, False
        if self.cont and previous is None:
            raise ValueError(f"{self.where}: cont marker but no previous runnable block")
        digest = hashlib.sha256()
        for step in self.chain:
            digest.update(f"{step.syntax}\0{step.code}\0".encode())
        self.key = digest.hexdigest()


def mark_scripts(steps: list) -> None:
    """Give the blocks of each chain that shows a whole snippet file its script run.

    Also a lone block that includes a whole file ("the whole program"): it is
    the same script run, so it reuses it instead of training everything again.
    """
    for i, step in enumerate(steps):
        last = i + 1 == len(steps) or not steps[i + 1].cont
        m = INCLUDE.match(step.raw.strip())
        if last and len(step.chain) == 1 and m and ":" not in m.group(1) and step.syntax == "python":
            if script_sections(ROOT / m.group(1)):
                step.script, step.section, step.last_of_script = ROOT / m.group(1), None, True
                continue
        if last and (file := whole_file(step.chain)):
            for member in step.chain:
                member.script = file
                member.section = INCLUDE.match(member.raw.strip()).group(1).partition(":")[2]
            step.last_of_script = True


def page_steps(page: Path) -> list[Step]:
    """The runnable blocks of a page, includes expanded, chains and scripts marked."""
    text = page.read_text(encoding="utf-8")
    # pytest-codeblocks would merge a `cont` block into the previous one
    # (one test, one expected output). Turned into a mark, each block
    # stays separate with its own line and output; we carry the namespace.
    text = text.replace(CONT_MARKER, "<!--pytest.mark.codeblocks_cont-->")
    steps, previous = [], None
    for block in extract_from_buffer(io.StringIO(text)):
        if block.syntax not in RUNNABLE:
            continue  # tests/test_guard.py fails on fences that are never run
        previous = Step(page, block, previous)
        steps.append(previous)
    mark_scripts(steps)
    return steps


def page_scripts(page: Path) -> set[Path]:
    """Snippet files that a page runs as whole scripts (tests/test_snippets.py skips them)."""
    return {step.script for step in page_steps(page) if step.script}


class MarkdownPage(pytest.File):
    def collect(self):
        for step in page_steps(self.path):
            item = CodeBlockItem.from_parent(self, name=f"line {step.lineno}", step=step)
            for mark in step.marks:
                item.add_marker(eval(mark, {"pytest": pytest, "sys": sys}))  # noqa: S307
            yield item


class CodeBlockItem(pytest.Item):
    def __init__(self, *, step: Step, **kwargs):
        super().__init__(**kwargs)
        self.step = step

    def runtest(self):
        update = self.config.getoption("update_outputs")
        step = self.step
        if step.importorskip:
            pytest.importorskip(step.importorskip)
        stdout = run_script(step, update) if step.script else run_chain(step.chain)
        if step.expected is None or outputs_match(step.expected, stdout):
            return
        target = INCLUDE.match(step.expected_raw.strip())
        if update and target:
            (ROOT / target.group(1)).write_text(stdout, encoding="utf-8")
            step.expected = stdout
            return
        diff = "".join(
            difflib.unified_diff(
                normalize(step.expected).splitlines(True),
                normalize(stdout).splitlines(True),
                "shown on the page",
                "printed by the code",
            )
        )
        raise BlockError(
            f"{step.where}: the output shown on the page no longer matches the code\n\n{diff}\n"
            "If the change is intended, regenerate the outputs: make outputs"
        )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, BlockError):
            return excinfo.value.args[0]
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.step.lineno - 1, f"{self.step.where} ({self.step.syntax} block)"
