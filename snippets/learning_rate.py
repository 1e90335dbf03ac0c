"""The learning rate: too low, too high, schedules, warmup and ReduceLROnPlateau, shown by short seeded runs."""

# --8<-- [start:setup]
import math

import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
y = digits.target  # (2)!
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=0)
steps_per_epoch = math.ceil(len(x_train) / 64)  # (3)!
print("x_train:", x_train.shape, "| x_val:", x_val.shape, "| steps_per_epoch:", steps_per_epoch)


def make_model(learning_rate):  # (4)!
    keras.utils.set_random_seed(0)  # (5)!
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
    losses = " ".join(f"{loss:6.3f}" for loss in history.history["loss"])  # (1)!
    accuracy = history.history["accuracy"][-1]  # (2)!
    print(f"learning_rate={learning_rate:<7} loss: {losses} | accuracy: {accuracy:.3f}")
print(f"math.log(10) = {math.log(10):.2f}")  # (3)!
# --8<-- [end:compare]

# --8<-- [start:schedules]
exponential = keras.optimizers.schedules.ExponentialDecay(
    initial_learning_rate=0.1, decay_steps=steps_per_epoch, decay_rate=0.5  # (1)!
)
warmup_cosine = keras.optimizers.schedules.CosineDecay(
    initial_learning_rate=0.0,
    warmup_target=0.1,  # (2)!
    warmup_steps=steps_per_epoch,
    decay_steps=4 * steps_per_epoch,  # (3)!
)
print("step  exponential  warmup_cosine")
for step in (0, 10, 23, 46, 69, 92, 115, 200):
    print(f"{step:4}  {float(exponential(step)):11.5f}  {float(warmup_cosine(step)):13.5f}")  # (4)!
# --8<-- [end:schedules]

# --8<-- [start:schedule-fit]
model = make_model(warmup_cosine)  # (1)!
history = model.fit(x_train, y_train, batch_size=64, epochs=5, verbose=2)
print("iterations:", int(model.optimizer.iterations.numpy()))  # (2)!
print("learning_rate:", float(model.optimizer.learning_rate))  # (3)!
# --8<-- [end:schedule-fit]

# --8<-- [start:check-schedule-fit]
steps = int(model.optimizer.iterations.numpy())
assert steps == 5 * steps_per_epoch
assert float(model.optimizer.learning_rate) == float(warmup_cosine(steps))
# --8<-- [end:check-schedule-fit]

# --8<-- [start:not-settable]
try:
    model.optimizer.learning_rate = 0.01  # (1)!
except TypeError as error:
    print("TypeError:", error)
# --8<-- [end:not-settable]

# --8<-- [start:plateau]
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, verbose=1)  # (1)!
model = make_model(0.1)
history = model.fit(
    x_train, y_train, batch_size=64, epochs=12, validation_data=(x_val, y_val), verbose=0, callbacks=[reduce_lr]  # (2)!
)
val_losses = history.history["val_loss"]
rates = history.history["learning_rate"]  # (3)!
for epoch in range(12):
    print(f"epoch {epoch + 1:2}: val_loss {val_losses[epoch]:.4f}  learning_rate {rates[epoch]:.4f}")
print("model.optimizer.learning_rate:", round(float(model.optimizer.learning_rate), 4))  # (4)!
# --8<-- [end:plateau]

# --8<-- [start:check-plateau]
best, wait, rate, expected = math.inf, 0, 0.1, []  # (1)!
for val_loss in history.history["val_loss"]:
    expected.append(rate)  # (2)!
    if val_loss < best - 0.0001:  # min_delta
        best, wait = val_loss, 0
    else:
        wait += 1
        if wait >= 2:  # patience
            rate, wait = rate * 0.5, 0  # (3)!
print("expected:", [round(r, 4) for r in expected])
print("history: ", [round(r, 4) for r in history.history["learning_rate"]])
assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(expected, history.history["learning_rate"]))
# --8<-- [end:check-plateau]

# --8<-- [start:lr-keyword]
try:
    keras.optimizers.Adam(lr=0.01)  # (1)!
except ValueError as error:
    print("ValueError:", error)
print(keras.optimizers.Adam(learning_rate=0.01).learning_rate.numpy())  # (2)!
# --8<-- [end:lr-keyword]
