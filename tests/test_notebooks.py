"""Every page with code has its notebook in both languages, made from the page and
never edited by hand (`make notebooks` writes them; docrun/notebook.py).

The page tests run exactly the notebook that `notebook.build` makes, in a
fresh kernel (docrun/run.py), so a committed notebook that equals a fresh
build is a notebook that runs and prints what its page shows. The two
languages' notebooks differ only in their prose.
"""

import difflib

import nbformat
import pytest

from docrun import DOCS, LANGS, NOTEBOOKS, ROOT, pages
from docrun.notebook import build, has_code, notebook_path

WITH_CODE = [p for p in pages() if has_code(p)]


def cells(nb):
    return [(cell.cell_type, cell.source) for cell in nb.cells]


@pytest.mark.parametrize("page", WITH_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_up_to_date(page):
    path = notebook_path(page.parent.name, page.stem)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: make notebooks"
    committed, fresh = cells(nbformat.read(path, as_version=4)), cells(build(page))
    if committed != fresh:
        diff = difflib.unified_diff(
            [f"[{kind}] {line}" for kind, text in committed for line in text.splitlines()],
            [f"[{kind}] {line}" for kind, text in fresh for line in text.splitlines()],
            f"{path.relative_to(ROOT)} (committed)", f"made now from {page.relative_to(ROOT)}",
            lineterm="", n=1)
        pytest.fail("the notebook is out of date; run `make notebooks`\n" + "\n".join(list(diff)[:40]))
    assert all(not c.outputs for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


def test_no_stale_notebooks():
    wanted = {notebook_path(p.parent.name, p.stem) for p in WITH_CODE}
    found = {p for lang in LANGS for p in (DOCS / lang / NOTEBOOKS).glob("*")}
    assert found == wanted, f"not made from a page now: {sorted(map(str, found - wanted))}; missing: {sorted(map(str, wanted - found))}"


@pytest.mark.parametrize("page", [p for p in WITH_CODE if p.parent.name == LANGS[0]], ids=lambda p: p.name)
def test_languages_share_the_code(page):
    """ja and en run the same code cells (the one copy in snippets/), so the code runs once."""
    code = {lang: [c.source for c in build(DOCS / lang / page.name).cells if c.cell_type == "code"] for lang in LANGS}
    assert code[LANGS[0]] == code[LANGS[1]], f"{page.name}: the languages' code cells differ"
