"""When training goes wrong: a nan loss, its usual causes and remedies, checked by real runs."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_diabetes

# 442 patients, 10 measurements each (age, BMI, blood pressure, ...), as measured:
# no scaling applied. The target is a measure of disease progression one year later.
x_raw, y_raw = load_diabetes(return_X_y=True, scaled=False)
x_raw, y_raw = x_raw.astype("float32"), y_raw.astype("float32")
print("inputs from", int(x_raw.min()), "to", int(x_raw.max()))
print("targets from", int(y_raw.min()), "to", int(y_raw.max()))


def standardize(a):
    """Shift and scale each column to mean 0 and standard deviation 1."""
    return (a - a.mean(axis=0)) / a.std(axis=0)


x, y = standardize(x_raw), standardize(y_raw)


def make_model(optimizer):
    keras.utils.set_random_seed(0)  # the same initial weights in every run
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
    return np.round(history.history["loss"], 3)


baseline = train(make_model(keras.optimizers.SGD(learning_rate=0.1)), x, y)
print("scaled data, learning_rate=0.1:", baseline)
# --8<-- [end:data]


# --8<-- [start:learning_rate]
print(f"learning_rate=0.1: loss {baseline}")
losses = train(make_model(keras.optimizers.SGD(learning_rate=1.0)), x, y)
print(f"learning_rate=1.0: loss {losses}")
assert np.isnan(losses).all()  # every epoch's loss is nan
# --8<-- [end:learning_rate]


# --8<-- [start:unscaled]
print("inputs and targets scaled:  ", baseline)
sgd = keras.optimizers.SGD
print("inputs as measured:         ", train(make_model(sgd(learning_rate=0.1)), x_raw, y))
print("targets as measured:        ", train(make_model(sgd(learning_rate=0.1)), x, y_raw))
# --8<-- [end:unscaled]


# --8<-- [start:nan_data]
x_bad = x.copy()
x_bad[7, 2] = np.nan  # one missing measurement, read as nan
model = make_model(keras.optimizers.SGD(learning_rate=0.1))
print("loss:", train(model, x_bad, y))
print("weights that are nan:", np.isnan(model.layers[0].kernel.numpy()).mean())

print("nan values in x_bad:", np.isnan(x_bad).sum())
print("at (row, column):", np.argwhere(np.isnan(x_bad)).tolist())
print("all values finite in x:", np.isfinite(x).all())
# --8<-- [end:nan_data]


# --8<-- [start:labels]
from sklearn.datasets import load_digits

digits = load_digits()
x_digits = digits.data.astype("float32") / 16.0
labels = digits.target.copy()  # 0..9
labels[5] = 10  # one wrong label: 10 does not exist among 10 classes

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
except Exception as e:
    print(type(e).__name__)
    for line in str(e).splitlines():  # (1)!
        if "label value" in line:
            print(line.split("  Label values")[0])

print("labels from", labels.min(), "to", labels.max())
print("output units:", classifier.output_shape[-1])
# --8<-- [end:labels]


# --8<-- [start:terminate]
model = make_model(keras.optimizers.SGD(learning_rate=1.0))
losses = train(model, x, y, epochs=5, callbacks=[keras.callbacks.TerminateOnNaN()])
print("epochs run:", len(losses), "| loss:", losses)
# --8<-- [end:terminate]


# --8<-- [start:clipping]
for clip in [{"clipnorm": 1.0}, {"clipvalue": 0.5}]:
    model = make_model(keras.optimizers.SGD(learning_rate=1.0, **clip))
    print(f"learning_rate=1.0, {clip}: loss {train(model, x, y)}")
print("learning_rate=0.1, no clipping:     loss", baseline)
# --8<-- [end:clipping]


# --8<-- [start:clipping_check]
# Clipping cannot repair a nan that comes from the data: nan stays nan.
model = make_model(keras.optimizers.SGD(learning_rate=0.1, clipnorm=1.0))
losses = train(model, x_bad, y)
print("nan in the data, clipnorm=1.0:", losses)
assert np.isnan(losses).all()
# --8<-- [end:clipping_check]


# --8<-- [start:one_batch]
x_batch, y_batch = x_digits[:32], digits.target[:32]  # one small batch


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
    for step in range(100):  # 100 training steps, always on the same batch
        loss = model.train_on_batch(x_batch, labels)
    return loss


print(f"softmax output:           final loss {overfit_one_batch('softmax', y_batch):.4f}")
print(f"no activation (a bug):    final loss {overfit_one_batch(None, y_batch):.4f}")
print(f"ln(10), guessing 1/10:               {np.log(10):.4f}")
# --8<-- [end:one_batch]


# --8<-- [start:one_batch_check]
# The check finds bugs in the model and the loss, not in the data:
# a network memorizes even labels that were shuffled away from their images.
shuffled = np.random.default_rng(0).permutation(y_batch)
print(f"softmax output, shuffled labels: final loss {overfit_one_batch('softmax', shuffled):.4f}")

# Each call of train_on_batch is one step: the optimizer counts one update per call.
model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
for step in range(3):
    model.train_on_batch(x_batch, y_batch)
print("calls: 3 | optimizer.iterations:", int(model.optimizer.iterations))
assert int(model.optimizer.iterations) == 3
# --8<-- [end:one_batch_check]
