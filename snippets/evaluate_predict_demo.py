"""evaluate and predict: what they return, and how they differ."""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)

digits = load_digits()
x = digits.data.astype("float32") / 16  # (1)!
y = digits.target
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0)  # (2)!

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # (3)!
history = model.fit(x_train, y_train, epochs=10, batch_size=32, verbose=0)
print("train:", x_train.shape, "| test:", x_test.shape)
# --8<-- [end:data]

# --8<-- [start:scalar]
result = model.evaluate(x_test, y_test, verbose=0)
print(type(result).__name__, result)
# --8<-- [end:scalar]

# --8<-- [start:list]
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
result = model.evaluate(x_test, y_test, verbose=0)
print(type(result).__name__, result)
# --8<-- [end:list]

# --8<-- [start:dict]
result = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
print(type(result).__name__, result)
# --8<-- [end:dict]

# --8<-- [start:recompile]
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # (1)!
print(model.evaluate(x_test, y_test, verbose=0))
# --8<-- [end:recompile]

# --8<-- [start:no_training]
before = [w.copy() for w in model.get_weights()]
model.evaluate(x_test, y_test, verbose=0)
after = model.get_weights()
print("len(before):", len(before))
print("array_equal:", all(np.array_equal(b, a) for b, a in zip(before, after)))
# --8<-- [end:no_training]

# --8<-- [start:steps]
print("len(x_test):", len(x_test))
model.evaluate(x_test, y_test, verbose=2)  # (1)!
loss, accuracy = model.evaluate(x_test, y_test, batch_size=100, verbose=2)  # (2)!
# --8<-- [end:steps]

# --8<-- [start:which_data]
train_loss, train_accuracy = model.evaluate(x_train, y_train, verbose=0)
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"fit, history.history['loss'][-1]: loss {history.history['loss'][-1]:.4f}")
print(f"evaluate(x_train, y_train):       loss {train_loss:.4f}  accuracy {train_accuracy:.4f}")
print(f"evaluate(x_test, y_test):         loss {test_loss:.4f}  accuracy {test_accuracy:.4f}")
# --8<-- [end:which_data]

# --8<-- [start:predict]
probabilities = model.predict(x_test, verbose=2)  # (1)!
print(type(probabilities).__name__, probabilities.shape)
print(probabilities[0].round(3))
row_sums = np.sum(probabilities, axis=1)
print(f"row_sums.min(): {row_sums.min():.6f} | row_sums.max(): {row_sums.max():.6f}")
# --8<-- [end:predict]

# --8<-- [start:labels]
labels = np.argmax(probabilities, axis=1)  # (1)!
print("predicted:", labels[:10])
print("true:     ", y_test[:10])
accuracy_by_hand = np.mean(labels == y_test)  # (2)!
loss_by_hand = -np.mean(np.log(probabilities[np.arange(len(y_test)), y_test]))  # (3)!
print(f"accuracy_by_hand: {accuracy_by_hand:.4f} | test_accuracy: {test_accuracy:.4f}")
print(f"loss_by_hand:     {loss_by_hand:.4f} | test_loss:     {test_loss:.4f}")
# --8<-- [end:labels]

# --8<-- [start:call]
few = x_test[:3]
from_predict = model.predict(few, verbose=0)
from_call = model(few)  # (1)!
print(type(from_predict).__name__, "|", type(from_call).__name__)
print("np.allclose:", np.allclose(from_predict, keras.ops.convert_to_numpy(from_call)))  # (2)!
# --8<-- [end:call]

# --8<-- [start:call-check]
layered = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
layered.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
layered.fit(x_train, y_train, epochs=1, verbose=0)
plain = keras.ops.convert_to_numpy(layered(few))
inference = keras.ops.convert_to_numpy(layered(few, training=False))
training = keras.ops.convert_to_numpy(layered(few, training=True))
from_predict = layered.predict(few, verbose=0)
same_as_inference = np.array_equal(plain, inference)
same_as_predict = np.allclose(plain, from_predict, atol=1e-3)
same_as_training = np.allclose(plain, training, atol=1e-3)
print("model(x) == model(x, training=False):", same_as_inference)
print("model(x) == predict(x):              ", same_as_predict)
print("model(x) == model(x, training=True): ", same_as_training)
assert same_as_inference and same_as_predict and not same_as_training
# --8<-- [end:call-check]
