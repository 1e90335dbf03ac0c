# The two commands of the README, and a few helpers. Each target sets up what
# it needs; a second run reuses the virtual environments.
PYTHON ?= python3
DOCS_VENV := .venv-docs
VENV := .venv
PYTEST := $(VENV)/bin/pytest

.PHONY: serve test page translated outputs notebooks figures experiments build chromium clean portable matrix

serve: $(DOCS_VENV)/.installed  ## build and serve the site on http://127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/mkdocs serve

test: $(VENV)/.installed node_modules/.installed chromium  ## run the whole suite: every page, snippet, notebook, build, lint and browser check
	$(PYTEST) -n auto

page: $(VENV)/.installed  ## run one page in both languages: make page PAGE=workflow
	$(PYTEST) docs/ja/$(PAGE).md docs/en/$(PAGE).md

# Two cheap stand-ins for another contributor's machine (../shared/FIELD-NOTES.md):
# oneDNN off changes TensorFlow's CPU kernels, one thread changes the summation
# order. The page kernels inherit these variables.
portable: $(VENV)/.installed  ## the page tests as on two other machines: oneDNN off, then one thread
	TF_ENABLE_ONEDNN_OPTS=0 $(PYTEST) docs -n auto -q -p no:cacheprovider
	OMP_NUM_THREADS=1 TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 $(PYTEST) docs -n auto -q -p no:cacheprovider

matrix: $(VENV)/.installed  ## the page tests against the oldest supported, a mid and the newest Keras 3 (reports/matrix.md)
	$(VENV)/bin/python -m tools.matrix

translated: $(DOCS_VENV)/.installed  ## record that both languages of a page say the same: make translated PAGE=fit
	$(DOCS_VENV)/bin/python -m tools.translations record $(PAGE)

outputs: $(VENV)/.installed  ## rewrite snippets/outputs/ and the figures from real runs of the pages, then the notebooks
	$(PYTEST) docs -n auto --update-outputs -q
	$(MAKE) notebooks

notebooks: $(VENV)/.installed  ## make docs/<lang>/notebooks/<page>.ipynb from every page (no run: the page tests run them)
	$(VENV)/bin/python -m docrun notebooks

figures: $(VENV)/.installed  ## redraw every figure, both languages: the snippets/*figure*.py runs and the experiments' saved results
	cd docs/assets/figures && for script in ../../../snippets/*figure*.py; do \
	  TF_CPP_MIN_LOG_LEVEL=2 ../../../$(VENV)/bin/python $$script || exit 1; done
	$(VENV)/bin/python experiments/batch_size_sweep.py --draw

experiments: $(VENV)/.installed  ## measure time per epoch vs batch size on this machine (about a minute) and redraw its figures
	TF_CPP_MIN_LOG_LEVEL=2 $(VENV)/bin/python experiments/batch_size_sweep.py

build: $(DOCS_VENV)/.installed  ## build the static site into site/
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/mkdocs build --strict

$(DOCS_VENV)/.installed: requirements-docs.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/pip install -q --disable-pip-version-check -r requirements-docs.txt
	touch $@

$(VENV)/.installed: requirements.txt requirements-docs.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

# The prose linters (textlint, markdownlint) are Node tools pinned in package-lock.json.
# Without npm the prose tests are skipped with a reason, except under CI, where they fail.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "note: npm not found; the prose lint tests will be skipped"; fi

# The browser tests drive Debian's Chromium (never a downloaded browser build).
# Installed here when missing and we can (root with apt-get); otherwise the
# browser tests are skipped with a reason, except under CI, where they fail.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium not found and cannot be installed here; browser tests will be skipped"; fi; }

clean:
	rm -rf site $(VENV) $(DOCS_VENV) .pytest_cache node_modules reports .matrix
