"""Nothing on a page may escape the run silently.

docrun.collect reads a page the way the engine runs it; anything that looks
like code but would not run (`~~~`, ```py, ```python title="x"), a skip
without a written reason, an output typed by hand instead of generated, or an
include that does not resolve is a problem, reported with its line.
"""

import pytest

from docrun import ROOT, pages
from docrun.collect import read
from docrun.expand import expand


@pytest.mark.parametrize("md", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fence_runs_and_every_output_is_generated(md):
    problems = read(md).problems
    assert not problems, f"{md.relative_to(ROOT)}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("md", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_includes_resolve(md):
    expand(md.read_text(encoding="utf-8"))  # raises SnippetMissingError naming the path


def problems(text: str) -> list[str]:
    return read(ROOT / "docs" / "en" / "x.md", text).problems


def test_guard_catches_what_it_should():
    """The guard itself must bite: each of these pages is wrong in one way."""
    assert problems("~~~python\nx = 1\n~~~\n")
    assert problems('```python title="a.py"\nx = 1\n```\n')
    assert problems("```py\nx = 1\n```\n")
    assert problems("```{ .python .annotate }\nx = 1\n```\n")
    assert problems("```\nx = 1\n```\n")
    assert problems("```text\nhand-typed output\n```\n")
    assert problems("```python\nprint(1)\n```\n\n<!--pytest-codeblocks:expected-output-->\n\n```text\n1\n```\n")
    assert problems('<!--pytest.mark.skip-->\n\n```python\nx = 1\n```\n')
    assert problems("```python\nx = 1\n")  # never closed
    ok = ('```python\nprint(1)\n```\n\n<!--pytest-codeblocks:expected-output-->\n\n'
          '```text\n--8<-- "snippets/outputs/x.txt"\n```\n\n'
          '<!--pytest.mark.skip(reason="shows an error on purpose")-->\n\n```python\n1 / 0\n```\n'
          '??? note "How we checked this"\n\n    ```python\n    x = 1\n    ```\n')
    assert problems(ok) == []
    page = read(ROOT / "docs" / "en" / "x.md", ok)
    assert [b.lineno for b in page.blocks] == [1, 13, 18] and page.blocks[1].skip
    assert page.blocks[2].raw == "x = 1\n"  # an indented block runs too
    with pytest.raises(Exception, match="could not be"):
        expand('--8<-- "snippets/no_such_file.py"')
