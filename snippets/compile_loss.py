"""Choosing the loss: label format, output layer, from_logits, and what a mismatch looks like."""

# --8<-- [start:cases]
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 1,797 images, 64 pixels each
labels = digits.target  # integers 0..9

cases = {  # name: (targets, units and activation of the last layer, loss)
    "integer labels": (labels, 10, "softmax", "sparse_categorical_crossentropy"),
    "one-hot labels": (keras.utils.to_categorical(labels, 10), 10, "softmax", "categorical_crossentropy"),
    "two classes": ((labels >= 5).astype("float32"), 1, "sigmoid", "binary_crossentropy"),
    "regression": (x.mean(axis=1), 1, None, "mean_squared_error"),  # target: mean brightness
}
for name, (y, units, activation, loss) in cases.items():
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss)
    value = model.evaluate(x, y, verbose=0)  # untrained: we only check that the pair fits
    print(f"{name:14} y{str(y.shape):11} output{model.output_shape}  {loss} = {value:.3f}")
# --8<-- [end:cases]

# --8<-- [start:from-logits]
import warnings

linear = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10)])  # outputs logits
softmax = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
softmax.set_weights(linear.get_weights())  # same weights, so the same logits inside

print("logits,        row 0:", linear.predict(x[:1], verbose=0).round(2))
print("probabilities, row 0:", softmax.predict(x[:1], verbose=0).round(2))

for name, model, from_logits in [
    ("linear  + from_logits=True ", linear, True),
    ("softmax + from_logits=False", softmax, False),
    ("linear  + from_logits=False", linear, False),  # wrong pair
    ("softmax + from_logits=True ", softmax, True),  # wrong pair
]:
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = model.evaluate(x, labels, verbose=0)
    notes = [w.category.__name__ for w in caught if "from_logits" in str(w.message)]
    print(f"{name}: loss {value:.4f}", *notes)
# --8<-- [end:from-logits]

# --8<-- [start:mismatch]
one_hot = keras.utils.to_categorical(labels, 10)
attempts = [  # (loss, targets, units and activation of the last layer)
    ("categorical_crossentropy", labels, 10, "softmax"),  # integer labels
    ("sparse_categorical_crossentropy", one_hot, 10, "softmax"),  # one-hot labels
    ("binary_crossentropy", labels, 10, "softmax"),  # a 10-class problem
]
for loss, y, units, activation in attempts:
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss)
    try:
        model.fit(x, y, epochs=1, verbose=0)
    except ValueError as e:
        message = str(e)
        print(f"{loss}: {type(e).__name__}")
        print("   ", message[: message.index(" Received")])
        print("   ", message[message.index("Received") :])
# --8<-- [end:mismatch]

# --8<-- [start:silent]
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # one output, as for two classes
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x, labels, epochs=3, verbose=0)  # labels are 0..9, not 0/1
print("loss per epoch:    ", np.round(history.history["loss"], 2))
print("accuracy per epoch:", np.round(history.history["accuracy"], 4))
print("share of label 1:  ", np.round(np.mean(labels == 1), 4))
print("outputs above 0.5: ", np.mean(model.predict(x, verbose=0) > 0.5))
# --8<-- [end:silent]
