"""Make pytest run the code blocks of the pages in docs/ (docrun/pytest_plugin.py)."""

import os
import re

# Keep TensorFlow's C++ log lines out of the test output. Must be set before
# TensorFlow is imported (the page kernels inherit it).
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

pytest_plugins = ["docrun.pytest_plugin"]


def pytest_xdist_make_scheduler(config, log):
    """Send both languages of a page to the same worker, so the code they share runs once.

    xdist's own `--dist loadgroup` cannot do it with pytest 9 (it renames node
    ids, which pytest 9 no longer allows), so we group by page ourselves:
    "docs/ja/fit.md::line 12" and "docs/en/fit.md::line 9" share the unit
    "fit.md"; every other test is its own unit, as with plain `--dist load`.
    """
    from xdist.scheduler import LoadScopeScheduling

    class PageScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            m = re.match(r"docs/[a-z]{2}/(.+?\.md)::", nodeid)
            return m.group(1) if m else nodeid

    return PageScheduling(config, log)
