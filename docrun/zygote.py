"""Fresh kernels without paying for the TensorFlow import each time.

Importing TensorFlow, Keras, scikit-learn and matplotlib costs about 5 s of
CPU in every new Python process; with a kernel per page that was a third of
the suite's time. So each pytest worker starts one zygote process that has
imported them and nothing else (no model built, no TensorFlow op run), and
every page kernel is a fork of it: a new process with an empty namespace,
in its own working directory, exactly like a reader's fresh session except
that `import tensorflow` returns at once. Set DOCRUN_FORK=0 to start plain
kernels instead (`python -m ipykernel_launcher`); the results are the same.

Jupyter starts a kernel by running a command; here that command is a small
client (`python docrun/zygote.py connect SOCKET -f CONNECTION_FILE`, standard library only) that asks
the zygote to fork a kernel, forwards signals to it, and exits with it. Why
glue and not a library: no Jupyter package forks kernels from a warm process.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PRELOAD = "import tensorflow, keras, numpy, sklearn.datasets, sklearn.model_selection, matplotlib, ipykernel.kernelapp"


def serve(path: str) -> None:
    """The zygote: import once, then fork one kernel per request."""
    exec(PRELOAD)  # noqa: S102 - a fixed string, the whole point of this process
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    print("ready", flush=True)
    while True:
        conn, _ = server.accept()
        message, fds, _, _ = socket.recv_fds(conn, 65536, 3)
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:  # the kernel
            server.close()
            os.setsid()
            for fd, target in zip(fds, (0, 1, 2)):
                os.dup2(fd, target)
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            # When the client goes away (Jupyter killed it), so does the kernel.
            threading.Thread(target=lambda: (conn.recv(1), os._exit(1)), daemon=True).start()
            sys.argv = ["ipykernel_launcher", *request["argv"]]
            from ipykernel.kernelapp import IPKernelApp

            IPKernelApp.launch_instance(argv=request["argv"])
            os._exit(0)
        for fd in fds:
            os.close(fd)
        threading.Thread(target=report_exit, args=(conn, pid), daemon=True).start()


def report_exit(conn: socket.socket, pid: int) -> None:
    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    try:
        conn.sendall(json.dumps({"exit": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
    finally:
        conn.close()


def connect(path: str, argv: list[str]) -> int:
    """The command Jupyter runs as "the kernel": a stand-in for the forked kernel."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(path)
    request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}
    socket.send_fds(conn, [json.dumps(request).encode()], [0, 1, 2])
    reader = conn.makefile()
    pid = json.loads(reader.readline())["pid"]
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, _f: os.kill(pid, s))
    line = reader.readline()
    return json.loads(line)["exit"] if line else 1


_zygote: tuple[subprocess.Popen, str] | None = None


def kernel_dir() -> str | None:
    """A JUPYTER_PATH entry whose kernel "docrun" forks from this process's zygote (started on first use)."""
    global _zygote
    if os.environ.get("DOCRUN_FORK", "1") == "0":
        return None
    if _zygote is None or _zygote[0].poll() is not None:
        folder = tempfile.mkdtemp(prefix="docrun-zygote-")
        path = os.path.join(folder, "zygote.sock")
        log = open(os.path.join(folder, "zygote.log"), "w")
        process = subprocess.Popen([sys.executable, __file__, "serve", path],
                                   stdout=subprocess.PIPE, stderr=log, text=True,
                                   env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the kernel zygote did not start; see {log.name}")
        atexit.register(process.kill)
        spec = Path(folder) / "kernels" / "docrun"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, __file__, "connect", path, "-f", "{connection_file}"],
            "display_name": "Python 3 (docrun)", "language": "python"}))
        _zygote = (process, folder)
    return _zygote[1]


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    elif sys.argv[1] == "connect":
        sys.exit(connect(sys.argv[2], sys.argv[3:]))
