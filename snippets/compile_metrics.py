"""What the string "accuracy" turns into, depending on the labels and the output layer."""

# --8<-- [start:accuracy]
import keras
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16
labels = digits.target  # integers 0..9

cases = [  # (name, targets, units and activation of the last layer, loss)
    ("integer labels", labels, 10, "softmax", "sparse_categorical_crossentropy"),
    ("one-hot labels", keras.utils.to_categorical(labels, 10), 10, "softmax", "categorical_crossentropy"),
    ("0/1 labels", (labels >= 5).astype("float32"), 1, "sigmoid", "binary_crossentropy"),
]
for name, y, units, activation, loss in cases:
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    compiled = model.metrics[1]  # (1)!
    before = [type(m).__name__ for m in compiled.metrics]
    model.evaluate(x[:32], y[:32], verbose=0)  # (2)!
    after = [f"{type(m).__name__}(name={m.name!r})" for m in compiled.metrics]
    print(f"{name:14} y{str(y.shape):11} output{model.output_shape}:", before, "->", *after)
# --8<-- [end:accuracy]

# --8<-- [start:accuracy-check]
import logging

logging.getLogger("tensorflow").setLevel(logging.ERROR)  # no notes about retracing: every new model traces anew


def chosen_accuracy(y, units):
    """The class that "accuracy" becomes for labels y and an output of `units` values."""
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation="softmax")])
    any_shape_loss = lambda y_true, y_pred: keras.ops.mean(y_pred)  # accepts labels of any shape
    model.compile(loss=any_shape_loss, metrics=["accuracy"])
    model.evaluate(x[:32], y[:32], verbose=0)
    return type(model.metrics[1].metrics[0]).__name__


column = labels.reshape(-1, 1)  # integer labels as a column: last dimension 1
five = keras.utils.to_categorical(labels % 5, 5)  # one-hot over 5 classes, output has 10
found = {"labels (N, 1), output (N, 10)": chosen_accuracy(column, 10),
         "labels (N, 5), output (N, 10)": chosen_accuracy(five, 10)}
for case, name in found.items():
    print(f"{case}: {name}")
assert found["labels (N, 1), output (N, 10)"] == "SparseCategoricalAccuracy"
assert found["labels (N, 5), output (N, 10)"] == "CategoricalAccuracy"
# --8<-- [end:accuracy-check]
