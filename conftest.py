"""Make pytest run the code blocks of the pages in docs/ (see tests/docblocks.py)."""

import os

# Keep TensorFlow's C++ log lines out of the test output. Must be set before
# TensorFlow is imported; a few lines printed before logging starts remain.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

pytest_plugins = ["tests.docblocks"]
