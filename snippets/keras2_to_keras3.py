"""Keras 2 code run on Keras 3: the exact error or warning each old call gives, and the fix."""

# --8<-- [start:setup]
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data[:300].astype("float32") / 16.0  # (1)!
y = digits.target[:300]

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=10, validation_split=0.2, verbose=0)
print("Keras", keras.__version__)
# --8<-- [end:setup]


# --8<-- [start:tf_keras]
import tensorflow as tf

print("TensorFlow:", tf.__version__)
print("keras.__version__:   ", keras.__version__)
print("tf.keras.__version__:", tf.keras.__version__)
print("tf.keras.Sequential is keras.Sequential:", tf.keras.Sequential is keras.Sequential)
# --8<-- [end:tf_keras]


# --8<-- [start:predict_classes]
try:
    model.predict_classes(x[:5])
except Exception as e:
    print(type(e).__name__, e)
try:
    model.predict_proba(x[:5])
except Exception as e:
    print(type(e).__name__, e)
# --8<-- [end:predict_classes]


# --8<-- [start:predict_classes_fix]
probabilities = model.predict(x[:5], verbose=0)  # (1)!
classes = np.argmax(probabilities, axis=1)  # (2)!
print(probabilities.shape, classes)
# sigmoid: classes = (probabilities > 0.5).astype("int32")
# --8<-- [end:predict_classes_fix]


# --8<-- [start:lr]
try:
    keras.optimizers.Adam(lr=0.001)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.optimizer.lr
except Exception as e:
    print(type(e).__name__, e)
# --8<-- [end:lr]


# --8<-- [start:lr_fix]
optimizer = keras.optimizers.Adam(learning_rate=0.001)
print(optimizer.learning_rate.numpy())
print(model.optimizer.learning_rate.numpy())  # (1)!
# --8<-- [end:lr_fix]


# --8<-- [start:decay]
optimizer = keras.optimizers.SGD(learning_rate=0.01, decay=1e-4)  # (1)!
# --8<-- [end:decay]


# --8<-- [start:decay_warning]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.optimizers.SGD(learning_rate=0.01, decay=1e-4)
for w in caught:
    print(w.category.__name__, w.message)
# --8<-- [end:decay_warning]


# --8<-- [start:decay_fix]
schedule = keras.optimizers.schedules.InverseTimeDecay(
    initial_learning_rate=0.01, decay_steps=1, decay_rate=1e-4
)  # (1)!
optimizer = keras.optimizers.SGD(learning_rate=schedule)
for step in [0, 1000, 10000]:
    print(f"step {step:5}: learning rate {float(schedule(step)):.6f}")
# --8<-- [end:decay_fix]


# --8<-- [start:decay_check]
steps = range(0, 20001, 500)
keras2_rates = [0.01 / (1 + 1e-4 * step) for step in steps]
keras3_rates = [float(schedule(step)) for step in steps]
print("len(steps):", len(steps))
print("np.allclose(keras3_rates, keras2_rates):", np.allclose(keras3_rates, keras2_rates))
assert np.allclose(keras3_rates, keras2_rates)
# --8<-- [end:decay_check]


# --8<-- [start:generators]
try:
    model.fit_generator
except Exception as e:
    print(type(e).__name__, e)
try:
    model.evaluate_generator
except Exception as e:
    print(type(e).__name__, e)
try:
    model.predict_generator
except Exception as e:
    print(type(e).__name__, e)
# --8<-- [end:generators]


# --8<-- [start:generators_fix]
def batches():  # (1)!
    while True:
        for start in range(0, len(x), 32):
            yield x[start : start + 32], y[start : start + 32]


model.fit(batches(), steps_per_epoch=10, epochs=1, verbose=0)  # (2)!
print(model.evaluate(batches(), steps=10, verbose=0))
# --8<-- [end:generators_fix]


# --8<-- [start:history_keys]
try:
    history.history["val_acc"]
except Exception as e:
    print(type(e).__name__, e)
print(sorted(history.history))
# --8<-- [end:history_keys]


# --8<-- [start:history_keys_acc]
short = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
short.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
h = short.fit(x, y, epochs=1, validation_split=0.2, verbose=0)
print(sorted(h.history))
# --8<-- [end:history_keys_acc]


# --8<-- [start:checkpoint]
for filepath, weights_only in [
    ("weights.best.hdf5", False),
    ("model.ckpt", False),
    ("weights.best.hdf5", True),
    ("cp-{epoch:04d}.ckpt", True),
]:
    try:
        keras.callbacks.ModelCheckpoint(filepath, save_weights_only=weights_only)
        print(filepath, "OK")
    except Exception as e:
        print(type(e).__name__, e)
# --8<-- [end:checkpoint]


# --8<-- [start:checkpoint_fix]
best = keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)  # (1)!
every_epoch = keras.callbacks.ModelCheckpoint("cp-{epoch:04d}.weights.h5", save_weights_only=True)  # (2)!
print(best.filepath, "OK")
print(every_epoch.filepath, "OK")
# --8<-- [end:checkpoint_fix]


# --8<-- [start:save]
try:
    model.save("my_model")
except Exception as e:
    print(type(e).__name__, e)
try:
    model.save("my_model", save_format="tf")
except Exception as e:
    print(type(e).__name__, e)
try:
    model.save_weights("my_weights.h5")
except Exception as e:
    print(type(e).__name__, e)
try:
    keras.models.load_model("my_model")  # (1)!
except Exception as e:
    print(type(e).__name__, e)
# --8<-- [end:save]


# --8<-- [start:save_fix]
model.save("my_model.keras")
model.save_weights("my_model.weights.h5")
restored = keras.models.load_model("my_model.keras")
# --8<-- [end:save_fix]


# --8<-- [start:save_check]
same = all(np.array_equal(a, b) for a, b in zip(model.get_weights(), restored.get_weights()))
print("same:", same)
assert same
model.save("my_model.hdf5")
print("my_model.hdf5 OK")
# --8<-- [end:save_check]


# --8<-- [start:metrics_names]
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy", keras.metrics.SparseTopKCategoricalAccuracy(k=3, name="top3")],  # (1)!
)
results = model.evaluate(x, y, verbose=0)
print(model.metrics_names)
print("len(results):", len(results))
print("results:", np.round(results, 4))
print(dict(zip(model.metrics_names, results)))  # (2)!
# --8<-- [end:metrics_names]


# --8<-- [start:metrics_names_fix]
print(model.evaluate(x, y, verbose=0, return_dict=True))
# --8<-- [end:metrics_names_fix]


# --8<-- [start:other]
try:
    model.fit(x, y, epochs=1, workers=4, use_multiprocessing=True, verbose=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    from keras.utils.np_utils import to_categorical
except Exception as e:
    print(type(e).__name__, e)
try:
    keras.optimizers.legacy.Adam()
except Exception as e:
    print(type(e).__name__, e)
# --8<-- [end:other]
