"""The Japanese and English versions of a page have the same structure.

The prose differs by design; the skeleton must not: the same pages, the same
headings with the same explicit anchors, the same code blocks in the same
order, the same figures, admonitions and quiz questions. A failure names
the page and the first difference.
"""

import re

import pytest

from tests.docblocks import DOCS

JA, EN = DOCS / "ja", DOCS / "en"
NAMES = sorted({p.relative_to(JA).as_posix() for p in JA.rglob("*.md")} | {p.relative_to(EN).as_posix() for p in EN.rglob("*.md")})


def skeleton(text: str) -> list[str]:
    """The language-independent outline of a page, one entry per element."""
    items, fence = [], None
    for line in text.splitlines():
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
    return items


@pytest.mark.parametrize("name", NAMES)
def test_same_structure(name):
    ja, en = JA / name, EN / name
    assert ja.exists(), f"docs/ja/{name} is missing (docs/en/{name} exists)"
    assert en.exists(), f"docs/en/{name} is missing (docs/ja/{name} exists)"
    a, b = skeleton(ja.read_text(encoding="utf-8")), skeleton(en.read_text(encoding="utf-8"))
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == y, f"{name}: element {i + 1} differs\n  ja: {x}\n  en: {y}"
    assert len(a) == len(b), (
        f"{name}: ja has {len(a)} elements, en has {len(b)}; first extra: {(a[len(b):] or b[len(a):])[0]}"
    )


def test_the_check_bites():
    page = "# T { #t }\n\n## A { #a }\n\n```python\nx = 1\n```\n\n??? success \"答え\"\n"
    assert skeleton(page) == skeleton(page.replace("## A", "## あ"))
    assert skeleton(page) != skeleton(page.replace("{ #a }", "{ #b }"))
    assert skeleton(page) != skeleton(page.replace("x = 1", "x = 2"))
    assert skeleton(page) != skeleton(page.replace("??? success", ""))
