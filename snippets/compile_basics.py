"""What compile sets and what it leaves alone; optimizers given as strings or objects."""

# --8<-- [start:unchanged]
import keras
import numpy as np

keras.utils.set_random_seed(42)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
print("count_params:", model.count_params())

model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

print("count_params:", model.count_params())
print("optimizer:", model.optimizer.name, "| loss:", model.loss)  # (1)!
# --8<-- [end:unchanged]

# --8<-- [start:unchanged-check]
before = [w.copy() for w in model.get_weights()]
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
same = all(np.array_equal(b, a) for b, a in zip(before, model.get_weights()))
print("array_equal:", same)
assert same
# --8<-- [end:unchanged-check]

# --8<-- [start:string-or-object]
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print('"adam"                     ->', type(model.optimizer).__name__, model.optimizer.learning_rate.numpy())  # (3)!

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.0005),  # (1)!
    loss="sparse_categorical_crossentropy",
)
print("Adam(learning_rate=0.0005) ->", type(model.optimizer).__name__, model.optimizer.learning_rate.numpy())

model.compile(loss="sparse_categorical_crossentropy")  # (2)!
print("compile(loss=...)          ->", type(model.optimizer).__name__, model.optimizer.learning_rate.numpy())
# --8<-- [end:string-or-object]

# --8<-- [start:defaults]
sgd = keras.optimizers.SGD()  # (1)!
adam = keras.optimizers.Adam()
rmsprop = keras.optimizers.RMSprop()
print("SGD:     learning_rate", sgd.learning_rate.numpy(), "| momentum", sgd.momentum)  # (2)!
print("Adam:    learning_rate", adam.learning_rate.numpy(), "| beta_1", adam.beta_1, "| beta_2", adam.beta_2)
print("RMSprop: learning_rate", rmsprop.learning_rate.numpy(), "| rho", rmsprop.rho)
# --8<-- [end:defaults]

# --8<-- [start:one-step]
# 10.0 == 100 * 0.1
gradient = keras.ops.convert_to_tensor([0.1, 10.0])  # (1)!
for cls in (keras.optimizers.SGD, keras.optimizers.Adam, keras.optimizers.RMSprop):
    weights = keras.Variable([1.0, 1.0])  # (2)!
    cls().apply_gradients([(gradient, weights)])  # (3)!
    moved = 1.0 - weights.numpy()
    print(f"{cls.__name__:8}", np.round(moved, 4))
# --8<-- [end:one-step]
