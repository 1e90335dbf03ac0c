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
before = [w.copy() for w in model.get_weights()]  # (1)!
layers_before, params_before = len(model.layers), model.count_params()

model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

after = model.get_weights()
same = all(np.array_equal(b, a) for b, a in zip(before, after))  # (2)!
print("weights unchanged:", same)
print("layers:", layers_before, "->", len(model.layers))
print("parameters:", params_before, "->", model.count_params())
print("set by compile:", type(model.optimizer).__name__, "|", model.loss)
# --8<-- [end:unchanged]

# --8<-- [start:string-or-object]
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print("string:", type(model.optimizer).__name__, f"{float(model.optimizer.learning_rate):g}")

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.0005),  # (1)!
    loss="sparse_categorical_crossentropy",
)
print("object:", type(model.optimizer).__name__, f"{float(model.optimizer.learning_rate):g}")

model.compile(loss="sparse_categorical_crossentropy")  # (2)!
print("no optimizer given:", type(model.optimizer).__name__)
# --8<-- [end:string-or-object]

# --8<-- [start:defaults]
for cls in (keras.optimizers.SGD, keras.optimizers.Adam, keras.optimizers.RMSprop):
    config = cls().get_config()  # (1)!
    extras = {k: config[k] for k in ("momentum", "beta_1", "beta_2", "rho") if k in config}  # (2)!
    print(f"{cls.__name__:8} learning_rate={config['learning_rate']:g}", extras)
# --8<-- [end:defaults]

# --8<-- [start:one-step]
# 10.0 is 100 times 0.1
gradient = keras.ops.convert_to_tensor([0.1, 10.0])  # (1)!
for cls in (keras.optimizers.SGD, keras.optimizers.Adam, keras.optimizers.RMSprop):
    weights = keras.Variable([1.0, 1.0])  # (2)!
    cls().apply_gradients([(gradient, weights)])  # (3)!
    moved = 1.0 - weights.numpy()
    print(f"{cls.__name__:8} moved each weight by", np.round(moved, 4))
# --8<-- [end:one-step]
