"""A run that overfits, three remedies, and their learning curves (figures in Japanese and English)."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import make_classification

# 20 features, 2 classes, 10% of the labels reassigned at random: a noisy problem.
x, y = make_classification(
    n_samples=1_000, n_features=20, n_informative=6, flip_y=0.1, random_state=0
)
x = x.astype("float32")
x_train, y_train = x[:600], y[:600]  # we use only the first 200 rows at first
x_val, y_val = x[600:], y[600:]  # 400 rows for validation
# --8<-- [end:data]


# --8<-- [start:overfit]
def train(n_train=200, dropout=0.0, callbacks=()):
    """A network far larger than 200 noisy samples need; returns its History."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(dropout),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(dropout),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model.fit(
        x_train[:n_train],
        y_train[:n_train],
        validation_data=(x_val, y_val),
        epochs=30,
        batch_size=32,
        verbose=0,
        callbacks=list(callbacks),
    )


def summary(name, history):
    val_loss = history.history["val_loss"]
    best = int(np.argmin(val_loss))
    print(
        f"{name:<14} best epoch {best + 1:>2}: val_loss {val_loss[best]:.3f} | "
        f"last epoch {len(val_loss):>2}: val_loss {val_loss[-1]:.3f}, "
        f"loss {history.history['loss'][-1]:.3f}"
    )


overfit = train()
summary("no remedy", overfit)
# --8<-- [end:overfit]

# --8<-- [start:plot]
import matplotlib

matplotlib.use("Agg")  # draw to files, no window
import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  (registers the IPAexGothic font for Japanese labels)

TEXT = {
    "en": {"font": "DejaVu Sans", "x": "epoch", "y": "loss", "train": "training loss",
           "val": "validation loss", "best": "lowest validation loss"},
    "ja": {"font": "IPAexGothic", "x": "エポック", "y": "損失", "train": "訓練データの損失",
           "val": "検証データの損失", "best": "検証データの損失が最小"},
}


def plot_curves(history, lang):
    text = TEXT[lang]
    epochs = np.arange(1, len(history.history["loss"]) + 1)
    best = int(np.argmin(history.history["val_loss"])) + 1
    with plt.rc_context({"font.family": text["font"], "svg.hashsalt": "fig"}):
        fig, ax = plt.subplots(figsize=(6, 3.6), facecolor="white")
        ax.plot(epochs, history.history["loss"], label=text["train"])
        ax.plot(epochs, history.history["val_loss"], label=text["val"])
        ax.axvline(best, color="gray", linestyle=":", label=text["best"])
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        ax.legend()
        fig.savefig(f"overfitting_{lang}.svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)


for lang in TEXT:
    plot_curves(overfit, lang)
# --8<-- [end:plot]

# --8<-- [start:remedies]
more_data = train(n_train=600)
dropout = train(dropout=0.5)
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
early = train(callbacks=[stopper])
summary("more data", more_data)
summary("dropout 0.5", dropout)
summary("early stopping", early)
print("early stopping: best epoch", stopper.best_epoch + 1, "| stopped after epoch", stopper.stopped_epoch + 1)
# --8<-- [end:remedies]

# --8<-- [start:plot-remedies]
TEXT["en"].update(title="validation loss", none="no remedy", more="600 training rows",
                  drop="dropout 0.5", early="early stopping (patience 5)")
TEXT["ja"].update(title="検証データの損失", none="対策なし", more="訓練データ 600 行",
                  drop="ドロップアウト 0.5", early="早期終了（patience 5）")


def plot_remedies(lang):
    text = TEXT[lang]
    with plt.rc_context({"font.family": text["font"], "svg.hashsalt": "fig"}):
        fig, ax = plt.subplots(figsize=(6, 3.6), facecolor="white")
        for history, key in [(overfit, "none"), (more_data, "more"), (dropout, "drop"), (early, "early")]:
            val_loss = history.history["val_loss"]
            ax.plot(np.arange(1, len(val_loss) + 1), val_loss, label=text[key])
        ax.set_title(text["title"])
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        ax.legend()
        fig.savefig(f"remedies_{lang}.svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)


for lang in TEXT:
    plot_remedies(lang)
# --8<-- [end:plot-remedies]
