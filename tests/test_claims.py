"""Every claim in the register (claims.yml) still rests on what it cites.

For a claim about Keras, the few source lines it rests on must still occur,
verbatim apart from indentation, in the named file of the installed Keras.
After a version bump a failure names exactly the claims whose source changed,
and the pages (both languages) to re-read. For a claim from a paper, the
register keeps the paper's own words and where they are, so a reviewer can
check it without rereading the paper. Every page anchor must exist in both
languages.
"""

import re
from pathlib import Path

import pytest
import yaml

from docrun import DOCS, LANGS, ROOT
from docrun.expand import sections

REGISTER = ROOT / "claims.yml"
CLAIMS = yaml.safe_load(REGISTER.read_text(encoding="utf-8")) or []


def source_root(package: str = "keras") -> Path:
    """The folder holding an installed package (keras, or tensorflow for a few claims), found without importing it."""
    import importlib.util

    return Path(importlib.util.find_spec(package).origin).resolve().parent.parent


def squeeze(text: str) -> list[str]:
    return [line.strip() for line in text.strip("\n").splitlines() if line.strip()]


def missing_lines(claim: dict, root: Path) -> str | None:
    """None when the claim's lines occur in its source file, consecutively; else why not."""
    file = root / claim["source"]
    if not file.exists():
        return f"{claim['source']} no longer exists"
    source, wanted = squeeze(file.read_text(encoding="utf-8")), squeeze(claim["lines"])
    for i in range(len(source) - len(wanted) + 1):
        if source[i:i + len(wanted)] == wanted:
            return None
    return f"these lines are no longer in {claim['source']} ({claim.get('function', '?')}):\n" + "\n".join(wanted)


def anchors(lang: str, page: str) -> set[str]:
    path = DOCS / lang / page
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"\{[^}\n]*#([\w-]+)[^}\n]*\}", text)) | set(re.findall(r'\bid="([\w-]+)"', text))


def test_register_is_well_formed():
    ids = [c.get("id") for c in CLAIMS]
    assert len(ids) == len(set(ids)), "duplicate ids in claims.yml"
    for c in CLAIMS:
        assert c.get("id") and c.get("claim") and c.get("pages"), f"{c.get('id')}: needs id, claim, pages"
        assert ("source" in c and "lines" in c) or ("paper" in c and "quote" in c and "at" in c), (
            f"{c['id']}: needs source+lines (Keras) or paper+quote+at (a paper)")


@pytest.mark.parametrize("claim", [c for c in CLAIMS if "source" in c], ids=lambda c: c["id"])
def test_keras_source_still_says_it(claim):
    problem = missing_lines(claim, source_root(claim["source"].split("/")[0]))
    assert problem is None, (f"claim '{claim['id']}' ({claim['claim']}) must be re-read on "
                             f"{', '.join(claim['pages'])} in both languages: {problem}")


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_pages_make_the_claim_at_their_anchors(claim):
    for ref in claim["pages"]:
        page, _, anchor = ref.partition("#")
        for lang in LANGS:
            assert (DOCS / lang / page).exists(), f"{claim['id']}: docs/{lang}/{page} does not exist"
            if anchor:
                assert anchor in anchors(lang, page), f"{claim['id']}: no #{anchor} in docs/{lang}/{page}"


CHECKED_BY = re.compile(r"(snippets/[\w.]+\.py) sections? ([^(;]+)")


def named_sections(checked_by: str) -> list[tuple[str, str]]:
    """(snippet, section) for each section a `checked_by` note names:
    "snippets/x.py sections a, b and c (what they assert)"."""
    return [(m.group(1), name.strip()) for m in CHECKED_BY.finditer(checked_by)
            for name in re.split(r",| and ", m.group(2)) if name.strip()]


@pytest.mark.parametrize("claim", [c for c in CLAIMS if "checked_by" in c], ids=lambda c: c["id"])
def test_the_code_that_checks_it_exists(claim):
    """A claim's `checked_by` names snippet sections that exist, so the note cannot
    point at code that was renamed or moved away."""
    for snippet, section in named_sections(claim["checked_by"]):
        path = ROOT / snippet
        assert path.exists() and section in [name for name, _, _ in sections(path)], (
            f"{claim['id']}: checked_by names {snippet} section {section!r}, which does not exist")


def test_the_check_bites(tmp_path):
    """Edit one pinned line in a scratch copy of Keras: the claim is named."""
    claim = next(c for c in CLAIMS if "source" in c)
    copy = tmp_path / claim["source"]
    copy.parent.mkdir(parents=True)
    original = (source_root() / claim["source"]).read_text(encoding="utf-8")
    assert missing_lines(claim, tmp_path) is not None  # not copied yet: the file is missing
    first = squeeze(claim["lines"])[0]
    copy.write_text(original, encoding="utf-8")
    assert missing_lines(claim, tmp_path) is None
    copy.write_text(original.replace(first, first + "  # edited", 1), encoding="utf-8")
    assert "no longer in" in missing_lines(claim, tmp_path)
