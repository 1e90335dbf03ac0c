"""validation_split and validation_data: which rows are held out, when it goes wrong, and History."""

# --8<-- [start:split-size]
import math

for n, split in [(1797, 0.2), (1437, 0.2), (10, 0.25)]:
    n_train = math.floor(n * (1 - split))  # (1)!
    n_val = n - n_train
    print(f"n={n}, validation_split={split} | n_train={n_train}: x[:{n_train}] | n_val={n_val}: x[{n_train}:] ({n_val / n:.2%})")
# --8<-- [end:split-size]

# --8<-- [start:sorted]
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16.0
y = digits.target
order = np.argsort(y, kind="stable")  # (1)!
x_sorted, y_sorted = x[order], y[order]


def make_model():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


split_at = math.floor(len(x_sorted) * (1 - 0.2))
print("np.unique(y_sorted[:split_at]):", np.unique(y_sorted[:split_at]))
print("np.unique(y_sorted[split_at:]):", np.unique(y_sorted[split_at:]))

model = make_model()
history = model.fit(x_sorted, y_sorted, epochs=3, validation_split=0.2, verbose=0)
print("accuracy:    ", np.round(history.history["accuracy"], 3))
print("val_accuracy:", np.round(history.history["val_accuracy"], 3))
# --8<-- [end:sorted]

# --8<-- [start:sorted-check]
loss, accuracy = model.evaluate(x_sorted[split_at:], y_sorted[split_at:], verbose=0)
print(f"evaluate on the last {len(x_sorted) - split_at} rows: loss {loss:.4f}, accuracy {accuracy:.3f}")
print(f"last epoch's val_loss {history.history['val_loss'][-1]:.4f}, val_accuracy {history.history['val_accuracy'][-1]:.3f}")
assert abs(loss - history.history["val_loss"][-1]) < 1e-4
# --8<-- [end:sorted-check]

# --8<-- [start:validation-data]
from sklearn.model_selection import train_test_split

x_train, x_val, y_train, y_val = train_test_split(
    x_sorted, y_sorted, test_size=0.2, random_state=0, stratify=y_sorted  # (1)!
)
print("np.unique(y_val):", np.unique(y_val))

model = make_model()
history = model.fit(x_train, y_train, epochs=3, validation_data=(x_val, y_val), verbose=0)
print("accuracy:    ", np.round(history.history["accuracy"], 3))
print("val_accuracy:", np.round(history.history["val_accuracy"], 3))
# --8<-- [end:validation-data]

# --8<-- [start:input-types]
import tensorflow as tf

from_tensors = model.fit(tf.constant(x_train), tf.constant(y_train), epochs=1, validation_split=0.2, verbose=0)
print("tensors:", list(from_tensors.history))


def batches():  # (1)!
    for start in range(0, len(x_train), 32):
        yield x_train[start : start + 32], y_train[start : start + 32]


for name, data in [
    ("tf.data.Dataset", tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(32)),
    ("generator", batches()),
]:
    try:
        model.fit(data, epochs=1, validation_split=0.2, verbose=0)
    except ValueError as e:
        print(f"{name}: {type(e).__name__}: {e}")
# --8<-- [end:input-types]

# --8<-- [start:history]
plain = make_model().fit(x_train, y_train, epochs=2, verbose=0)
print("plain.history:  ", list(plain.history))
print("history.history:", list(history.history))  # (1)!
print("history.epoch: ", history.epoch)
print("history.params:", history.params)
print("val_accuracy:  ", [round(v, 4) for v in history.history["val_accuracy"]])
# --8<-- [end:history]
