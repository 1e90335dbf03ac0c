"""External links: each one well formed and listed in one report; fetched only when online.

Internal links and anchors are MkDocs' job: mkdocs.yml's `validation` turns a
broken link or anchor into a warning, `--strict` turns that into a failed
build, and tests/test_site.py builds strictly.
"""

import socket

import pytest

from tools import links


def test_every_external_link_is_well_formed_and_reported():
    found = links.external_links()
    bad = {url: links.problem(url) for url in found if links.problem(url)}
    links.REPORT.parent.mkdir(exist_ok=True)
    links.REPORT.write_text(links.report(found), encoding="utf-8")
    assert bad == {}, f"malformed external links (see {links.REPORT.relative_to(links.ROOT)}): {bad}"


def online() -> bool:
    try:
        socket.create_connection(("arxiv.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


def test_external_links_answer():
    if not online():
        pytest.skip("no network: external links are listed in reports/external-links.md but not fetched")
    # The project's own URLs (mkdocs.yml) may not exist before the first deploy.
    written = {url: places for url, places in links.external_links().items() if not places[0].startswith("mkdocs.yml")}
    status = {url: links.fetch(url) for url in written}
    links.REPORT.write_text(links.report(links.external_links(), status), encoding="utf-8")
    gone = {url: code for url, code in status.items() if code in ("404", "410")}
    assert gone == {}, f"external links that no longer exist: {gone}"


def test_the_check_bites():
    assert links.problem("https://arxiv.org/abs/1609.04836") is None
    assert links.problem("http://arxiv.org/abs/1609.04836") == "not https"
    assert links.problem("https://arxiv/abs/1609") is not None
    assert links.problem("https://arxiv.org/abs/16 09") is not None
