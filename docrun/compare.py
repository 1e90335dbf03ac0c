"""Compare what a block printed or drew with what its page shows.

Another contributor's machine prints the same thing with other last digits
(another CPU, oneDNN on or off, another thread count or BLAS), other timings,
and another progress-bar rendering (Keras rewrites one line on POSIX terminals
and in notebooks, and prints a line per update where output is redirected on
Windows). So: text and integers must match exactly; numbers with a decimal
point within REL_TOL/ABS_TOL; Keras timings are masked; a run of progress-bar
lines counts as its last line. Figures are compared by what they draw: ids
(hashes of coordinates in Matplotlib's SVG) are renumbered, coordinates may
move by PIXEL_TOLERANCE.
"""

from __future__ import annotations

import math
import re

REL_TOL, ABS_TOL = 0.02, 0.005
TIMING = re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)(?:/step)?\b")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PROGRESS = re.compile(r"^\s*\d+/\d+ .*━")  # a Keras progress bar: " 12/36 ━━━━━━…"


def render(text: str) -> str:
    """What a terminal shows for `text`: colours dropped, `\\r` and `\\b` applied."""
    shown = []
    for line in ANSI.sub("", text).split("\n"):
        out: list[str] = []
        col = 0
        for ch in line:
            if ch == "\r":
                col = 0
            elif ch == "\b":
                col = max(col - 1, 0)
            else:
                if col < len(out):
                    out[col] = ch
                else:
                    out.append(ch)
                col += 1
        shown.append("".join(out))
    return "\n".join(shown)


def normalize(text: str) -> str:
    lines = [TIMING.sub("<time>", line.rstrip()) for line in render(text).strip("\n").splitlines()]
    kept = [line for k, line in enumerate(lines)
            if not (PROGRESS.match(line) and k + 1 < len(lines) and PROGRESS.match(lines[k + 1]))]
    return "\n".join(kept)


def outputs_match(expected: str, actual: str) -> bool:
    exp, act = normalize(expected), normalize(actual)
    if NUMBER.split(exp) != NUMBER.split(act):
        return False
    for a, b in zip(NUMBER.findall(exp), NUMBER.findall(act)):
        if any(c in a + b for c in ".e"):
            if not math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL):
                return False
        elif a != b:
            return False
    return True  # equal splits above mean equally many numbers


SVG_ID = re.compile(r'\bid="([^"]+)"')
SVG_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
PIXEL_TOLERANCE = 2.0


def drawing(svg: str) -> str:
    """The SVG without what does not show: ids renumbered in order, metadata dropped."""
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    for n, name in enumerate(dict.fromkeys(SVG_ID.findall(svg))):
        svg = re.sub(rf'(?<=["#]){re.escape(name)}(?=[")])', f"id{n}", svg)
    return svg


def same_drawing(a: str, b: str) -> bool:
    """The same drawing, with coordinates that moved by at most PIXEL_TOLERANCE."""
    a, b = drawing(a), drawing(b)
    if SVG_NUMBER.split(a) != SVG_NUMBER.split(b):
        return False
    pairs = zip(SVG_NUMBER.findall(a), SVG_NUMBER.findall(b))
    return all(x == y or abs(float(x) - float(y)) <= PIXEL_TOLERANCE for x, y in pairs)
