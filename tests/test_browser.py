"""The built site, used the way a reader uses it: in headless Chromium."""

import pytest

pytestmark = pytest.mark.browser

# (page the reader is on, what they type, a page that must be among the results)
QUERIES = [
    ("/", "バッチサイズ", "/workflow/"),
    ("/", "エポック", "/workflow/"),
    ("/", "検証データ", "/workflow/"),  # kanji + katakana typed as one word
    ("/", "損失関数", "/workflow/"),
    ("/en/", "validation", "/en/workflow/"),
    ("/en/", "epochs", "/en/workflow/"),  # plural: the index is not stemmed
    ("/en/", "optimizer", "/en/workflow/"),
]


@pytest.mark.parametrize("start, query, expected", QUERIES)
def test_search_finds_the_page(page, site_url, start, query, expected):
    page.goto(site_url + start)
    page.keyboard.press("/")  # Material's shortcut to focus the search box
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert expected in hrefs, f"{query!r} found {hrefs}"


@pytest.mark.parametrize(
    "start, lang, expected", [("/workflow/", "en", "/en/workflow/"), ("/en/workflow/", "ja", "/workflow/")]
)
def test_language_switcher_keeps_the_page(page, site_url, start, lang, expected):
    page.goto(site_url + start)
    page.locator(f"a.md-select__link[hreflang='{lang}']").first.evaluate("e => e.click()")
    page.wait_for_url(site_url + expected)


def test_no_console_errors_or_foreign_requests(page, site_url):
    errors, failed, foreign = [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.on("request", lambda r: not r.url.startswith(site_url) and foreign.append(r.url))
    for path in ["/", "/workflow/", "/en/", "/en/workflow/"]:
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
