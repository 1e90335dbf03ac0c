"""Page weight and speed of our pages beside stock Material pages made from the same text.

    python -m tools.lighthouse [--runs N] [--site DIR]     (what `make lighthouse` runs)

Builds this site (`mkdocs build --strict`, or takes --site) and a stock
Material site from the same Markdown: the same pages, figures and Markdown
extensions, with Material's defaults for everything else (its own search,
no custom templates, CSS, JavaScript or hooks; `font: false` in both, since
nothing may be fetched from outside). Each is served by its own static
server on 127.0.0.1 under the site_url path (/keras-training-guide/), text
gzip-compressed as GitHub Pages sends it, and
Lighthouse (mobile, default simulated throttling, performance only) runs on
each page of PAGES, ours and stock in turn, N times. The median run of each
is compared in a table, printed and written to reports/lighthouse.md.

Exits 1 when one of our pages scores below its stock page, or transfers more
than 1.2 times its bytes. The 95-point target is shown, not enforced:
scores move by a few points between runs on a busy machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "reports" / "lighthouse.md"
RAW = ROOT / "reports" / "lighthouse"  # each run's full Lighthouse report (JSON)
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = shutil.which("chromium") or "/usr/bin/chromium"
# (language, page): the home page, a long page with figures and the
# calculator, and an English page.
PAGES = [("ja", "index"), ("ja", "epochs-steps"), ("en", "fit")]
TARGET_SCORE = 95
MAX_BYTES_RATIO = 1.2


def site_url_path() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return urlsplit(match.group(1)).path.rstrip("/") if match else ""


def page_path(lang: str, page: str) -> str:
    return ("/en/" if lang == "en" else "/") + ("" if page == "index" else f"{page}/")


def build_ours(dest: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)]
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)
    return dest


def build_stock(work: Path) -> Path:
    """Stock Material: the same Markdown (snippets included from this repository), figures
    and Markdown extensions; one build per language, the English one under /en/."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:(?:[ #].*)?\n)+", config, re.M).group(0)
    extensions = extensions.replace('base_path: ["."]', f'base_path: ["{ROOT.as_posix()}"]')
    site_name = re.search(r"^site_name:.*$", config, re.M).group(0)
    site_url = re.search(r"^site_url:\s*(\S+)", config, re.M).group(1).rstrip("/") + "/"
    site = work / "site"
    for lang in sorted({lang for lang, _ in PAGES}, key=lambda lang: lang != "ja"):  # ja first: it cleans site/
        project = work / lang
        docs = project / "docs"
        shutil.copytree(ROOT / "docs" / "assets" / "figures", docs / "assets" / "figures")
        for _, page in [p for p in PAGES if p[0] == lang]:
            text = (ROOT / "docs" / lang / f"{page}.md").read_text(encoding="utf-8")
            (docs / f"{page}.md").write_text(text.replace("../assets/", "assets/"), encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            f"{site_name}\nsite_url: {site_url}{'' if lang == 'ja' else lang + '/'}\n"
            f"theme:\n  name: material\n  language: {lang}\n  font: false\n"
            f"plugins:\n  - search\n{extensions}",
            encoding="utf-8",
        )
        out = site if lang == "ja" else site / lang
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)],
                       cwd=project, check=True, env=env, stderr=subprocess.DEVNULL)
    return site


# Text that GitHub Pages sends gzip-compressed, as any static host does; the
# simulated network counts bytes on the wire, so serving it raw would weigh
# markup and scripts several times over, for both sites alike.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def serve(directory: Path, prefix: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    """A static server on 127.0.0.1 that serves `directory` under `prefix`, text gzip-compressed."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            path = path.split("?", 1)[0]
            if prefix and path.startswith(prefix + "/"):
                path = path[len(prefix):]
            return super().translate_path(path)

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") \
                    or not path.is_file() or not self.path.split("?", 1)[0].endswith(("/", path.name)):
                return super().do_GET()  # directories without a slash, misses, binaries: as before
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}{prefix}", server


def lighthouse(url: str, out: Path) -> dict:
    cmd = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
           "--chrome-flags=--headless --no-sandbox", "--quiet"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=240)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "si": audits["speed-index"]["numericValue"] / 1000,
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median score (its metrics belong together); bytes do not vary."""
    ranked = sorted(runs, key=lambda r: r["score"])
    return {**ranked[len(ranked) // 2], "scores": [r["score"] for r in runs]}


def table(results: dict, runs: int) -> tuple[str, bool]:
    lines = [
        f"Lighthouse {lighthouse_version()} (mobile, default simulated throttling), Chromium at {CHROME}; "
        f"median of {runs} run{'s' if runs > 1 else ''} per page, ours and stock in turn.",
        "",
        "| page | site | score (runs) | FCP s | LCP s | TBT ms | CLS | SI s | KiB | requests |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    ok = True
    verdicts = []
    for (lang, page), pair in results.items():
        for name in ("stock", "ours"):
            r = pair[name]
            scores = "/".join(map(str, r["scores"]))
            lines.append(
                f"| {page_path(lang, page)} | {name} | {r['score']} ({scores}) | {r['fcp']:.1f} | {r['lcp']:.1f} | "
                f"{r['tbt']:.0f} | {r['cls']:.3f} | {r['si']:.1f} | {r['kib']:.0f} | {r['requests']} |"
            )
        ours, stock = pair["ours"], pair["stock"]
        below = ours["score"] < stock["score"]
        heavy = ours["kib"] > MAX_BYTES_RATIO * stock["kib"]
        ok = ok and not below and not heavy
        verdicts.append(
            f"- {page_path(lang, page)}: score {ours['score']} vs stock {stock['score']} "
            f"({'BELOW STOCK' if below else 'ok'}; target {TARGET_SCORE}: {'met' if ours['score'] >= TARGET_SCORE else 'missed'}), "
            f"transfer {ours['kib'] / stock['kib']:.2f}x stock ({'OVER ' if heavy else 'ok, max '}{MAX_BYTES_RATIO}x)"
        )
    return "\n".join(lines + [""] + verdicts) + "\n", ok


def lighthouse_version() -> str:
    return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("LIGHTHOUSE_RUNS", 3)))
    parser.add_argument("--site", type=Path, help="an already built site (default: build it)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: `make lighthouse` installs it")
    prefix = site_url_path()
    shutil.rmtree(RAW, ignore_errors=True)
    RAW.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours_site = args.site or build_ours(tmp / "ours")
        stock_site = build_stock(tmp / "stock")
        ours_url, s1 = serve(ours_site, prefix)
        stock_url, s2 = serve(stock_site, prefix)
        results = {}
        for lang, page in PAGES:
            runs = {"ours": [], "stock": []}
            for i in range(args.runs):
                for name, base in (("stock", stock_url), ("ours", ours_url)):
                    url = base + page_path(lang, page)
                    runs[name].append(lighthouse(url, RAW / f"{name}-{lang}-{page}-{i}.json"))
                    print(f"{name:5} {url}: {runs[name][-1]['score']}", file=sys.stderr, flush=True)
            results[(lang, page)] = {name: median_run(r) for name, r in runs.items()}
        s1.shutdown()
        s2.shutdown()
    report, ok = table(results, args.runs)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("# Lighthouse: our pages beside stock Material\n\n" + report, encoding="utf-8")
    print(report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
