"""Make the site's notebooks from the workflow page, one per language, and run them.

    python -m tools.notebooks          # what `make notebooks` runs

docs/<lang>/notebook.ipynb is generated, never edited by hand: its code cells
are the page's code blocks with the snippets expanded (the same one copy of the
code that the page includes), and its text cells are the page's own prose in
that language. So a notebook cannot differ from its page, or from the other
language's notebook, in anything but the prose. tests/test_notebooks.py fails
when a committed notebook is out of date with its page or snippets, and runs
both notebooks.

jupytext does the Markdown -> notebook conversion. The glue below only turns
what is MkDocs-specific in a page into plain Markdown that Jupyter and Colab
render: includes, admonitions, heading ids, site-relative links, the test
markers and the expected-output blocks (a notebook shows its real outputs).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import jupytext
import nbformat

from tests.docblocks import DOCS, ROOT, expand, mkdocs_config

PAGE = "workflow"  # the page each notebook is made from
NOTEBOOK = "notebook.ipynb"
LANGS = ("ja", "en")

INTRO = {
    "ja": (
        "# ノートブック：訓練の流れを一望する <a id=\"notebook\"></a>\n\n"
        "このノートブックは、サイトのページ「[訓練の流れを一望する]({page})」と同じコード・同じ説明から"
        "自動で作っています。上のセルから順に実行してください。\n\n"
        "- Google Colab では、そのまま実行できます（[Colab で開く]({colab})）。"
        "使うのは Colab に最初から入っている TensorFlow・Keras・scikit-learn・matplotlib だけで、"
        "追加のインストールは要りません。\n"
        "- 手元で実行するときは `pip install tensorflow scikit-learn matplotlib` を済ませておきます。\n"
        "- 保存されている出力は TensorFlow 2.21（Keras 3.15）の CPU で実行したものです。"
        "バージョンやハードウェアが違うと、小数の下の桁が少し変わることがあります。"
    ),
    "en": (
        "# Notebook: the training workflow at a glance <a id=\"notebook\"></a>\n\n"
        "This notebook is made automatically from the same code and explanations as the site's page "
        "[The training workflow at a glance]({page}). Run the cells from top to bottom.\n\n"
        "- It runs as is in Google Colab ([open in Colab]({colab})): it uses only TensorFlow, Keras, "
        "scikit-learn and matplotlib, which Colab already has, so there is nothing to install.\n"
        "- To run it on your own machine, first `pip install tensorflow scikit-learn matplotlib`.\n"
        "- The saved outputs come from TensorFlow 2.21 (Keras 3.15) on a CPU. Other versions or "
        "hardware can change the last digits of the numbers slightly."
    ),
}

FIGURE = re.compile(r"^!\[([^\]]*)\]\(\.\./assets/figures/" + PAGE + r"_[\w-]+\.svg\)\n\n", re.M)
MARKER = re.compile(r"^<!--.*-->\n", re.M)
EXPECTED = re.compile(r"^<!--pytest-codeblocks:expected-output-->\n\n```text\n.*?\n```\n", re.M | re.S)
HEADING_ID = re.compile(r"^(#+ .*?)\s*\{ *#([\w-]+) *\}$", re.M)
ANNOTATION = re.compile(r"(#\s*\(\d+\))!")  # `# (1)!` is Material's code annotation marker
LINK = re.compile(r"\]\((?!https?://)([^)\s]*)\)")
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?) (\w+)(?: "([^"]*)")?\n((?:(?:    .*)?\n)+)', re.M)


def site_urls() -> tuple[str, str]:
    config = mkdocs_config()
    return config["site_url"].rstrip("/") + "/", config["extra"]["repository"].rstrip("/")


def colab_url(lang: str) -> str:
    _, repo = site_urls()
    path = repo.removeprefix("https://github.com/")
    return f"https://colab.research.google.com/github/{path}/blob/main/docs/{lang}/{NOTEBOOK}"


def page_url(lang: str, target: str) -> str:
    """The published URL of a link written in docs/<lang>/<PAGE>.md."""
    site, _ = site_urls()
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    path, _, anchor = target.partition("#")
    if not path:  # a section of this page is a section of the notebook too
        return f"#{anchor}"
    if path.startswith("../"):  # an asset, shared by both languages
        return site + path.removeprefix("../")
    page = path.removesuffix(".md") or PAGE
    page = "" if page == "index" else f"{page}/"
    return site + prefix + page + (f"#{anchor}" if anchor else "")


def admonition(m: re.Match) -> str:
    kind, title, body = m.group(1), m.group(3) or m.group(2).title(), m.group(4)
    body = re.sub(r"^    ", "", body, flags=re.M).strip("\n")
    if kind.startswith("???"):  # collapsible: the quiz answers stay hidden until clicked
        return f"<details><summary>{title}</summary>\n\n{body}\n\n</details>\n\n"
    return f"> **{title}**\n>\n" + "\n".join(f"> {line}".rstrip() for line in body.splitlines()) + "\n\n"


def notebook_markdown(lang: str) -> str:
    """docs/<lang>/<PAGE>.md as plain Markdown for jupytext."""
    text = (DOCS / lang / f"{PAGE}.md").read_text(encoding="utf-8")
    text = re.sub(r"^## [^\n]*\{ *#whole-program *\}\n.*?(?=^## )", "", text, flags=re.M | re.S)
    text = EXPECTED.sub("", text)
    text = MARKER.sub("", text)
    # The figure a block's plt.show() draws is that cell's own output in a notebook.
    text = FIGURE.sub("", text)
    text = expand(text)
    text = ANNOTATION.sub(r"\1", text)
    # Keep the page's heading ids (the same in both languages) as HTML anchors,
    # which Jupyter and Colab understand; hooks/notebooks.py uses them on the site.
    text = HEADING_ID.sub(r'\1 <a id="\2"></a>', text)
    text = ADMONITION.sub(admonition, text)
    text = LINK.sub(lambda m: f"]({page_url(lang, m.group(1))})", text)
    title, _, rest = text.partition("\n")  # the page's H1 becomes the notebook's own
    intro = INTRO[lang].format(page=page_url(lang, f"{PAGE}.md"), colab=colab_url(lang))
    return intro + "\n" + rest


def make(lang: str) -> nbformat.NotebookNode:
    """The notebook without outputs."""
    nb = jupytext.reads(notebook_markdown(lang), fmt="md")
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "colab": {"provenance": []},
    }
    page = (DOCS / lang / f"{PAGE}.md").read_text(encoding="utf-8")
    alts = iter(FIGURE.findall(page))
    for n, cell in enumerate(nb.cells):
        cell.id = f"{lang}-{n}"  # stable ids keep the committed file's diff readable
        cell.metadata = {}
        if cell.cell_type == "code" and "plt.show()" in cell.source:
            # The page's description of the figure, for the site's <img alt> (hooks/notebooks.py).
            cell.metadata["alt"] = next(alts)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.validate(nb)
    return nb


def execute(nb: nbformat.NotebookNode, workdir: Path) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel, as a reader would; returns the notebook with outputs."""
    from nbclient import NotebookClient

    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"  # the kernel inherits it
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
        record_timing=False,
        # TensorFlow's C++ start-up lines go to the kernel's own stderr, not into a cell.
        extra_arguments=["--IPKernelApp.capture_fd_output=False"],
    )
    nb = client.execute()
    for cell in nb.cells:  # one block of text per cell and stream, as Jupyter shows it
        if cell.cell_type == "code":
            merged = []
            for out in cell.outputs:
                if merged and out.output_type == "stream" == merged[-1].output_type and out.name == merged[-1].name:
                    merged[-1].text += out.text
                else:
                    merged.append(out)
            cell.outputs = merged
    return nb


def path(lang: str) -> Path:
    return DOCS / lang / NOTEBOOK


def code_of(nb: nbformat.NotebookNode) -> tuple[str, ...]:
    return tuple(cell.source for cell in nb.cells if cell.cell_type == "code")


def run_once(notebooks: dict[str, nbformat.NotebookNode], workdir: Path) -> dict[str, nbformat.NotebookNode]:
    """Run each distinct code once: the languages share their code cells, so one
    run gives the outputs of both (the text cells are not run)."""
    runs: dict[tuple[str, ...], list] = {}
    done = {}
    for lang, nb in notebooks.items():
        code = code_of(nb)
        if code not in runs:
            ran = execute(nbformat.from_dict(nb), workdir / lang)
            runs[code] = [cell for cell in ran.cells if cell.cell_type == "code"]
        result = nbformat.from_dict(nb)
        for cell, ran in zip((c for c in result.cells if c.cell_type == "code"), runs[code]):
            cell.outputs, cell.execution_count = ran.outputs, ran.execution_count
        done[lang] = result
    return done


def main() -> None:
    import tempfile
    import time

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        for lang in LANGS:
            (Path(workdir) / lang).mkdir()
        done = run_once({lang: make(lang) for lang in LANGS}, Path(workdir))
    for lang, nb in done.items():
        nbformat.write(nb, path(lang))
        print(f"{path(lang).relative_to(ROOT)}: {len(nb.cells)} cells")
    print(f"ran in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
