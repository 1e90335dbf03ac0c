"""What the string "accuracy" turns into, depending on the labels and the output layer."""

# --8<-- [start:accuracy]
import keras
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16.0
labels = digits.target  # integers 0..9

cases = [  # (name, targets, units and activation of the last layer, loss)
    ("integer labels", labels, 10, "softmax", "sparse_categorical_crossentropy"),
    ("one-hot labels", keras.utils.to_categorical(labels, 10), 10, "softmax", "categorical_crossentropy"),
    ("0/1 labels", (labels >= 5).astype("float32"), 1, "sigmoid", "binary_crossentropy"),
]
for name, y, units, activation, loss in cases:
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    compiled = model.metrics[1]  # model.metrics is [loss tracker, the metrics given to compile]
    before = [type(m).__name__ for m in compiled.metrics]
    model.evaluate(x[:32], y[:32], verbose=0)  # the first evaluate (or fit) sees y and the output
    after = [f"{type(m).__name__}(name={m.name!r})" for m in compiled.metrics]
    print(f"{name:14} y{str(y.shape):11} output{model.output_shape}:", before, "->", *after)
# --8<-- [end:accuracy]
