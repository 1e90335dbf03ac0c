"""A notice on a page whose other language has changed since the two were last checked.

The rule lives in tools/translations.py (translations.yml holds the hashes);
this hook only shows its answer to the reader, at the top of the page that is
behind, with a link to the same page in the other language.
"""

import posixpath
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `mkdocs` does not put the project on the path
from tools import translations  # noqa: E402

TEXT = {
    "ja": ("この日本語版は英語版より古い可能性があります",
           "英語版のこのページは、日本語版と最後に照らし合わせた後に更新されています。"
           "最新の内容は<a href=\"{href}\">英語版</a>で確認してください。"),
    "en": ("This English page may be out of date",
           "The Japanese version of this page has changed since the two were last checked against each other. "
           "For the latest content, see the <a href=\"{href}\">Japanese version</a>."),
}


def on_page_content(html: str, page, config, files) -> str:
    lang, _, name = page.file.src_uri.partition("/")
    if lang not in translations.LANGS or not name.endswith(".md"):
        return html
    root = Path(config["config_file_path"]).parent
    if translations.behind(name, root) != lang:
        return html
    other = next(x for x in translations.LANGS if x != lang)
    here = page.url or "./"
    there = (f"{other}/" if other != translations.LANGS[0] else "") + here.removeprefix(f"{lang}/")
    href = posixpath.relpath(there or ".", here or ".") + "/"
    title, body = TEXT[lang]
    notice = (
        f'<div class="admonition warning translation-notice"><p class="admonition-title">{title}</p>'
        f"<p>{body.format(href=href)}</p></div>"
    )
    head, sep, rest = html.partition("</h1>")
    return head + sep + notice + rest if sep else notice + html
