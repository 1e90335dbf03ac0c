"""The steps calculator on the epochs/steps page agrees with Keras and handles bad input.

The grid test loads the page in Chromium, calls the page's own computeSteps()
and compares every figure with what a real `fit` does: weight updates from
optimizer.iterations, validation batches counted by a callback, batch sizes
recorded by a pass-through layer.
"""

import math

import numpy as np
import pytest

pytestmark = pytest.mark.browser

# (samples, batch size, validation_split, drop the last partial batch)
GRID = [
    (10_000, 32, 0.0, False),
    (10_000, 100, 0.0, False),
    (1_000, 64, 0.0, False),
    (1_000, 64, 0.0, True),
    (10_000, 32, 0.2, False),
    (1_437, 32, 0.2, False),  # the workflow page: 1,149 + 288
    (1_797, 32, 0.1, False),
    (100, 128, 0.0, False),  # batch larger than the data: one partial batch
    (7, 3, 0.3, False),
    (7, 3, 0.3, True),
    (50, 7, 0.33, False),
    (200, 1, 0.0, False),
]


def keras_counts(samples, batch_size, split, drop):
    """Run fit for one epoch and count what happened."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(0)
    val_batches = []

    class Record(keras.layers.Layer):
        """Counts the training rows and keeps the last batch's size, inside the
        compiled train step (no run_eagerly: eager steps made this test slow)."""

        def build(self, shape):
            self.rows = self.add_weight(shape=(), initializer="zeros", dtype="int32", trainable=False)
            self.last = self.add_weight(shape=(), initializer="zeros", dtype="int32", trainable=False)

        def call(self, x, training=None):
            if training:
                n = keras.ops.shape(x)[0]
                self.rows.assign(self.rows + n)
                self.last.assign(n)
            return x

    class CountValidation(keras.callbacks.Callback):
        def on_test_batch_end(self, batch, logs=None):
            val_batches.append(batch)

    x = np.zeros((samples, 2), "float32")
    y = np.zeros((samples, 1), "float32")
    record = Record()
    model = keras.Sequential([keras.Input((2,)), record, keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    if drop:
        split_at = math.floor(samples * (1 - split)) if split else samples
        train = tf.data.Dataset.from_tensor_slices((x[:split_at], y[:split_at])).batch(batch_size, drop_remainder=True)
        val = tf.data.Dataset.from_tensor_slices((x[split_at:], y[split_at:])).batch(batch_size) if split else None
        model.fit(train, validation_data=val, epochs=1, verbose=0, shuffle=False, callbacks=[CountValidation()])
    else:
        model.fit(x, y, batch_size=batch_size, validation_split=split, epochs=1, verbose=0,
                  shuffle=False, callbacks=[CountValidation()])
    return {
        "rowsTrainedOn": int(record.rows.numpy()),
        "stepsPerEpoch": int(model.optimizer.iterations.numpy()),
        "lastBatch": int(record.last.numpy()),
        "valSteps": len(val_batches),
    }


@pytest.fixture(scope="module")
def calculator(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "/en/epochs-steps/")
    page.wait_for_function("window.stepsCalculator !== undefined")
    yield lambda *args: page.evaluate("args => window.stepsCalculator.computeSteps(...args)", list(args))
    page.close()


@pytest.mark.parametrize("samples, batch_size, split, drop", GRID)
def test_calculator_agrees_with_keras(calculator, samples, batch_size, split, drop):
    shown = calculator(samples, batch_size, 3, split, drop)
    ran = keras_counts(samples, batch_size, split, drop)
    for key in ["stepsPerEpoch", "lastBatch", "valSteps"]:
        assert shown[key] == ran[key], f"{key}: calculator {shown[key]}, Keras {ran[key]}"
    kept = shown["trainSamples"] if not drop else shown["stepsPerEpoch"] * batch_size
    assert kept == ran["rowsTrainedOn"]
    assert shown["valSamples"] == samples - shown["trainSamples"]
    assert shown["totalSteps"] == str(3 * ran["stepsPerEpoch"])


def test_too_few_samples_is_an_error_in_keras_too(calculator):
    import keras

    assert calculator(1, 32, 1, 0.5, False) == {"error": "errTooFew"}
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="not sufficient to split"):
        model.fit(np.zeros((1, 2)), np.zeros((1, 1)), validation_split=0.5, verbose=0)


# What a reader types, and a piece of the message they must see (ja, en).
BAD_INPUTS = [
    ("samples", "", "値を入力してください", "Enter a value"),
    ("samples", "0", "1 以上", "1 or more"),
    ("batch", "-32", "1 以上", "1 or more"),
    ("batch", "12.5", "整数", "whole number"),
    ("epochs", "ten", "整数", "whole number"),
    ("samples", "123456789012345678901234", "大きすぎます", "Too large"),
    ("split", "1", "0 以上 1 未満", "up to, but not including, 1"),
    ("split", "1.5", "0 以上 1 未満", "up to, but not including, 1"),
    ("split", "-0.2", "0 以上 1 未満", "up to, but not including, 1"),
]


def results(page):
    return {
        row.get_attribute("data-key"): row.locator("dd").inner_text()
        for row in page.locator(".sc-row").all()
    }


@pytest.mark.parametrize("lang, path", [("ja", "/epochs-steps/"), ("en", "/en/epochs-steps/")])
def test_typical_input(page, site_url, lang, path):
    page.goto(site_url + path)
    form = page.locator(".steps-calculator")
    form.get_by_label("validation_split").fill("0.2")
    shown = results(page)
    # 10,000 samples, batch 32, 10 epochs, validation_split 0.2 (the form's defaults)
    assert shown == {"trainSamples": "8,000", "valSamples": "2,000", "stepsPerEpoch": "250",
                     "lastBatch": "32", "totalSteps": "2,500", "valSteps": "63"}
    form.locator("input[name=batch]").fill("64")
    assert results(page)["stepsPerEpoch"] == "125"
    form.locator("input[name=drop]").check()
    form.locator("input[name=batch]").fill("300")
    shown = results(page)
    assert shown["stepsPerEpoch"] == "26" and shown["lastBatch"] == "300"
    status = page.locator(".sc-results")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("lang, path", [("ja", "/epochs-steps/"), ("en", "/en/epochs-steps/")])
def test_bad_input_gets_a_message(page, site_url, lang, path):
    page.goto(site_url + path)
    for field, typed, ja, en in BAD_INPUTS:
        box = page.locator(f".steps-calculator input[name={field}]")
        good = box.input_value()
        box.fill(typed)
        assert box.get_attribute("aria-invalid") == "true", (field, typed)
        error_id = box.get_attribute("aria-describedby")
        assert (ja if lang == "ja" else en) in page.locator(f"#{error_id}").inner_text(), (field, typed)
        assert results(page) == {}, f"results shown while {field}={typed!r} is invalid"
        box.fill(good)
        assert box.get_attribute("aria-invalid") == "false" and results(page) != {}


@pytest.mark.parametrize("lang, path", [("ja", "/epochs-steps/"), ("en", "/en/epochs-steps/")])
def test_edge_messages(page, site_url, lang, path):
    page.goto(site_url + path)
    form = page.locator(".steps-calculator")
    form.locator("input[name=samples]").fill("1")
    form.locator("input[name=split]").fill("0.5")
    assert page.locator(".sc-results .sc-bad").count() == 1  # Keras would refuse this split
    form.locator("input[name=split]").fill("0")
    form.locator("input[name=batch]").fill("64")
    form.locator("input[name=drop]").check()
    assert results(page)["stepsPerEpoch"] == "0"
    assert page.locator(".sc-results .sc-bad").count() == 1  # no complete batch


def test_keyboard_only(page, site_url):
    page.goto(site_url + "/en/epochs-steps/")
    page.locator(".steps-calculator input[name=samples]").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("500")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("100")
    assert results(page)["stepsPerEpoch"] == "4"  # 400 training samples with the default split 0.2
