"""Command line: `python -m docrun notebooks` writes every page's notebook
(docs/<lang>/notebooks/<page>.ipynb, without outputs); `make notebooks` runs it.
`python -m docrun run docs/en/fit.md` runs one page's notebook and prints each
cell's output, for a quick look without pytest."""

import sys

import nbformat

from docrun import DOCS, LANGS, NOTEBOOKS, ROOT, pages
from docrun.notebook import build, has_code, notebook_path


def write_notebooks() -> int:
    wanted = {notebook_path(p.parent.name, p.stem) for p in pages() if has_code(p)}
    for lang in LANGS:
        for stale in (DOCS / lang / NOTEBOOKS).glob("*.ipynb"):
            if stale not in wanted:
                stale.unlink()
                print(f"removed {stale.relative_to(ROOT)} (its page has no code now)")
    for page in pages():
        if has_code(page):
            path = notebook_path(page.parent.name, page.stem)
            path.parent.mkdir(exist_ok=True)
            nbformat.write(build(page), path)
    print(f"{len(wanted)} notebooks in docs/<lang>/{NOTEBOOKS}/")
    return 0


def run(path: str) -> int:
    from pathlib import Path

    from docrun.run import execute

    results = execute(build(Path(path).resolve()))
    for n, r in enumerate(results):
        print(f"--- cell {n} {'(not run)' if not r.ran else ''}\n{r.stdout}{r.error or ''}")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    command = sys.argv[1:2]
    if command == ["notebooks"]:
        sys.exit(write_notebooks())
    if command == ["run"] and len(sys.argv) == 3:
        sys.exit(run(sys.argv[2]))
    sys.exit(__doc__)
