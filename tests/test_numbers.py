"""Numbers in the prose must come from a run.

A page may say "36 steps" only if the page's own code or its generated
output contains 36. When a code change moves the number, the output file is
regenerated, the prose no longer matches, and this test names the page and
the number. Small counting words (0 to 10), the pinned library versions
(from requirements.txt) and years of citations, written "(2017)", are exempt.
A number quoted from a cited paper is exempt when the page lists it in a
comment: `<!-- numbers from cited papers: 8192 -->`; so is a Keras version in a
"before Keras 3.9" note that `make matrix` backs: `<!-- numbers from make matrix: 3.9 -->`.
"""

import re

import pytest

from docrun import DOCS, ROOT
from docrun.expand import expand

PAGES = sorted(DOCS.rglob("*.md"))
NUM = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])\d+(?:\.\d+)?%?")
# In prose, not inside names such as "ResNet-50" (in code, "best-03-0.51.keras" counts).
PROSE_NUM = re.compile(r"(?<!\w-)(?:" + NUM.pattern + ")")
FENCED = re.compile(r"^(\s*)(`{3,}).*?^\1\2\s*$", re.M | re.S)


def numbers(text: str, pattern: re.Pattern = NUM) -> set[str]:
    return {m.replace(",", "") for m in pattern.findall(text)}


def pinned_versions() -> set[str]:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return set(re.findall(r"==(\d+\.\d+)", text))


def prose_of(text: str) -> str:
    text = FENCED.sub("", text)
    # A reference list is bibliographic data (volumes, pages), not claims.
    text = re.sub(r"^#+ .*\{ *#references *\}.*?(?=^#|\Z)", "", text, flags=re.M | re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"<https?://[^>]*>", "", text)  # bare links
    return re.sub(r"\{[^}]*#[^}]*\}", "", text)  # heading anchors


def evidence_of(text: str) -> set[str]:
    blocks = "\n".join(m.group(0) for m in FENCED.finditer(text))
    found = numbers(expand(blocks))  # the code and outputs as the reader sees them
    return found | pinned_versions()


def _is_fraction(n: str) -> bool:
    return not n.endswith("%") and 0 < float(n) < 1


def unexplained(text: str) -> list[str]:
    evidence = evidence_of(text)
    # Numbers quoted from a cited paper, or Keras versions that `make matrix` found behaving differently.
    for listed in re.findall(r"<!--\s*numbers from (?:cited papers|make matrix):(.*?)-->", text, re.S):
        evidence |= numbers(listed)
    text = re.sub(r"\((?:19|20)\d\d[a-z]?\)", "", text)  # citation years
    fraction_as_percent = {f"{round(float(n) * 100):g}%" for n in evidence if _is_fraction(n)}
    missing = []
    for n in sorted(numbers(prose_of(text), PROSE_NUM)):
        if n.endswith("%") and n in fraction_as_percent:
            continue
        if n.rstrip("%").isdigit() and int(n.rstrip("%")) <= 10:
            continue
        if n not in evidence:
            missing.append(n)
    return missing


@pytest.mark.parametrize("md", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_prose_numbers_come_from_the_code(md):
    missing = unexplained(md.read_text(encoding="utf-8"))
    assert missing == [], (
        f"{md.relative_to(ROOT)}: these numbers in the prose appear in no code block or "
        f"output of the page: {missing}. Print them from the code (make outputs) instead of typing them."
    )


def test_the_check_bites():
    page = 'Steps: 36.\n\n```python\nprint(36)\n```\n'
    assert unexplained(page) == []
    assert unexplained(page.replace("Steps: 36", "Steps: 37")) == ["37"]
    assert unexplained("20% of it\n\n```python\nx = 0.2\n```\n") == []
    assert unexplained("Goyal et al. (2017) used 8,192 images.") == ["8192"]
    assert unexplained("ResNet-50 and float32.") == []
    assert unexplained("## References { #references }\n\n- JMLR 20(112).\n\n## Next { #next }\n\n37 steps") == ["37"]
    assert unexplained("Goyal et al. (2017) used 8,192.\n<!-- numbers from cited papers: 8192 -->") == []
