"""A binary classifier with one sigmoid unit: probabilities, the 0.5 threshold, and other thresholds."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)  # (1)!

data = load_breast_cancer()  # (2)!
x = data.data.astype("float32")
y = (data.target == 0).astype("float32")  # (3)!

x_rest, x_test, y_rest, y_test = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)  # (4)!
x_train, x_val, y_train, y_val = train_test_split(x_rest, y_rest, test_size=0.25, random_state=0, stratify=y_rest)

scaler = StandardScaler().fit(x_train)  # (5)!
x_train = scaler.transform(x_train).astype("float32")
x_val = scaler.transform(x_val).astype("float32")
x_test = scaler.transform(x_test).astype("float32")
print("x:", x.shape)
print("x_train:", x_train.shape, "| x_val:", x_val.shape, "| x_test:", x_test.shape)
print("y.mean():", round(float(y.mean()), 3))  # (6)!
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
print("loss:", round(history.history["loss"][-1], 4), "| accuracy:", round(history.history["accuracy"][-1], 4))  # (2)!
# --8<-- [end:model]

# --8<-- [start:predict]
p = model.predict(x_val, verbose=0)
print(type(p).__name__, p.shape)
print(p[:5].round(3))
# --8<-- [end:predict]

# --8<-- [start:by_hand]
kernel, bias = model.layers[-1].get_weights()  # (1)!
hidden = keras.Sequential(model.layers[:-1])(x_val, training=False)  # (2)!
z = keras.ops.convert_to_numpy(hidden) @ kernel + bias  # (3)!
by_hand = 1 / (1 + np.exp(-z))  # (4)!
print("z.min(), z.max():", round(float(z.min()), 2), round(float(z.max()), 2))
print("np.allclose(by_hand, p):", np.allclose(by_hand, p, atol=1e-6))
assert np.allclose(by_hand, p, atol=1e-6)
assert p.shape == (len(x_val), 1)  # (5)!
assert p.min() > 0 and p.max() < 1  # (6)!
# --8<-- [end:by_hand]

# --8<-- [start:accuracy]
loss, accuracy = model.evaluate(x_val, y_val, verbose=0)
accuracy_by_hand = np.mean((p[:, 0] > 0.5) == y_val)  # (1)!
print(f"accuracy: {accuracy:.4f} | accuracy_by_hand: {accuracy_by_hand:.4f}")
# --8<-- [end:accuracy]

# --8<-- [start:which_metric]
compiled = model.metrics[1]  # (1)!
chosen = compiled.metrics[0]  # (2)!
print(type(chosen).__name__, "| name:", chosen.name, "| threshold:", chosen.threshold)
assert isinstance(chosen, keras.metrics.BinaryAccuracy) and chosen.threshold == 0.5
assert np.isclose(accuracy, accuracy_by_hand)
m = keras.metrics.BinaryAccuracy()
m.update_state([[1], [1], [0]], [[0.9], [0.5], [0.2]])  # (3)!
print("m.result():", round(float(m.result()), 4))
assert np.isclose(float(m.result()), 2 / 3)  # (4)!
# --8<-- [end:which_metric]

# --8<-- [start:classes]
wrong = np.argmax(p, axis=1)  # (1)!
print("argmax:", wrong[:10], "| np.unique:", np.unique(wrong))
classes = (p > 0.5).astype(int)  # (2)!
print("classes:", classes[:10, 0], "| classes.shape:", classes.shape)
labels = classes[:, 0]  # (3)!
print("labels.sum():", int(labels.sum()), "| len(labels):", len(labels))
print("(classes == y_val).shape:", (classes == y_val).shape, "| (labels == y_val).shape:", (labels == y_val).shape)
# --8<-- [end:classes]

# --8<-- [start:thresholds]
print("threshold  predicted.sum()  precision  recall")
for threshold in [0.1, 0.3, 0.5, 0.7, 0.9]:
    predicted = p[:, 0] > threshold
    true_pos = np.sum(predicted & (y_val == 1))  # (1)!
    precision = true_pos / predicted.sum()  # (2)!
    recall = true_pos / np.sum(y_val == 1)  # (3)!
    print(f"{threshold:9}  {predicted.sum():15}  {precision:9.3f}  {recall:6.3f}")
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
assert set(np.unique(wrong)) == {0}  # (1)!
recalls = [np.sum((p[:, 0] > t) & (y_val == 1)) / np.sum(y_val == 1) for t in np.linspace(0, 1, 101)]
assert all(a >= b for a, b in zip(recalls, recalls[1:]))  # (2)!
p_test = model.predict(x_test, verbose=0)[:, 0]
called = p_test > 0.3
by_hand = {
    "binary_accuracy": np.mean(called == y_test),
    "precision": np.sum(called & (y_test == 1)) / called.sum(),
    "recall": np.sum(called & (y_test == 1)) / np.sum(y_test == 1),
}
for name, value in by_hand.items():
    print(f"{name:15} evaluate: {result[name]:.4f} | by_hand: {value:.4f}")
    assert np.isclose(result[name], value)
# --8<-- [end:check_thresholds]

# --8<-- [start:logits]
m = keras.metrics.BinaryAccuracy()  # (1)!
logit = 0.3  # (2)!
print(f"sigmoid({logit}) = {1 / (1 + np.exp(-logit)):.3f}")
m.update_state([[1]], [[logit]])  # (3)!
print("BinaryAccuracy():", float(m.result()))  # (4)!
m0 = keras.metrics.BinaryAccuracy(threshold=0.0)  # (5)!
m0.update_state([[1]], [[logit]])
print("BinaryAccuracy(threshold=0.0):", float(m0.result()))
# --8<-- [end:logits]
