"""Learning curves: a run that overfits, how to plot it, and three remedies."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import make_classification

x, y = make_classification(
    n_samples=1_000, n_features=20, n_informative=6, flip_y=0.1, random_state=0  # (1)!
)
x = x.astype("float32")
x_train, y_train = x[:600], y[:600]  # (2)!
x_val, y_val = x[600:], y[600:]  # (3)!
print("x:", x.shape, "| x_train:", x_train.shape, "| x_val:", x_val.shape)
# --8<-- [end:data]


# --8<-- [start:overfit]
def train(n_train=200, dropout=0.0, callbacks=()):
    keras.utils.set_random_seed(0)  # (1)!
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(dropout),  # (2)!
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
        epochs=20,
        batch_size=32,
        verbose=0,
        callbacks=list(callbacks),  # (3)!
    )


def summary(name, history):  # (4)!
    val_loss = history.history["val_loss"]
    best = int(np.argmin(val_loss))
    print(
        f"{name:<14} epoch {best + 1:>2}: val_loss {val_loss[best]:.3f} | "
        f"epoch {len(val_loss):>2}: val_loss {val_loss[-1]:.3f}, "
        f"loss {history.history['loss'][-1]:.3f}"
    )


history = train()
summary("n_train=200", history)
# --8<-- [end:overfit]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

epochs = range(1, len(history.history["loss"]) + 1)  # (1)!
plt.plot(epochs, history.history["loss"], label="loss")
plt.plot(epochs, history.history["val_loss"], label="val_loss")
plt.xlabel("epoch")
plt.legend()
plt.show()
# --8<-- [end:plot]

# --8<-- [start:japanese]
try:
    import matplotlib_fontja  # (1)!
except ModuleNotFoundError:  # (2)!
    pass

plt.plot(epochs, history.history["loss"], label="訓練データの損失")
plt.plot(epochs, history.history["val_loss"], label="検証データの損失")
plt.xlabel("エポック")
plt.ylabel("損失")
plt.legend()
plt.show()
# --8<-- [end:japanese]

# --8<-- [start:running-mean]
keras.utils.set_random_seed(0)
check = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(1, activation="sigmoid")])
check.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0), loss="binary_crossentropy")
fit_loss = check.fit(x_train[:200], y_train[:200], batch_size=32, shuffle=False, verbose=0).history["loss"][0]

starts = range(0, 200, 32)
sizes = [min(32, 200 - i) for i in starts]
batch_losses = [check.evaluate(x_train[i : i + n], y_train[i : i + n], verbose=0) for i, n in zip(starts, sizes)]
weighted = np.average(batch_losses, weights=sizes)
print("sizes:", sizes)
print(f"fit_loss:              {fit_loss:.4f}")
print(f"weighted:              {weighted:.4f}")
print(f"np.mean(batch_losses): {np.mean(batch_losses):.4f}")
assert abs(fit_loss - weighted) < 1e-4
assert abs(fit_loss - np.mean(batch_losses)) > 1e-3
# --8<-- [end:running-mean]

# --8<-- [start:dropout]
keras.utils.set_random_seed(0)
layer = keras.layers.Dropout(0.5)
ones = np.ones((3, 10), dtype="float32")
out = np.asarray(layer(ones, training=True))
print(out)
print("(out > 0).sum(axis=1):", (out > 0).sum(axis=1))
assert set(np.unique(out)) <= {0.0, 2.0}
assert np.array_equal(np.asarray(layer(ones)), ones)
# --8<-- [end:dropout]

# --8<-- [start:remedies]
more_data = train(n_train=600)
dropout = train(dropout=0.5)
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
early = train(callbacks=[stopper])
summary("n_train=600", more_data)
summary("dropout=0.5", dropout)
summary("EarlyStopping", early)
print("best_epoch + 1:", stopper.best_epoch + 1, "| stopped_epoch + 1:", stopper.stopped_epoch + 1)  # (1)!
# --8<-- [end:remedies]

# --8<-- [start:plot-remedies]
runs = {"n_train=200": history, "n_train=600": more_data, "dropout=0.5": dropout, "EarlyStopping": early}
for name, run in runs.items():
    val_loss = run.history["val_loss"]
    plt.plot(range(1, len(val_loss) + 1), val_loss, label=name)
plt.xlabel("epoch")
plt.ylabel("val_loss")
plt.legend()
plt.show()
# --8<-- [end:plot-remedies]
