"""Imbalanced classes: why accuracy misleads, precision/recall/AUC, and what class_weight and sample_weight do."""

# --8<-- [start:setup]
import math

import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

# "Is this digit a 9?", with most of the 9s left out: 40 nines among 1,657 images.
digits = load_digits()
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
is_nine = (digits.target == 9).astype("float32")  # label 1 for a 9, 0 for any other digit
rng = np.random.default_rng(0)
keep = np.concatenate([np.flatnonzero(is_nine == 0), rng.choice(np.flatnonzero(is_nine == 1), 40, replace=False)])
x, y = x[keep], is_nine[keep]
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
print(f"training: {len(y_train)} images, {int(y_train.sum())} nines | test: {len(y_test)} images, {int(y_test.sum())} nines")


def make_model():
    """One sigmoid unit: the probability that the image is a 9."""
    keras.utils.set_random_seed(0)  # the same starting weights for every model
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="binary_crossentropy",
        metrics=[
            "accuracy",
            keras.metrics.Precision(name="precision"),
            keras.metrics.Recall(name="recall"),
            keras.metrics.AUC(name="auc"),
        ],
    )
    return model


def report(model):
    """The test-data metrics, and what the model says about the 9s at the threshold 0.5."""
    scores = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
    said_nine = model.predict(x_test, verbose=0)[:, 0] > 0.5
    print("  ".join(f"{name} {scores[name]:.3f}" for name in ("accuracy", "precision", "recall", "auc")))
    print(f"said 9: {int(said_nine.sum())} times, right {int((said_nine & (y_test == 1)).sum())} times"
          f" | 9s in the test data: {int(y_test.sum())}")
# --8<-- [end:setup]

# --8<-- [start:always-no]
always_no = np.zeros_like(y_test)  # a "model" that answers "not a 9" every time
print(f"right answers: {int((always_no == y_test).sum())} of {len(y_test)}"
      f" | accuracy of always answering 'not a 9': {(always_no == y_test).mean():.3f}")
# --8<-- [end:always-no]

# --8<-- [start:plain]
model = make_model()
model.fit(x_train, y_train, epochs=10, batch_size=64, verbose=0)
report(model)
# --8<-- [end:plain]

# --8<-- [start:class-weight]
n, n_nines = len(y_train), int(y_train.sum())
class_weight = {0: n / (2 * (n - n_nines)), 1: n / (2 * n_nines)}  # "balanced" weights
print({label: round(weight, 3) for label, weight in class_weight.items()})

weighted_model = make_model()
weighted_model.fit(x_train, y_train, epochs=10, batch_size=64, class_weight=class_weight, verbose=0)
report(weighted_model)
# --8<-- [end:class-weight]

# --8<-- [start:sample-weight]
sample_weight = np.where(y_train == 1, class_weight[1], class_weight[0])  # one weight per row
print("rows:", sample_weight.shape, "| the two values:", np.unique(sample_weight).round(3))

sample_model = make_model()
sample_model.fit(x_train, y_train, epochs=10, batch_size=64, sample_weight=sample_weight, verbose=0)
same = all(np.allclose(a, b) for a, b in zip(sample_model.get_weights(), weighted_model.get_weights()))
print("same weights as with class_weight:", same)
assert same

try:
    make_model().fit(x_train, y_train, class_weight=class_weight, sample_weight=sample_weight, verbose=0)
except ValueError as error:
    print("ValueError:", error)
# --8<-- [end:sample-weight]

# --8<-- [start:loss-reduction]
bce = keras.losses.BinaryCrossentropy()  # reduction="sum_over_batch_size", the default
labels = np.array([[1.0], [0.0], [0.0], [0.0]])  # 4 rows, one label each
probabilities = np.array([[0.6], [0.2], [0.1], [0.3]])
weights = np.array([10.0, 1.0, 1.0, 1.0])  # the first row counts 10 times

per_row = keras.losses.BinaryCrossentropy(reduction=None)(labels, probabilities).numpy()
weighted = float(bce(labels, probabilities, sample_weight=weights))
print("loss of each row:     ", per_row.round(4))
print("weighted loss:        ", round(weighted, 4))
print("sum(w * loss) / rows: ", round(float((weights * per_row).sum() / len(per_row)), 4))
print("sum(w * loss) / sum(w):", round(float((weights * per_row).sum() / weights.sum()), 4))
assert math.isclose(weighted, (weights * per_row).sum() / len(per_row), rel_tol=1e-5)
# --8<-- [end:loss-reduction]

# --8<-- [start:check-metrics]
# With learning_rate=0 the weights never change, so fit's training values can be
# recomputed by evaluate on the same rows, with and without the weights.
frozen = make_model()
frozen.optimizer.learning_rate = 0.0
history = frozen.fit(
    x_train, y_train, epochs=1, batch_size=64, class_weight=class_weight, validation_data=(x_train, y_train), verbose=0
)
with_weights = frozen.evaluate(x_train, y_train, sample_weight=sample_weight, verbose=0, return_dict=True)
without = frozen.evaluate(x_train, y_train, verbose=0, return_dict=True)
for name in ("loss", "accuracy", "precision"):
    print(f"{name:9} fit: {history.history[name][0]:.4f} | evaluate with weights: {with_weights[name]:.4f}"
          f" | without: {without[name]:.4f}")
assert math.isclose(history.history["loss"][0], with_weights["loss"], rel_tol=1e-4)  # the loss is weighted
for name in ("accuracy", "precision"):  # the metrics are not
    assert math.isclose(history.history[name][0], without[name], rel_tol=1e-4)
print(f"val_loss  fit: {history.history['val_loss'][0]:.4f} (the same rows, no weights)")
assert math.isclose(history.history["val_loss"][0], without["loss"], rel_tol=1e-4)  # validation is not weighted

# Metrics listed in weighted_metrics= do use the weights.
frozen.compile(loss="binary_crossentropy", metrics=["accuracy"], weighted_metrics=["accuracy"])
both = frozen.evaluate(x_train, y_train, sample_weight=sample_weight, verbose=0, return_dict=True)
print({name: round(value, 4) for name, value in both.items()})
assert not math.isclose(both["accuracy"], both["weighted_accuracy"], rel_tol=1e-2)
# --8<-- [end:check-metrics]
