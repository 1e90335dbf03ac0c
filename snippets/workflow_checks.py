"""Checks behind the claims of the workflow page (shown in its collapsed "How we checked this" blocks)."""

# --8<-- [start:running-mean]
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(0)
digits = load_digits()
x = digits.data[:1149].astype("float32") / 16.0
y = digits.target[:1149]

model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.0),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(x, y, batch_size=1000, epochs=1, shuffle=False, verbose=0)  # 1000 + 149

probabilities = model.predict(x, verbose=0)
losses = keras.ops.convert_to_numpy(keras.losses.sparse_categorical_crossentropy(y, probabilities))
hits = probabilities.argmax(axis=1) == y
for name, fit_value, values in [("loss", history.history["loss"][0], losses),
                                ("accuracy", history.history["accuracy"][0], hits)]:
    mean_of_batches = np.mean([values[:1000].mean(), values[1000:].mean()])
    print(f"{name:8}  fit: {fit_value:.4f} | values.mean(): {values.mean():.4f} | mean_of_batches: {mean_of_batches:.4f}")
    assert np.isclose(fit_value, values.mean(), rtol=1e-4)
    assert not np.isclose(fit_value, mean_of_batches, rtol=1e-3)
# --8<-- [end:running-mean]

# --8<-- [start:early-stopping]
import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3)
early_stop.set_model(model)
model.stop_training = False  # (1)!
early_stop.on_train_begin()
for epoch, val_loss in enumerate([1.0, 0.9, 0.95, 0.91, 0.92, 0.5]):
    early_stop.on_epoch_end(epoch, {"val_loss": val_loss})
    print(f"epoch {epoch + 1}: val_loss {val_loss:.2f} | best {early_stop.best:.2f} | stop_training: {model.stop_training}")
    if model.stop_training:
        break
assert model.stop_training and epoch + 1 == 5
# --8<-- [end:early-stopping]

# --8<-- [start:tf-keras]
import keras
import tensorflow as tf

print("keras:", keras.__version__, "| tf.keras:", tf.keras.__version__)
assert tf.keras.Sequential is keras.Sequential
assert tf.keras.layers.Dense is keras.layers.Dense
# --8<-- [end:tf-keras]
