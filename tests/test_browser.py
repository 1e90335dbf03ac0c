"""The built site, used the way a reader uses it: in headless Chromium."""

from pathlib import Path

import pytest

from docrun import DOCS

pytestmark = pytest.mark.browser

# (page the reader is on, what they type, the page that must come first)
QUERIES = [
    ("/", "バッチサイズ", "/batch-size/"),
    ("/", "エポック", "/epochs-steps/"),
    ("/", "検証データ", "/fit/"),  # kanji + katakana typed as one word
    ("/", "損失関数", "/compile/"),
    ("/", "過学習", "/learning-curves/"),
    ("/en/", "validation", "/en/fit/"),
    ("/en/", "epochs", "/en/epochs-steps/"),  # plural: the index is not stemmed
    ("/en/", "optimizer", "/en/compile/"),
    ("/en/", "overfitting", "/en/learning-curves/"),
]


@pytest.mark.parametrize("start, query, expected", QUERIES)
def test_search_finds_the_page(page, site_url, start, query, expected):
    page.goto(site_url + start)
    page.keyboard.press("/")  # Material's shortcut to focus the search box
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert hrefs[0] == expected, f"{query!r}: first result {hrefs[0]}, then {hrefs[1:6]}"


@pytest.mark.parametrize(
    "start, lang, expected", [("/workflow/", "en", "/en/workflow/"), ("/en/workflow/", "ja", "/workflow/")]
)
def test_language_switcher_keeps_the_page(page, site_url, start, lang, expected):
    page.goto(site_url + start)
    page.locator(f"a.md-select__link[hreflang='{lang}']").first.evaluate("e => e.click()")
    page.wait_for_url(site_url + expected)



def page_paths():
    """URL path of every page, in both languages, from the files in docs/."""
    paths = []
    for lang, prefix in [("ja", "/"), ("en", "/en/")]:
        for md in sorted(f for f in (DOCS / lang).rglob("*") if f.suffix in (".md", ".ipynb")):
            stem = md.relative_to(DOCS / lang).with_suffix("").as_posix()
            paths.append(prefix if stem == "index" else f"{prefix}{stem}/")
    return paths


def serious_violations(page, rules=None):
    """axe-core (bundled by axe-playwright-python): violations of impact serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"], "rules": rules or {}}
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page, options=options).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", page_paths())
def test_page_loads_cleanly_and_is_accessible(page, site_url, path):
    """Every page of both languages: no console error, no request to another host,
    and no serious axe-core violation. Colour contrast, the slow rule, depends only
    on the shared stylesheet and is checked on sample pages below."""
    errors, failed, foreign = [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.on("request", lambda r: not r.url.startswith(site_url) and foreign.append(r.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    # Material probes `sitemap.xml` next to each language link, but
    # mkdocs-static-i18n links to the page itself, so those probes get a 404.
    # Nothing else may fail: the language switch then navigates normally,
    # which test_language_switcher_keeps_the_page checks.
    probes = [url for url in failed if url.endswith("/sitemap.xml")]
    assert [url for url in failed if url not in probes] == []
    real_errors = [e for e in errors if not e.startswith("Failed to load resource")]
    assert real_errors == [] and len(errors) - len(real_errors) <= len(probes)
    assert foreign == []
    problems = serious_violations(page, rules={"color-contrast": {"enabled": False}})
    assert problems == [], f"{path}:\n" + "\n".join(problems)


CONTRAST_SAMPLE = ["/", "/fit/", "/epochs-steps/", "/en/batch-size/", "/notebook/"]  # text, code, calculator, tables, notebook


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", CONTRAST_SAMPLE)
def test_colour_contrast(browser, site_url, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    problems = serious_violations(page, rules={"color-contrast": {"enabled": True}})
    context.close()
    assert problems == [], f"{path} ({scheme}):\n" + "\n".join(problems)


def test_copy_button_copies_runnable_code(browser, site_url):
    """The copy button on a block with code annotations copies plain Python:
    the `# (1)!` markers are stripped and what is left compiles."""
    from docrun.expand import expand

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "/workflow/")
    block = page.locator("#compile ~ div.highlight").first  # the compile block, with annotations
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert "(1)" not in copied and "model.compile(" in copied
    compile(copied, "copied", "exec")  # valid Python as pasted
    shown = expand('--8<-- "snippets/workflow.py:compile"')
    without_markers = [line.split("  # (")[0] for line in shown.strip().splitlines()]
    assert [line.rstrip() for line in copied.strip().splitlines()] == without_markers, copied


@pytest.mark.parametrize("start", ["/notebook/", "/en/notebook/"])
def test_notebook_download_button(page, site_url, start):
    """The button downloads the notebook itself, a file Jupyter and Colab can open."""
    import json

    page.goto(site_url + start)
    with page.expect_download() as download:
        page.locator(".notebook-actions a[download]").click()
    notebook = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) > 10
