"""Fixtures shared by the site tests: one strict build per test run (shared by
the xdist workers), served over HTTP on localhost for the browser tests."""

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from docrun import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, worker_id):
    """(site directory, build log) of `mkdocs build --strict`, built once per test
    run: the first pytest-xdist worker to ask builds it, the others wait and share
    it (a lock file, not fcntl, so it works on Windows too)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the one folder all workers of this run share
    site, result_file = shared / "site", shared / "site-build.json"
    try:
        os.close(os.open(shared / "site-build.lock", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        deadline = time.monotonic() + 300
        while not result_file.exists():
            assert time.monotonic() < deadline, "another worker's site build did not finish in 300 s"
            time.sleep(0.2)
    else:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        partial = result_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"returncode": done.returncode, "log": done.stdout + done.stderr}))
        partial.replace(result_file)
    result = json.loads(result_file.read_text())
    assert result["returncode"] == 0, result["log"]
    return site, result["log"]


@pytest.fixture(scope="session")
def site_url(site_build):
    """The built site, served by a plain static file server on localhost."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site_build[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright: Debian's Chromium, never a browser Playwright downloads."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; `make test` installs it with apt-get")
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
