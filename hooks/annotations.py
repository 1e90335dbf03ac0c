"""Drop code-annotation markers that no annotation list explains.

A snippet carries Material's markers (`x = 1  # (1)!`) for the sections a page
explains line by line. A page that includes the whole file (the collapsed
"whole program" listings) has no list under that block, so Material leaves the
markers as literal `# (1)!` comments, which a reader copies along. Material
only reads a list that directly follows the code block; pymdownx.snippets has
no way to filter lines, hence this small hook on the built HTML.
"""

import re

BLOCK = re.compile(r'<div class="language-[\w-]+ highlight">.*?</code></pre></div>', re.S)
LIST_NEXT = re.compile(r"\s*<ol>")
MARKER = re.compile(r'(?:<span class="w">[ \t]*</span>)?<span class="c1">#\s*\(\d+\)!</span>')


def on_page_content(html: str, page, config, files) -> str:
    def strip(block: re.Match) -> str:
        explained = LIST_NEXT.match(html, block.end())
        return block.group(0) if explained else MARKER.sub("", block.group(0))

    return BLOCK.sub(strip, html)
