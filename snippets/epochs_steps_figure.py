"""Draw one picture of epochs, steps and batches, in Japanese and in English."""

# --8<-- [start:figure]
import math

import matplotlib

matplotlib.use("Agg")  # (1)!
import matplotlib.pyplot as plt
import matplotlib_fontja  # (2)!
import numpy as np

N_SAMPLES, BATCH_SIZE, EPOCHS = 10, 4, 2
TEXT = {
    "en": {
        "font": "DejaVu Sans",
        "epoch": "epoch {}",
        "step": "step {}",
        "title": "{n} samples, batch size {b}: {s} steps per epoch (the last batch has {r} samples)",
    },
    "ja": {
        "font": "IPAexGothic",
        "epoch": "エポック {}",
        "step": "ステップ {}",
        "title": "サンプル {n} 個、バッチサイズ {b}：1 エポック = {s} ステップ（最後のバッチは {r} 個）",
    },
}


def draw(lang):
    text = TEXT[lang]
    steps = math.ceil(N_SAMPLES / BATCH_SIZE)
    rng = np.random.default_rng(0)
    colors = plt.cm.tab10.colors
    with plt.rc_context({"font.family": text["font"], "svg.hashsalt": "fig", "svg.fonttype": "path"}):
        fig, ax = plt.subplots(figsize=(8, 2.8), facecolor="white")
        for epoch in range(EPOCHS):
            order = rng.permutation(N_SAMPLES)  # (3)!
            y = (EPOCHS - 1 - epoch) * 1.6
            ax.text(-0.3, y + 0.4, text["epoch"].format(epoch + 1), ha="right", va="center")
            for step in range(steps):
                batch = order[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
                x0 = step * (BATCH_SIZE + 0.6)
                for i, sample in enumerate(batch):
                    ax.add_patch(plt.Rectangle((x0 + i, y), 0.9, 0.8, color=colors[step], alpha=0.75))
                    ax.text(x0 + i + 0.45, y + 0.4, str(sample), ha="center", va="center", color="white")
                ax.text(x0 + len(batch) / 2 - 0.05, y - 0.15, text["step"].format(step + 1), ha="center", va="top", fontsize=9)
        remainder = N_SAMPLES - (steps - 1) * BATCH_SIZE
        ax.set_title(text["title"].format(n=N_SAMPLES, b=BATCH_SIZE, s=steps, r=remainder), fontsize=10)
        ax.set_xlim(-2.2, steps * (BATCH_SIZE + 0.6))
        ax.set_ylim(-0.7, (EPOCHS - 1) * 1.6 + 0.9)
        ax.axis("off")
        fig.savefig(f"epochs_steps_{lang}.svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)


for lang in TEXT:
    draw(lang)
# --8<-- [end:figure]
