"""Site search: a Pagefind index per language, and the glossary's links as "best bets".

Material's own search (lunr) builds one index of both languages, which every
page view downloads (about 500 KB), and Japanese kanji queries were found or
not depending on when they arrived (see docs/assets/search.js). Instead:

- Pagefind (`pagefind[extended]`, segments Japanese) indexes the built pages'
  article text into site/pagefind/: one index per `<html lang>`, fetched in
  small chunks only when a reader searches.
- Each glossary row links a term to the page that explains it. Those links go
  to site/pagefind/glossary-<lang>.json, so that a query that is a glossary
  term puts the explaining page first (docs/assets/search.js).

With mkdocs-static-i18n every language is a nested build inside the first
one's `on_post_build`; this hook runs after it (priority below the i18n
plugin's -100), once, when every language is on disk.
"""

import json
import posixpath
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from mkdocs.plugins import event_priority

# What a reader searches: the article, without permalinks, the notebook
# buttons and the provenance line under it (the same words on every page).
PAGEFIND_ARGS = [
    "--root-selector", "article.md-content__inner",
    "--exclude-selectors", ".headerlink, .notebook-actions, .provenance",
    "--glob", "**/index.html",  # every page; not 404.html
    "--output-subdir", "pagefind",
    "--silent",
]
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
LINK = re.compile(r"<a href=\"([^\"]+)\"")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def text(html: str) -> str:
    html = re.sub(r"<a class=\"headerlink\".*?</a>", "", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def glossary_best_bets(site: Path, prefix: str) -> dict[str, dict]:
    """{term: {url, title, text}} from the glossary tables: the page each term
    links to (site-relative, "fit/" or "en/fit/"), that page's title, and the
    term's meaning as the glossary gives it; each term also under its other
    names (see `names`) and its translation in the second column."""
    page = site / prefix / "glossary" / "index.html"
    if not page.exists():
        return {}
    bets = {}
    for row in ROW.findall(page.read_text(encoding="utf-8")):
        cells = CELL.findall(row)
        link = LINK.search(cells[0]) if cells else None
        if not link or len(cells) < 3:
            continue
        url = posixpath.normpath(posixpath.join(prefix, "glossary", link.group(1).split("#")[0]))
        url = "" if url == "." else url + "/"
        target = site / url / "index.html"
        title = H1.search(target.read_text(encoding="utf-8")) if target.exists() else None
        bet = {"url": url, "title": text(title.group(1)) if title else "", "text": text(cells[2])}
        for name in names(text(cells[0])) + names(text(cells[1])):  # the term, then its other language
            bets.setdefault(name, bet)
    return bets


def names(term: str) -> list[str]:
    """A term and the ways a reader may type it: "ドロップアウト（Dropout）" is
    also "ドロップアウト" and "Dropout"."""
    parts = [term, *re.split(r"\s*[（(]\s*|\s*[）)]\s*", term)]
    return [p for p in dict.fromkeys(p.strip() for p in parts) if p]


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested language build; the outer call indexes the whole site
    site = Path(config.site_dir)
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *PAGEFIND_ARGS],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed:\n{result.stdout}{result.stderr}")
    languages = [lang.locale for lang in i18n.config.languages] if i18n else [config.theme.language]
    default = languages[0] if not i18n else next(l.locale for l in i18n.config.languages if l.default)
    for lang in languages:
        prefix = "" if lang == default else lang
        bets = glossary_best_bets(site, prefix)
        (site / "pagefind" / f"glossary-{lang}.json").write_text(
            json.dumps(bets, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
