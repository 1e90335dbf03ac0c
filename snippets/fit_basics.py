"""fit's basic arguments: x, y, epochs, batch_size and verbose."""

# --8<-- [start:defaults]
import inspect

import keras

parameters = inspect.signature(keras.Model.fit).parameters
for name in ("epochs", "batch_size", "verbose", "shuffle", "validation_split", "validation_data"):
    print(f"{name:16} default: {parameters[name].default!r}")
assert parameters["epochs"].default == 1 and parameters["batch_size"].default is None
assert parameters["verbose"].default == "auto" and parameters["shuffle"].default is True
# --8<-- [end:defaults]

# --8<-- [start:setup]
import math

import keras

from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=0)
print("x_train:", x_train.shape, "| x_val:", x_val.shape)


def make_model():  # (2)!
    keras.utils.set_random_seed(42)
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
make_model().fit(x_train, y_train, epochs=1, verbose=2)  # (1)!
make_model().fit(x_train, y_train, epochs=1, batch_size=64, verbose=2)  # (2)!
print(f"ceil({len(x_train)} / 32) = {math.ceil(len(x_train) / 32)}, ceil({len(x_train)} / 64) = {math.ceil(len(x_train) / 64)}")
# --8<-- [end:batch-size]

# --8<-- [start:count-steps]
class CountSteps(keras.callbacks.Callback):
    """Counts how often fit calls on_train_batch_end: once per step."""

    def on_epoch_begin(self, epoch, logs=None):
        self.steps = 0

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1


for batch_size, expected in [(None, 45), (64, 23)]:
    counter = CountSteps()
    make_model().fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0, callbacks=[counter])
    print(f"batch_size={batch_size}: {counter.steps} steps counted")
    assert counter.steps == expected == math.ceil(len(x_train) / (batch_size or 32))
# --8<-- [end:count-steps]

# --8<-- [start:verbose2]
model = make_model()
history = model.fit(
    x_train,
    y_train,
    epochs=3,
    validation_data=(x_val, y_val),
    verbose=2,
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
    print(f"verbose={verbose!r:6}  lines: {text.count(chr(10))}  '━' in text: {'━' in text}")
    assert ("━" in text) == (verbose in (1, "auto"))

# The bar fit draws with verbose=1, driven by hand: 100 quick updates.
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    bar = keras.utils.Progbar(target=100)  # interval=0.05: at most one redraw per 0.05 s
    for step in range(1, 101):
        bar.update(step)
redraws = printed.getvalue().count("\r")
print("_dynamic_display:", bar._dynamic_display, "| redraws < 10:", redraws < 10)
assert bar._dynamic_display and redraws < 10

# Where Keras cannot rewrite a line (on Windows, output not to a terminal), every update is a new line.
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    bar = keras.utils.Progbar(target=100, interval=0)
    bar._dynamic_display = False  # what Keras decides there
    for step in range(1, 101):
        bar.update(step)
print("_dynamic_display=False, lines:", printed.getvalue().count("\n"))
# --8<-- [end:verbose-levels]
