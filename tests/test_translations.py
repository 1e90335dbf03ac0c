"""Neither language of a page falls behind the other unnoticed.

translations.yml records each page's two files as they were when someone last
checked that they say the same thing (tools/translations.py). When one
language's file changes and the other's does not, this test fails on that day,
naming the page that is behind. If the team decides to publish anyway, it
writes `behind: <lang>` and a `reason:` for the page in translations.yml; the
test then reports the page as an expected failure with that reason (`-ra`
lists it), and the site shows a notice on it (hooks/translations.py).
"""

import shutil
import subprocess
import sys

import pytest

from docrun import DOCS, ROOT
from tools import translations

PAGES = translations.pages(DOCS)


@pytest.mark.parametrize("name", PAGES)
def test_both_languages_were_checked_together(name):
    entry = translations.load().get(name)
    assert entry, f"{name} is not in translations.yml: check both languages, then `make translated PAGE={name[:-3]}`"
    moved = translations.changed(name)
    stale = translations.behind(name)
    if stale and entry.get("behind") == stale:
        pytest.xfail(f"docs/{stale}/{name} is behind (translations.yml): {entry.get('reason', 'no reason given')}")
    other = {"ja": "en", "en": "ja"}
    assert not stale, (
        f"docs/{stale}/{name} is behind: docs/{other[stale]}/{name} changed since the two were last checked. "
        f"Update docs/{stale}/{name} to say the same, then `make translated PAGE={name[:-3]}`"
    )
    assert not moved, (
        f"docs/ja/{name} and docs/en/{name} both changed since they were last checked: make sure they say "
        f"the same thing, then `make translated PAGE={name[:-3]}`"
    )
    assert "behind" not in entry, f"{name}: translations.yml still says `behind: {entry['behind']}`; remove it"


def test_no_record_for_a_missing_page():
    assert sorted(set(translations.load()) - set(PAGES)) == []


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory):
    """The site built from a copy of the project in which only docs/ja/fit.md has changed."""
    copy = tmp_path_factory.mktemp("project")
    for name in ["docs", "snippets", "hooks", "overrides", "tools", "docrun"]:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "translations.yml"]:
        shutil.copy(ROOT / name, copy / name)
    page = copy / "docs" / "ja" / "fit.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新しく書き足した段落です。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy / "site")],
        cwd=copy, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return copy


def test_the_page_behind_shows_a_notice(stale_site):
    assert translations.behind("fit.md", stale_site) == "en"
    english = (stale_site / "site" / "en" / "fit" / "index.html").read_text(encoding="utf-8")
    assert "This English page may be out of date" in english
    assert 'href="../../fit/">Japanese version</a>' in english  # the same page, in Japanese
    japanese = (stale_site / "site" / "fit" / "index.html").read_text(encoding="utf-8")
    assert "translation-notice" not in japanese  # the page that changed is not behind
    other = (stale_site / "site" / "en" / "compile" / "index.html").read_text(encoding="utf-8")
    assert "translation-notice" not in other


def test_no_notice_on_the_real_site(site_build):
    site, _ = site_build
    noticed = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "translation-notice" in p.read_text(encoding="utf-8")]
    expected = [f"{'' if lang == 'ja' else 'en/'}{n[:-3]}/index.html".replace("index/index.html", "index.html")
                for n in PAGES if (lang := translations.behind(n)) and translations.load()[n].get("behind") == lang]
    assert sorted(noticed) == sorted(expected)
