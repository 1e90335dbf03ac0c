"""Time per epoch and throughput against batch size, measured (issue: measured, not asserted).

    python experiments/batch_size_sweep.py            # full run: writes the results and the figures
    python experiments/batch_size_sweep.py --fast     # a few seconds: the test suite runs this
    python experiments/batch_size_sweep.py --draw     # redraw the figures from the saved results

The full run trains the batch-size page's model (64 inputs, one hidden layer
of 64 units, 10 classes) on the 1,347 training rows of scikit-learn's digits,
for one epoch per measurement, after one warm-up epoch per batch size. Each
batch size is timed REPEATS times; the figure shows the median with the
minimum and maximum as a bar. The machine, the library versions and the
command are saved next to the numbers in experiments/results/batch_size_sweep.json,
and the figures are drawn from that file only, so a figure always matches its data.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "experiments" / "results" / "batch_size_sweep.json"
FIGURES = ROOT / "docs" / "assets" / "figures"
FULL = {"batch_sizes": [1, 2, 4, 8, 16, 32, 64, 96, 100, 128, 256, 512, 1024], "repeats": 5,
        "memory_batch_sizes": [32, 128, 512, 1024, 2048, 4096],
        "quality_batch_sizes": [8, 16, 32, 64, 128, 256, 512, 1024]}
# The fast mode (tests/test_experiments.py) proves the code runs, not the results: one short
# training per setting is enough for that.
FAST = {"batch_sizes": [32, 64], "repeats": 2, "memory_batch_sizes": [32, 2048], "quality_batch_sizes": [64],
        "epochs": 1, "updates": 10}
EPOCHS, UPDATES, BASE_LR, BASE_BATCH = 5, 300, 1e-3, 32


def machine() -> dict:
    cpu = platform.processor() or "unknown CPU"
    if os.path.exists("/proc/cpuinfo"):
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import keras
    import sklearn
    import tensorflow as tf

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "gpu": [d.name for d in tf.config.list_physical_devices("GPU")],
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "scikit-learn": sklearn.__version__,
    }


def build_model(learning_rate: float = BASE_LR, metrics: tuple = ()):
    """The batch-size page's model, compiled, from seed 0."""
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy", metrics=list(metrics))
    return model


def digits_split():
    """The batch-size page's data: 1,347 training and 450 validation rows of the digits."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = digits.data.astype("float32") / 16.0
    return train_test_split(x, digits.target, test_size=0.25, random_state=0)


def measure_memory(batch_sizes: list[int]) -> list[dict] | dict:
    """Peak bytes that TensorFlow's CPU allocator counter reports for one epoch of one batch.

    The counter (tf.config.experimental.get_memory_info) does not see every
    allocation: for small batches it reports 0, so this is no full footprint.
    Some machines keep no CPU allocator statistics at all (reset_memory_stats
    and get_memory_info raise ValueError there): the measurement is then
    skipped, and the results say so and why, instead of the run crashing.
    """
    import numpy as np
    import tensorflow as tf

    try:
        tf.config.experimental.reset_memory_stats("CPU:0")
        tf.config.experimental.get_memory_info("CPU:0")
    except ValueError as exc:
        print(f"memory: skipped, TensorFlow keeps no CPU allocator statistics here ({exc})")
        return {"skipped": f"TensorFlow keeps no CPU allocator statistics on this machine: {exc}"}

    x = np.zeros((max(batch_sizes), 64), "float32")
    y = np.zeros(max(batch_sizes), "int64")
    rows = []
    for batch_size in batch_sizes:
        model = build_model()
        model.fit(x[:batch_size], y[:batch_size], batch_size=batch_size, epochs=1, verbose=0)
        tf.config.experimental.reset_memory_stats("CPU:0")
        model.fit(x[:batch_size], y[:batch_size], batch_size=batch_size, epochs=1, verbose=0)
        peak = tf.config.experimental.get_memory_info("CPU:0")["peak"]
        rows.append({"batch_size": batch_size, "peak_bytes": peak})
        print(f"batch {batch_size:>4}: peak {peak / 1024:8.1f} KiB reported by TensorFlow's CPU counter")
    return rows


def measure_quality(batch_sizes: list[int], epochs: int = EPOCHS, updates: int = UPDATES) -> list[dict]:
    """Validation accuracy and loss after a fixed number of epochs (with and without
    scaling the learning rate with the batch size) and after a fixed number of updates."""
    import tensorflow as tf

    x_train, x_val, y_train, y_val = digits_split()

    def train(batch_size, learning_rate, fixed_updates):
        model = build_model(learning_rate, metrics=("accuracy",))
        if fixed_updates:
            data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(len(x_train), seed=0).repeat().batch(batch_size)
            model.fit(data, epochs=1, steps_per_epoch=updates, shuffle=False, verbose=0)
        else:
            model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=0)
        loss, accuracy = model.evaluate(x_val, y_val, verbose=0)
        return {"updates": int(model.optimizer.iterations.numpy()), "val_loss": loss, "val_accuracy": accuracy}

    rows = []
    for batch_size in batch_sizes:
        row = {
            "batch_size": batch_size,
            "fixed_epochs": train(batch_size, BASE_LR, False),
            "fixed_epochs_scaled_lr": train(batch_size, BASE_LR * batch_size / BASE_BATCH, False),
            "fixed_updates": train(batch_size, BASE_LR, True),
            "fixed_updates_scaled_lr": train(batch_size, BASE_LR * batch_size / BASE_BATCH, True),
        }
        rows.append(row)
        print(f"batch {batch_size:>4}: val accuracy {row['fixed_epochs']['val_accuracy']:.3f} ({epochs} epochs), "
              f"{row['fixed_epochs_scaled_lr']['val_accuracy']:.3f} (scaled lr), {row['fixed_updates']['val_accuracy']:.3f} ({updates} updates), "
              f"{row['fixed_updates_scaled_lr']['val_accuracy']:.3f} ({updates} updates, scaled lr)")
    return rows


def measure(batch_sizes: list[int], repeats: int) -> list[dict]:
    x_train, _, y_train, _ = digits_split()
    rows = []
    for batch_size in batch_sizes:
        model = build_model()
        model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)  # warm-up: builds the graph
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        rows.append({
            "batch_size": batch_size,
            "steps_per_epoch": -(-len(x_train) // batch_size),
            "seconds_per_epoch": {"median": median, "min": min(times), "max": max(times)},
            "samples_per_second": len(x_train) / median,
        })
        print(f"batch {batch_size:>4}: {median * 1000:8.1f} ms per epoch "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}), {len(x_train) / median:9.0f} samples/s")
    return rows


TEXT = {
    "en": {"font": "DejaVu Sans", "x": "batch size", "time": "time per epoch (ms)",
           "speed": "samples per second", "title": "Time per epoch on the CPU (median of {n}, bars: min–max)"},
    "ja": {"font": "IPAexGothic", "x": "バッチサイズ", "time": "1 エポックの時間（ms）",
           "speed": "1 秒あたりのサンプル数", "title": "CPU での 1 エポックの時間（{n} 回の中央値、棒は最小〜最大）"},
}


def draw(data: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker
    import matplotlib_fontja  # noqa: F401  (registers IPAexGothic for the Japanese labels)

    rows = data["rows"]
    sizes = [r["batch_size"] for r in rows]
    median = [r["seconds_per_epoch"]["median"] * 1000 for r in rows]
    low = [m - r["seconds_per_epoch"]["min"] * 1000 for m, r in zip(median, rows)]
    high = [r["seconds_per_epoch"]["max"] * 1000 - m for m, r in zip(median, rows)]
    m = data["machine"]
    footer = f"{m['cpu']}, {m['cores']} cores, TensorFlow {m['tensorflow']}, Keras {m['keras']}, {data['date']}"
    written = []
    for lang, text in TEXT.items():
        with plt.rc_context({"font.family": text["font"], "svg.hashsalt": "fig"}):
            fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), facecolor="white")
            left.errorbar(sizes, median, yerr=[low, high], marker="o", capsize=3)
            left.set_xscale("log", base=2)
            left.set_yscale("log")
            left.set_xlabel(text["x"])
            left.set_ylabel(text["time"])
            right.plot(sizes, [r["samples_per_second"] for r in rows], marker="o")
            right.set_xscale("log", base=2)
            right.set_ylim(bottom=0)
            right.set_xlabel(text["x"])
            right.set_ylabel(text["speed"])
            powers = [s for s in sizes if s & (s - 1) == 0]  # 96 and 100 are plotted, not labeled
            for ax in (left, right):
                ax.set_xticks(powers, [str(s) for s in powers], fontsize=8)
                ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
                ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
                ax.grid(alpha=0.3)
            fig.subplots_adjust(wspace=0.35)
            fig.suptitle(text["title"].format(n=data["repeats"]), fontsize=10)
            fig.text(0.01, -0.06, footer, fontsize=7, color="gray")
            path = out / f"batch_size_sweep_{lang}.svg"
            fig.savefig(path, bbox_inches="tight", metadata={"Date": None})
            plt.close(fig)
            written.append(path)
        written.append(draw_quality(data, out, lang, text, footer))
    return written


QUALITY_TEXT = {
    "en": {"acc": "validation accuracy", "loss": "validation loss",
           "fixed_epochs": "{e} epochs, lr 0.001", "fixed_epochs_scaled_lr": "{e} epochs, lr ∝ batch size",
           "fixed_updates": "{u} updates, lr 0.001", "fixed_updates_scaled_lr": "{u} updates, lr ∝ batch size"},
    "ja": {"acc": "検証データの正解率", "loss": "検証データの損失",
           "fixed_epochs": "{e} エポック、学習率 0.001", "fixed_epochs_scaled_lr": "{e} エポック、学習率 ∝ バッチサイズ",
           "fixed_updates": "更新 {u} 回、学習率 0.001", "fixed_updates_scaled_lr": "更新 {u} 回、学習率 ∝ バッチサイズ"},
}


def draw_quality(data: dict, out: Path, lang: str, text: dict, footer: str) -> Path:
    import matplotlib.pyplot as plt

    with plt.rc_context({"font.family": text["font"], "svg.hashsalt": "fig"}):
        rows, labels = data["quality"], QUALITY_TEXT[lang]
        sizes = [r["batch_size"] for r in rows]
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), facecolor="white")
        for key in ["fixed_epochs", "fixed_epochs_scaled_lr", "fixed_updates", "fixed_updates_scaled_lr"]:
            label = labels[key].format(e=EPOCHS, u=UPDATES)
            style = {"marker": "o", "label": label, "linestyle": "--" if "scaled" in key else "-"}
            left.plot(sizes, [r[key]["val_accuracy"] for r in rows], **style)
            right.plot(sizes, [r[key]["val_loss"] for r in rows], **style)
        for ax, name in [(left, "acc"), (right, "loss")]:
            ax.set_xscale("log", base=2)
            ax.set_xticks(sizes, [str(s) for s in sizes], fontsize=8)
            ax.set_xlabel(text["x"])
            ax.set_ylabel(labels[name])
            ax.grid(alpha=0.3)
        right.legend(fontsize=7)
        fig.subplots_adjust(wspace=0.3)
        fig.text(0.01, -0.06, footer + ", seed 0", fontsize=7, color="gray")
        path = out / f"batch_size_quality_{lang}.svg"
        fig.savefig(path, bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fast", action="store_true", help="two batch sizes, two repeats (for the tests)")
    parser.add_argument("--draw", action="store_true", help="only redraw the figures from the saved results")
    parser.add_argument("--out", type=Path, help="folder for results and figures (default: the site's)")
    args = parser.parse_args(argv)
    results = (args.out / "batch_size_sweep.json") if args.out else RESULTS
    figures = args.out or FIGURES
    if not args.draw:
        settings = FAST if args.fast else FULL
        data = {
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "date": datetime.date.today().isoformat(),
            "machine": machine(),
            "repeats": settings["repeats"],
            "rows": measure(settings["batch_sizes"], settings["repeats"]),
            "memory": measure_memory(settings["memory_batch_sizes"]),
            "quality": measure_quality(settings["quality_batch_sizes"], settings.get("epochs", EPOCHS),
                                       settings.get("updates", UPDATES)),
        }
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    data = json.loads(results.read_text(encoding="utf-8"))
    for path in draw(data, figures):
        print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
