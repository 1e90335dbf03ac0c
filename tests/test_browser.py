"""The built site, used the way a reader uses it: in headless Chromium."""

import re
from pathlib import Path

import pytest

from docrun import DOCS

pytestmark = pytest.mark.browser

# Search, as a reader uses it. Each entry: (language, what the reader searches
# for, the page that must come first). GLOSSARY: a term of docs/<lang>/glossary.md,
# whose first result is the page the glossary links it to (hooks/search.py
# makes those links the search's best bets), so the entry follows the glossary.
# The others are headings and API names, each with the page that explains it.
# To extend: add a line; name a page that exists in docs/<lang>/.
GLOSSARY = None
QUERIES = [
    # Japanese: glossary terms (kanji, katakana, mixed), then headings and API names
    ("ja", "検証データ", GLOSSARY),
    ("ja", "テストデータ", GLOSSARY),
    ("ja", "エポック", GLOSSARY),
    ("ja", "ステップ", GLOSSARY),
    ("ja", "バッチサイズ", GLOSSARY),
    ("ja", "ミニバッチ", GLOSSARY),
    ("ja", "勾配", GLOSSARY),
    ("ja", "損失関数", GLOSSARY),
    ("ja", "交差エントロピー", GLOSSARY),
    ("ja", "オプティマイザ", GLOSSARY),
    ("ja", "評価指標", GLOSSARY),
    ("ja", "正解率", GLOSSARY),
    ("ja", "過学習", GLOSSARY),
    ("ja", "学習曲線", GLOSSARY),
    ("ja", "コールバック", GLOSSARY),
    ("ja", "早期終了", GLOSSARY),
    ("ja", "最後のバッチ", "epochs-steps"),
    ("ja", "勾配累積", "batch-size"),
    ("ja", "進捗表示", "fit"),
    ("ja", "並んだデータの落とし穴", "fit"),
    ("ja", "確率からラベルへ", "evaluate-predict"),
    ("ja", "用語集", "glossary"),
    ("ja", "EarlyStopping", "callbacks"),
    ("ja", "ModelCheckpoint", "callbacks"),
    ("ja", "return_dict", "evaluate-predict"),
    ("ja", "verbose", "fit"),
    # English
    ("en", "validation data", GLOSSARY),
    ("en", "test data", GLOSSARY),
    ("en", "epochs", "epochs-steps"),  # a plural: the glossary has "epoch"
    ("en", "batch size", GLOSSARY),
    ("en", "mini-batch", GLOSSARY),
    ("en", "loss function", GLOSSARY),
    ("en", "optimizer", GLOSSARY),
    ("en", "overfitting", GLOSSARY),
    ("en", "learning curve", GLOSSARY),
    ("en", "early stopping", GLOSSARY),
    ("en", "gradient accumulation", "batch-size"),
    ("en", "time per epoch", "batch-size"),
    ("en", "steps per epoch", "epochs-steps"),
    ("en", "last batch", "epochs-steps"),
    ("en", "progress line", "fit"),
    ("en", "ordered data", "fit"),
    ("en", "choosing the loss", "compile"),
    ("en", "glossary", "glossary"),
    ("en", "restore_best_weights", "callbacks"),
    ("en", "return_dict", "evaluate-predict"),
    ("en", "verbose", "fit"),
]


def glossary_page(lang, term):
    """The page docs/<lang>/glossary.md links `term` to, as a page name ("fit")."""
    text = (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
    link = re.search(r"^\|\s*(?:<a id=\"[^\"]*\"></a>)?\[" + re.escape(term) + r"\]\(([^)#]+)", text, re.M)
    assert link, f"{term!r} is not a term of docs/{lang}/glossary.md: give its page in QUERIES"
    return link.group(1).removesuffix(".md")


PREFIX = {"ja": "/", "en": "/en/"}
RESULTS = "[data-site-search-result]"


def enter_query(page, query, way):
    """What the reader does: focus the box ("/"), clear it, then either type
    the query key by key or commit it at once from an input method (one
    insertion, then the release of the confirming key)."""
    box = page.locator("[data-site-search-query]")
    if not box.evaluate("e => e === document.activeElement"):
        page.keyboard.press("/")  # the shortcut that opens search
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(f"() => document.querySelector('{RESULTS}').dataset.query === ''")
    if way == "typed":
        page.keyboard.type(query)
    else:
        page.keyboard.insert_text(query)
        page.keyboard.up("Enter")


def results_for(page, query):
    """(path, lang) of each result the list shows for `query`, once it shows them."""
    page.wait_for_function(
        f"q => document.querySelector('{RESULTS}').dataset.query === q", arg=query, timeout=10_000
    )
    return page.locator(f"{RESULTS} .md-search-result__item > a:first-child").evaluate_all(
        "els => els.map(a => [new URL(a.href).pathname, a.firstElementChild.lang])"
    )


@pytest.mark.parametrize(
    "lang, start, way",
    [("ja", "/", "typed"), ("ja", "/epochs-steps/", "ime"), ("en", "/en/", "typed"), ("en", "/en/fit/", "ime")],
)
def test_search_after_a_pause(browser, site_url, lang, start, way):
    """A reader opens a page, looks at it for 2 s, then searches, one query after
    another, typed or through an input method: the first result is the page
    that explains the query, and every result is in the reader's language."""
    page = browser.new_page()
    page.goto(site_url + start)
    page.wait_for_timeout(2000)
    wrong = []
    for qlang, query, stem in QUERIES:
        if qlang != lang:
            continue
        enter_query(page, query, way)
        found = results_for(page, query)
        stem = stem or glossary_page(lang, query)
        expected = PREFIX[lang] + ("" if stem == "index" else f"{stem}/")
        # every result in the reader's language: by its address, and marked so
        other = [path for path, mark in found if path.startswith("/en/") != (lang == "en") or mark != lang]
        if not found or found[0][0] != expected or other:
            wrong.append(f"{query!r}: expected {expected}, got {[path for path, _ in found[:4]]}")
    page.close()
    assert wrong == [], f"{len(wrong)} of the {lang} queries ({way}) went wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "start, query, expected",
    [("/", "検証データ", "/fit/"), ("/", "損失関数", "/compile/"), ("/en/", "return_dict", "/en/evaluate-predict/")],
)
def test_search_typed_right_after_load(page, site_url, start, query, expected):
    """A fast reader types before the search engine has loaded: the query waits for it."""
    page.goto(site_url + start)
    page.keyboard.press("/")
    page.keyboard.type(query)
    assert results_for(page, query)[0][0] == expected


def test_search_opens_from_the_header_button_on_a_phone(browser, site_url):
    """On a narrow screen the header's search button opens the search overlay
    with the keyboard in the box, and typing there finds pages."""
    context = browser.new_context(viewport={"width": 400, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/en/")
    page.locator("header label.md-header__button[for=__search]").click()
    page.keyboard.type("batch size")
    found = results_for(page, "batch size")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.locator(".md-search-result__list").is_visible()
    assert found[0][0] == "/en/batch-size/"
    context.close()


def test_search_index_loads_only_when_search_opens(page, site_url):
    """A page view fetches no search index; opening search fetches this
    language's index from this site, and nothing else."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "/en/fit/")
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if "/pagefind/" in u or "/search/" in u] == []
    page.keyboard.press("/")
    page.keyboard.type("epochs")
    results_for(page, "epochs")
    fetched = [u for u in requests if "/pagefind/" in u]
    assert fetched and all(u.startswith(site_url + "/pagefind/") for u in fetched)
    assert not [u for u in fetched if "/pagefind/index/ja_" in u or "/pagefind/fragment/ja_" in u]


@pytest.mark.parametrize(
    "start, lang, expected", [("/workflow/", "en", "/en/workflow/"), ("/en/workflow/", "ja", "/workflow/")]
)
def test_language_switcher_keeps_the_page(page, site_url, start, lang, expected):
    page.goto(site_url + start)
    page.locator(f"a.md-select__link[hreflang='{lang}']").first.evaluate("e => e.click()")
    page.wait_for_url(site_url + expected)



def test_palette_toggle_switches_and_is_remembered(browser, site_url):
    """The light/dark toggle (overrides/partials/palette.html) follows the
    system preference at first, switches on a click, and the next page keeps
    the reader's choice."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site_url + "/fit/")
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("[data-site-palette] label:not([hidden])").click()
    assert page.evaluate(scheme) == "slate"
    page.goto(site_url + "/en/compile/")
    assert page.evaluate(scheme) == "slate"
    page.locator("[data-site-palette] label:not([hidden])").click()
    assert page.evaluate(scheme) == "default"
    context.close()


def page_paths():
    """URL path of every page, in both languages, from the files in docs/
    (the notebooks in docs/<lang>/notebooks/ are downloads, not pages)."""
    paths = []
    for lang, prefix in [("ja", "/"), ("en", "/en/")]:
        for md in sorted((DOCS / lang).glob("*.md")):
            stem = md.relative_to(DOCS / lang).with_suffix("").as_posix()
            paths.append(prefix if stem == "index" else f"{prefix}{stem}/")
    return paths


def serious_violations(page, rules=None, only=None):
    """axe-core (bundled by axe-playwright-python): violations of impact serious or
    critical, of axe's default rules but those `rules` turns off, or of the rules in `only`."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"], "rules": rules or {}}
    if only:
        options = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": only}}
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page, options=options).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# axe-core rules whose result depends only on the shared stylesheet, not on a
# page's own content: colour contrast, and links told apart from the text around
# them. They are the slow ones, so every page gets every other rule of axe's
# default set, and sample pages get these two in both colour schemes.
STYLESHEET_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module")
def shared_context(browser):
    """One browser context for the per-page checks below: a fresh tab per page,
    without pytest-playwright's per-test context set-up (a third of their time)."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def tab(shared_context):
    page = shared_context.new_page()
    yield page
    page.close()


# axe-core runs on every Japanese page and on these English ones. The two
# languages of a page have the same skeleton (tests/test_parity.py: headings,
# blocks, figures, admonitions), which is what axe's content rules read; what
# differs is the text, and the text-dependent rules (image alt, link and button
# names, title, lang) are checked on every page of both languages in
# tests/test_site.py::test_every_page_names_its_images_and_links.
AXE_ENGLISH = {"/en/", "/en/workflow/", "/en/epochs-steps/", "/en/glossary/"}


@pytest.mark.parametrize("path", page_paths())
def test_page_loads_cleanly_and_is_accessible(tab, site_url, path):
    """Every page of both languages: no console error, no request to another host;
    and no serious axe-core violation of a rule that depends on the page's content."""
    page = tab
    errors, failed, foreign = [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.on("request", lambda r: not r.url.startswith(site_url) and foreign.append(r.url))
    page.goto(site_url + path, wait_until="load")
    # The page's own scripts finish their idle-time work (a11y.js) before a reader acts.
    page.evaluate("() => new Promise(done => requestIdleCallback(done, {timeout: 2000}))")
    problems = []
    if not path.startswith("/en/") or path in AXE_ENGLISH:
        problems = serious_violations(page, rules={rule: {"enabled": False} for rule in STYLESHEET_RULES})
    page.wait_for_load_state("networkidle")  # late requests count too (axe's run usually covers the wait)
    # Material probes `sitemap.xml` next to each language link, but
    # mkdocs-static-i18n links to the page itself, so those probes get a 404.
    # Nothing else may fail: the language switch then navigates normally,
    # which test_language_switcher_keeps_the_page checks.
    probes = [url for url in failed if url.endswith("/sitemap.xml")]
    assert [url for url in failed if url not in probes] == []
    real_errors = [e for e in errors if not e.startswith("Failed to load resource")]
    assert real_errors == [] and len(errors) - len(real_errors) <= len(probes)
    assert foreign == []
    assert problems == [], f"{path}:\n" + "\n".join(problems)


# Pages that together show every kind of element the stylesheet colours: text
# and navigation, code with annotations, notebook buttons and admonitions (fit),
# the calculator (epochs-steps), tables and figures (batch-size).
STYLESHEET_SAMPLE = ["/fit/", "/epochs-steps/", "/en/batch-size/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", STYLESHEET_SAMPLE)
def test_stylesheet_rules(browser, site_url, path, scheme):
    """Colour contrast and links told apart from text, in both colour schemes."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    problems = serious_violations(page, only=STYLESHEET_RULES)
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


@pytest.mark.parametrize("start", ["/fit/", "/en/fit/"])
def test_notebook_download_button(page, site_url, start):
    """A page's notebook button downloads the notebook itself, a file Jupyter and Colab can open."""
    import json

    page.goto(site_url + start)
    with page.expect_download() as download:
        page.locator(".notebook-actions a[download]").click()
    notebook = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) > 10
