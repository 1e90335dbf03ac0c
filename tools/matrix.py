"""`make matrix`: the page tests against other Keras 3 releases a reader may have.

    python -m tools.matrix                 # oldest supported, a mid version, the newest release
    python -m tools.matrix 3.10.0 3.13.2   # or the versions you name

Each version is installed on its own (`pip install --no-deps --target
.matrix/keras-X`, a few MB; TensorFlow and everything else stay the pinned
ones) and put first on PYTHONPATH, which the page kernels inherit. The page
tests then run as usual, and each page gets one verdict per version:

    same     every block ran and printed what the page shows
    differs  every block ran, but some printed something else (the first difference is quoted)
    fails    a block raised (the error is quoted)

The table is printed and written to reports/matrix.md. Readers on Colab or an
older install meet these differences; where one matters, the page says so.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from docrun import ROOT

OLDEST, MID = "3.8.0", "3.11.3"  # the oldest Keras 3 the site supports, and one between
REPORTS = ROOT / "reports"


def newest() -> str:
    out = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "keras"],
                         capture_output=True, text=True).stdout
    return re.search(r"keras \(([\d.]+)\)", out).group(1)


def install(version: str) -> Path:
    target = ROOT / ".matrix" / f"keras-{version}"
    if not (target / "keras").exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "--no-deps", "--target", str(target), f"keras=={version}"], check=True)
    return target


def run(version: str) -> dict[str, tuple[str, str]]:
    """page -> (verdict, first problem) under this Keras version."""
    target = install(version)
    xml = REPORTS / f"matrix-keras-{version}.xml"
    env = {**os.environ, "PYTHONPATH": str(target), "TF_CPP_MIN_LOG_LEVEL": "2"}
    subprocess.run([sys.executable, "-m", "pytest", "docs", "-q", "-n", "auto", "-p", "no:cacheprovider",
                    f"--junitxml={xml}"], cwd=ROOT, env=env, capture_output=True, text=True)
    pages: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for case in ET.parse(xml).getroot().iter("testcase"):
        page = re.sub(r"^docs\.(ja|en)\.", "", case.get("classname", "")).replace(".md", "") or case.get("name")
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            pages[page].append(("same", ""))
            continue
        text = problem.get("message", "") + "\n" + (problem.text or "")
        kind = "differs" if "no longer matches" in text else "fails"
        first = next((ln.strip() for ln in text.splitlines() if ln.startswith(("+", "-", "E ")) and
                      not ln.startswith(("+++", "---"))), "")
        err = re.findall(r"^(\w+(?:Error|Exception|Warning)\b.*)$", text, re.M)
        pages[page].append((kind, err[-1] if kind == "fails" and err else first))
    verdicts = {}
    for page, results in sorted(pages.items()):
        kinds = {k for k, _ in results}
        verdict = "fails" if "fails" in kinds else "differs" if "differs" in kinds else "same"
        detail = next((d for k, d in results if k == verdict and d), "")
        verdicts[page] = (verdict, detail[:160])
    return verdicts


def main(versions: list[str]) -> int:
    import keras  # the pinned one, for the report's header

    REPORTS.mkdir(exist_ok=True)
    versions = versions or [OLDEST, MID, newest()]
    results = {v: run(v) for v in versions}
    pages = sorted({p for r in results.values() for p in r})
    lines = [f"# Page tests against other Keras releases (pinned: Keras {keras.__version__})", "",
             "| page | " + " | ".join(f"Keras {v}" for v in versions) + " |",
             "| --- | " + " | ".join("---" for _ in versions) + " |"]
    for page in pages:
        lines.append(f"| {page} | " + " | ".join(results[v].get(page, ("-", ""))[0] for v in versions) + " |")
    lines += ["", "## First difference or error per page and version", ""]
    for v in versions:
        for page in pages:
            verdict, detail = results[v].get(page, ("-", ""))
            if verdict != "same" and detail:
                lines.append(f"- Keras {v}, {page}: {verdict}: `{detail}`")
    report = "\n".join(lines) + "\n"
    (REPORTS / "matrix.md").write_text(report, encoding="utf-8")
    (REPORTS / "matrix.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
