"""Feeding fit: NumPy arrays, tf.data.Dataset and keras.utils.PyDataset; steps_per_epoch and "ran out of data"."""

# --8<-- [start:setup]
import math
import warnings

import keras
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
y = digits.target  # integer labels 0..9
x_train, x_val, y_train, y_val = train_test_split(x, y, train_size=1000, test_size=300, random_state=0)
print("train:", x_train.shape, "| validation:", x_val.shape)


def make_model():
    """A small digit classifier, compiled and ready for fit."""
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def updates(model):
    """How many steps (weight updates) the model has made so far."""
    return int(model.optimizer.iterations.numpy())
# --8<-- [end:setup]

# --8<-- [start:three-ways]
# 1. NumPy arrays: fit cuts the batches, so the batch size is fit's argument.
model = make_model()
model.fit(x_train, y_train, batch_size=100, epochs=1, verbose=0)
print("arrays:    ", updates(model), "steps in one epoch")

# 2. tf.data.Dataset: the Dataset cuts the batches itself, with .batch().
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(100)
model = make_model()
model.fit(train_ds, epochs=1, verbose=0)
print("Dataset:   ", updates(model), "steps in one epoch")


# 3. PyDataset: __getitem__ returns one whole batch, __len__ the number of batches.
class DigitBatches(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)  # required: sets workers, use_multiprocessing, max_queue_size
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, index):
        rows = slice(index * self.batch_size, (index + 1) * self.batch_size)
        return self.x[rows], self.y[rows]


model = make_model()
model.fit(DigitBatches(x_train, y_train, batch_size=100), epochs=1, verbose=0)
print("PyDataset: ", updates(model), "steps in one epoch")
# --8<-- [end:three-ways]


# --8<-- [start:batch-size-ignored]
model = make_model()
model.fit(train_ds, batch_size=10, epochs=1, verbose=0)  # batch_size=10 is not used
print("Dataset batched by 100, fit(batch_size=10):", updates(model), "steps")
assert updates(model) == 10  # 1000 / 100, not 1000 / 10

unbatched = tf.data.Dataset.from_tensor_slices((x_train, y_train))  # .batch() forgotten
try:
    make_model().fit(unbatched, epochs=1, verbose=0)
except ValueError as error:
    message = str(error)
    start = message.index("Expected shape")
    end = message.index("(64,)", start) + len("(64,)")
    print("without .batch():", message[start:end])
# --8<-- [end:batch-size-ignored]

# --8<-- [start:check-ignored]
from keras.src.trainers.data_adapters import get_data_adapter  # what fit calls to read its input

# 1. fit(batch_size=...) with a Dataset: no warning about batch_size, and the batches stay at 100 rows.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    adapter = get_data_adapter(train_ds, batch_size=10)
print("warnings that mention batch_size:", [str(w.message) for w in caught if "batch_size" in str(w.message)])
print("rows per batch the model receives:", {len(batch[0]) for batch in adapter.get_numpy_iterator()})


# 2. PyDataset with shuffle=True: which batches, in which order.
class RecordedBatches(DigitBatches):
    """DigitBatches that notes which batch is asked for."""

    def __getitem__(self, index):
        self.asked.append(index)
        return super().__getitem__(index)


data = RecordedBatches(x_train, y_train, batch_size=100)
data.asked = []
for batch in get_data_adapter(data, shuffle=True).get_numpy_iterator():  # one epoch
    pass
print("PyDataset, shuffle=True: batches asked for in this order:", data.asked)
assert sorted(data.asked) == list(range(10))  # every batch once, as __getitem__ made it
assert data.asked != list(range(10))  # but in a shuffled order
# --8<-- [end:check-ignored]

# --8<-- [start:shuffle-buffer]
numbers = tf.data.Dataset.range(10)  # 0, 1, ..., 9
for buffer_size in (2, 10):
    shuffled = numbers.shuffle(buffer_size, seed=1)
    print(f"shuffle({buffer_size:2}):", [int(n) for n in shuffled])

# With a buffer of 2 the first element can only be 0 or 1.
assert int(next(iter(numbers.shuffle(2)))) in (0, 1)
# --8<-- [end:shuffle-buffer]

# --8<-- [start:shuffle-batch-order]
nine = tf.data.Dataset.range(9)
print("shuffle, then batch:", [b.numpy().tolist() for b in nine.shuffle(9, seed=1).batch(3)])
print("batch, then shuffle:", [b.numpy().tolist() for b in nine.batch(3).shuffle(3, seed=1)])
# --8<-- [end:shuffle-batch-order]

# --8<-- [start:cache]
for name, pipeline in [
    ("cache, then shuffle", numbers.cache().shuffle(10, seed=1)),
    ("shuffle, then cache", numbers.shuffle(10, seed=1).cache()),
]:
    first, second = [int(n) for n in pipeline], [int(n) for n in pipeline]  # two epochs
    print(f"{name}: {first} {second}")

frozen = numbers.shuffle(10, seed=1).cache()
assert [int(n) for n in frozen] == [int(n) for n in frozen]  # the first order is replayed
# --8<-- [end:cache]

# --8<-- [start:pipeline]
train_ds = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .cache()  # keep the rows in memory after the first pass
    .shuffle(len(x_train))  # a buffer as large as the data: a full shuffle, new every epoch
    .batch(100)  # the batch size lives here
    .prefetch(tf.data.AUTOTUNE)  # prepare the next batches while the model trains
)
x_batch, y_batch = next(iter(train_ds))
print("one batch:", x_batch.shape, y_batch.shape, "| batches per epoch:", int(train_ds.cardinality()))
# --8<-- [end:pipeline]

# --8<-- [start:validation]
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(100)  # 3 batches
print("validation batches:", int(val_ds.cardinality()))

model = make_model()
history = model.fit(train_ds, epochs=2, validation_data=val_ds, validation_steps=1, verbose=2)


# validation_steps=1: only the first batch (100 of 300 rows) was used for val_*
first_batch = model.evaluate(val_ds.take(1), verbose=0, return_dict=True)
all_batches = model.evaluate(val_ds, verbose=0, return_dict=True)
print(f"val_accuracy in fit: {history.history['val_accuracy'][-1]:.4f}")
print(f"evaluate, 1st batch: {first_batch['accuracy']:.4f} | all 3 batches: {all_batches['accuracy']:.4f}")
assert math.isclose(history.history["val_accuracy"][-1], first_batch["accuracy"], rel_tol=1e-6)
# --8<-- [end:validation]

# --8<-- [start:ran-out]
finite_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(100)  # 10 batches, then it ends
print("batches in the Dataset:", int(finite_ds.cardinality()))

model = make_model()
with warnings.catch_warnings(record=True) as caught:  # collect Keras's warnings to print them below
    warnings.simplefilter("always")
    history = model.fit(finite_ds, epochs=3, steps_per_epoch=15, shuffle=False, verbose=2)

ran_out = [w for w in caught if "ran out of data" in str(w.message)]
print(f"{ran_out[0].category.__name__}: {ran_out[0].message}")
print("warnings:", len(ran_out), "| epochs in history:", len(history.history["loss"]), "| steps made:", updates(model))
assert updates(model) == 30  # 10 steps in each of the 3 epochs, not 15
# --8<-- [end:ran-out]

# --8<-- [start:fixes]
# Fix 1: no steps_per_epoch. One epoch is one pass over the finite Dataset:
# model.fit(finite_ds, epochs=3)

# Fix 2: repeat() makes the Dataset endless; steps_per_epoch says where an epoch ends.
endless_ds = finite_ds.repeat()
model = make_model()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(endless_ds, epochs=3, steps_per_epoch=15, verbose=0)
print("repeat(), 15 steps per epoch, 3 epochs:", updates(model), "steps")
assert updates(model) == 45
assert not [w for w in caught if "ran out of data" in str(w.message)]  # no warning this time
# --8<-- [end:fixes]

# --8<-- [start:shorter]
model = make_model()
show_steps = keras.callbacks.LambdaCallback(
    on_epoch_end=lambda epoch, logs: print(f"after epoch {epoch + 1}: {updates(model)} steps in total")
)
with warnings.catch_warnings(record=True):  # the "ran out of data" warning again, in epoch 3
    warnings.simplefilter("always")
    model.fit(finite_ds, epochs=3, steps_per_epoch=4, verbose=0, callbacks=[show_steps])
# --8<-- [end:shorter]

# --8<-- [start:check-endless]
class StopAfter(keras.callbacks.Callback):
    """Ends training after a given number of steps, whatever the epoch."""

    def __init__(self, steps):
        super().__init__()
        self.steps = steps

    def on_train_batch_end(self, batch, logs=None):
        if updates(self.model) >= self.steps:
            self.model.stop_training = True


model = make_model()
history = model.fit(endless_ds, epochs=3, verbose=0, callbacks=[StopAfter(25)])
print("repeat() without steps_per_epoch:", updates(model), "steps, still in epoch", len(history.history["loss"]))
assert updates(model) == 25 and len(history.history["loss"]) == 1  # 25 > 10 batches, epoch 1 had not ended
# --8<-- [end:check-endless]
