"""Expand `--8<--` includes exactly as the site build does (pymdownx.snippets,
configured from mkdocs.yml), and say where each block's code really lives."""

from __future__ import annotations

import contextlib
import functools
import re
from pathlib import Path

import markdown
import yaml

from docrun import ROOT

INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
START = re.compile(r"^\s*# --8<-- \[start:([\w-]+)\]\s*$")
END = re.compile(r"^\s*# --8<-- \[end:([\w-]+)\]\s*$")


@functools.cache
def mkdocs_config() -> dict:
    """mkdocs.yml as plain data (python/name tags become None)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)


def snippets_options() -> dict:
    for ext in mkdocs_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            return ext["pymdownx.snippets"] or {}
    raise RuntimeError("mkdocs.yml does not enable pymdownx.snippets")


def expand(text: str) -> str:
    """`text` with its includes expanded; a missing file raises, naming it."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_options()},
    )
    with contextlib.chdir(ROOT):  # base_path is relative to where mkdocs runs
        lines = md.preprocessors["snippet"].run(text.splitlines())
    return "\n".join(lines).strip("\n") + "\n"


def sections(path: Path) -> list[tuple[str, int, str]]:
    """(name, number of lines before the section, code) of each section of a snippet file."""
    found, current, first, body = [], None, 0, []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        if m := START.match(line):
            current, first, body = m.group(1), n + 1, []
        elif END.match(line) and current:
            found.append((current, first, "\n".join(body)))
            current = None
        elif current:
            body.append(line)
    return found


def include_of(raw: str) -> tuple[str, str] | None:
    """(file, section or "") when a block is one include and nothing else."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) == 1 and (m := INCLUDE.match(lines[0])):
        path, _, section = m.group(1).partition(":")
        return path, section
    return None


def origin(raw: str, page: Path, fence_line: int) -> tuple[Path, int]:
    """Where a block's code lives, for tracebacks: (file, lines before the code).

    A block that is one include points into the snippet file; any other block
    at its own lines in the page.
    """
    if inc := include_of(raw):
        path, section = inc
        if not section:
            return ROOT / path, 0
        for name, first, _ in sections(ROOT / path):
            if name == section:
                return ROOT / path, first
    return page, fence_line
