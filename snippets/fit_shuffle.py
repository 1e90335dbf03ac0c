"""What shuffle=True reorders, and when validation_split takes its rows."""

# --8<-- [start:order]
import keras
import numpy as np

keras.utils.set_random_seed(42)


class RecordIds(keras.layers.Layer):
    """Passes its input through and notes the row ids of every training batch."""

    def __init__(self):
        super().__init__()
        self.batches = []

    def call(self, inputs, training=False):
        if training:  # True in fit's training steps, False when validating
            self.batches.append(keras.ops.convert_to_numpy(inputs[:, 0]).astype(int).tolist())
        return inputs


def batches_seen(data, **fit_args):
    recorder = RecordIds()
    model = keras.Sequential([keras.Input(shape=(1,)), recorder, keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", run_eagerly=True)  # eager, so call() runs each step
    model.fit(data, epochs=3, verbose=0, **fit_args)
    return recorder.batches


ids = np.arange(10, dtype="float32").reshape(-1, 1)  # the only feature is the row id
targets = np.zeros(10)
for shuffle in (True, False):
    seen = batches_seen(ids, y=targets, batch_size=4, validation_split=0.2, shuffle=shuffle)
    print(f"shuffle={shuffle}:", *seen[0:2], "|", *seen[2:4], "|", *seen[4:6])
    rows = sorted(sum(seen[0:2], []))
    assert rows == list(range(8))  # rows 8 and 9 (validation_split) never reach training
    assert seen[0:2] == seen[2:4] == seen[4:6]  # with the seed fixed: the same order every epoch
    assert (seen[0:2] == [[0, 1, 2, 3], [4, 5, 6, 7]]) == (not shuffle)
# --8<-- [end:order]

# --8<-- [start:reshuffle]
import tensorflow as tf

dataset = tf.data.Dataset.from_tensor_slices((ids[:8], targets[:8])).shuffle(8).batch(4)
seen = batches_seen(dataset)  # the Dataset's own shuffle() reorders; fit's shuffle does not touch a tf.data.Dataset
print("tf.data shuffle():", *seen[0:2], "|", *seen[2:4], "|", *seen[4:6])
assert not seen[0:2] == seen[2:4] == seen[4:6]

tf.random.set_seed(None)  # drop the global seed that set_random_seed fixed
seen = batches_seen(ids, y=targets, batch_size=4, validation_split=0.2)
print("tf.random.set_seed(None): seen[0:2] == seen[2:4] == seen[4:6]:", seen[0:2] == seen[2:4] == seen[4:6])
assert not seen[0:2] == seen[2:4] == seen[4:6]
# --8<-- [end:reshuffle]
