"""Let mkdocs-jupyter render the notebooks of both languages.

mkdocs-static-i18n 1.3 re-creates every file of a language build as a plain
mkdocs File after the other plugins' on_files, which drops mkdocs-jupyter's
NotebookFile wrapper: the notebook pages then come out as raw JSON and
`--strict` does not notice (ultrabug/mkdocs-static-i18n#198). This hook runs
after i18n (priority -100) and wraps the .ipynb files again. tests/test_site.py
checks the built HTML.

It also gives the notebook's headings the ids of the page they come from.
nbconvert's slugify keeps ASCII only, so every Japanese heading got the id ""
and the table of contents pointed nowhere. tools/notebooks.py writes each
page heading's id into the notebook as `<a id="data"></a>` (which Jupyter and
Colab understand), and here the heading and its entry in the table of
contents take that id.

nbconvert gives every figure the alt text "No description has been provided
for this image"; the figure's description from the page (kept in its cell's
metadata by tools/notebooks.py) replaces it.
"""

import json
import re

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs_jupyter.plugin import NotebookFile


@event_priority(-110)
def on_files(files: Files, config) -> Files:
    # Replace in place: i18n's own Files object must survive.
    for f in list(files):
        if f.src_uri.endswith(".ipynb") and not isinstance(f, NotebookFile):
            notebook = NotebookFile(f, **config)
            # i18n has already placed the page (ja/x.ipynb -> x/index.html): keep that.
            notebook.dest_path, notebook.abs_dest_path, notebook.url = f.dest_path, f.abs_dest_path, f.url
            files.remove(f)
            files.append(notebook)
    return files


NO_ALT = "No description has been provided for this image"
HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?) <a id="([\w-]+)"></a><a class="anchor-link" href="#[^"]*">')


def on_page_content(html: str, page, config, files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    ids = {}

    def explicit(m: re.Match) -> str:
        level, title, anchor = m.groups()
        ids[re.sub(r"<[^>]+>", "", title).strip()] = anchor
        return f'<h{level} id="{anchor}">{title}<a class="anchor-link" href="#{anchor}">'

    html = HEADING.sub(explicit, html)

    notebook = json.loads(open(page.file.abs_src_path, encoding="utf-8").read())
    for cell in notebook["cells"]:
        if "alt" in cell["metadata"]:
            alt = cell["metadata"]["alt"].replace('"', "&quot;")
            html = html.replace(f'alt="{NO_ALT}"', f'alt="{alt}"', 1)

    def retarget(items) -> None:
        for item in items:
            item.id = ids.get(item.title.strip(), item.id)
            retarget(item.children)

    retarget(page.toc.items)
    return html
