"""What overrides/main.html shows around each page: its notebook's buttons and
where its outputs come from.

- Every page with code has a notebook, docs/<lang>/notebooks/<page>.ipynb, made
  from the page (`make notebooks`): a Download button (the file is published
  next to the pages) and an Open-in-Colab button (built from extra.repository).
- snippets/outputs/provenance.json records, per page, the TensorFlow and Keras
  versions and the date of the run that produced the outputs it shows; it is
  written by that run (`make outputs`), never by hand.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `mkdocs` does not put the project on the path
from docrun import NOTEBOOKS, OUTPUTS  # noqa: E402
from docrun.notebook import colab_url, notebook_path  # noqa: E402


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang, _, name = page.file.src_uri.partition("/")
    stem = name.removesuffix(".md")
    if notebook_path(lang, stem).exists():
        page.meta["notebook"] = {"download": f"../{NOTEBOOKS}/{stem}.ipynb", "colab": colab_url(lang, stem)}
        provenance = OUTPUTS / "provenance.json"
        if provenance.exists():
            page.meta["provenance"] = json.loads(provenance.read_text(encoding="utf-8")).get(stem)
    return markdown
