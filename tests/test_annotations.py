"""Every code annotation marker on a page has its explanation.

A code block whose lines carry Material's markers (`# (1)!` ... `# (n)!`) must be
followed directly by a numbered list of n items, in each language: Material
only attaches a list that comes right after the block, so a list placed after
the output, or one item short, leaves a reader with a bare marker or a missing
explanation. Whole-file listings are exempt: hooks/annotations.py strips their
markers, which no list explains.
"""

import re

import pytest

from docrun import DOCS, LANGS
from docrun.collect import read

MARKER = re.compile(r"#\s*\((\d+)\)!")


def numbered_list_after(lines: list[str], start: int, indent: str) -> list[int]:
    """The item numbers of the list that starts right after line `start` (blank
    lines before it allowed; an item's indented continuation lines belong to it)."""
    items = []
    for line in lines[start:]:
        if m := re.match(rf"{indent}(\d+)\. ", line):
            items.append(int(m.group(1)))
        elif items and (not line.strip() or line.startswith(indent + "    ")):
            continue
        elif items or line.strip():
            break
    return items


PAGES = sorted(p for lang in LANGS for p in (DOCS / lang).glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_marker_is_explained(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    wrong = []
    for block in read(page).blocks:  # the page's runnable blocks, as the tests collect them
        markers = {int(n) for n in MARKER.findall(block.code)}
        if block.whole_file or not markers:
            continue
        fence = lines[block.lineno - 1]
        indent = fence[: len(fence) - len(fence.lstrip())]
        closing = block.lineno + block.raw.count("\n")  # 0-based index of the closing fence
        items = numbered_list_after(lines, closing + 1, indent)
        if items != list(range(1, len(markers) + 1)):
            wrong.append(f"{block.where}: markers {sorted(markers)}, "
                         f"but the numbered list right under the block has {items or 'no items'}")
        elif markers != set(items):
            wrong.append(f"{block.where}: markers {sorted(markers)} are not 1..n")
    assert wrong == [], "\n".join(wrong)
