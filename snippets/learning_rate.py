"""The learning rate: too low, too high, schedules, warmup and ReduceLROnPlateau, shown by short seeded runs."""

# --8<-- [start:setup]
import math

import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
y = digits.target  # integer labels 0..9
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=0)
steps_per_epoch = math.ceil(len(x_train) / 64)  # batch size 64
print("train:", x_train.shape, "| validation:", x_val.shape, "| steps per epoch:", steps_per_epoch)


def make_model(learning_rate):
    """A small digit classifier trained by Adam; learning_rate may be a number or a schedule."""
    keras.utils.set_random_seed(0)  # the same starting weights for every run
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
# --8<-- [end:setup]

# --8<-- [start:compare]
for learning_rate in (0.00001, 0.001, 0.1, 1.0):
    model = make_model(learning_rate)
    history = model.fit(x_train, y_train, batch_size=64, epochs=5, verbose=0)
    losses = " ".join(f"{loss:6.3f}" for loss in history.history["loss"])
    accuracy = history.history["accuracy"][-1]
    print(f"learning_rate={learning_rate:<7} loss per epoch: {losses} | last accuracy: {accuracy:.3f}")
print(f"loss of a model that guesses evenly among 10 classes: ln(10) = {math.log(10):.2f}")
# --8<-- [end:compare]

# --8<-- [start:schedules]
exponential = keras.optimizers.schedules.ExponentialDecay(
    initial_learning_rate=0.1, decay_steps=steps_per_epoch, decay_rate=0.5
)
warmup_cosine = keras.optimizers.schedules.CosineDecay(
    initial_learning_rate=0.0,
    warmup_target=0.1,  # rise from 0.0 to 0.1 ...
    warmup_steps=steps_per_epoch,  # ... during the first epoch,
    decay_steps=4 * steps_per_epoch,  # then fall along a cosine curve for 4 epochs
)
print("step  ExponentialDecay  CosineDecay with warmup")
for step in (0, 10, 23, 46, 69, 92, 115, 200):
    print(f"{step:4}  {float(exponential(step)):16.5f}  {float(warmup_cosine(step)):23.5f}")
# --8<-- [end:schedules]

# --8<-- [start:schedule-fit]
model = make_model(warmup_cosine)
history = model.fit(x_train, y_train, batch_size=64, epochs=5, verbose=2)
steps = int(model.optimizer.iterations.numpy())
print("steps:", steps, "| learning rate now:", float(model.optimizer.learning_rate))
assert steps == 5 * steps_per_epoch
assert float(model.optimizer.learning_rate) == float(warmup_cosine(steps))  # the schedule, read at this step
# --8<-- [end:schedule-fit]

# --8<-- [start:not-settable]
try:
    model.optimizer.learning_rate = 0.01  # what ReduceLROnPlateau does when it lowers the rate
except TypeError as error:
    print("TypeError:", error)
# --8<-- [end:not-settable]

# --8<-- [start:plateau]
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, verbose=1)
model = make_model(0.1)
history = model.fit(
    x_train, y_train, batch_size=64, epochs=12, validation_data=(x_val, y_val), verbose=0, callbacks=[reduce_lr]
)
for epoch, (val_loss, rate) in enumerate(zip(history.history["val_loss"], history.history["learning_rate"]), 1):
    print(f"epoch {epoch:2}: val_loss {val_loss:.4f}  learning rate used {rate:.4f}")
print("learning rate after training:", round(float(model.optimizer.learning_rate), 4))
# --8<-- [end:plateau]

# --8<-- [start:check-plateau]
# Replay the rule of ReduceLROnPlateau on the recorded val_loss:
# an epoch "improves" when val_loss < best - min_delta; after `patience` epochs
# in a row without improvement, the rate is multiplied by `factor` and the count restarts.
best, wait, rate, expected = math.inf, 0, 0.1, []
for val_loss in history.history["val_loss"]:
    expected.append(rate)  # the rate used during this epoch
    if val_loss < best - 0.0001:  # min_delta, default 0.0001
        best, wait = val_loss, 0
    else:
        wait += 1
        if wait >= 2:  # patience
            rate, wait = rate * 0.5, 0  # factor
print("replayed:", [round(r, 4) for r in expected])
print("recorded:", [round(r, 4) for r in history.history["learning_rate"]])
assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(expected, history.history["learning_rate"]))
# --8<-- [end:check-plateau]

# --8<-- [start:lr-keyword]
try:
    keras.optimizers.Adam(lr=0.01)  # Keras 2 spelling
except ValueError as error:
    print("ValueError:", error)
print(keras.optimizers.Adam(learning_rate=0.01).learning_rate.numpy())  # Keras 3 spelling
# --8<-- [end:lr-keyword]
