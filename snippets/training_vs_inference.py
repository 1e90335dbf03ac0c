"""Training mode and inference mode: why fit's numbers, val_* and evaluate disagree."""

# --8<-- [start:modes]
import keras
import numpy as np

keras.utils.set_random_seed(42)

dropout = keras.layers.Dropout(0.5)  # (1)!
ones = np.ones((1, 8), dtype="float32")
in_training = keras.ops.convert_to_numpy(dropout(ones, training=True))
in_inference = keras.ops.convert_to_numpy(dropout(ones, training=False))
print("training=True: ", in_training)
print("training=False:", in_inference)
# --8<-- [end:modes]

# --8<-- [start:who_sets_it]
class ShowMode(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.seen = []

    def call(self, inputs, training=None):
        self.seen.append(training)
        return inputs


spy = ShowMode()
probe = keras.Sequential([keras.Input(shape=(8,)), spy, keras.layers.Dense(1)])
probe.compile(optimizer="sgd", loss="mse", run_eagerly=True)
x_probe, y_probe = np.ones((4, 8)), np.ones((4, 1))
for name, run in [
    ("fit", lambda: probe.fit(x_probe, y_probe, epochs=1, verbose=0)),
    ("fit + validation", lambda: probe.fit(x_probe, y_probe, validation_data=(x_probe, y_probe), verbose=0)),
    ("evaluate", lambda: probe.evaluate(x_probe, y_probe, verbose=0)),
    ("predict", lambda: probe.predict(x_probe, verbose=0)),
]:
    spy.seen.clear()
    run()
    print(f"{name:16} training = {spy.seen}")

assert set(np.unique(in_training)) <= {0.0, 2.0}
assert np.array_equal(in_inference, ones)
# --8<-- [end:who_sets_it]

# --8<-- [start:dropout_fit]
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)
digits = load_digits()
x = digits.data.astype("float32") / 16.0
x_train, x_val, y_train, y_val = train_test_split(x, digits.target, test_size=0.25, random_state=0)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=5, validation_data=(x_val, y_val), verbose=0)
print("epoch  accuracy  val_accuracy")
for epoch in range(5):
    acc = history.history["accuracy"][epoch]
    val_acc = history.history["val_accuracy"][epoch]
    print(f"{epoch + 1:5}  {acc:8.3f}  {val_acc:12.3f}")
# --8<-- [end:dropout_fit]

# --8<-- [start:three_numbers]
fit_accuracy = history.history["accuracy"][-1]  # (1)!

probabilities = model(x_train, training=True)  # (2)!
train_mode_accuracy = np.mean(np.argmax(probabilities, axis=1) == y_train)

loss, eval_accuracy = model.evaluate(x_train, y_train, verbose=0)  # (3)!

print(f"(a) {fit_accuracy:.3f}")
print(f"(b) {train_mode_accuracy:.3f}")
print(f"(c) {eval_accuracy:.3f}")
# --8<-- [end:three_numbers]

# --8<-- [start:check_three_numbers]
val_above = all(v > a for a, v in zip(history.history["accuracy"], history.history["val_accuracy"]))
print("val_accuracy > accuracy, epochs 1-5:", val_above)
print("(a) < (b) < (c):", fit_accuracy < train_mode_accuracy < eval_accuracy)
assert val_above and fit_accuracy < train_mode_accuracy < eval_accuracy
# --8<-- [end:check_three_numbers]

# --8<-- [start:call_default]
few = x_val[:5]
outputs = model(few)  # (1)!
print(keras.ops.convert_to_numpy(outputs).argmax(axis=1))  # (2)!
# --8<-- [end:call_default]

# --8<-- [start:call_default_check]
plain = keras.ops.convert_to_numpy(model(few))
inference = keras.ops.convert_to_numpy(model(few, training=False))
print("model(few) == model(few, training=False):", np.array_equal(plain, inference))
print("model.predict(few) == model(few):", np.allclose(model.predict(few, verbose=0), inference))
# --8<-- [end:call_default_check]

# --8<-- [start:bn_fit]
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
x_raw = data.data.astype("float32")  # (1)!
y_bc = (data.target == 0).astype("float32")  # (2)!
xb_train, xb_val, yb_train, yb_val = train_test_split(x_raw, y_bc, test_size=0.25, random_state=0, stratify=y_bc)


def bn_model(momentum=0.99):  # (3)!
    return keras.Sequential(
        [
            keras.Input(shape=(30,)),
            keras.layers.BatchNormalization(momentum=momentum),  # (4)!
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


keras.utils.set_random_seed(42)
bn = bn_model()
bn.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = bn.fit(xb_train, yb_train, epochs=5, validation_data=(xb_val, yb_val), verbose=0)
_, bn_eval_accuracy = bn.evaluate(xb_train, yb_train, verbose=0)
print(f"fit accuracy:           {history.history['accuracy'][-1]:.3f}")
print(f"fit val_accuracy:       {history.history['val_accuracy'][-1]:.3f}")
print(f"evaluate(xb_train) accuracy: {bn_eval_accuracy:.3f}")
# --8<-- [end:bn_fit]

# --8<-- [start:bn_stats]
layer = bn.layers[0]
steps = int(bn.optimizer.iterations)  # (1)!
moving_mean = keras.ops.convert_to_numpy(layer.moving_mean)
moving_variance = keras.ops.convert_to_numpy(layer.moving_variance)
area = list(data.feature_names).index("mean area")  # (2)!
print("steps:", steps)
print(f"mean:     {xb_train[:, area].mean():8.1f} | moving_mean:     {moving_mean[area]:8.1f}")  # (3)!
print(f"variance: {xb_train[:, area].var():8.0f} | moving_variance: {moving_variance[area]:8.0f}")
print(f"moving_mean / mean: {moving_mean[area] / xb_train[:, area].mean():.3f}")
print(f"1 - 0.99 ** {steps}:    {1 - 0.99**steps:.3f}")
# --8<-- [end:bn_stats]

# --8<-- [start:bn_update]
keras.utils.set_random_seed(42)
check = keras.layers.BatchNormalization()
batch = xb_train[:32]
check(batch, training=True)
expected = 0.99 * 0.0 + 0.01 * batch.mean(axis=0)
print("training=True,  moving_mean == expected:", np.allclose(check.moving_mean, expected, rtol=1e-5))
check(batch, training=False)
print("training=False, moving_mean == expected:", np.allclose(check.moving_mean, expected, rtol=1e-5))
assert np.allclose(check.moving_mean, expected, rtol=1e-5)
accuracy = history.history["accuracy"][-1]
assert bn_eval_accuracy < accuracy - 0.3
assert history.history["val_accuracy"][-1] < accuracy - 0.3
assert abs(moving_mean[area] / xb_train[:, area].mean() - (1 - 0.99**steps)) < 0.05
# --8<-- [end:bn_update]

# --8<-- [start:bn_fixes]
from sklearn.preprocessing import StandardScaler

scaler = StandardScaler().fit(xb_train)  # (1)!
xs_train = scaler.transform(xb_train)

keras.utils.set_random_seed(42)
scaled = bn_model()
scaled.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = scaled.fit(xs_train, yb_train, epochs=5, verbose=0)
_, scaled_eval_accuracy = scaled.evaluate(xs_train, yb_train, verbose=0)
print(f"fit accuracy:           {history.history['accuracy'][-1]:.3f}")
print(f"evaluate(xs_train) accuracy: {scaled_eval_accuracy:.3f}")
for momentum in [0.99, 0.9]:
    print(f"1 - {momentum} ** {steps}: {1 - momentum**steps:.3f}")  # (2)!
# --8<-- [end:bn_fixes]

# --8<-- [start:check_fixes]
gap = abs(scaled_eval_accuracy - history.history["accuracy"][-1])
print(f"gap: {gap:.2f}")
assert gap < 0.05
# --8<-- [end:check_fixes]
