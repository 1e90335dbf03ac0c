"""Feeding fit: NumPy arrays, tf.data.Dataset and keras.utils.PyDataset; steps_per_epoch and "ran out of data"."""

# --8<-- [start:setup]
import math

import keras
import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target
x_train, x_val, y_train, y_val = train_test_split(x, y, train_size=1000, test_size=300, random_state=0)
print("train:", x_train.shape, "| validation:", x_val.shape)


def make_model():  # (2)!
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
    return int(model.optimizer.iterations.numpy())  # (3)!
# --8<-- [end:setup]

# --8<-- [start:three-ways]
model = make_model()
model.fit(x_train, y_train, batch_size=100, epochs=1, verbose=0)  # (1)!
print("arrays, steps:   ", updates(model))

train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(100)  # (2)!
model = make_model()
model.fit(train_ds, epochs=1, verbose=0)
print("Dataset, steps:  ", updates(model))


class DigitBatches(keras.utils.PyDataset):  # (3)!
    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)  # (4)!
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):  # (5)!
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, index):  # (6)!
        rows = slice(index * self.batch_size, (index + 1) * self.batch_size)
        return self.x[rows], self.y[rows]


model = make_model()
model.fit(DigitBatches(x_train, y_train, batch_size=100), epochs=1, verbose=0)
print("PyDataset, steps:", updates(model))
# --8<-- [end:three-ways]


# --8<-- [start:batch-size-ignored]
model = make_model()
model.fit(train_ds, batch_size=10, epochs=1, verbose=0)  # (1)!
print("fit(train_ds, batch_size=10), steps:", updates(model))

unbatched = tf.data.Dataset.from_tensor_slices((x_train, y_train))  # (2)!
try:
    make_model().fit(unbatched, epochs=1, verbose=0)
except ValueError as error:
    print("ValueError:", error)
# --8<-- [end:batch-size-ignored]

# --8<-- [start:check-ignored]
import warnings

from keras.src.trainers.data_adapters import get_data_adapter

assert updates(model) == 10  # 1000 / 100

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    adapter = get_data_adapter(train_ds, batch_size=10)
print("batch_size warnings:", [str(w.message) for w in caught if "batch_size" in str(w.message)])
print("len(batch[0]):", {len(batch[0]) for batch in adapter.get_numpy_iterator()})


class RecordedBatches(DigitBatches):
    def __getitem__(self, index):
        self.asked.append(index)
        return super().__getitem__(index)


data = RecordedBatches(x_train, y_train, batch_size=100)
data.asked = []
for batch in get_data_adapter(data, shuffle=True).get_numpy_iterator():
    pass
print("shuffle=True, data.asked:", data.asked)
assert sorted(data.asked) == list(range(10))
assert data.asked != list(range(10))
# --8<-- [end:check-ignored]

# --8<-- [start:shuffle-buffer]
numbers = tf.data.Dataset.range(10)  # 0, 1, ..., 9
for buffer_size in (2, 10):
    shuffled = numbers.shuffle(buffer_size, seed=1)  # (1)!
    print(f"shuffle({buffer_size:2}):", [int(n) for n in shuffled])
# --8<-- [end:shuffle-buffer]

# --8<-- [start:check-shuffle-buffer]
firsts = {int(next(iter(numbers.shuffle(2)))) for _ in range(10)}
print("shuffle(2), first element:", sorted(firsts))
assert firsts <= {0, 1}
# --8<-- [end:check-shuffle-buffer]

# --8<-- [start:shuffle-batch-order]
nine = tf.data.Dataset.range(9)  # (1)!
print("shuffle(9).batch(3):", [b.numpy().tolist() for b in nine.shuffle(9, seed=1).batch(3)])  # (2)!
print("batch(3).shuffle(3):", [b.numpy().tolist() for b in nine.batch(3).shuffle(3, seed=1)])
# --8<-- [end:shuffle-batch-order]

# --8<-- [start:cache]
for name, pipeline in [
    ("cache().shuffle(10)", numbers.cache().shuffle(10, seed=1)),
    ("shuffle(10).cache()", numbers.shuffle(10, seed=1).cache()),
]:
    first, second = [int(n) for n in pipeline], [int(n) for n in pipeline]  # (1)!
    print(f"{name}: {first} {second}")
# --8<-- [end:cache]

# --8<-- [start:check-cache]
frozen = numbers.shuffle(10).cache()
epochs = [[int(n) for n in frozen] for _ in range(3)]
print("shuffle(10).cache(), 3 passes equal:", epochs[0] == epochs[1] == epochs[2])
assert epochs[0] == epochs[1] == epochs[2]
# --8<-- [end:check-cache]

# --8<-- [start:pipeline]
train_ds = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .cache()  # (1)!
    .shuffle(len(x_train))  # (2)!
    .batch(100)  # (3)!
    .prefetch(tf.data.AUTOTUNE)  # (4)!
)
x_batch, y_batch = next(iter(train_ds))  # (5)!
print("x_batch:", x_batch.shape, "| y_batch:", y_batch.shape)
print("cardinality:", int(train_ds.cardinality()))  # (6)!
# --8<-- [end:pipeline]

# --8<-- [start:validation]
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(100)
print("val_ds cardinality:", int(val_ds.cardinality()))

model = make_model()
history = model.fit(train_ds, epochs=2, validation_data=val_ds, validation_steps=1, verbose=2)  # (1)!

first_batch = model.evaluate(val_ds.take(1), verbose=0, return_dict=True)  # (2)!
all_batches = model.evaluate(val_ds, verbose=0, return_dict=True)
print(f"history val_accuracy:      {history.history['val_accuracy'][-1]:.4f}")
print(f"evaluate(val_ds.take(1)):  {first_batch['accuracy']:.4f}")
print(f"evaluate(val_ds):          {all_batches['accuracy']:.4f}")
# --8<-- [end:validation]

# --8<-- [start:check-validation]
val_accuracy = history.history["val_accuracy"][-1]
same_as_first = math.isclose(val_accuracy, first_batch["accuracy"], rel_tol=1e-6)
same_as_all = math.isclose(val_accuracy, all_batches["accuracy"], rel_tol=1e-6)
print("isclose, take(1):", same_as_first, "| isclose, all:", same_as_all)
assert same_as_first and not same_as_all
# --8<-- [end:check-validation]

# --8<-- [start:ran-out]
finite_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(100)  # (1)!
print("finite_ds cardinality:", int(finite_ds.cardinality()))

model = make_model()
history = model.fit(finite_ds, epochs=3, steps_per_epoch=15, verbose=2)  # (2)!
print("epochs:", len(history.history["loss"]), "| steps:", updates(model))
# --8<-- [end:ran-out]

# --8<-- [start:check-ran-out]
assert updates(model) == 30

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    again = model.fit(finite_ds, epochs=3, steps_per_epoch=15, verbose=0)

ran_out = [w for w in caught if "ran out of data" in str(w.message)]
print(f"{ran_out[0].category.__name__}: {ran_out[0].message}")
print("warnings:", len(ran_out), "| epochs:", len(again.history["loss"]), "| steps:", updates(model) - 30)
assert len(ran_out) == 3 and updates(model) == 60
# --8<-- [end:check-ran-out]

# --8<-- [start:fixes]
endless_ds = finite_ds.repeat()  # (1)!
model = make_model()
model.fit(endless_ds, epochs=3, steps_per_epoch=15, verbose=0)  # (2)!
print("steps:", updates(model))
# --8<-- [end:fixes]

# --8<-- [start:check-endless]
assert updates(model) == 45

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(endless_ds, epochs=3, steps_per_epoch=15, verbose=0)
print("ran out of data:", [w for w in caught if "ran out of data" in str(w.message)])
print("steps:", updates(model) - 45)


class StopAfter(keras.callbacks.Callback):
    def __init__(self, steps):
        super().__init__()
        self.steps = steps

    def on_train_batch_end(self, batch, logs=None):
        if updates(self.model) >= self.steps:
            self.model.stop_training = True


model = make_model()
history = model.fit(endless_ds, epochs=3, verbose=0, callbacks=[StopAfter(25)])
print("StopAfter(25), steps:", updates(model), "| epochs:", len(history.history["loss"]))
assert updates(model) == 25 and len(history.history["loss"]) == 1
# --8<-- [end:check-endless]

# --8<-- [start:shorter]
model = make_model()
show_steps = keras.callbacks.LambdaCallback(  # (1)!
    on_epoch_end=lambda epoch, logs: print("epoch", epoch + 1, "| steps:", updates(model))
)
history = model.fit(finite_ds, epochs=3, steps_per_epoch=4, verbose=0, callbacks=[show_steps])
# --8<-- [end:shorter]
