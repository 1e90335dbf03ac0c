"""Reproducibility: what set_random_seed covers, op determinism, and comparing over seeds."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target
x_train, y_train = x[:500], y[:500]  # (2)!
x_val, y_val = x[1000:1300], y[1000:1300]


def train_once(units=32, validation_data=None):  # (3)!
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(units, activation="relu"),
            keras.layers.Dropout(0.2),  # (4)!
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.3),
        loss="sparse_categorical_crossentropy",
    )
    history = model.fit(
        x_train, y_train, epochs=3, batch_size=32, validation_data=validation_data, verbose=0
    )
    return history.history  # (5)!


first, second = train_once(), train_once()
print('first["loss"] == second["loss"]:', first["loss"] == second["loss"])
# --8<-- [end:data]


# --8<-- [start:seeded]
keras.utils.set_random_seed(42)
first = train_once()
next_model = train_once()  # (1)!
keras.utils.set_random_seed(42)
second = train_once()  # (2)!
print("first:     ", np.round(first["loss"], 4))
print("next_model:", np.round(next_model["loss"], 4))
print("second:    ", np.round(second["loss"], 4))
print("first == second:", first == second)  # (3)!
# --8<-- [end:seeded]


# --8<-- [start:covers]
import random

import tensorflow as tf


def draw():
    return {
        "random.random()": random.random(),
        "np.random.rand()": np.random.rand(),
        "tf.random.uniform(())": float(tf.random.uniform(())),
        "keras.random.uniform(())": float(keras.random.uniform(())),
        "np.random.default_rng().random()": np.random.default_rng().random(),
    }


keras.utils.set_random_seed(1)
a = draw()
keras.utils.set_random_seed(1)
b = draw()
for name in a:
    print(f"{name:34} {a[name] == b[name]}")  # (1)!
# --8<-- [end:covers]


# --8<-- [start:order]
print((0.1 + 0.2) + 0.3)
print(0.1 + (0.2 + 0.3))
print((0.1 + 0.2) + 0.3 == 0.1 + (0.2 + 0.3))
# --8<-- [end:order]


# --8<-- [start:seeds]
results = {}
for units in [16, 64]:
    losses = []
    for seed in [0, 1, 2]:
        keras.utils.set_random_seed(seed)
        history = train_once(units, validation_data=(x_val, y_val))
        losses.append(history["val_loss"][-1])  # (1)!
    results[units] = np.array(losses)
    print(f"units={units}: val_loss {np.round(losses, 3)}  "
          f"mean {results[units].mean():.3f}  std {results[units].std():.3f}")  # (2)!
print(f"results[16].mean() - results[64].mean(): {results[16].mean() - results[64].mean():.3f}")
# --8<-- [end:seeds]


# --8<-- [start:seeds_check]
print("results[64].max() < results[16].min():", results[64].max() < results[16].min())
assert results[64].max() < results[16].min()
# --8<-- [end:seeds_check]


# --8<-- [start:determinism]
tf.config.experimental.enable_op_determinism()
keras.utils.set_random_seed(42)
det_first = train_once()
print("det_first:", np.round(det_first["loss"], 4))
# --8<-- [end:determinism]


# --8<-- [start:determinism-check]
gap = max(abs(a - b) / abs(b) for key in first for a, b in zip(det_first[key], first[key]))
print("gap < 1e-5:", gap < 1e-5)
assert gap < 1e-5
# --8<-- [end:determinism-check]
