"""Prose and Markdown style: textlint for the Japanese pages, markdownlint for all pages.

Japanese: textlint with textlint-rule-preset-ja-technical-writing and the
glossary's terms (textlint-rule-prh, prh.yml generated from the glossary by
`python -m tools.prh`); settings in .textlintrc.json, where each rule turned
off or relaxed is listed with its reason. Markdown: markdownlint-cli2 with
.markdownlint-cli2.jsonc. Both are Node tools, pinned in package.json and
installed by `make test` (npm ci).

textlint's Markdown parser does not know MkDocs admonitions: it reads
`!!! note "..."` as three exclamation marks and the indented body as a code
block, which it does not check. So the pages are checked as copies in which
the admonition line is blanked and its body dedented; the line numbers do not
change, so a report points at the real page and line.
"""

import json
import os
import re
import shutil
import subprocess

import pytest

from docrun import DOCS, ROOT
from tools import prh

NODE_BIN = ROOT / "node_modules" / ".bin"
# The linters run on the Node that `npm ci` installs there (package.json pins Node 24 LTS), not the machine's.
NODE_ENV = {**os.environ, "PATH": f"{NODE_BIN}{os.pathsep}{os.environ['PATH']}"}
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?) \w+(?: "[^"]*")?$')


def needs(tool: str):
    if not (NODE_BIN / tool).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing; `make test` installs it with npm ci")
        pytest.skip(f"{tool} is not installed: run `npm ci` (make test does)")


def textlint_copy(text: str) -> str:
    """The page with admonitions turned into plain paragraphs, line for line."""
    out, inside = [], False
    for line in text.splitlines():
        if ADMONITION.match(line):
            out.append("")
            inside = True
        elif inside and (line.startswith("    ") or not line.strip()):
            out.append(line[4:])
        else:
            inside = False
            out.append(line)
    return "\n".join(out) + "\n"


def textlint(paths, tmp_path, root=ROOT) -> list[str]:
    """Problems as 'docs/ja/page.md:line:col: message (rule)'."""
    copies = {}
    for page in paths:
        copy = tmp_path / page.relative_to(root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(textlint_copy(page.read_text(encoding="utf-8")), encoding="utf-8")
        copies[str(copy)] = page.relative_to(root).as_posix()
    shutil.copy(ROOT / "prh.yml", tmp_path / "prh.yml")
    result = subprocess.run(
        [str(NODE_BIN / "textlint"), "--config", str(ROOT / ".textlintrc.json"), "--format", "json", *copies], env=NODE_ENV,
        cwd=tmp_path, capture_output=True, text=True,
    )
    if result.returncode not in (0, 1):
        pytest.fail(f"textlint did not run:\n{result.stderr}")
    return [
        f"{copies[report['filePath']]}:{m['line']}:{m['column']}: {m['message']} ({m['ruleId']})"
        for report in json.loads(result.stdout)
        for m in report["messages"]
    ]


JA_PAGES = sorted((DOCS / "ja").rglob("*.md"))


def test_japanese_prose(tmp_path):
    needs("textlint")
    problems = textlint(JA_PAGES, tmp_path)
    assert problems == [], f"{len(problems)} textlint errors:\n" + "\n".join(problems)


def test_glossary_rule_is_up_to_date():
    assert (ROOT / "prh.yml").read_text(encoding="utf-8") == prh.render(), (
        "prh.yml does not match docs/ja/glossary.md: run `python -m tools.prh`"
    )


def test_markdown_style():
    """markdownlint-cli2 over the pages and the README (globs and rules: .markdownlint-cli2.jsonc)."""
    needs("markdownlint-cli2")
    result = subprocess.run([str(NODE_BIN / "markdownlint-cli2")], cwd=ROOT, env=NODE_ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_bite(tmp_path):
    needs("textlint")
    page = tmp_path / "docs" / "ja" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 見出し\n\nモデルを学習するときはロスを見ます。\n\n!!! note \"注意\"\n    これは本文です！\n", encoding="utf-8")
    problems = textlint([page], tmp_path / "copies", root=tmp_path)
    assert any("学習する => 訓練する" in p for p in problems), problems
    assert any("ロス => 損失" in p for p in problems), problems
    assert any("page.md:6:" in p and "exclamation" in p for p in problems), problems  # inside the admonition
    assert not any("page.md:5:" in p for p in problems), problems  # the `!!! note` line itself is not prose
