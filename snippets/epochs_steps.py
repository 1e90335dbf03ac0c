"""Count the steps Keras really takes, for the arithmetic on the epochs/steps page."""

# --8<-- [start:count]
import math

import keras
import numpy as np

keras.utils.set_random_seed(0)


def updates_in_one_fit(n_samples, batch_size=None, epochs=1, **fit_args):
    """Train a tiny model on n_samples rows; return how many weight updates Keras made."""
    x = np.zeros((n_samples, 4), dtype="float32")
    y = np.zeros((n_samples, 1), dtype="float32")
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0, **fit_args)
    return int(model.optimizer.iterations.numpy())  # one iteration = one step


for n, batch in [(10_000, 32), (10_000, 100), (1_000, 100), (1_000, 64)]:
    print(f"{n:>6} samples, batch {batch:>3}: ceil = {math.ceil(n / batch):>3}, Keras = {updates_in_one_fit(n, batch)}")
# --8<-- [end:count]

# --8<-- [start:default]
print("batch_size=None:", updates_in_one_fit(10_000), "steps")
# --8<-- [end:default]

# --8<-- [start:last-batch]
sizes = []


class RecordBatchSize(keras.layers.Layer):
    """Passes its input through and notes how many rows each batch has."""

    def call(self, x):
        if x.shape[0] is not None:  # skip the symbolic call made while building
            sizes.append(int(x.shape[0]))
        return x


model = keras.Sequential([keras.Input(shape=(4,)), RecordBatchSize(), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", run_eagerly=True)  # eager: call() runs on every batch
model.fit(np.zeros((1_000, 4)), np.zeros((1_000, 1)), batch_size=64, epochs=1, verbose=0)
print("batches:", len(sizes), "| first:", sizes[:3], "| last:", sizes[-2:], "| rows:", sum(sizes))
# --8<-- [end:last-batch]

# --8<-- [start:validation]
print("ceil(8000 / 32) =", math.ceil(8_000 / 32))
print("validation_split=0.2,  1 epoch: ", updates_in_one_fit(10_000, 32, validation_split=0.2), "updates")
print("validation_split=0.2, 10 epochs:", updates_in_one_fit(10_000, 32, epochs=10, validation_split=0.2), "updates")
# --8<-- [end:validation]

# --8<-- [start:total]
for n in [1_000, 10_000]:
    print(f"{n:>6} samples, 5 epochs, batch 100: {updates_in_one_fit(n, 100, epochs=5)} updates")
# --8<-- [end:total]

# --8<-- [start:steps-per-epoch]
import tensorflow as tf

data = tf.data.Dataset.from_tensor_slices((np.zeros((1_000, 4)), np.zeros((1_000, 1))))
data = data.shuffle(1_000, seed=0).batch(100).repeat()  # an endless stream of batches
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
# shuffle=False: a Dataset shuffles itself (above); fit's shuffle applies to arrays only.
history = model.fit(data, epochs=3, steps_per_epoch=25, shuffle=False, verbose=0)
print("epochs:", len(history.history["loss"]), "| updates:", int(model.optimizer.iterations.numpy()))
# --8<-- [end:steps-per-epoch]
