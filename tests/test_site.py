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


def test_every_page_with_code_has_its_notebook_buttons_and_provenance(site_build):
    """Download (the file is published beside the page) and Open in Colab, above the content;
    under it, which TensorFlow and Keras produced the outputs (hooks/pages.py)."""
    import json

    from docrun import LANGS, OUTPUTS, pages
    from docrun.notebook import colab_url, has_code

    site, _ = site_build
    provenance = json.loads((OUTPUTS / "provenance.json").read_text())
    for page in pages():
        lang, stem = page.parent.name, page.stem
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        html = (site / prefix / ("" if stem == "index" else stem) / "index.html").read_text(encoding="utf-8")
        if not has_code(page):
            assert "notebook-actions" not in html, f"{page}: buttons but no code"
            continue
        where = f"{prefix}{stem}/"
        assert f'href="../notebooks/{stem}.ipynb" download' in html, f"{where}: no download button"
        assert (site / prefix / "notebooks" / f"{stem}.ipynb").exists(), f"{where}: the download button's file"
        assert f'href="{colab_url(lang, stem)}"' in html, f"{where}: no Colab button"
        p = provenance[stem]
        assert f"TensorFlow {p['tensorflow']}" in html and f"Keras {p['keras']}" in html and p["date"] in html, (
            f"{where}: no provenance line")


def test_whole_listings_show_no_annotation_markers(site_build):
    """hooks/annotations.py: a whole-program listing (no annotation list under it)
    shows plain code, while the explained blocks keep their markers for Material."""
    import re

    site, _ = site_build
    html = (site / "workflow" / "index.html").read_text(encoding="utf-8")
    listing = re.search(r'<details class="example">.*?</details>', html, re.S).group(0)
    assert "(1)!" not in listing and "set_random_seed" in listing
    assert '<span class="c1"># (1)!</span>' in html.replace(listing, "")


def test_every_page_names_its_images_and_links(site_build):
    """What axe-core's text rules check, on every page of both languages (the
    browser tests run axe on every Japanese page and a few English ones): a
    title, a valid lang, alt text on every image, a name on every link and button."""
    from html.parser import HTMLParser

    class Names(HTMLParser):
        def __init__(self):
            super().__init__()
            self.problems, self.open, self.lang, self.title = [], [], None, ""
            self.in_title = False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "html":
                self.lang = a.get("lang")
            if tag == "title":
                self.in_title = True
            if tag == "img" and not (a.get("alt") or "").strip() and a.get("role") != "presentation":
                self.problems.append(f"<img src={a.get('src')!r}> has no alt text")
            if tag == "img" and self.open:
                self.open[-1][3] += a.get("alt") or ""  # an image's alt text names its link
            # Material's empty line anchors in code blocks take no space: axe skips them too.
            if tag in ("a", "button") and (tag == "button" or "href" in a) \
                    and not (a.get("href") or "").startswith("#__codelineno-"):
                named = any((a.get(k) or "").strip() for k in ("aria-label", "title", "aria-labelledby"))
                self.open.append([tag, named, a.get("href") or a.get("class") or "", "", a.get("aria-hidden") == "true"])

        def handle_data(self, data):
            if self.in_title:
                self.title += data
            for element in self.open:
                element[3] += data

        def handle_endtag(self, tag):
            if tag == "title":
                self.in_title = False
            if tag in ("a", "button") and self.open and self.open[-1][0] == tag:
                kind, named, where, text, hidden = self.open.pop()
                if not named and not text.strip() and not hidden:
                    self.problems.append(f"<{kind} {where!r}> has no accessible name")

    site, _ = site_build
    problems = []
    for html in sorted(site.rglob("*.html")):
        if html.parent.name in ("search", "pagefind") or html.name == "404.html":
            continue
        names = Names()
        names.feed(html.read_text(encoding="utf-8"))
        expected = "en" if html.relative_to(site).parts[0] == "en" else "ja"
        if names.lang != expected:
            problems.append(f"{html.relative_to(site)}: lang={names.lang!r}, expected {expected!r}")
        if not names.title.strip():
            problems.append(f"{html.relative_to(site)}: empty <title>")
        problems += [f"{html.relative_to(site)}: {p}" for p in names.problems]
    assert problems == [], "\n".join(problems[:20])
