"""Every external link written in the docs, in one report, and (when online) whether it answers.

    python -m tools.links            # the report, to stdout and reports/external-links.md
    python -m tools.links --check    # the same, with each link fetched (needs a network)

Internal links and anchors are checked by MkDocs itself (validation settings
in mkdocs.yml, `--strict`). tests/test_links.py checks that every external
link is well formed, writes this report, and fetches the links only when a
network is reachable, so an offline CI neither fails nor waits.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "external-links.md"
URL = re.compile(r"""https?://[^\s<>"'`)\]]+""")
HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")


def sources() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]


def external_links() -> dict[str, list[str]]:
    """URL -> the places (file:line) that write it."""
    found: dict[str, list[str]] = {}
    for path in sources():
        in_code = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                in_code = not in_code
            for url in [] if in_code else URL.findall(line):
                found.setdefault(url.rstrip(".,;:"), []).append(f"{path.relative_to(ROOT)}:{n}")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for key, url in [("site_url", config["site_url"]), ("extra.repository", config["extra"]["repository"])]:
        found.setdefault(url, []).append(f"mkdocs.yml ({key})")
    return dict(sorted(found.items()))


def problem(url: str) -> str | None:
    """Why a URL is not well formed, or None."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "not https"
    if not HOST.match(parts.hostname or ""):
        return f"bad host {parts.hostname!r}"
    if parts.hostname in ("127.0.0.1", "localhost"):
        return None
    if re.search(r"[^\w\-._~:/?#\[\]@!$&'()*+,;=%]", url):
        return "characters that must be percent-encoded"
    return None


def fetch(url: str, timeout: float = 10) -> str:
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "keras-training-guide link check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return str(response.status)
    except urllib.error.HTTPError as error:
        return str(error.code)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return f"unreachable ({getattr(error, 'reason', error)})"


def report(links: dict[str, list[str]], status: dict[str, str] | None = None) -> str:
    lines = ["# External links", "", f"{len(links)} links, written in these places.", "",
             "| link | status | written in |", "| --- | --- | --- |"]
    for url, places in links.items():
        state = problem(url) or (status or {}).get(url, "not fetched")
        lines.append(f"| {url} | {state} | {', '.join(places)} |")
    return "\n".join(lines) + "\n"


def main(args: list[str]) -> int:
    links = external_links()
    # The project's own URLs (mkdocs.yml) may not exist before the first deploy: not fetched.
    written = [url for url, places in links.items() if not places[0].startswith("mkdocs.yml")]
    status = {url: fetch(url) for url in written} if "--check" in args else None
    text = report(links, status)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    broken = [url for url, code in (status or {}).items() if code in ("404", "410")]
    return 1 if broken or any(problem(url) for url in links) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
