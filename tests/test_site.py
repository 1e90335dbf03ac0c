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
        text = re.sub(r'<link rel="canonical"[^>]*>', "", text)  # names the published URL, loads nothing
        loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//([^"/]+)', text)
        assert loaded == [], f"{html.relative_to(site)} loads from {loaded}"


def test_japanese_anchors_are_readable(site_build):
    """Headings without an explicit id get their own text as anchor, not `_1`."""
    site, _ = site_build
    html = (site / "workflow" / "index.html").read_text(encoding="utf-8")
    assert 'id="_1"' not in html
    assert 'id="steps"' in html  # explicit ids match across languages


def test_notebook_pages_render_as_notebooks(site_build):
    """mkdocs-jupyter under i18n can silently publish the .ipynb as JSON text (hooks/notebooks.py)."""
    site, _ = site_build
    for lang, prefix in [("ja", ""), ("en", "en/")]:
        html = (site / prefix / "notebook" / "index.html").read_text(encoding="utf-8")
        assert '"cell_type":' not in html, f"{prefix}notebook/ shows the notebook as JSON"
        assert html.count('class="jp-Cell ') >= 10, f"{prefix}notebook/ has no rendered cells"
        assert "<img" in html and "image/png" in html, f"{prefix}notebook/ lost the learning-curve figure"
        assert "No description has been provided" not in html, "the figure lost its alt text"
        for anchor in ["data", "fit", "steps", "curves", "quiz"]:  # the page's ids, usable in the TOC
            assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, f"{prefix}notebook/#{anchor}"
        assert (site / prefix / "notebook" / "notebook.ipynb").exists(), "the download button's file"
        assert 'href="notebook.ipynb" download' in html
        assert "colab.research.google.com/github/" in html and f"/blob/main/docs/{lang}/notebook.ipynb" in html
