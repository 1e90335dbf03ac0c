"""Saving, loading and resuming training, checked against real runs."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target
x_train, y_train = x[:500], y[:500]  # (2)!
x_val, y_val = x[1000:1300], y[1000:1300]


def make_model(compiled=True):
    keras.utils.set_random_seed(0)  # (3)!
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    if compiled:
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.003),
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
        )
    return model


model = make_model()
history = model.fit(x_train, y_train, epochs=3, batch_size=50, verbose=0)
print("loss:", np.round(history.history["loss"], 4))
print("optimizer.iterations:", int(model.optimizer.iterations))  # (4)!
# --8<-- [end:data]


# --8<-- [start:save_load]
model.save("digits.keras")
loaded = keras.models.load_model("digits.keras")

print("optimizer:", type(loaded.optimizer).__name__,
      "| learning_rate:", round(float(loaded.optimizer.learning_rate), 4))
print("optimizer.iterations:", int(loaded.optimizer.iterations))
print("loss:", loaded.loss)
print("model.evaluate: ", np.round(model.evaluate(x_val, y_val, verbose=0), 4))  # (1)!
print("loaded.evaluate:", np.round(loaded.evaluate(x_val, y_val, verbose=0), 4))
# --8<-- [end:save_load]


# --8<-- [start:fit_again]
more = model.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)  # (1)!
print("history:", np.round(history.history["loss"], 4))
print("more:   ", np.round(more.history["loss"], 4))
print("optimizer.iterations:", int(model.optimizer.iterations))

loaded_more = loaded.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)  # (2)!
print("loaded_more:", np.round(loaded_more.history["loss"], 4))
# --8<-- [end:fit_again]

# --8<-- [start:check_fit_again]
assert more.history["loss"][0] < history.history["loss"][-1]
assert np.allclose(loaded_more.history["loss"], more.history["loss"], rtol=1e-4)
print("more < history[-1]:", more.history["loss"][0] < history.history["loss"][-1])
print("loaded_more == more:", np.allclose(loaded_more.history["loss"], more.history["loss"], rtol=1e-4))
# --8<-- [end:check_fit_again]


# --8<-- [start:weights_only]
model.save_weights("digits.weights.h5")
try:
    model.save_weights("digits.h5")  # (1)!
except ValueError as e:
    print("ValueError:", e)

same_layers = make_model(compiled=False)  # (2)!
same_layers.load_weights("digits.weights.h5")
same_layers.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.003),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
print("model.evaluate:      ", np.round(model.evaluate(x_val, y_val, verbose=0), 4))
print("same_layers.evaluate:", np.round(same_layers.evaluate(x_val, y_val, verbose=0), 4))
print("same_layers.optimizer.iterations:", int(same_layers.optimizer.iterations))
# --8<-- [end:weights_only]


# --8<-- [start:weights_check]
import json
import zipfile

with zipfile.ZipFile("digits.keras") as archive:
    print("digits.keras:", archive.namelist())
    config = json.loads(archive.read("config.json"))
print("compile_config:", sorted(config["compile_config"]))
print("metrics:", config["compile_config"]["metrics"])

import h5py

with h5py.File("digits.weights.h5") as weights_file:
    print("digits.weights.h5:", sorted(weights_file))
    print("optimizer variables:", len(weights_file["optimizer/vars"]))

built = make_model()
built.optimizer.build(built.trainable_variables)
built.load_weights("digits.weights.h5")
print("built.optimizer.iterations:", int(built.optimizer.iterations))
assert int(built.optimizer.iterations) == int(model.optimizer.iterations)
# --8<-- [end:weights_check]


# --8<-- [start:restart]
restarted = make_model()  # (1)!
again = restarted.fit(x_train, y_train, epochs=3, batch_size=50, verbose=0)
print("history:", np.round(history.history["loss"], 4))
print("again:  ", np.round(again.history["loss"], 4))

clone = keras.models.clone_model(model)  # (2)!
print("clone.evaluate:", np.round(clone.evaluate(x_val, y_val, verbose=0), 4))
print("clone.optimizer.iterations:", int(clone.optimizer.iterations))
# --8<-- [end:restart]

# --8<-- [start:check_restart]
def same_weights(a, b):
    return all(np.array_equal(u, v) for u, v in zip(a.get_weights(), b.get_weights()))


initial = make_model(compiled=False)
print("clone == model:", same_weights(clone, model))
print("clone == initial:", same_weights(clone, initial))
assert not same_weights(clone, model) and not same_weights(clone, initial)
# --8<-- [end:check_restart]


# --8<-- [start:initial_epoch]
fresh = make_model()
part = fresh.fit(x_train, y_train, epochs=5, initial_epoch=3, batch_size=50, verbose=2)  # (1)!
print("part.epoch:", part.epoch)  # (2)!
print("loss:", np.round(part.history["loss"], 4))
# --8<-- [end:initial_epoch]

# --8<-- [start:check_initial_epoch]
assert np.isclose(part.history["loss"][0], history.history["loss"][0])
print("part == history[:2]:", np.allclose(part.history["loss"], history.history["loss"][:2]))
# --8<-- [end:check_initial_epoch]


# --8<-- [start:backup]
import os


class Crash(keras.callbacks.Callback):  # (1)!
    def on_epoch_begin(self, epoch, logs=None):
        if epoch == 2:  # (2)!
            raise RuntimeError("crash")


model = make_model()
backup = keras.callbacks.BackupAndRestore(backup_dir="backup")  # (3)!
try:
    model.fit(x_train, y_train, epochs=5, batch_size=50, callbacks=[backup, Crash()], verbose=2)
except RuntimeError as e:
    print("RuntimeError:", e)
print("backup:", sorted(os.listdir("backup")))
# --8<-- [end:backup]


# --8<-- [start:resume]
model = make_model()  # (1)!
backup = keras.callbacks.BackupAndRestore(backup_dir="backup")
resumed = model.fit(x_train, y_train, epochs=5, batch_size=50, callbacks=[backup], verbose=2)
print("resumed.epoch:", resumed.epoch)
print("optimizer.iterations:", int(model.optimizer.iterations))
print("os.path.exists('backup'):", os.path.exists("backup"))  # (2)!
# --8<-- [end:resume]

# --8<-- [start:check_resume]
uninterrupted = history.history["loss"] + more.history["loss"]  # 3 + 2
print("uninterrupted[2:]:", np.round(uninterrupted[2:], 4))
print("resumed:          ", np.round(resumed.history["loss"], 4))
assert np.allclose(resumed.history["loss"], uninterrupted[2:], rtol=1e-4)
# --8<-- [end:check_resume]
