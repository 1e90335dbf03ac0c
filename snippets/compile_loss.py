"""Choosing the loss: label format, output layer, from_logits, and what a mismatch looks like."""

# --8<-- [start:cases]
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16  # (1)!
labels = digits.target  # (2)!

cases = [  # (3)!
    (labels, 10, "softmax", "sparse_categorical_crossentropy"),
    (keras.utils.to_categorical(labels, 10), 10, "softmax", "categorical_crossentropy"),  # (4)!
    ((labels >= 5).astype("float32"), 1, "sigmoid", "binary_crossentropy"),
    (x.mean(axis=1), 1, None, "mean_squared_error"),  # (5)!
]
for y, units, activation, loss in cases:
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss)
    value = model.evaluate(x, y, verbose=0)  # (6)!
    print(loss, "| y.shape", y.shape, "| output_shape", model.output_shape, "| loss", round(value, 3))
# --8<-- [end:cases]

# --8<-- [start:from-logits]
linear = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10)])  # (1)!
softmax = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
softmax.set_weights(linear.get_weights())  # (2)!

print("logits:       ", linear.predict(x[:1], verbose=0).round(2))
print("probabilities:", softmax.predict(x[:1], verbose=0).round(2))

for name, model, from_logits in [
    ("linear  + from_logits=True ", linear, True),
    ("softmax + from_logits=False", softmax, False),
    ("linear  + from_logits=False", linear, False),  # (3)!
    ("softmax + from_logits=True ", softmax, True),  # (4)!
]:
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits))
    loss = model.evaluate(x, labels, verbose=0)
    print(f"{name}: loss {loss:.4f}")
# --8<-- [end:from-logits]

# --8<-- [start:from-logits-check]
import warnings

# The wrong pair "linear + from_logits=False", redone by hand:
z = np.clip(linear.predict(x, verbose=0), 1e-7, 1 - 1e-7)  # clip the logits as if they were probabilities
rows = np.arange(len(labels))
renormalised = -np.mean(np.log(z[rows, labels] / z.sum(axis=1)))  # -log(clip(z_y) / sum of clip(z_j))
clip_and_log_only = -np.mean(np.log(z[rows, labels]))  # -log(clip(z_y)), without the division
linear.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False))
keras_loss = linear.evaluate(x, labels, verbose=0)
print(f"Keras {keras_loss:.4f} | renormalised by hand {renormalised:.4f} | clip and log only {clip_and_log_only:.4f}")
assert np.isclose(keras_loss, renormalised, rtol=1e-4)
assert not np.isclose(keras_loss, clip_and_log_only, rtol=1e-4)

# The wrong pair "softmax + from_logits=True" warns, and still uses the logits:
softmax.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    softmax_loss = softmax.evaluate(x, labels, verbose=0)
linear.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
assert np.isclose(softmax_loss, linear.evaluate(x, labels, verbose=0), rtol=1e-5)
warned = [w.category.__name__ for w in caught if "from_logits=True" in str(w.message)]
assert warned, "expected a UserWarning about from_logits"
print("softmax + from_logits=True:", warned[0])
# --8<-- [end:from-logits-check]

# --8<-- [start:logits-safer]
logits = np.array([[0.0, 30.0]])  # (1)!
label = np.array([0])  # (2)!
probabilities = np.exp(logits) / np.exp(logits).sum()  # (3)!
print("logits:       ", logits)
print("probabilities:", probabilities)

loss_from_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)  # (4)!
loss_from_probabilities = keras.losses.SparseCategoricalCrossentropy()  # (5)!
print("loss_from_logits:       ", round(float(loss_from_logits(label, logits)), 4))  # (6)!
print("loss_from_probabilities:", round(float(loss_from_probabilities(label, probabilities)), 4))
print("-log(1e-7):             ", round(float(-np.log(1e-7)), 4))
# --8<-- [end:logits-safer]

# --8<-- [start:logits-safer-check]
import tensorflow as tf

assert np.isclose(float(loss_from_logits(label, logits)), 30.0, rtol=1e-4)
assert np.isclose(float(loss_from_probabilities(label, probabilities)), -np.log(1e-7), rtol=1e-4)

# A softmax computed by Keras on TensorFlow still carries its logits, so the loss uses them:
still_inside = keras.ops.softmax(logits.astype("float32"))  # float32, the dtype the loss computes in
assert np.isclose(float(loss_from_probabilities(label, still_inside)), 30.0, rtol=1e-4)

# The gradient: from logits it pushes the weights; from clipped probabilities it is zero.
z = tf.Variable(logits, dtype="float32")
with tf.GradientTape(persistent=True) as tape:
    loss_a = loss_from_logits(label, z)
    loss_b = loss_from_probabilities(label, tf.nn.softmax(z))  # plain TensorFlow softmax: no logits attached
grad_a, grad_b = tape.gradient(loss_a, z).numpy(), tape.gradient(loss_b, z).numpy()
print("gradient from logits:        ", grad_a.round(4))
print("gradient from probabilities: ", grad_b.round(4))
assert np.allclose(grad_a, [[-1.0, 1.0]]) and np.allclose(grad_b, 0.0)
# --8<-- [end:logits-safer-check]

# --8<-- [start:mismatch]
one_hot = keras.utils.to_categorical(labels, 10)
attempts = [  # (1)!
    ("categorical_crossentropy", labels, 10, "softmax"),
    ("sparse_categorical_crossentropy", one_hot, 10, "softmax"),
    ("binary_crossentropy", labels, 10, "softmax"),
]
for loss, y, units, activation in attempts:
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(units, activation=activation)])
    model.compile(optimizer="adam", loss=loss)
    try:  # (2)!
        model.fit(x, y, epochs=1, verbose=0)
    except ValueError as e:
        print(f"{loss}: {type(e).__name__}: {e}")
# --8<-- [end:mismatch]

# --8<-- [start:sparse-shapes]
column = labels.reshape(-1, 1)  # (1)!
model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
probabilities = model.predict(x, verbose=0)
loss_fn = keras.losses.SparseCategoricalCrossentropy()
flat_loss = float(loss_fn(labels, probabilities))
column_loss = float(loss_fn(column, probabilities))
print("labels", labels.shape, "loss", round(flat_loss, 4))
print("column", column.shape, "loss", round(column_loss, 4))
# --8<-- [end:sparse-shapes]

# --8<-- [start:sparse-shapes-check]
assert np.isclose(flat_loss, column_loss)
# --8<-- [end:sparse-shapes-check]

# --8<-- [start:silent]
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # (1)!
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x, labels, epochs=3, verbose=0)  # (2)!
outputs = model.predict(x, verbose=0)
print("loss:                  ", np.round(history.history["loss"], 2))
print("accuracy:              ", np.round(history.history["accuracy"], 4))
print("np.mean(labels == 1):  ", np.round(np.mean(labels == 1), 4))
print("np.mean(outputs > 0.5):", np.mean(outputs > 0.5))
# --8<-- [end:silent]
