"""Every file in snippets/ is used by a page and runs on its own as a script."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docblocks import DOCS, OUTPUTS, ROOT

SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
OUTPUT_FILES = sorted(OUTPUTS.glob("*.txt"))


def included_paths() -> set[str]:
    found = set()
    for page in DOCS.rglob("*.md"):
        for m in re.finditer(r'-{1,}8<-{1,}\s+"([^":]+)', page.read_text(encoding="utf-8")):
            found.add(m.group(1))
    return found


def test_no_orphans():
    used = included_paths()
    orphans = [p.relative_to(ROOT).as_posix() for p in SNIPPETS + OUTPUT_FILES]
    assert [p for p in orphans if p not in used] == []


@pytest.mark.parametrize("script", SNIPPETS, ids=lambda p: p.name)
def test_runs_standalone(script: Path, tmp_path: Path):
    """As a reader who downloaded the file would run it: `python workflow.py`."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"python {script.name} failed:\n{result.stderr[-4000:]}"
