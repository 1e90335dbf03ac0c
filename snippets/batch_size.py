"""Small experiments behind the batch-size page: gradient noise, updates, learning rate, accumulation."""

# --8<-- [start:setup]
import time

import keras
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
x = digits.data.astype("float32") / 16.0
x_train, x_val, y_train, y_val = train_test_split(x, digits.target, test_size=0.25, random_state=0)
print("training rows:", len(x_train), "| validation rows:", len(x_val))


def build(learning_rate=1e-3, seed=0):
    keras.utils.set_random_seed(seed)  # (1)!
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


def gradient(xb, yb):
    """The gradient of the loss on (xb, yb), flattened into one vector."""
    with tf.GradientTape() as tape:
        loss = loss_fn(yb, model(xb, training=True))
    return np.concatenate([g.numpy().ravel() for g in tape.gradient(loss, model.trainable_variables)])


full = gradient(x_train, y_train)  # the gradient on all training rows
rng = np.random.default_rng(0)
for batch_size in [1, 8, 32, 128, 512]:
    errors = []
    for _ in range(30):  # 30 random batches of this size
        rows = rng.choice(len(x_train), batch_size, replace=False)
        errors.append(np.linalg.norm(gradient(x_train[rows], y_train[rows]) - full) / np.linalg.norm(full))
    print(f"batch {batch_size:>3}: mean relative error of the batch gradient {np.mean(errors):.2f}")
# --8<-- [end:noise]

# --8<-- [start:fixed-epochs]
def accuracy_after(model):
    """The share of validation images whose most probable class is the right one."""
    predicted = np.argmax(model(x_val), axis=1)
    return np.mean(predicted == y_val)


accuracy = {}  # (batch size, learning rate) -> validation accuracy, seed 0
for batch_size in [32, 128, 512]:
    for learning_rate in [1e-3, 1e-3 * batch_size / 32]:  # fixed, then proportional to the batch size
        if (batch_size, learning_rate) in accuracy:
            continue  # batch 32: both are 0.001, the same run
        model = build(learning_rate)
        model.fit(x_train, y_train, batch_size=batch_size, epochs=5, verbose=0)
        accuracy[batch_size, learning_rate] = accuracy_after(model)
    scaled = 1e-3 * batch_size / 32
    print(
        f"batch {batch_size:>3}: {int(model.optimizer.iterations.numpy()):>4} updates | "
        f"val accuracy {accuracy[batch_size, 1e-3]:.3f} (lr 0.001), {accuracy[batch_size, scaled]:.3f} (lr {scaled:g})"
    )
# --8<-- [end:fixed-epochs]

# --8<-- [start:seeds]
for batch_size, learning_rate in [(32, 1e-3), (512, 1e-3), (512, 0.016)]:
    scores = [accuracy[batch_size, learning_rate]]  # seed 0: the run above
    for seed in [1, 2]:  # (1)!
        model = build(learning_rate, seed=seed)
        model.fit(x_train, y_train, batch_size=batch_size, epochs=5, verbose=0)
        scores.append(accuracy_after(model))
    print(
        f"batch {batch_size:>3}, lr {learning_rate:<5g}: val accuracy mean {np.mean(scores):.3f}, "
        f"lowest {min(scores):.3f}, highest {max(scores):.3f}"
    )
# --8<-- [end:seeds]

# --8<-- [start:fixed-updates]
for batch_size in [32, 128, 512]:
    data = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    data = data.shuffle(len(x_train), seed=0).repeat().batch(batch_size)
    model = build(1e-3)
    # exactly 300 updates; the Dataset shuffles itself, fit's shuffle is for arrays only
    model.fit(data, epochs=1, steps_per_epoch=300, shuffle=False, verbose=0)
    seen = 300 * batch_size / len(x_train)
    print(f"batch {batch_size:>3}: 300 updates = {seen:5.1f} passes over the data | val accuracy {accuracy_after(model):.3f}")
# --8<-- [end:fixed-updates]


# --8<-- [start:speed]
model = build()  # one model for every batch size: only the time matters here
for batch_size in [8, 32, 96, 100, 128, 512]:
    model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)  # warm-up run, not timed
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)
    per_epoch = time.perf_counter() - start
    print(f"batch {batch_size:>3}: {per_epoch * 1000:.0f}ms per epoch on this machine")
# --8<-- [end:speed]

# --8<-- [start:memory]
model = build()
# A lower bound by arithmetic, not a measurement: the input and each layer's output, per sample.
per_sample = 64 + sum(int(np.prod(layer.output.shape[1:])) for layer in model.layers)
print(f"weights: {model.count_params() * 4 / 1024:.1f} KiB (float32), Adam's state: twice that, at any batch size")
for batch_size in [32, 1024]:
    print(f"batch {batch_size:>4}: activations of one forward pass about {batch_size * per_sample * 4 / 1024:.1f} KiB")
# --8<-- [end:memory]

# --8<-- [start:accumulation]
x32, y32 = x_train[:32], y_train[:32]


def weights_after_one_epoch(batch_size, accumulation_steps=None):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
    optimizer = keras.optimizers.SGD(0.1, gradient_accumulation_steps=accumulation_steps)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    model.fit(x32, y32, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return model.get_weights()[0], int(optimizer.iterations.numpy())


w_big, n_big = weights_after_one_epoch(32)
w_acc, n_acc = weights_after_one_epoch(8, accumulation_steps=4)
w_small, n_small = weights_after_one_epoch(8)
print("batch 32:               ", n_big, "update")
print("batch 8, accumulate 4:  ", n_acc, "update  | same weights as batch 32:", np.allclose(w_big, w_acc, atol=1e-6))
print("batch 8, no accumulation:", n_small, "updates | same weights as batch 32:", np.allclose(w_big, w_small, atol=1e-6))
assert n_acc == 1 and np.allclose(w_big, w_acc, atol=1e-6)  # 4 steps, 1 update, batch 32's weights
# --8<-- [end:accumulation]
