"""English spelling (codespell) in the English pages, the README, the code and the tests.

Japanese pages are not checked here: codespell knows only English misspellings.
Add a project word that codespell wrongly flags to .codespell-ignore, one per line.
"""

import subprocess
import sys

from docrun import ROOT

CHECKED = ["docs/en", "README.md", "snippets", "tests", "tools", "hooks", "experiments", "docs/assets/steps-calculator.js"]
# The notebooks are made from the pages (checked above); their base64 figures are not words.
SKIP = "*.ipynb"


def codespell(*paths: str) -> subprocess.CompletedProcess:
    ignore = ROOT / ".codespell-ignore"
    args = ["--ignore-words", str(ignore)] if ignore.exists() else []
    return subprocess.run([sys.executable, "-m", "codespell_lib", "--skip", SKIP, *args, *paths], cwd=ROOT, capture_output=True, text=True)


def test_no_misspellings():
    result = codespell(*CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_bites(tmp_path):
    page = tmp_path / "page.md"
    typo = "rec" + "ieves"  # split, so this file itself passes the check
    page.write_text(f"The optimizer {typo} the gradients.\n")
    result = codespell(str(page))
    assert result.returncode != 0 and typo in result.stdout
