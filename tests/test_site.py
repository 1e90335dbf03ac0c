"""The site builds with `mkdocs build --strict`, with zero warnings, in both languages."""

import re


def test_build_is_strict_and_clean(site_build):
    site, log = site_build
    assert not re.search(r"^(WARNING|ERROR)", log, re.M), log
    for page in ["index.html", "workflow/index.html", "en/index.html", "en/workflow/index.html"]:
        assert (site / page).exists(), page


def test_no_third_party_requests_in_html(site_build):
    """No fonts, scripts or styles from another host: the site works offline."""
    site, _ = site_build
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//([^"/]+)', text)
        assert loaded == [], f"{html.relative_to(site)} loads from {loaded}"


def test_japanese_anchors_are_readable(site_build):
    """Headings without an explicit id get their own text as anchor, not `_1`."""
    site, _ = site_build
    html = (site / "workflow" / "index.html").read_text(encoding="utf-8")
    assert 'id="_1"' not in html
    assert 'id="steps"' in html  # explicit ids match across languages
