"""A binary classifier with one sigmoid unit: probabilities, the 0.5 threshold, and other thresholds."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)

data = load_breast_cancer()  # (1)!
x = data.data.astype("float32")
y = (data.target == 0).astype("float32")  # (2)!

x_rest, x_test, y_rest, y_test = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)  # (3)!
x_train, x_val, y_train, y_val = train_test_split(x_rest, y_rest, test_size=0.25, random_state=0, stratify=y_rest)

scaler = StandardScaler().fit(x_train)  # (4)!
x_train = scaler.transform(x_train).astype("float32")
x_val = scaler.transform(x_val).astype("float32")
x_test = scaler.transform(x_test).astype("float32")
print("all:", x.shape)
print("train:", x_train.shape, "| validation:", x_val.shape, "| test:", x_test.shape)
print("share of label 1 (malignant):", round(float(y.mean()), 3))
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # (1)!
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=20, verbose=0)
print("last epoch: loss", round(history.history["loss"][-1], 4), "| accuracy", round(history.history["accuracy"][-1], 4))
# --8<-- [end:model]

# --8<-- [start:predict]
p = model.predict(x_val, verbose=0)
print(type(p).__name__, p.shape)
print(p[:5].round(3))
# --8<-- [end:predict]

# --8<-- [start:by_hand]
kernel, bias = model.layers[-1].get_weights()  # the last Dense layer
hidden = keras.Sequential(model.layers[:-1])(x_val, training=False)  # what the last layer receives
z = keras.ops.convert_to_numpy(hidden) @ kernel + bias  # a real number per row (a logit)
by_hand = 1 / (1 + np.exp(-z))  # the sigmoid function
print("smallest and largest z:", round(float(z.min()), 2), round(float(z.max()), 2))
print("predict equals sigmoid(z):", np.allclose(by_hand, p, atol=1e-6))
assert np.allclose(by_hand, p, atol=1e-6)
assert p.shape == (len(x_val), 1)  # one column: one number per row
assert p.min() > 0 and p.max() < 1  # probabilities, not 0/1 classes
# --8<-- [end:by_hand]

# --8<-- [start:accuracy]
loss, accuracy = model.evaluate(x_val, y_val, verbose=0)
accuracy_by_hand = np.mean((p[:, 0] > 0.5) == y_val)  # (1)!
print(f"evaluate: {accuracy:.4f} | by hand with 0.5: {accuracy_by_hand:.4f}")
# --8<-- [end:accuracy]

# --8<-- [start:which_metric]
compiled = model.metrics[1]  # model.metrics is [loss tracker, the metrics given to compile]
chosen = compiled.metrics[0]  # what the string "accuracy" became
print(type(chosen).__name__, "| name:", chosen.name, "| threshold:", chosen.threshold)
assert isinstance(chosen, keras.metrics.BinaryAccuracy) and chosen.threshold == 0.5
assert np.isclose(accuracy, accuracy_by_hand)
# BinaryAccuracy counts an output as 1 only when it is strictly greater than the threshold
m = keras.metrics.BinaryAccuracy()
m.update_state([[1], [1], [0]], [[0.9], [0.5], [0.2]])
print("labels 1, 1, 0 with outputs 0.9, 0.5, 0.2:", round(float(m.result()), 4))
assert np.isclose(float(m.result()), 2 / 3)  # 0.5 is not above 0.5, so it counts as 0
# --8<-- [end:which_metric]

# --8<-- [start:classes]
wrong = np.argmax(p, axis=1)  # (1)!
print("argmax:", wrong[:10], "| different values:", np.unique(wrong))
classes = (p > 0.5).astype(int)  # (2)!
print("classes:", classes[:10, 0], "| shape:", classes.shape)
labels = classes[:, 0]  # (3)!
print("predicted 1:", int(labels.sum()), "of", len(labels))
print("shape of classes == y_val:", (classes == y_val).shape, "| of labels == y_val:", (labels == y_val).shape)
# --8<-- [end:classes]

# --8<-- [start:thresholds]
print("threshold  predicted 1  precision  recall")
recalls = []
for threshold in [0.1, 0.3, 0.5, 0.7, 0.9]:
    predicted = p[:, 0] > threshold
    true_pos = np.sum(predicted & (y_val == 1))  # (1)!
    precision = true_pos / predicted.sum()  # (2)!
    recall = true_pos / np.sum(y_val == 1)  # (3)!
    recalls.append(recall)
    print(f"{threshold:9}  {predicted.sum():11}  {precision:9.3f}  {recall:6.3f}")
# --8<-- [end:thresholds]

# --8<-- [start:threshold_metrics]
model.compile(
    optimizer="adam",
    loss="binary_crossentropy",
    metrics=[
        keras.metrics.BinaryAccuracy(threshold=0.3),
        keras.metrics.Precision(thresholds=0.3),
        keras.metrics.Recall(thresholds=0.3),
    ],
)
result = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
print({name: round(value, 4) for name, value in result.items()})
# --8<-- [end:threshold_metrics]

# --8<-- [start:check_thresholds]
assert set(np.unique(wrong)) == {0}  # argmax on one column: always 0
assert all(a >= b for a, b in zip(recalls, recalls[1:]))  # a higher threshold never finds more
p_test = model.predict(x_test, verbose=0)[:, 0]
called = p_test > 0.3
by_hand = {
    "binary_accuracy": np.mean(called == y_test),
    "precision": np.sum(called & (y_test == 1)) / called.sum(),
    "recall": np.sum(called & (y_test == 1)) / np.sum(y_test == 1),
}
for name, value in by_hand.items():
    print(f"{name:15} evaluate {result[name]:.4f} | by hand {value:.4f}")
    assert np.isclose(result[name], value)
# --8<-- [end:check_thresholds]

# --8<-- [start:logits]
m = keras.metrics.BinaryAccuracy()  # (1)!
logit = 0.3  # (2)!
print(f"sigmoid({logit}) = {1 / (1 + np.exp(-logit)):.3f}")
m.update_state([[1]], [[logit]])  # (3)!
print("BinaryAccuracy() on the logit:", float(m.result()))
m0 = keras.metrics.BinaryAccuracy(threshold=0.0)  # (4)!
m0.update_state([[1]], [[logit]])
print("BinaryAccuracy(threshold=0.0):", float(m0.result()))
# --8<-- [end:logits]
