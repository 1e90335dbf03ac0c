"""The Japanese and English versions of a page have the same structure.

The prose differs by design; the skeleton must not: the same pages, the same
headings with the same explicit anchors, the same code blocks in the same
order, the same figures, admonitions and quiz questions. A failure names
the page and the first difference.
"""

import re

import pytest

from docrun import DOCS

JA, EN = DOCS / "ja", DOCS / "en"
NAMES = sorted({p.relative_to(JA).as_posix() for p in JA.rglob("*.md")} | {p.relative_to(EN).as_posix() for p in EN.rglob("*.md")})


def skeleton(text: str) -> list[str]:
    """The language-independent outline of a page, one entry per element."""
    return [item for item, _ in outline(text)]


def outline(text: str) -> list[tuple[str, int]]:
    """(element, line number) for each element of the page's skeleton."""
    items, lines, fence = [], [], None
    for number, line in enumerate(text.splitlines(), 1):
        if len(lines) < len(items):
            lines.append(number - 1)
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            else:
                items[-1] += "\n" + stripped
            continue
        if m := re.match(r"(`{3,})(.*)", stripped):
            fence = m.group(1)
            items.append(f"code {m.group(2)}:")
        elif m := re.match(r"(#{1,6}) .*\{ *#([\w-]+) *\}\s*$", line):
            items.append(f"heading h{len(m.group(1))} #{m.group(2)}")
        elif m := re.match(r"#{1,6} ", line):
            items.append(f"heading without an explicit {{ #anchor }}: {line}")
        elif m := re.match(r"(!!!|\?\?\?\+?) *(\w+)", stripped):
            items.append(f"admonition {m.group(1)} {m.group(2)}")
        elif m := re.search(r"!\[[^\]]*\]\(([^)]*)\)", line):
            items.append("figure " + re.sub(r"_(ja|en)\.", "_<lang>.", m.group(1)))
        elif stripped.startswith("<!--pytest"):
            items.append("marker " + stripped)
        elif m := re.match(r"\*\*(?:問|Question) (\d+)\.\*\*", stripped):
            items.append(f"quiz question {m.group(1)}")
    lines += [len(text.splitlines())] * (len(items) - len(lines))
    return list(zip(items, lines))


@pytest.mark.parametrize("name", NAMES)
def test_same_structure(name):
    ja, en = JA / name, EN / name
    assert ja.exists(), f"docs/ja/{name} is missing (docs/en/{name} exists)"
    assert en.exists(), f"docs/en/{name} is missing (docs/ja/{name} exists)"
    a, b = outline(ja.read_text(encoding="utf-8")), outline(en.read_text(encoding="utf-8"))
    for (x, line_x), (y, line_y) in zip(a, b):
        assert x == y, f"{name}: first difference\n  docs/ja/{name}:{line_x}: {x}\n  docs/en/{name}:{line_y}: {y}"
    assert len(a) == len(b), (
        f"{name}: ja has {len(a)} elements, en has {len(b)}; first extra: {(a[len(b):] or b[len(a):])[0]}"
    )


def test_the_check_bites():
    page = "# T { #t }\n\n## A { #a }\n\n```python\nx = 1\n```\n\n??? success \"答え\"\n"
    assert skeleton(page) == skeleton(page.replace("## A", "## あ"))
    assert skeleton(page) != skeleton(page.replace("{ #a }", "{ #b }"))
    assert skeleton(page) != skeleton(page.replace("x = 1", "x = 2"))
    assert skeleton(page) != skeleton(page.replace("??? success", ""))
    assert skeleton(page + "**問 1.** a\n") == skeleton(page + "**Question 1.** b\n")
    assert skeleton(page + "**問 1.** a\n") != skeleton(page)
