"""Which language of a page is behind the other, from translations.yml.

    python -m tools.translations record fit.md     # after checking both languages say the same
    python -m tools.translations record --all
    python -m tools.translations                   # the status of every page

translations.yml holds, for every page, a hash of each language's file as it
was when the two were last checked against each other. When one language's
file changes and the other's does not, the other is behind:
tests/test_translations.py fails (unless translations.yml says `behind:` with a
`reason:`, which the test reports), and the site shows a notice on the page
that is behind, linking to the other language (hooks/translations.py).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "translations.yml"
LANGS = ("ja", "en")
HEADER = """\
# Each page's Japanese and English files, by a hash of their text, as they were
# when someone last checked that the two say the same thing. Written by
# `make translated PAGE=<page>` (python -m tools.translations record <page>.md),
# read by tests/test_translations.py and hooks/translations.py.
# A page known to lag may get `behind: <lang>` and a `reason:` until it is updated.
"""


def digest(path: Path) -> str:
    text = "\n".join(line.rstrip() for line in path.read_text(encoding="utf-8").strip().splitlines())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pages(docs: Path) -> list[str]:
    return sorted({p.relative_to(docs / lang).as_posix() for lang in LANGS for p in (docs / lang).rglob("*.md")})


def load(root: Path = ROOT) -> dict:
    path = root / RECORD.name
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("pages", {}) if path.exists() else {}


def changed(name: str, root: Path = ROOT) -> list[str]:
    """The languages whose file of this page changed since the last check."""
    entry = load(root).get(name) or {}
    return [lang for lang in LANGS if digest(root / "docs" / lang / name) != entry.get(lang)]


def behind(name: str, root: Path = ROOT) -> str | None:
    """The language that is behind: its file is as checked, the other's has changed since."""
    moved = changed(name, root)
    return next(lang for lang in LANGS if lang not in moved) if len(moved) == 1 else None


def record(names: list[str], root: Path = ROOT) -> None:
    entries = load(root)
    for name in names:
        entries[name] = {lang: digest(root / "docs" / lang / name) for lang in LANGS}
    body = yaml.safe_dump({"pages": dict(sorted(entries.items()))}, allow_unicode=True, sort_keys=False)
    (root / RECORD.name).write_text(HEADER + body, encoding="utf-8")


def main(args: list[str]) -> None:
    docs = ROOT / "docs"
    if args[:1] == ["record"]:
        names = pages(docs) if args[1:] == ["--all"] else [a.removeprefix("docs/ja/").removeprefix("docs/en/") for a in args[1:]]
        names = [n if n.endswith(".md") else f"{n}.md" for n in names]
        record(names)
        print(f"recorded {', '.join(names)} in {RECORD.name}")
        return
    for name in pages(docs):
        moved = changed(name)
        state = "checked" if not moved else f"{behind(name)} is behind" if behind(name) else "both changed"
        print(f"{name:24} {state}")


if __name__ == "__main__":
    main(sys.argv[1:])
