"""The whole Keras training workflow: data, model, compile, fit, evaluate, predict."""

# --8<-- [start:data]
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)  # (1)!

digits = load_digits()  # (2)!
print("len(digits.data):", len(digits.data), "| min:", int(digits.data.min()), "| max:", int(digits.data.max()))
x = digits.data.astype("float32") / 16.0  # (3)!
y = digits.target  # (4)!

x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0)  # (5)!
print("train:", x_train.shape, y_train.shape)
print("test: ", x_test.shape, y_test.shape)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),  # (1)!
        keras.layers.Dense(64, activation="relu"),  # (2)!
        keras.layers.Dense(10, activation="softmax"),  # (3)!
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
print(model.optimizer.name, model.optimizer.learning_rate.numpy())  # (4)!
# --8<-- [end:compile]

# --8<-- [start:fit]
history = model.fit(
    x_train,
    y_train,
    epochs=10,  # (1)!
    batch_size=32,  # (2)!
    validation_split=0.2,  # (3)!
    verbose=2,  # (4)!
)
print(sorted(history.history))  # (5)!
# --8<-- [end:fit]

# --8<-- [start:steps]
import math

n_fit = math.floor(len(x_train) * (1 - 0.2))  # (1)!
steps = math.ceil(n_fit / 32)  # (2)!
print("n_fit:", n_fit, "| len(x_train) - n_fit:", len(x_train) - n_fit)
print("steps:", steps, "| n_fit - (steps - 1) * 32:", n_fit - (steps - 1) * 32)
print("history.params:", history.params)  # (3)!
# --8<-- [end:steps]

# --8<-- [start:curves]
import matplotlib.pyplot as plt

epochs = range(1, len(history.history["loss"]) + 1)  # (1)!
plt.plot(epochs, history.history["loss"], label="loss")
plt.plot(epochs, history.history["val_loss"], label="val_loss")
plt.xlabel("epoch")
plt.ylabel("loss")
plt.legend()
plt.show()  # (2)!
# --8<-- [end:curves]

# --8<-- [start:evaluate]
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)  # (1)!
print(f"test_loss:     {test_loss:.4f}")
print(f"test_accuracy: {test_accuracy:.4f}")
# --8<-- [end:evaluate]

# --8<-- [start:predict]
probabilities = model.predict(x_test[:5], verbose=0)  # (1)!
print(probabilities.shape)
print(probabilities[0].round(3))
print("predicted:", probabilities.argmax(axis=1))  # (2)!
print("true:     ", y_test[:5])
# --8<-- [end:predict]
