"""A binary classifier with one sigmoid unit: probabilities, the 0.5 threshold, and other thresholds."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)

data = load_breast_cancer()  # 569 tumours, 30 measurements each
x = data.data.astype("float32")
y = (data.target == 0).astype("float32")  # 1 = malignant, 0 = benign

# 60% training, 20% validation, 20% test
x_rest, x_test, y_rest, y_test = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)
x_train, x_val, y_train, y_val = train_test_split(x_rest, y_rest, test_size=0.25, random_state=0, stratify=y_rest)

scaler = StandardScaler().fit(x_train)  # scale with the training data's mean and spread
x_train, x_val, x_test = (scaler.transform(a).astype("float32") for a in (x_train, x_val, x_test))
print("train:", x_train.shape, "| validation:", x_val.shape, "| test:", x_test.shape)
print("share of label 1 (malignant):", round(float(y.mean()), 3))
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # one unit: a number between 0 and 1
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=20, verbose=0)
print({name: round(values[-1], 4) for name, values in history.history.items()})
# --8<-- [end:model]

# --8<-- [start:predict]
p = model.predict(x_val, verbose=0)
print(type(p).__name__, p.shape)
print(p[:5].round(3))
assert p.shape == (len(x_val), 1)  # one column: one number per row
assert p.min() > 0 and p.max() < 1  # probabilities, not 0/1 classes
# --8<-- [end:predict]

# --8<-- [start:by_hand]
kernel, bias = model.layers[-1].get_weights()  # the last Dense layer
hidden = keras.Sequential(model.layers[:-1])(x_val, training=False)  # what the last layer receives
z = keras.ops.convert_to_numpy(hidden) @ kernel + bias  # a real number per row (a logit)
by_hand = 1 / (1 + np.exp(-z))  # the sigmoid function
print("smallest and largest z:", round(float(z.min()), 2), round(float(z.max()), 2))
print("predict equals sigmoid(z):", np.allclose(by_hand, p, atol=1e-6))
assert np.allclose(by_hand, p, atol=1e-6)
# --8<-- [end:by_hand]

# --8<-- [start:accuracy]
loss, accuracy = model.evaluate(x_val, y_val, verbose=0)
accuracy_by_hand = np.mean((p[:, 0] > 0.5) == y_val)  # threshold 0.5, then compare with the labels
print(f"evaluate: {accuracy:.4f} | by hand with 0.5: {accuracy_by_hand:.4f}")
assert np.isclose(accuracy, accuracy_by_hand)
# --8<-- [end:accuracy]

# --8<-- [start:which_metric]
compiled = model.metrics[1]  # model.metrics is [loss tracker, the metrics given to compile]
chosen = compiled.metrics[0]  # what the string "accuracy" became
print(type(chosen).__name__, "| name:", chosen.name, "| threshold:", chosen.threshold)
assert isinstance(chosen, keras.metrics.BinaryAccuracy) and chosen.threshold == 0.5
# BinaryAccuracy counts an output as 1 only when it is strictly greater than the threshold
m = keras.metrics.BinaryAccuracy()
m.update_state([[1], [1], [0]], [[0.9], [0.5], [0.2]])
print("labels 1, 1, 0 with outputs 0.9, 0.5, 0.2:", round(float(m.result()), 4))
assert np.isclose(float(m.result()), 2 / 3)  # 0.5 is not above 0.5, so it counts as 0
# --8<-- [end:which_metric]

# --8<-- [start:classes]
wrong = np.argmax(p, axis=1)  # the multi-class recipe: with one column it is always 0
print("argmax:", wrong[:10], "| different values:", np.unique(wrong))
classes = (p > 0.5).astype(int)  # 1 where the probability is above 0.5
print("classes:", classes[:10, 0], "| shape:", classes.shape)
labels = classes[:, 0]  # or classes.ravel(): a flat array, like y_val
print("predicted 1:", int(labels.sum()), "of", len(labels))
print("shape of classes == y_val:", (classes == y_val).shape, "| of labels == y_val:", (labels == y_val).shape)
assert set(np.unique(wrong)) == {0}
# --8<-- [end:classes]

# --8<-- [start:thresholds]
print("threshold  predicted 1  precision  recall")
recalls = []
for threshold in [0.1, 0.3, 0.5, 0.7, 0.9]:
    predicted = p[:, 0] > threshold
    true_pos = np.sum(predicted & (y_val == 1))  # malignant, and called malignant
    precision = true_pos / predicted.sum()  # of those called malignant, how many are
    recall = true_pos / np.sum(y_val == 1)  # of the malignant ones, how many were found
    recalls.append(recall)
    print(f"{threshold:9}  {predicted.sum():11}  {precision:9.3f}  {recall:6.3f}")
assert all(a >= b for a, b in zip(recalls, recalls[1:]))  # a higher threshold never finds more
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

p_test = model.predict(x_test, verbose=0)[:, 0]
called = p_test > 0.3
assert np.isclose(result["binary_accuracy"], np.mean(called == y_test))
assert np.isclose(result["precision"], np.sum(called & (y_test == 1)) / called.sum())
assert np.isclose(result["recall"], np.sum(called & (y_test == 1)) / np.sum(y_test == 1))
# --8<-- [end:threshold_metrics]

# --8<-- [start:logits]
m = keras.metrics.BinaryAccuracy()  # threshold 0.5
logit = 0.3  # sigmoid(0.3) = 0.574: the model says "more likely 1"
print(f"sigmoid({logit}) = {1 / (1 + np.exp(-logit)):.3f}")
m.update_state([[1]], [[logit]])
print("BinaryAccuracy() on the logit:", float(m.result()))  # 0.3 is not above 0.5: counted as 0
m0 = keras.metrics.BinaryAccuracy(threshold=0.0)  # the right threshold for logits
m0.update_state([[1]], [[logit]])
print("BinaryAccuracy(threshold=0.0):", float(m0.result()))
assert float(m.result()) == 0.0 and float(m0.result()) == 1.0
# --8<-- [end:logits]
