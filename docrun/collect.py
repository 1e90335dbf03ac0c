"""Read a page: its code blocks in order, what each is expected to print, and
every fence that would escape the run.

A block runs when its fence's info string is exactly `python`, `bash` or `sh`
(also inside an admonition, indented). Its expected output is the ```text
fence after `<!--pytest-codeblocks:expected-output-->`, which must include a
generated file from snippets/outputs/. A block may be skipped only with a
visible reason: `<!--pytest.mark.skip(reason="...")-->` on the line before it.
Everything else that looks like code (`~~~`, ```py, ```python title=...) is
reported as a problem, because a reader would see code that never runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docrun import ROOT
from docrun.expand import INCLUDE, expand, include_of, origin

RUNNABLE = {"python", "bash", "sh"}
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
MARKER = re.compile(r"^\s*<!--\s*(.*?)\s*-->\s*$")
OUTPUT_MARKER = "pytest-codeblocks:expected-output"
SKIP = re.compile(r'^pytest\.mark\.skip\(reason="([^"]+)"\)$')


@dataclass
class Block:
    page: Path
    lineno: int  # the line of the opening fence, 1-based
    kind: str  # python, bash or sh
    raw: str  # as written in the page (dedented): often one include
    end: int = 0  # the line of the closing fence of the block, or of its expected output
    skip: str | None = None  # the visible reason, when skipped
    expected_raw: str | None = None  # the expected-output fence's text (an include)
    expected_lineno: int | None = None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.lineno}"

    @property
    def code(self) -> str:
        return expand(self.raw)

    @property
    def origin(self) -> tuple[Path, int]:
        return origin(self.raw, self.page, self.lineno)

    @property
    def expected_file(self) -> Path | None:
        m = self.expected_raw and INCLUDE.match(self.expected_raw.strip())
        return ROOT / m.group(1) if m else None

    @property
    def whole_file(self) -> Path | None:
        """The snippet file, when the block lists a whole file ("the whole program")."""
        inc = include_of(self.raw)
        return ROOT / inc[0] if inc and not inc[1] else None

    @property
    def figure_name(self) -> str:
        """The stem its figures are saved under: named by where the code lives."""
        inc = include_of(self.raw)
        if inc and inc[1]:
            return f"{Path(inc[0]).stem}_{inc[1]}"
        return f"{self.page.stem}_line{self.lineno}"


@dataclass
class Page:
    path: Path
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read(path: Path, text: str | None = None) -> Page:
    """The runnable blocks of a page and the problems that would let code escape the run."""
    text = path.read_text(encoding="utf-8") if text is None else text
    page = Page(path)
    lines = text.splitlines()
    markers: list[str] = []  # HTML comments since the last fence or paragraph
    n = 0
    while n < len(lines):
        line = lines[n]
        if m := MARKER.match(line):
            markers.append(m.group(1))
            n += 1
            continue
        m = FENCE.match(line)
        if not m:
            if line.strip():
                markers = []
            n += 1
            continue
        indent, ticks, info = m.groups()
        info = info.strip()
        body, close = [], None
        for k in range(n + 1, len(lines)):
            c = FENCE.match(lines[k])
            if c and c.group(2)[0] == ticks[0] and len(c.group(2)) >= len(ticks) and not c.group(3).strip():
                close = k
                break
            body.append(lines[k][len(indent):] if lines[k].startswith(indent) else lines[k].lstrip())
        lineno = n + 1
        if close is None:
            page.problems.append(f"line {lineno}: a fence is never closed")
            break
        raw = "\n".join(body) + "\n"
        where = f"line {lineno}"
        if ticks[0] == "~":
            page.problems.append(f"{where}: '~~~' fence: never run; use ```")
        elif info in RUNNABLE:
            block = Block(path, lineno, info, raw, close + 1)
            for marker in markers:
                if marker.startswith("pytest.mark.skip"):
                    if s := SKIP.match(marker):
                        block.skip = s.group(1)
                    else:
                        page.problems.append(f"{where}: {marker} needs a reason: skip(reason=\"...\")")
                elif marker == "pytest-codeblocks:cont":
                    page.problems.append(
                        f"{where}: <!--pytest-codeblocks:cont--> is not needed: every page runs "
                        "as one session, each block after the one before")
                elif marker.startswith("pytest"):
                    page.problems.append(f"{where}: unknown marker <!--{marker}-->")
            page.blocks.append(block)
        elif info == "text" and OUTPUT_MARKER in markers:
            if not page.blocks or page.blocks[-1].expected_raw is not None:
                page.problems.append(f"{where}: expected output without a code block before it")
            else:
                page.blocks[-1].expected_raw, page.blocks[-1].expected_lineno = raw, lineno
                page.blocks[-1].end = close + 1
                inc = include_of(raw)
                if not (inc and inc[0].startswith("snippets/outputs/")):
                    page.problems.append(
                        f"{where}: an expected output must include a file of snippets/outputs/ "
                        "(generated by `make outputs`), not typed text")
        elif info == "text":
            page.problems.append(f"{where}: ```text block that is not an expected output")
        else:
            page.problems.append(
                f"{where}: fence info string {info!r} is never run; "
                "use exactly ```python, ```bash or ```sh (no title=, no { } attributes)")
        markers = []
        n = close + 1
    return page
