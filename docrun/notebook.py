"""Build the notebook a reader gets for a page: docs/<lang>/notebooks/<page>.ipynb.

Its code cells are the page's runnable blocks in page order, includes
expanded (the one copy of the code in snippets/); its text cells are the
page's prose in that language, with MkDocs syntax turned into plain Markdown
that Jupyter and Colab render (admonitions, heading ids, site links, test
markers; expected outputs are dropped, since a notebook shows its own).
jupytext does the Markdown -> notebook split; the glue here is only what is
MkDocs-specific. The same notebook object is what the tests run (run.py), so
the notebook that ships is the notebook that is checked.

A block listing a whole snippet file ("the whole program") is not a cell:
running it again in the same session would only repeat the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from docrun import DOCS, LANGS, NOTEBOOKS, ROOT
from docrun.collect import Page, read
from docrun.expand import expand, mkdocs_config

INTRO = {
    "ja": (
        "このノートブックは、サイトのページ「[{title}]({url})」と同じコード・同じ説明から自動で作っています。"
        "上のセルから順に実行してください。\n\n"
        "- Google Colab では、そのまま実行できます（[Colab で開く]({colab})）。"
        "使うのは Colab に最初から入っている TensorFlow・Keras・scikit-learn・matplotlib だけです。\n"
        "- 手元で実行するときは、先に `pip install tensorflow scikit-learn matplotlib` を済ませておきます。\n"
        "- ページに載っている出力は、TensorFlow {tf}（Keras {keras}）を CPU で実行したものです。"
        "バージョンやハードウェアが違うと、小数の下の桁が少し変わることがあります。"
    ),
    "en": (
        "This notebook is made automatically from the same code and explanations as the site's page "
        "[{title}]({url}). Run the cells from top to bottom.\n\n"
        "- It runs as is in Google Colab ([open in Colab]({colab})): it uses only TensorFlow, Keras, "
        "scikit-learn and matplotlib, which Colab already has.\n"
        "- To run it on your own machine, first `pip install tensorflow scikit-learn matplotlib`.\n"
        "- The outputs on the page come from TensorFlow {tf} (Keras {keras}) on a CPU. Other versions "
        "or hardware can change the last digits of the numbers slightly."
    ),
}

# Packages a page may use that Colab does not ship: the notebook's first cell says so,
# and the code that imports them degrades without them (an ImportError is caught).
NOT_IN_COLAB = {
    "matplotlib_fontja": {
        "ja": "\n- 日本語ラベルの図だけは、Colab にない `matplotlib-fontja`（日本語フォント）を使います。"
              "入っていなくても図は描けますが、日本語が四角い箱になります。`%pip install matplotlib-fontja` で入ります。",
        "en": "\n- One figure with Japanese labels uses `matplotlib-fontja` (a Japanese font), which Colab does not have. "
              "Without it the figure is still drawn, with boxes for the Japanese characters; `%pip install matplotlib-fontja` adds it.",
    },
}

FENCE_OR_MARKER = re.compile(r"^[ \t]*<!--.*?-->\n", re.M)
EXPECTED = re.compile(r"^(?P<i>[ \t]*)<!--pytest-codeblocks:expected-output-->\n\n(?P=i)```text\n.*?\n(?P=i)```\n",
                      re.M | re.S)
HEADING_ID = re.compile(r"^(#+ .*?)\s*\{ *#([\w-]+) *\}$", re.M)
ANNOTATION = re.compile(r"(#\s*\(\d+\))!")  # `# (1)!` is Material's code annotation marker
LINK = re.compile(r"\]\((?!https?://|#)([^)\s]*)\)")
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?) ([\w-]+)(?: "([^"]*)")?\n((?:(?:    .*)?\n)+)', re.M)
FIGURE = re.compile(r"^!\[([^\]]*)\]\((?:\.\./)?assets/figures/([\w.-]+)\)", re.M)


def site_urls() -> tuple[str, str]:
    config = mkdocs_config()
    return config["site_url"].rstrip("/") + "/", config["extra"]["repository"].rstrip("/")


def notebook_path(lang: str, page: str) -> Path:
    return DOCS / lang / NOTEBOOKS / f"{page}.ipynb"


def colab_url(lang: str, page: str) -> str:
    _, repo = site_urls()
    rel = notebook_path(lang, page).relative_to(ROOT).as_posix()
    return f"https://colab.research.google.com/github/{repo.removeprefix('https://github.com/')}/blob/main/{rel}"


def page_url(lang: str, page: str, target: str = "") -> str:
    """The published URL of a link written in docs/<lang>/<page>.md."""
    site, _ = site_urls()
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    path, _, anchor = target.partition("#")
    if path.startswith("../"):  # an asset, shared by both languages
        return site + path.removeprefix("../")
    name = path.removesuffix(".md") or page
    name = "" if name == "index" else f"{name}/"
    return site + prefix + name + (f"#{anchor}" if anchor else "")


def admonition(m: re.Match) -> str:
    kind, title, body = m.group(1), m.group(3) or m.group(2).title(), m.group(4)
    body = re.sub(r"^    ", "", body, flags=re.M).strip("\n")
    if "```" in body:  # code inside: a heading-like paragraph, then the cells themselves
        return f"**{title}**\n\n{body}\n\n"
    if kind.startswith("???"):  # collapsible: quiz answers stay hidden until clicked
        return f"<details><summary>{title}</summary>\n\n{body}\n\n</details>\n\n"
    return f"> **{title}**\n>\n" + "\n".join(f"> {line}".rstrip() for line in body.splitlines()) + "\n\n"


def versions() -> dict[str, str]:
    """The pinned TensorFlow and Keras versions (requirements.txt)."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return {name: re.search(rf"^{name}==([\w.]+)", text, re.M).group(1) for name in ("tensorflow", "keras")}


def markdown_of(page: Page, lang: str) -> str:
    """The page as plain Markdown for jupytext, one ```python fence per cell."""
    lines = page.path.read_text(encoding="utf-8").splitlines(keepends=True)
    name = page.path.stem
    for block in reversed(page.blocks):  # whole-file listings and skips are not cells
        if block.whole_file or block.skip:
            del lines[block.lineno - 1:block.end]
    text = "".join(lines)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # MkDocs front matter is for the site only
    text = EXPECTED.sub("", text)
    text = FENCE_OR_MARKER.sub("", text)
    text = FIGURE.sub(lambda m: f"![{m.group(1)}]({page_url(lang, name, '../assets/figures/' + m.group(2))})", text)
    text = ADMONITION.sub(admonition, text)
    text = re.sub(r"^```(bash|sh)\n(.*?)^```", lambda m: "```python\n%%bash\n" + m.group(2) + "```", text,
                  flags=re.M | re.S)
    text = expand(text)
    text = ANNOTATION.sub(r"\1", text)
    text = HEADING_ID.sub(r'\1 <a id="\2"></a>', text)
    text = LINK.sub(lambda m: f"]({page_url(lang, name, m.group(1))})", text)
    return text


def build(path: Path):
    """The notebook of docs/<lang>/<page>.md, without outputs (an nbformat NotebookNode)."""
    import jupytext  # imported here: the site build (hooks/pages.py) needs only the URLs above
    import nbformat

    lang = path.parent.name
    page = read(path)
    text = markdown_of(page, lang)
    title_line, _, rest = text.partition("\n")
    title = re.sub(r"\s*<a id=.*", "", title_line.lstrip("# "))
    intro = INTRO[lang].format(title=title, url=page_url(lang, path.stem), colab=colab_url(lang, path.stem),
                               tf=versions()["tensorflow"], keras=versions()["keras"])
    intro += "".join(note[lang] for module, note in NOT_IN_COLAB.items() if f"import {module}" in rest)
    nb = jupytext.reads(f"{title_line}\n\n{intro}\n{rest}", fmt="md")
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "colab": {"provenance": []},
    }
    for n, cell in enumerate(nb.cells):
        cell.id = f"{lang}-{n}"  # stable ids keep the committed file's diff readable
        cell.metadata = {}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    code = [c for c in nb.cells if c.cell_type == "code"]
    blocks = run_blocks(page)
    if len(code) != len(blocks):
        raise RuntimeError(f"{path.relative_to(ROOT)}: {len(blocks)} blocks became {len(code)} code cells")
    nbformat.validate(nb)
    return nb


def run_blocks(page: Page) -> list:
    """The blocks that are cells of the page's session, in order."""
    return [b for b in page.blocks if not (b.whole_file or b.skip)]


def has_code(path: Path) -> bool:
    return bool(run_blocks(read(path)))
