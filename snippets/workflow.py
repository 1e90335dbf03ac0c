"""The whole Keras training workflow: data, model, compile, fit, evaluate, predict."""

# --8<-- [start:data]
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)  # same initial weights and shuffling on every run

digits = load_digits()  # 1,797 handwritten digits of 8x8 pixels, shipped with scikit-learn
x = digits.data.astype("float32") / 16.0  # 64 pixel values per image, scaled to 0..1
y = digits.target  # integer labels 0..9

# Hold out 20% as a test set that training never sees.
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0)
print("train:", x_train.shape, y_train.shape)
print("test: ", x_test.shape, y_test.shape)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
print("parameters:", model.count_params())
# --8<-- [end:model]

# --8<-- [start:compile]
model.compile(
    optimizer="adam",  # (1)!
    loss="sparse_categorical_crossentropy",  # (2)!
    metrics=["accuracy"],  # (3)!
)
print(type(model.optimizer).__name__, f"{float(model.optimizer.learning_rate):g}")
# --8<-- [end:compile]

# --8<-- [start:fit]
# Stop if val_loss has not improved for 3 epochs, and keep the best epoch's weights.
early_stop = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=3, restore_best_weights=True
)
history = model.fit(
    x_train,
    y_train,
    epochs=10,
    batch_size=32,
    validation_split=0.2,
    callbacks=[early_stop],
    verbose=2,  # one line per epoch
)
print(sorted(history.history))
print("stopped early:", early_stop.stopped_epoch > 0)
# --8<-- [end:fit]

# --8<-- [start:steps]
import math

n_fit = math.floor(len(x_train) * (1 - 0.2))  # rows validation_split=0.2 leaves for training
steps = math.ceil(n_fit / 32)  # batches per epoch; the last one may be smaller
print("training rows:", n_fit, "| validation rows:", len(x_train) - n_fit)
print("steps per epoch:", steps, "| rows in the last batch:", n_fit - (steps - 1) * 32)
# --8<-- [end:steps]

# --8<-- [start:curves]
import matplotlib.pyplot as plt

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
for key in ["loss", "val_loss"]:
    left.plot(range(1, len(history.history[key]) + 1), history.history[key], label=key)
for key in ["accuracy", "val_accuracy"]:
    right.plot(range(1, len(history.history[key]) + 1), history.history[key], label=key)
for ax in (left, right):
    ax.set_xlabel("epoch")
    ax.legend()
plt.show()
# --8<-- [end:curves]

# --8<-- [start:evaluate]
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"test loss:     {test_loss:.4f}")
print(f"test accuracy: {test_accuracy:.4f}")
# --8<-- [end:evaluate]

# --8<-- [start:predict]
probabilities = model.predict(x_test[:5], verbose=0)
print(probabilities.shape)
print(probabilities[0].round(3))
print("predicted:", probabilities.argmax(axis=1))
print("true:     ", y_test[:5])
# --8<-- [end:predict]
