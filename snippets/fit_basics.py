"""fit's basic arguments: x, y, epochs, batch_size and verbose."""

# --8<-- [start:defaults]
import inspect

import keras

parameters = inspect.signature(keras.Model.fit).parameters
for name in ("epochs", "batch_size", "verbose", "shuffle", "validation_split", "validation_data"):
    print(f"{name:16} default: {parameters[name].default!r}")
# --8<-- [end:defaults]

# --8<-- [start:setup]
import math

from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
y = digits.target  # integer labels 0..9
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=0)
print("train:", x_train.shape, "| validation:", x_val.shape)


def make_model():
    """A small classifier, compiled and ready for fit."""
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
# --8<-- [end:setup]

# --8<-- [start:batch-size]
class CountSteps(keras.callbacks.Callback):
    """Counts how often fit calls on_train_batch_end: once per step."""

    def on_epoch_begin(self, epoch, logs=None):
        self.steps = 0

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1

    def on_epoch_end(self, epoch, logs=None):
        print(f"  epoch {epoch + 1}: {self.steps} steps")


model = make_model()
for batch_size in (None, 64):
    print(f"batch_size={batch_size}")
    model.fit(x_train, y_train, batch_size=batch_size, epochs=2, verbose=0, callbacks=[CountSteps()])
n = len(x_train)
print(f"ceil({n} / 32) = {math.ceil(n / 32)} | ceil({n} / 64) = {math.ceil(n / 64)}")
# --8<-- [end:batch-size]

# --8<-- [start:verbose2]
model = make_model()
history = model.fit(
    x_train,
    y_train,
    epochs=3,
    validation_data=(x_val, y_val),
    verbose=2,  # one line per epoch
)
# --8<-- [end:verbose2]

# --8<-- [start:verbose-levels]
import contextlib
import io

for verbose in (0, 1, 2, "auto"):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):  # catch what fit prints
        model.fit(x_train, y_train, epochs=1, verbose=verbose)
    text = printed.getvalue()
    print(f"verbose={verbose!r:6}  lines: {text.count(chr(10))}  progress bar: {'━' in text}")
# --8<-- [end:verbose-levels]
