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
from docrun.expand import expand, include_of

FENCE = re.compile(r"^(?P<indent>[ \t]*)```python[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*\n", re.M | re.S)
MARKER = re.compile(r"#\s*\((\d+)\)!")


def blocks(text: str):
    """(line, number of markers, numbered items right under the block) per python fence."""
    for fence in FENCE.finditer(text):
        body = fence.group("body")
        whole_file = any((inc := include_of(line)) and not inc[1] for line in body.splitlines())
        if whole_file:
            continue
        markers = {int(n) for n in MARKER.findall(expand(body))}
        after = text[fence.end():].lstrip("\n")
        # the list: consecutive lines that start a numbered item or continue one (indented)
        items = []
        for line in after.splitlines():
            m = re.match(rf"^{fence.group('indent')}(\d+)\. ", line)
            if m:
                items.append(int(m.group(1)))
            elif not line.strip() or line.startswith(fence.group("indent") + "    "):
                if not items:
                    break
                continue
            else:
                break
        yield text[: fence.start()].count("\n") + 1, markers, items


PAGES = sorted(p for lang in LANGS for p in (DOCS / lang).glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_marker_is_explained(page):
    wrong = []
    for line, markers, items in blocks(page.read_text(encoding="utf-8")):
        if markers and items != list(range(1, len(markers) + 1)):
            wrong.append(f"{page.relative_to(DOCS.parent)}:{line}: markers {sorted(markers)}, "
                         f"but the numbered list right under the block has {items or 'no items'}")
        elif markers and markers != set(range(1, len(markers) + 1)):
            wrong.append(f"{page.relative_to(DOCS.parent)}:{line}: markers {sorted(markers)} are not 1..n")
    assert wrong == [], "\n".join(wrong)
