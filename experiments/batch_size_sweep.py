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
FULL = {"batch_sizes": [1, 2, 4, 8, 16, 32, 64, 96, 100, 128, 256, 512, 1024], "repeats": 5}
FAST = {"batch_sizes": [8, 64], "repeats": 2}


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


def measure(batch_sizes: list[int], repeats: int) -> list[dict]:
    import keras
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = digits.data.astype("float32") / 16.0
    x_train, _, y_train, _ = train_test_split(x, digits.target, test_size=0.25, random_state=0)
    rows = []
    for batch_size in batch_sizes:
        keras.utils.set_random_seed(0)
        model = keras.Sequential(
            [keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")]
        )
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
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
    return written


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
        }
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    data = json.loads(results.read_text(encoding="utf-8"))
    for path in draw(data, figures):
        print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
