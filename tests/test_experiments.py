"""The batch-size experiment runs (fast mode), and its published figures match its saved data.

The full run (`make experiments`) measures on the machine it runs on and saves
the numbers with the machine and library versions in
experiments/results/batch_size_sweep.json; the figures are drawn from that
file alone. Here the fast mode proves the code still works, and a redraw from
the saved data must reproduce the committed figures.
"""

import json
import os
import subprocess
import sys

from docrun import FIGURES, ROOT
from docrun.compare import same_drawing

SCRIPT = ROOT / "experiments" / "batch_size_sweep.py"
RESULTS = ROOT / "experiments" / "results" / "batch_size_sweep.json"


def test_fast_mode_runs(tmp_path):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    done = subprocess.run([sys.executable, str(SCRIPT), "--fast", "--out", str(tmp_path)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads((tmp_path / "batch_size_sweep.json").read_text())
    assert [row["batch_size"] for row in data["rows"]] == [32, 64]
    assert {"cpu", "cores", "tensorflow", "keras"} <= set(data["machine"])
    for row in data["rows"]:
        t = row["seconds_per_epoch"]
        assert 0 < t["min"] <= t["median"] <= t["max"]
    assert [row["batch_size"] for row in data["quality"]] == [64]
    assert {"fixed_epochs", "fixed_epochs_scaled_lr", "fixed_updates", "fixed_updates_scaled_lr"} <= set(data["quality"][0])
    # Where TensorFlow keeps no CPU allocator statistics, the memory part is skipped with its reason.
    memory = data["memory"]
    assert "skipped" in memory if isinstance(memory, dict) else [row["batch_size"] for row in memory] == [32, 2048]
    assert {p.name for p in tmp_path.glob("*.svg")} == {
        f"batch_size_{kind}_{lang}.svg" for kind in ("sweep", "quality") for lang in ("ja", "en")
    }


def test_published_figures_match_the_saved_data(tmp_path):
    data = json.loads(RESULTS.read_text())
    assert data["repeats"] >= 5 and len(data["rows"]) >= 10, "the published run must be the full one"
    (tmp_path / "batch_size_sweep.json").write_text(RESULTS.read_text())
    done = subprocess.run([sys.executable, str(SCRIPT), "--draw", "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    for name in [f"batch_size_{kind}_{lang}.svg" for kind in ("sweep", "quality") for lang in ("ja", "en")]:
        assert same_drawing((FIGURES / name).read_text(), (tmp_path / name).read_text()), (
            f"docs/assets/figures/{name} was not drawn from {RESULTS.relative_to(ROOT)}: make experiments"
        )
