"""Small experiments behind the batch-size page: gradient noise, updates, learning rate, accumulation."""

# --8<-- [start:setup]
import time

import keras
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
x_train, x_val, y_train, y_val = train_test_split(x, digits.target, test_size=0.25, random_state=0)  # (2)!
print("x_train:", x_train.shape, "| x_val:", x_val.shape)


def build(learning_rate=1e-3, seed=0):  # (3)!
    keras.utils.set_random_seed(seed)  # (4)!
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
    return model
# --8<-- [end:setup]

# --8<-- [start:noise]
model = build()
loss_fn = keras.losses.SparseCategoricalCrossentropy()


def gradient(xb, yb):  # (1)!
    with tf.GradientTape() as tape:
        loss = loss_fn(yb, model(xb, training=True))
    return np.concatenate([g.numpy().ravel() for g in tape.gradient(loss, model.trainable_variables)])


full = gradient(x_train, y_train)  # (2)!
rng = np.random.default_rng(0)
relative_error = {}
for batch_size in [1, 8, 32, 128, 512]:
    errors = []
    for _ in range(30):  # (3)!
        rows = rng.choice(len(x_train), batch_size, replace=False)
        errors.append(np.linalg.norm(gradient(x_train[rows], y_train[rows]) - full) / np.linalg.norm(full))  # (4)!
    relative_error[batch_size] = np.mean(errors)  # (5)!
    print(f"batch_size={batch_size:>3}  relative_error={relative_error[batch_size]:.2f}")
# --8<-- [end:noise]

# --8<-- [start:fixed-epochs]
def accuracy_after(model):  # (1)!
    predicted = np.argmax(model(x_val), axis=1)
    return np.mean(predicted == y_val)


accuracy = {}  # (2)!
for batch_size, learning_rate in [(32, 0.001), (128, 0.001), (128, 0.004), (512, 0.001), (512, 0.016)]:  # (3)!
    model = build(learning_rate)
    model.fit(x_train, y_train, batch_size=batch_size, epochs=5, verbose=0)
    accuracy[(batch_size, learning_rate)] = accuracy_after(model)
    updates = int(model.optimizer.iterations.numpy())  # (4)!
    print(
        f"batch_size={batch_size:>3}  lr={learning_rate:<5g}  iterations={updates:>3}  "
        f"val_accuracy={accuracy[(batch_size, learning_rate)]:.3f}"
    )
# --8<-- [end:fixed-epochs]

# --8<-- [start:seeds]
for batch_size, learning_rate in [(32, 0.001), (512, 0.001), (512, 0.016)]:
    scores = [accuracy[(batch_size, learning_rate)]]  # (1)!
    for seed in [1, 2]:  # (2)!
        model = build(learning_rate, seed=seed)
        model.fit(x_train, y_train, batch_size=batch_size, epochs=5, verbose=0)
        scores.append(accuracy_after(model))
    print(
        f"batch_size={batch_size:>3}  lr={learning_rate:<5g}  val_accuracy: "
        f"mean {np.mean(scores):.3f}  min {min(scores):.3f}  max {max(scores):.3f}"
    )
# --8<-- [end:seeds]

# --8<-- [start:fixed-updates]
for batch_size in [32, 128, 512]:
    data = tf.data.Dataset.from_tensor_slices((x_train, y_train))  # (1)!
    data = data.shuffle(len(x_train), seed=0).repeat().batch(batch_size)  # (2)!
    model = build(1e-3)
    model.fit(data, epochs=1, steps_per_epoch=300, shuffle=False, verbose=0)  # (3)!
    epochs_seen = 300 * batch_size / len(x_train)  # (4)!
    print(f"batch_size={batch_size:>3}  steps=300  epochs_seen={epochs_seen:5.1f}  val_accuracy={accuracy_after(model):.3f}")
# --8<-- [end:fixed-updates]


# --8<-- [start:speed]
model = build()  # (1)!
for batch_size in [8, 32, 96, 100, 128, 512]:
    model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)  # (2)!
    start = time.perf_counter()  # (3)!
    model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)
    per_epoch = time.perf_counter() - start
    print(f"batch_size={batch_size:>3}: {per_epoch * 1000:.0f}ms")
# --8<-- [end:speed]

# --8<-- [start:memory]
model = build()
per_sample = 64 + 64 + 10  # (1)!
weights_kib = model.count_params() * 4 / 1024  # (2)!
print(f"weights: {weights_kib:.1f} KiB | Adam: {2 * weights_kib:.1f} KiB")  # (3)!
for batch_size in [32, 1024]:
    print(f"batch_size={batch_size:>4}: layer_outputs {batch_size * per_sample * 4 / 1024:.1f} KiB")  # (4)!
# --8<-- [end:memory]

# --8<-- [start:accumulation]
x32, y32 = x_train[:32], y_train[:32]  # (1)!


def weights_after_one_epoch(batch_size, accumulation_steps=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
    optimizer = keras.optimizers.SGD(0.1, gradient_accumulation_steps=accumulation_steps)  # (2)!
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    model.fit(x32, y32, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)  # (3)!
    return model.get_weights()[0], int(optimizer.iterations.numpy())  # (4)!


w_32, n_32 = weights_after_one_epoch(32)
w_acc, n_acc = weights_after_one_epoch(8, accumulation_steps=4)
w_8, n_8 = weights_after_one_epoch(8)
print("batch_size=32                                iterations:", n_32)
print("batch_size=8, gradient_accumulation_steps=4  iterations:", n_acc, "| allclose(w_acc, w_32):", np.allclose(w_acc, w_32, atol=1e-6))  # (5)!
print("batch_size=8                                 iterations:", n_8, "| allclose(w_8, w_32):  ", np.allclose(w_8, w_32, atol=1e-6))
# --8<-- [end:accumulation]

# --8<-- [start:check-accumulation]
assert (n_32, n_acc, n_8) == (1, 1, 4)
assert np.allclose(w_acc, w_32, atol=1e-6) and not np.allclose(w_8, w_32, atol=1e-6)
# --8<-- [end:check-accumulation]
