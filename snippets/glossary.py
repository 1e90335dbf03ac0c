"""Checks behind a few glossary entries: weights and parameters, steps and updates, a full batch, the threshold and AUC, seeds, keras and tf.keras."""

# --8<-- [start:weights]
import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2), keras.layers.BatchNormalization()])
for weight in model.weights:
    print(weight.path, weight.shape, "| trainable:", weight.trainable)
print("model.count_params():", model.count_params())
# --8<-- [end:weights]

# --8<-- [start:step]

keras.utils.set_random_seed(0)
x = np.random.rand(32, 4).astype("float32")  # (1)!
y = np.random.rand(32, 1).astype("float32")


class CountSteps(keras.callbacks.Callback):  # (2)!
    def on_train_begin(self, logs=None):
        self.steps = 0

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1


def run(batch_size, accumulation=None):
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(gradient_accumulation_steps=accumulation), loss="mse")
    counter = CountSteps()
    model.fit(x, y, batch_size=batch_size, epochs=1, verbose=0, callbacks=[counter])
    return counter.steps, int(model.optimizer.iterations)


found = {}
for batch_size, accumulation in [(8, None), (8, 4), (100, None)]:
    found[batch_size, accumulation] = steps, updates = run(batch_size, accumulation)
    print(f"batch_size={batch_size}, gradient_accumulation_steps={accumulation} | "
          f"steps: {steps} | optimizer.iterations: {updates}")
assert found[8, None] == (4, 4)
assert found[8, 4] == (4, 1)  # (3)!
assert found[100, None] == (1, 1)  # (4)!
# --8<-- [end:step]

# --8<-- [start:threshold]
print("BinaryAccuracy().threshold:", keras.metrics.BinaryAccuracy().threshold)
rng = np.random.default_rng(0)
labels = rng.integers(0, 2, size=10_000)
random_auc = keras.metrics.AUC()
random_auc.update_state(labels, rng.random(10_000))  # (1)!
perfect_auc = keras.metrics.AUC()
perfect_auc.update_state(labels, labels)  # (2)!
print("AUC random:", round(float(random_auc.result()), 2), "| AUC perfect:", float(perfect_auc.result()))
# --8<-- [end:threshold]

# --8<-- [start:seed]
def first_weights(seed):
    keras.utils.set_random_seed(seed)
    layer = keras.layers.Dense(3)
    layer.build((None, 4))
    return layer.get_weights()[0]


same = np.array_equal(first_weights(42), first_weights(42))
different = not np.array_equal(first_weights(42), first_weights(7))
print("first_weights(42) == first_weights(42):", same)
print("first_weights(42) != first_weights(7):", different)
assert same and different
# --8<-- [end:seed]

# --8<-- [start:tf-keras]
import tensorflow as tf

print("keras", keras.__version__, "| tf.keras", tf.keras.__version__)
print("tf.keras.layers.Dense is keras.layers.Dense:", tf.keras.layers.Dense is keras.layers.Dense)
assert tf.keras.layers.Dense is keras.layers.Dense  # (1)!
# --8<-- [end:tf-keras]
