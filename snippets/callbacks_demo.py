"""Callbacks: EarlyStopping and ModelCheckpoint, checked against real runs."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target

x_train, y_train = x[:100], y[:100]  # (2)!
x_val, y_val = x[1000:1300], y[1000:1300]


def make_model():
    keras.utils.set_random_seed(0)  # (3)!
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.02),  # (4)!
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def train(model, callbacks, epochs=100):  # (5)!
    return model.fit(
        x_train,
        y_train,
        epochs=epochs,
        batch_size=16,
        validation_data=(x_val, y_val),
        callbacks=callbacks,
        verbose=0,
    )


def compare(model, val_losses):  # (6)!
    print(f"model.evaluate:  {model.evaluate(x_val, y_val, verbose=0)[0]:.4f}")
    print(f"val_losses[-1]:  {val_losses[-1]:.4f}")
    print(f"min(val_losses): {min(val_losses):.4f}")


print("x_train:", x_train.shape, "| x_val:", x_val.shape)
# --8<-- [end:data]


# --8<-- [start:early_stop]
model = make_model()
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, verbose=1)
history = train(model, [early_stop])
val_losses = history.history["val_loss"]
print("val_loss:", np.round(val_losses, 3))
print("len(val_losses):", len(val_losses))
print("best_epoch:", early_stop.best_epoch, "| stopped_epoch:", early_stop.stopped_epoch)
# --8<-- [end:early_stop]


# --8<-- [start:trace]
def trace(callback, values):
    callback.set_model(make_model())  # (1)!
    callback.on_train_begin()  # (2)!
    for epoch, value in enumerate(values):
        callback.on_epoch_end(epoch, {"val_loss": value})  # (3)!
        stop = callback.model.stop_training  # (4)!
        best = None if callback.best is None else round(float(callback.best), 3)
        print(
            f"epoch {epoch + 1}: val_loss={round(float(value), 3)}  best={best}  "
            f"wait={callback.wait}" + ("  -> stop" if stop else "")
        )
        if stop:
            break


trace(keras.callbacks.EarlyStopping(monitor="val_loss", patience=3), val_losses)
# --8<-- [end:trace]


# --8<-- [start:patience_zero]
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=0)
history = train(make_model(), [early_stop])
print("val_loss:", np.round(history.history["val_loss"], 3))
print("best_epoch:", early_stop.best_epoch, "| stopped_epoch:", early_stop.stopped_epoch)
# --8<-- [end:patience_zero]


# --8<-- [start:patience_zero_check]
stopped = {}
for patience in [0, 1, 2]:
    print(f"patience={patience}")
    early_stop = keras.callbacks.EarlyStopping(patience=patience)
    trace(early_stop, [0.9, 0.7, 0.8, 0.75, 0.6])
    stopped[patience] = early_stop.stopped_epoch + 1
print("stopped_epoch + 1:", stopped)
assert stopped == {0: 3, 1: 3, 2: 4}
# --8<-- [end:patience_zero_check]


# --8<-- [start:min_delta]
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, min_delta=0.02)
history = train(make_model(), [early_stop])
print("val_loss:", np.round(history.history["val_loss"], 3))
print("best_epoch:", early_stop.best_epoch, "| stopped_epoch:", early_stop.stopped_epoch)
# --8<-- [end:min_delta]


# --8<-- [start:min_delta_check]
trace(keras.callbacks.EarlyStopping(patience=5, min_delta=0.25), [1.0, 0.75, 0.6, 0.5])
# --8<-- [end:min_delta_check]


# --8<-- [start:mode]
early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)  # (1)!
history = train(make_model(), [early_stop])
print("val_accuracy:", np.round(history.history["val_accuracy"], 4))
print("best_epoch:", early_stop.best_epoch, "| stopped_epoch:", early_stop.stopped_epoch)
# --8<-- [end:mode]


# --8<-- [start:mode_error]
try:
    early_stop = keras.callbacks.EarlyStopping(monitor="val_acc")  # (1)!
    train(make_model(), [early_stop], epochs=1)
except ValueError as e:
    print(type(e).__name__ + ":", e)
# --8<-- [end:mode_error]


# --8<-- [start:mode_warning]
import warnings

for action in ["always", "default"]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter(action)
        early_stop = keras.callbacks.EarlyStopping(monitor="val_acc", mode="max")
        early_stop.set_model(make_model())
        early_stop.on_train_begin()
        for epoch in range(3):
            early_stop.on_epoch_end(epoch, {"loss": 0.3, "accuracy": 0.9, "val_loss": 0.5, "val_accuracy": 0.8})
    print(f"simplefilter: {action} | len(caught): {len(caught)} | stopped_epoch: {early_stop.stopped_epoch}")
    print("   ", str(caught[0].message).split(" which")[0])
assert early_stop.stopped_epoch == 0 and not early_stop.model.stop_training
# --8<-- [end:mode_warning]


# --8<-- [start:monitor_loss]
early_stop = keras.callbacks.EarlyStopping(monitor="loss", patience=3)  # (1)!
history = train(make_model(), [early_stop], epochs=14)
loss, val_loss = history.history["loss"], history.history["val_loss"]
print("len(loss):", len(loss), "| stopped_epoch:", early_stop.stopped_epoch)
print(f"loss[0]: {loss[0]:.3f} | loss[-1]: {loss[-1]:.4f}")
print(f"min(val_loss): {min(val_loss):.3f} | epoch: {int(np.argmin(val_loss)) + 1} | val_loss[-1]: {val_loss[-1]:.3f}")
# --8<-- [end:monitor_loss]

# --8<-- [start:monitor_loss_check]
print("val_loss[:9] == val_losses:", np.allclose(val_loss[:9], val_losses))
assert np.allclose(val_loss[:9], val_losses)
# --8<-- [end:monitor_loss_check]


# --8<-- [start:baseline]
print("baseline=0.5")
trace(keras.callbacks.EarlyStopping(patience=2, baseline=0.5), [0.9, 0.7, 0.8, 0.6])
print("start_from_epoch=2")
trace(keras.callbacks.EarlyStopping(patience=2, start_from_epoch=2), [0.9, 0.95, 0.8, 0.85, 0.9])
print("baseline=0.5, patience=3, val_losses")
trace(keras.callbacks.EarlyStopping(patience=3, baseline=0.5), val_losses)
# --8<-- [end:baseline]


# --8<-- [start:last_weights]
compare(model, val_losses)
# --8<-- [end:last_weights]


# --8<-- [start:restore]
model = make_model()
early_stop = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=3, restore_best_weights=True, verbose=1
)
history = train(model, [early_stop])
val_losses = history.history["val_loss"]
compare(model, val_losses)
# --8<-- [end:restore]


# --8<-- [start:restore_no_stop]
model = make_model()
early_stop = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=3, restore_best_weights=True, verbose=1
)
history = train(model, [early_stop], epochs=7)  # (1)!
val_losses = history.history["val_loss"]
print("len(val_losses):", len(val_losses), "| stopped_epoch:", early_stop.stopped_epoch)
compare(model, val_losses)
# --8<-- [end:restore_no_stop]


# --8<-- [start:ckpt_names]
for filepath, weights_only in [
    ("best.keras", False),
    ("best.h5", False),
    ("best.hdf5", False),
    ("best", False),
    ("best.weights.h5", True),
    ("best.keras", True),
]:
    try:
        keras.callbacks.ModelCheckpoint(filepath, save_weights_only=weights_only)
        print(f"{filepath!r}, save_weights_only={weights_only}: OK")
    except ValueError as e:
        print(f"{filepath!r}, save_weights_only={weights_only}: {type(e).__name__}")
        print("   ", e)
# --8<-- [end:ckpt_names]


# --8<-- [start:ckpt_run]
import os

model = make_model()
checkpoints = [
    keras.callbacks.ModelCheckpoint("ckpt-{epoch:02d}-{val_loss:.2f}.keras", save_best_only=True),
    keras.callbacks.ModelCheckpoint("best.keras", monitor="val_loss", save_best_only=True),
    keras.callbacks.ModelCheckpoint(
        "best.weights.h5", save_weights_only=True, save_best_only=True  # (1)!
    ),
]
history = train(model, checkpoints, epochs=9)
print("val_loss:", np.round(history.history["val_loss"], 3))
print(sorted(name for name in os.listdir() if name.startswith("ckpt-")))

best = keras.models.load_model("best.keras")
print(f"best.evaluate:  {best.evaluate(x_val, y_val, verbose=0)[0]:.4f}")
print(f"min(val_loss):  {min(history.history['val_loss']):.4f}")
# --8<-- [end:ckpt_run]


# --8<-- [start:ckpt_weights]
fresh = make_model()  # (1)!
fresh.load_weights("best.weights.h5")
print(f"fresh.evaluate: {fresh.evaluate(x_val, y_val, verbose=0)[0]:.4f}")
print(f"min(val_loss):  {min(history.history['val_loss']):.4f}")
# --8<-- [end:ckpt_weights]


# --8<-- [start:both]
model = make_model()
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("best.keras", monitor="val_loss", save_best_only=True),
]
history = train(model, callbacks)
best = keras.models.load_model("best.keras")
print("len(val_loss):", len(history.history["val_loss"]))
print(f"min(val_loss):  {min(history.history['val_loss']):.4f}")
print(f"model.evaluate: {model.evaluate(x_val, y_val, verbose=0)[0]:.4f}")
print(f"best.evaluate:  {best.evaluate(x_val, y_val, verbose=0)[0]:.4f}")
# --8<-- [end:both]
