# The two commands of the README, and a few helpers. Each target sets up what
# it needs; a second run reuses the virtual environments.
PYTHON ?= python3
DOCS_VENV := .venv-docs
VENV := .venv
PYTEST := $(VENV)/bin/pytest

.PHONY: serve test page translated outputs notebooks figures experiments build chromium clean portable matrix

serve: $(DOCS_VENV)/.installed  ## build and serve the site on http://127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/mkdocs serve

test: $(VENV)/.installed node_modules/.installed node-check chromium  ## run the whole suite: every page, snippet, notebook, build, lint and browser check
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
	rm -rf site $(VENV) $(DOCS_VENV) .venv-drift .pytest_cache node_modules reports .matrix

# ---------------------------------------------------------------------------
# Scheduled checks and the Node check (deploy pipeline, issue 16).
# .github/workflows/weekly.yml runs links-online, drift and lighthouse, each
# of which writes its report under reports/; they work the same on a laptop.
# ---------------------------------------------------------------------------
.PHONY: links-online drift drift-plan drift-requirements node-check

links-online: $(DOCS_VENV)/.installed  ## fetch every external link (needs a network): fails on 404/410 and on a link that does not answer; report in reports/external-links.md
	$(DOCS_VENV)/bin/python -m tools.links --check
	@if grep -q '| unreachable' reports/external-links.md; then \
	  echo "error: $$(grep -c '| unreachable' reports/external-links.md) external links did not answer at all (reports/external-links.md)." >&2; \
	  echo "       Without a network none does. On CI, run it again before editing a page: a host may be down for a while." >&2; \
	  exit 1; fi

# The suite against the newest TensorFlow and Keras on the package index, in a
# scratch venv: requirements.txt with those two pins lifted and the newest
# releases asked for by name, so that another pin cannot hold them back
# silently (pip then stops and names the conflict). Prose, links, browser and
# workflow checks do not depend on these versions and are left out.
DRIFT_VENV ?= .venv-drift
DRIFT_REPORT := reports/drift
DRIFT_TESTS ?=
DRIFT_PYTEST_ARGS ?= -n auto

drift-requirements:
	@rm -rf $(DRIFT_REPORT) && mkdir -p $(DRIFT_REPORT)
	@test -x $(DRIFT_VENV)/bin/python || $(PYTHON) -m venv $(DRIFT_VENV)
	@set -e; for p in tensorflow keras; do \
	  newest=$$($(DRIFT_VENV)/bin/python -m pip index versions $$p 2>/dev/null | sed -n "s/^$$p (\(.*\))$$/\1/p"); \
	  test -n "$$newest" || { echo "error: the package index did not say which $$p is the newest" >&2; exit 1; }; \
	  echo "$$p: pinned $$(sed -n "s/^$$p==\([^ ]*\).*/\1/p" requirements.txt), newest $$newest"; \
	  echo "$$p==$$newest" >> $(DRIFT_REPORT)/newest.txt; done; \
	sed -E -e 's|^-r +|-r $(CURDIR)/|' -e '/^(tensorflow|keras)==/d' requirements.txt > $(DRIFT_REPORT)/requirements.txt; \
	cat $(DRIFT_REPORT)/newest.txt >> $(DRIFT_REPORT)/requirements.txt

drift-plan: drift-requirements  ## which TensorFlow and Keras `make drift` would test, and what pip would install for them (a dry run)
	@out=$$($(DRIFT_VENV)/bin/python -m pip install --dry-run -r $(DRIFT_REPORT)/requirements.txt 2>&1) || { echo "$$out" >&2; exit 1; }; \
	echo "$$out" | grep '^Would install' || echo "Would install nothing: $(DRIFT_VENV) already has these versions."

drift: drift-requirements chromium  ## the suite on the newest TensorFlow and Keras, pins lifted, in a scratch venv (.venv-drift); report in reports/drift/
	$(DRIFT_VENV)/bin/python -m pip install -q --disable-pip-version-check -r $(DRIFT_REPORT)/requirements.txt
	@$(DRIFT_VENV)/bin/python -m pip freeze --disable-pip-version-check > $(DRIFT_REPORT)/pip-freeze.txt
	@status=0; TF_CPP_MIN_LOG_LEVEL=2 $(DRIFT_VENV)/bin/python -m pytest $(DRIFT_TESTS) $(DRIFT_PYTEST_ARGS) -p no:cacheprovider \
	  --ignore=tests/test_prose.py --ignore=tests/test_links.py --ignore=tests/test_browser.py --ignore=tests/test_workflows.py \
	  --junitxml=$(DRIFT_REPORT)/junit.xml > $(DRIFT_REPORT)/pytest.txt 2>&1 || status=$$?; \
	tail -n 30 $(DRIFT_REPORT)/pytest.txt; \
	{ echo "# Drift run: the suite on the newest TensorFlow and Keras"; echo; \
	  echo "| package | pinned in requirements.txt | tested here |"; echo "| --- | --- | --- |"; \
	  for p in tensorflow keras; do \
	    echo "| $$p | $$(sed -n "s/^$$p==\([^ ]*\).*/\1/p" requirements.txt) | $$(sed -n "s/^$$p==\(.*\)/\1/p" $(DRIFT_REPORT)/pip-freeze.txt) |"; done; \
	  echo; echo "pytest $(DRIFT_TESTS): $$(tail -n 1 $(DRIFT_REPORT)/pytest.txt | tr -d '=')"; echo; \
	  if [ $$status = 0 ]; then echo "Every test passed on these versions."; \
	  else echo "**Failed** (pytest exit status $$status): pytest.txt lists the failures. README: Reviewing a dependency update."; fi; \
	} > $(DRIFT_REPORT)/summary.md; \
	echo; cat $(DRIFT_REPORT)/summary.md; exit $$status

# `make test` runs the prose linters (markdownlint-cli2 0.24 needs Node 22 or
# newer). npm ci installs a Node 24 LTS binary into node_modules/.bin from the
# npm registry (package.json's "node" package), so an older Node on the machine
# is no obstacle once node_modules/.bin comes first on PATH; this check says so
# plainly when it does not.
node-check: node_modules/.installed  ## say which Node the prose linters run on, and stop when it is older than package.json's engines
	@need=$$(sed -n 's/.*"node": *">=\([0-9]*\)".*/\1/p' package.json); \
	if [ ! -e node_modules/.bin/markdownlint-cli2 ]; then echo "note: the prose linters are not installed; their tests will be skipped"; exit 0; fi; \
	node=$$(PATH="$(CURDIR)/node_modules/.bin:$$PATH"; export PATH; command -v node || true); \
	have=$$("$${node:-node}" -p process.versions.node 2>/dev/null || true); \
	if [ -z "$$have" ] || [ "$${have%%.*}" -lt "$$need" ]; then \
	  echo "error: the prose linters (markdownlint-cli2, textlint) need Node $$need or newer; found $${have:-no Node} ($${node:-not on PATH})." >&2; \
	  echo "       npm ci installs Node $$(cat .nvmrc) into node_modules/.bin (package.json's \"node\" package): run npm ci;" >&2; \
	  echo "       if npm cannot, install Node $$(cat .nvmrc) LTS (nodejs.org, or nvm install $$(cat .nvmrc)) and put it first on PATH." >&2; \
	  exit 1; fi; \
	echo "prose linters: Node $$have ($$node)"

# ---- Lighthouse: our pages beside stock Material pages made from the same text ----
# tools/lighthouse.py builds both sites, serves each under the site_url path on
# 127.0.0.1, runs Lighthouse (mobile) on the home page, epochs-steps and an
# English page, writes reports/lighthouse.md and fails when one of ours scores
# below its stock page. Lighthouse is pinned in tools/lighthouse-deps/ and
# installed into .lighthouse/, apart from the prose linters' package.json.
# LIGHTHOUSE_RUNS=N sets the runs per page (median; default 3).
.PHONY: lighthouse
lighthouse: $(DOCS_VENV)/.installed .lighthouse/.installed chromium  ## Lighthouse beside stock Material (home, epochs-steps, an English page); fails below stock
	$(DOCS_VENV)/bin/python -m tools.lighthouse

.lighthouse/.installed: tools/lighthouse-deps/package.json tools/lighthouse-deps/package-lock.json
	mkdir -p .lighthouse
	cp tools/lighthouse-deps/package.json tools/lighthouse-deps/package-lock.json .lighthouse/
	npm ci --prefix .lighthouse --no-audit --no-fund --loglevel=error
	touch $@
