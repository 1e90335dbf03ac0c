"""Each page says which TensorFlow and Keras produced its outputs, and that is still true.

snippets/outputs/provenance.json is written by the run that regenerates the
outputs (`make outputs`), never by hand; the site prints it under each page
(hooks/pages.py). After a version bump this fails until the outputs are
regenerated with the new versions, so no page claims a version it was not run with.
"""

import json
from importlib.metadata import version

from docrun import OUTPUTS, pages
from docrun.notebook import has_code


def test_every_page_with_code_records_the_installed_versions():
    recorded = json.loads((OUTPUTS / "provenance.json").read_text())
    installed = {"tensorflow": version("tensorflow"), "keras": version("keras")}
    stems = sorted({p.stem for p in pages() if has_code(p)})
    missing = [s for s in stems if s not in recorded]
    assert not missing, f"no provenance for {missing}: make outputs"
    stale = {s: recorded[s] for s in stems if {k: recorded[s][k] for k in installed} != installed}
    assert not stale, f"outputs made with other versions than the installed {installed}: {stale}; make outputs"
    assert set(recorded) <= set(stems), f"provenance for pages without code: {set(recorded) - set(stems)}"
