"""docrun: run every page of the site the way a reader runs it.

A page (docs/<lang>/<page>.md) becomes the notebook a reader would get: its
code blocks in page order with the snippet includes expanded, its prose as
text cells. That notebook runs once, in a fresh Jupyter kernel, and what each
block prints (and draws) is compared with the output the page shows.

    collect.py   read a page: its code blocks, their expected outputs, and the
                 fences that would escape the run (pure, no pytest)
    expand.py    expand `--8<--` includes exactly as the site build does
    notebook.py  build the page's notebook (the one that is committed and runs)
    run.py       run a notebook in a fresh kernel, one result per code cell
    compare.py   compare outputs and figures, tolerant of another machine's noise
    pytest_plugin.py   one test per block, one kernel per page (and per language pair)

tests/, tools/ and hooks/ import this package; it imports none of them.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
OUTPUTS = SNIPPETS / "outputs"
FIGURES = DOCS / "assets" / "figures"
NOTEBOOKS = "notebooks"  # docs/<lang>/notebooks/<page>.ipynb
LANGS = ("ja", "en")  # the first is the site's default language


def pages(lang: str | None = None) -> list[Path]:
    """Every page of the site (docs/<lang>/*.md), sorted."""
    langs = [lang] if lang else LANGS
    return sorted(p for lang in langs for p in (DOCS / lang).glob("*.md"))
