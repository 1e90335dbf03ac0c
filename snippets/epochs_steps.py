"""Count the steps and weight updates Keras really makes, for the epochs/steps page."""

# --8<-- [start:count]
import math

import keras
import numpy as np

keras.utils.set_random_seed(0)


def train(n_samples, batch_size=None, epochs=1, optimizer="sgd", **fit_args):  # (1)!
    x = np.zeros((n_samples, 4), dtype="float32")
    y = np.zeros((n_samples, 1), dtype="float32")
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
    model.compile(optimizer=optimizer, loss="mse")
    history = model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0, **fit_args)
    steps = history.params["steps"]  # (2)!
    updates = int(model.optimizer.iterations)  # (3)!
    return steps, updates


for n, batch in [(1_000, 32), (1_000, 100), (1_000, 64)]:
    steps, updates = train(n, batch)
    print(f"n_samples={n}, batch_size={batch} | ceil({n / batch:g}) = {math.ceil(n / batch)} | steps={steps}, updates={updates}")
# --8<-- [end:count]

# --8<-- [start:default]
print("n_samples=1000, batch_size=None:                    steps, updates =", train(1_000))
print("n_samples=100,  batch_size=None, steps_per_epoch=4: steps, updates =", train(100, steps_per_epoch=4))
# --8<-- [end:default]

# --8<-- [start:last-batch]
n, batch = 1_000, 64
full_batches, rest = divmod(n, batch)  # (1)!
print(f"full_batches={full_batches}, rest={rest} | steps={full_batches + 1} | {full_batches} * {batch} + {rest} = {full_batches * batch + rest}")
# --8<-- [end:last-batch]

# --8<-- [start:batch-sizes]
sizes = []


class RecordBatchSize(keras.layers.Layer):
    def call(self, x, training=False):
        if training:
            sizes.append(int(x.shape[0]))
        return x


def batch_sizes(n_samples, **fit_args):
    sizes.clear()
    model = keras.Sequential([keras.Input(shape=(4,)), RecordBatchSize(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", run_eagerly=True)
    model.fit(np.zeros((n_samples, 4)), np.zeros((n_samples, 1)), epochs=1, verbose=0, **fit_args)
    return list(sizes)


last = batch_sizes(1_000, batch_size=64)
print("n_samples=1000, batch_size=64:        len", len(last), "| first", last[:3], "| last", last[-2:], "| sum", sum(last))
assert last == [64] * 15 + [40]
default = batch_sizes(1_000)
print("n_samples=1000, batch_size=None:      len", len(default), "| first", default[:3], "| last", default[-2:])
assert default == [32] * 31 + [8]
derived = batch_sizes(100, steps_per_epoch=4)
print("n_samples=100,  steps_per_epoch=4:   ", derived)
assert derived == [25, 25, 25, 25]
# --8<-- [end:batch-sizes]

# --8<-- [start:validation]
print("ceil(800 / 32) =", math.ceil(800 / 32))
print("n_samples=1000, validation_split=0.2, epochs=10: steps, updates =", train(1_000, 32, epochs=10, validation_split=0.2))
# --8<-- [end:validation]

# --8<-- [start:total]
for n in [100, 1_000]:
    steps, updates = train(n, 100, epochs=5)
    print(f"n_samples={n}, batch_size=100, epochs=5: updates={updates}")
# --8<-- [end:total]

# --8<-- [start:accumulation]
optimizer = keras.optimizers.SGD(gradient_accumulation_steps=4)  # (1)!
steps, updates = train(800, 100, optimizer=optimizer)
print("n_samples=800, batch_size=100, gradient_accumulation_steps=4: steps =", steps, "| updates =", updates)
# --8<-- [end:accumulation]

# --8<-- [start:steps-per-epoch]
import tensorflow as tf

data = tf.data.Dataset.from_tensor_slices((np.zeros((1_000, 4)), np.zeros((1_000, 1))))  # (1)!
data = data.shuffle(1_000, seed=0).batch(100).repeat()  # (2)!
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
history = model.fit(data, epochs=3, steps_per_epoch=25, shuffle=False, verbose=0)  # (3)!
print("epochs:", len(history.history["loss"]), "| updates:", int(model.optimizer.iterations))
# --8<-- [end:steps-per-epoch]

# --8<-- [start:pydataset-shuffle]
class Numbered(keras.utils.PyDataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return np.full((2, 4), i, dtype="float32"), np.zeros((2, 1), dtype="float32")


class RecordBatchIndex(keras.layers.Layer):
    def call(self, x, training=False):
        if training:
            order.append(int(x[0, 0]))
        return x


for shuffle in (True, False):
    order = []
    model = keras.Sequential([keras.Input(shape=(4,)), RecordBatchIndex(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", run_eagerly=True)
    model.fit(Numbered(), epochs=3, shuffle=shuffle, verbose=0)
    epochs = [order[0:4], order[4:8], order[8:12]]
    print(f"PyDataset, shuffle={shuffle}:", *epochs)
    if shuffle:
        assert any(epoch != [0, 1, 2, 3] for epoch in epochs) and all(sorted(e) == [0, 1, 2, 3] for e in epochs)
    else:
        assert epochs == [[0, 1, 2, 3]] * 3
# --8<-- [end:pydataset-shuffle]
