"""When training goes wrong: a nan loss, its usual causes and remedies, checked by real runs."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_diabetes

x_raw, y_raw = load_diabetes(return_X_y=True, scaled=False)  # (1)!
x_raw, y_raw = x_raw.astype("float32"), y_raw.astype("float32")
print("x_raw.shape:", x_raw.shape)
print("x_raw.min():", int(x_raw.min()), "x_raw.max():", int(x_raw.max()))
print("y_raw.min():", int(y_raw.min()), "y_raw.max():", int(y_raw.max()))


x_mean, x_std = x_raw.mean(axis=0), x_raw.std(axis=0)  # (2)!
y_mean, y_std = y_raw.mean(), y_raw.std()
x, y = (x_raw - x_mean) / x_std, (y_raw - y_mean) / y_std  # (3)!


def make_model(optimizer):
    keras.utils.set_random_seed(0)  # (4)!
    model = keras.Sequential(
        [
            keras.Input(shape=(10,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer=optimizer, loss="mse")
    return model


def train(model, x, y, epochs=3, callbacks=None):
    history = model.fit(x, y, epochs=epochs, batch_size=32, verbose=0, callbacks=callbacks)
    return np.round(history.history["loss"], 3)  # (5)!


baseline = train(make_model(keras.optimizers.SGD(learning_rate=0.1)), x, y)
print("baseline:", baseline)
# --8<-- [end:data]


# --8<-- [start:learning_rate]
print(f"learning_rate=0.1: loss {baseline}")
losses = train(make_model(keras.optimizers.SGD(learning_rate=1.0)), x, y)
print(f"learning_rate=1.0: loss {losses}")
# --8<-- [end:learning_rate]


# --8<-- [start:unscaled]
print("x, y:    ", baseline)
print("x_raw, y:", train(make_model(keras.optimizers.SGD(learning_rate=0.1)), x_raw, y))  # (1)!
print("x, y_raw:", train(make_model(keras.optimizers.SGD(learning_rate=0.1)), x, y_raw))  # (2)!
# --8<-- [end:unscaled]


# --8<-- [start:normalization_check]
normalization = keras.layers.Normalization()
normalization.adapt(x_raw)
print("np.allclose(normalization(x_raw), x):", np.allclose(normalization(x_raw), x, atol=1e-5))
print("np.allclose(normalization(x_raw[:5]), x[:5]):", np.allclose(normalization(x_raw[:5]), x[:5], atol=1e-5))
# --8<-- [end:normalization_check]


# --8<-- [start:nan_data]
y_bad = y.copy()
y_bad[7] = np.nan  # (1)!
model = make_model(keras.optimizers.SGD(learning_rate=0.1))
print("loss:", train(model, x, y_bad))

print("np.isnan(y_bad).sum():", np.isnan(y_bad).sum())  # (2)!
print("np.argwhere(np.isnan(y_bad)):", np.argwhere(np.isnan(y_bad)).tolist())  # (3)!
print("np.isfinite(y).all():", np.isfinite(y).all())
# --8<-- [end:nan_data]


# --8<-- [start:nan_data_check]
print([float(np.isnan(w.numpy()).mean()) for w in model.weights])
# --8<-- [end:nan_data_check]


# --8<-- [start:labels]
from sklearn.datasets import load_digits

digits = load_digits()
x_digits = digits.data.astype("float32") / 16.0  # (1)!
labels = digits.target.copy()
labels[5] = 10  # (2)!

keras.utils.set_random_seed(0)
classifier = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
try:
    classifier.fit(x_digits[:200], labels[:200], epochs=1, verbose=0)
except Exception as error:  # (3)!
    message = str(error)
    print(type(error).__name__)

print("labels.min():", labels.min(), "labels.max():", labels.max())
print("classifier.output_shape:", classifier.output_shape)
# --8<-- [end:labels]


# --8<-- [start:labels_check]
for line in message.splitlines():
    if "label value" in line:
        print(line.split("  Label values")[0])
# --8<-- [end:labels_check]


# --8<-- [start:terminate]
model = make_model(keras.optimizers.SGD(learning_rate=1.0))
losses = train(model, x, y, epochs=5, callbacks=[keras.callbacks.TerminateOnNaN()])
print("len(losses):", len(losses), "| losses:", losses)
# --8<-- [end:terminate]


# --8<-- [start:clipping]
for clip in [{"clipnorm": 1.0}, {"clipvalue": 0.5}]:
    model = make_model(keras.optimizers.SGD(learning_rate=1.0, **clip))  # (1)!
    print(f"learning_rate=1.0, {clip}: loss {train(model, x, y)}")
print(f"learning_rate=0.1: loss {baseline}")
# --8<-- [end:clipping]


# --8<-- [start:clipping_check]
model = make_model(keras.optimizers.SGD(learning_rate=0.1, clipnorm=1.0))
losses = train(model, x, y_bad)
print("y_bad, clipnorm=1.0: loss", losses)
assert np.isnan(losses).all()
# --8<-- [end:clipping_check]


# --8<-- [start:one_batch]
x_batch, y_batch = x_digits[:32], digits.target[:32]  # (1)!


def overfit_one_batch(output_activation, labels):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation=output_activation),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
    )
    for step in range(100):
        loss = model.train_on_batch(x_batch, labels)  # (2)!
    return model, loss


model, loss = overfit_one_batch("softmax", y_batch)
print(f"activation='softmax': loss {loss:.4f}")
buggy, loss = overfit_one_batch(None, y_batch)  # (3)!
print(f"activation=None:      loss {loss:.4f}")
print(f"np.log(10):                {np.log(10):.4f}")
# --8<-- [end:one_batch]


# --8<-- [start:one_batch_check]
outputs = buggy.predict(x_batch, verbose=0)
print("(outputs < 0).mean():", float((outputs < 0).mean()))

shuffled = np.random.default_rng(0).permutation(y_batch)
_, loss = overfit_one_batch("softmax", shuffled)
print(f"shuffled: loss {loss:.4f}")

model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
for step in range(3):
    model.train_on_batch(x_batch, y_batch)
print("optimizer.iterations:", int(model.optimizer.iterations))
assert int(model.optimizer.iterations) == 3
# --8<-- [end:one_batch_check]
