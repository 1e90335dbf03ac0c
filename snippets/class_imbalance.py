"""Imbalanced classes: why accuracy misleads, precision/recall/AUC, and what class_weight and sample_weight do."""

# --8<-- [start:setup]
import math

import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

digits = load_digits()
x = digits.data.astype("float32") / 16.0  # (1)!
is_nine = (digits.target == 9).astype("float32")  # (2)!
rng = np.random.default_rng(0)
others = np.flatnonzero(is_nine == 0)  # (3)!
nines = rng.choice(np.flatnonzero(is_nine == 1), 40, replace=False)  # (4)!
keep = np.concatenate([others, nines])
x, y = x[keep], is_nine[keep]
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)  # (5)!
print("len(y):", len(y), "| y.sum():", int(y.sum()))
print("len(y_train):", len(y_train), "| y_train.sum():", int(y_train.sum()))
print("len(y_test):", len(y_test), "| y_test.sum():", int(y_test.sum()))


def make_model():
    keras.utils.set_random_seed(0)  # (6)!
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="binary_crossentropy",
        metrics=[  # (7)!
            "accuracy",
            keras.metrics.Precision(name="precision"),
            keras.metrics.Recall(name="recall"),
            keras.metrics.AUC(name="auc"),
        ],
    )
    return model


def report(model):  # (8)!
    s = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
    print(f"accuracy {s['accuracy']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  auc {s['auc']:.3f}")
    probabilities = model.predict(x_test, verbose=0)[:, 0]  # (9)!
    said_nine = probabilities > 0.5  # (10)!
    right = said_nine & (y_test == 1)  # (11)!
    print("said_nine:", int(said_nine.sum()), "| right:", int(right.sum()), "| y_test.sum():", int(y_test.sum()))
# --8<-- [end:setup]

# --8<-- [start:always-no]
always_no = np.zeros_like(y_test)  # (1)!
correct = always_no == y_test
print("correct:", int(correct.sum()), "| len(y_test):", len(y_test), "| accuracy:", round(float(correct.mean()), 3))
# --8<-- [end:always-no]

# --8<-- [start:plain]
model = make_model()
model.fit(x_train, y_train, epochs=10, batch_size=64, verbose=0)
report(model)
# --8<-- [end:plain]

# --8<-- [start:class-weight]
n, n_nines = len(y_train), int(y_train.sum())
class_weight = {0: n / (2 * (n - n_nines)), 1: n / (2 * n_nines)}  # (1)!
print({label: round(weight, 3) for label, weight in class_weight.items()})

weighted_model = make_model()
weighted_model.fit(x_train, y_train, epochs=10, batch_size=64, class_weight=class_weight, verbose=0)
report(weighted_model)
# --8<-- [end:class-weight]

# --8<-- [start:sample-weight]
sample_weight = np.where(y_train == 1, class_weight[1], class_weight[0])  # (1)!
print("sample_weight.shape:", sample_weight.shape, "| np.unique:", np.unique(sample_weight).round(3))

sample_model = make_model()
sample_model.fit(x_train, y_train, epochs=10, batch_size=64, sample_weight=sample_weight, verbose=0)
report(sample_model)

try:
    make_model().fit(x_train, y_train, class_weight=class_weight, sample_weight=sample_weight, verbose=0)
except ValueError as error:
    print("ValueError:", error)
# --8<-- [end:sample-weight]

# --8<-- [start:check-same]
pairs = zip(sample_model.get_weights(), weighted_model.get_weights())
same = all(np.allclose(a, b) for a, b in pairs)
print("same:", same)
assert same
# --8<-- [end:check-same]

# --8<-- [start:loss-reduction]
bce = keras.losses.BinaryCrossentropy()  # (1)!
labels = np.array([[1.0], [0.0], [0.0], [0.0]])
probabilities = np.array([[0.6], [0.2], [0.1], [0.3]])
weights = np.array([10.0, 1.0, 1.0, 1.0])  # (2)!

per_sample = keras.losses.BinaryCrossentropy(reduction=None)(labels, probabilities).numpy()  # (3)!
weighted = float(bce(labels, probabilities, sample_weight=weights))
print("per_sample:              ", per_sample.round(4))
print("weighted:                ", round(weighted, 4))
print("sum(w * loss) / samples: ", round(float((weights * per_sample).sum() / len(per_sample)), 4))
print("sum(w * loss) / sum(w):  ", round(float((weights * per_sample).sum() / weights.sum()), 4))
# --8<-- [end:loss-reduction]

# --8<-- [start:check-scale]
assert math.isclose(weighted, (weights * per_sample).sum() / len(per_sample), rel_tol=1e-5)


def trained_kernel(optimizer, scale):  # (1)!
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    model.fit(x_train, y_train, epochs=3, batch_size=64, sample_weight=scale * sample_weight, verbose=0)
    return model.get_weights()[0]


def gap(a, b):
    return float(np.abs(a - b).max())


adam = trained_kernel(keras.optimizers.Adam(learning_rate=0.01), 1)
adam_weights_x2 = trained_kernel(keras.optimizers.Adam(learning_rate=0.01), 2)
adam_rate_x2 = trained_kernel(keras.optimizers.Adam(learning_rate=0.02), 1)
sgd = trained_kernel(keras.optimizers.SGD(learning_rate=0.01), 1)
sgd_weights_x2 = trained_kernel(keras.optimizers.SGD(learning_rate=0.01), 2)
sgd_rate_x2 = trained_kernel(keras.optimizers.SGD(learning_rate=0.02), 1)
print(f"gap(adam_weights_x2, adam): {gap(adam_weights_x2, adam):.2f} | gap(adam_rate_x2, adam): {gap(adam_rate_x2, adam):.2f}")
print(f"gap(sgd_weights_x2, sgd):   {gap(sgd_weights_x2, sgd):.2f} | gap(sgd_weights_x2, sgd_rate_x2): {gap(sgd_weights_x2, sgd_rate_x2):.2f}")
assert gap(adam_weights_x2, adam) < 0.1 * gap(adam_rate_x2, adam)  # (2)!
assert np.allclose(sgd_weights_x2, sgd_rate_x2, atol=1e-5)  # (3)!
assert gap(sgd_weights_x2, sgd) > 10 * gap(sgd_weights_x2, sgd_rate_x2)
# --8<-- [end:check-scale]

# --8<-- [start:check-metrics]
frozen = make_model()
frozen.optimizer.learning_rate = 0.0  # (1)!
history = frozen.fit(
    x_train, y_train, epochs=1, batch_size=64, class_weight=class_weight, validation_data=(x_train, y_train), verbose=0
)
with_weights = frozen.evaluate(x_train, y_train, sample_weight=sample_weight, verbose=0, return_dict=True)
without = frozen.evaluate(x_train, y_train, verbose=0, return_dict=True)
for name in ("loss", "accuracy", "precision"):
    print(f"{name:9} fit: {history.history[name][0]:.4f} | with_weights: {with_weights[name]:.4f}"
          f" | without: {without[name]:.4f}")
assert math.isclose(history.history["loss"][0], with_weights["loss"], rel_tol=1e-4)  # (2)!
for name in ("accuracy", "precision"):  # (3)!
    assert math.isclose(history.history[name][0], without[name], rel_tol=1e-4)
print(f"val_loss  fit: {history.history['val_loss'][0]:.4f}")
assert math.isclose(history.history["val_loss"][0], without["loss"], rel_tol=1e-4)  # (4)!

frozen.compile(loss="binary_crossentropy", metrics=["accuracy"], weighted_metrics=["accuracy"])  # (5)!
both = frozen.evaluate(x_train, y_train, sample_weight=sample_weight, verbose=0, return_dict=True)
print({name: round(value, 4) for name, value in both.items()})
assert not math.isclose(both["accuracy"], both["weighted_accuracy"], rel_tol=1e-2)
# --8<-- [end:check-metrics]
