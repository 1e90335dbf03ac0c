"""Saving, loading and resuming training, checked against real runs."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
y = digits.target  # integer labels 0..9
x_train, y_train = x[:500], y[:500]
x_val, y_val = x[1000:1300], y[1000:1300]


def make_model(compiled=True):
    keras.utils.set_random_seed(0)  # the same initial weights every time
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
print("loss per epoch:", np.round(history.history["loss"], 4))
print("optimizer steps so far:", int(model.optimizer.iterations))
# --8<-- [end:data]


# --8<-- [start:save_load]
model.save("digits.keras")
loaded = keras.models.load_model("digits.keras")

print("optimizer:", type(loaded.optimizer).__name__,
      "| learning rate:", round(float(loaded.optimizer.learning_rate), 4))
print("optimizer steps:", int(loaded.optimizer.iterations))
print("loss:", loaded.loss)
print("metrics:", loaded.get_compile_config()["metrics"])
print("evaluate, original:", np.round(model.evaluate(x_val, y_val, verbose=0), 4))
print("evaluate, loaded:  ", np.round(loaded.evaluate(x_val, y_val, verbose=0), 4))
# --8<-- [end:save_load]


# --8<-- [start:fit_again]
more = model.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)
print("first fit: ", np.round(history.history["loss"], 4))
print("second fit:", np.round(more.history["loss"], 4))
print("optimizer steps so far:", int(model.optimizer.iterations))
assert more.history["loss"][0] < history.history["loss"][-1]  # picks up where it left off

loaded_more = loaded.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)
print("loaded model, second fit:", np.round(loaded_more.history["loss"], 4))
assert np.allclose(loaded_more.history["loss"], more.history["loss"], rtol=1e-4)
# --8<-- [end:fit_again]


# --8<-- [start:weights_only]
model.save_weights("digits.weights.h5")
try:
    model.save_weights("digits.h5")
except ValueError as e:
    print("ValueError:", e)

same_layers = make_model(compiled=False)  # the same layers, untrained weights
same_layers.load_weights("digits.weights.h5")
same_layers.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.003),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
print("evaluate, original:    ", np.round(model.evaluate(x_val, y_val, verbose=0), 4))
print("evaluate, same_layers: ", np.round(same_layers.evaluate(x_val, y_val, verbose=0), 4))
print("optimizer steps of same_layers:", int(same_layers.optimizer.iterations))
# --8<-- [end:weights_only]


# --8<-- [start:weights_check]
import json
import zipfile

with zipfile.ZipFile("digits.keras") as archive:
    print("inside digits.keras:", archive.namelist())
    config = json.loads(archive.read("config.json"))
print("compile settings saved:", sorted(config["compile_config"]))

# A .weights.h5 file holds the optimizer's variables too, but load_weights fills
# them only into an optimizer that exists already (built, as fit builds it).
built = make_model()
built.optimizer.build(built.trainable_variables)
built.load_weights("digits.weights.h5")
print("optimizer steps after load_weights into a built optimizer:", int(built.optimizer.iterations))
assert int(built.optimizer.iterations) == int(model.optimizer.iterations)
# --8<-- [end:weights_check]


# --8<-- [start:restart]
restarted = make_model()  # new weights: training starts over
again = restarted.fit(x_train, y_train, epochs=3, batch_size=50, verbose=0)
print("very first run:", np.round(history.history["loss"], 4))
print("new model:     ", np.round(again.history["loss"], 4))

clone = keras.models.clone_model(model)
same = all(np.array_equal(a, b) for a, b in zip(clone.get_weights(), model.get_weights()))
print("clone has the trained weights:", same)
print("clone evaluate:", np.round(clone.evaluate(x_val, y_val, verbose=0), 4))
print("clone optimizer steps:", int(clone.optimizer.iterations))
# --8<-- [end:restart]


# --8<-- [start:initial_epoch]
fresh = make_model()
part = fresh.fit(x_train, y_train, epochs=5, initial_epoch=3, batch_size=50, verbose=2)
print("epoch indices:", part.epoch, "| epochs run:", len(part.history["loss"]))
print("loss:", np.round(part.history["loss"], 4))
assert np.isclose(part.history["loss"][0], history.history["loss"][0])  # a fresh start
# --8<-- [end:initial_epoch]


# --8<-- [start:backup]
import os


class Crash(keras.callbacks.Callback):
    """Pretend the machine fails when epoch 3 starts."""

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == 2:  # counted from 0: the third epoch
            raise RuntimeError("the machine went down")


model = make_model()
backup = keras.callbacks.BackupAndRestore(backup_dir="backup")
try:
    model.fit(x_train, y_train, epochs=5, batch_size=50, callbacks=[backup, Crash()], verbose=2)
except RuntimeError as e:
    print("RuntimeError:", e)
print("files in backup/:", sorted(os.listdir("backup")))
# --8<-- [end:backup]


# --8<-- [start:resume]
model = make_model()  # a new process would build the model again
backup = keras.callbacks.BackupAndRestore(backup_dir="backup")
resumed = model.fit(x_train, y_train, epochs=5, batch_size=50, callbacks=[backup], verbose=2)
print("epoch indices:", resumed.epoch)
print("optimizer steps:", int(model.optimizer.iterations))
print("backup/ still there:", os.path.exists("backup"))

uninterrupted = history.history["loss"] + more.history["loss"]  # 3 + 2 epochs, no crash
print("uninterrupted run, epochs 3-5:", np.round(uninterrupted[2:], 4))
assert np.allclose(resumed.history["loss"], uninterrupted[2:], rtol=1e-4)
# --8<-- [end:resume]
