"""The output comparison survives what differs between machines, and still bites."""

from docrun.compare import normalize, outputs_match

POSIX = "Epoch 1/2\n 1/36 ━━━━━━━━━━━━━━━━━━━━ 3s 90ms/step - loss: 2.31\r36/36 ━━━━━━━━━━━━━━━━━━━━ 1s 40ms/step - loss: 1.52\n"
REDIRECTED = ("Epoch 1/2\n 1/36 ━━━━━━━━━━━━━━━━━━━━ 3s 90ms/step - loss: 2.31\n"
              "18/36 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - loss: 1.90\n36/36 ━━━━━━━━━━━━━━━━━━━━ 1s 5ms/step - loss: 1.52\n")
NOTEBOOK = "Epoch 1/2\n\x1b[1m 1/36\x1b[0m ━━━━ 3s 90ms/step - loss: 2.31\b\b\b\b\r\x1b[1m36/36\x1b[0m ━━━━━━━━━━━━━━━━━━━━ 1s 4ms/step - loss: 1.52\n"


def test_progress_bar_renderings_are_equal():
    """POSIX terminal (one rewritten line), Windows or redirected output (a line per update), notebook (ANSI, \\b)."""
    assert normalize(POSIX) == normalize(REDIRECTED) == normalize(NOTEBOOK)
    assert outputs_match(POSIX, REDIRECTED)


def test_tolerance_and_exactness():
    assert outputs_match("loss: 0.2963 - 36/36", "loss: 0.2991 - 36/36")  # float noise of another CPU
    assert not outputs_match("loss: 0.2963", "loss: 0.3963")  # a real change
    assert not outputs_match("36 steps", "37 steps")  # integers are exact
    assert not outputs_match("val_loss", "val_acc")
    assert outputs_match("36/36 - 3s - 72ms/step", "36/36 - 1s - 9ms/step")  # timings ignored
