# Two commands do everything: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= saidwhat.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install install-test run test lint typecheck unit bench train train-env clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# axe-core for the browser tests' accessibility checks (package.json pins it; test-only, never
# served): installed when npm exists, else those checks skip saying why
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	  else echo "note: npm not found; the axe-core checks of the browser tests will skip"; fi

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

# Ingest the sample articles (../shared/samples, or the demo articles in examples/ without it),
# print a summary of what was found, then serve the UI.
run: install
	@if [ -d "$(SHARED)/samples" ]; then src="$(SHARED)/samples"; else \
	  echo "note: $(SHARED)/samples not found; using the demo articles in examples/"; src=examples; fi; \
	$(BIN)/saidwhat ingest "$$src" --db "$(DB)" && $(BIN)/saidwhat summary --db "$(DB)"
	$(BIN)/saidwhat serve --db "$(DB)" --host "$(HOST)" --port "$(PORT)"

lint: install-test
	$(BIN)/ruff check saidwhat tests bench
typecheck: install-test
	$(BIN)/mypy
unit: install-test
	$(BIN)/pytest -n 2 -q

test: install-test
	$(BIN)/ruff check saidwhat tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q

bench: install-test
	$(BIN)/python bench/attribution.py
	$(BIN)/python bench/timex.py

# Retrain the attribution taggers on PolNeAR train: the CRF (CRFsuite), then the neural tagger
# (PyTorch; run time reads its NumPy weights). Both reuse one parse cache in build/. About 15-20
# minutes on 2 cores, by machine; reproducible. make run / make test never train: the models are
# package data.
# PyTorch never goes into the run-time venv: training runs in $(TRAIN_VENV), which holds PyTorch
# only and sees the run-time venv's packages through a .pth file (so it costs one PyTorch install).
# The CPU wheel in /opt/wheels is used when there is one (PyPI's default build is a CUDA one).
TRAIN_VENV  ?= .venv-train
TORCH       ?= torch==2.13.0
TORCH_WHEEL := $(firstword $(wildcard /opt/wheels/torch-*+cpu-*.whl))
SITE        := import sysconfig; print(sysconfig.get_paths()["purelib"])

$(TRAIN_VENV)/.installed: $(VENV)/.installed-test
	$(BIN)/python -m venv $(TRAIN_VENV)
	echo "import site; site.addsitedir('$$($(BIN)/python -c '$(SITE)')')" \
	  > "$$($(TRAIN_VENV)/bin/python -c '$(SITE)')/saidwhat-runtime.pth"
	$(TRAIN_VENV)/bin/pip install --quiet "$(or $(TORCH_WHEEL),$(TORCH))"
	touch $@

train-env: $(TRAIN_VENV)/.installed

train: train-env
	mkdir -p build
	$(TRAIN_VENV)/bin/python -m saidwhat.attribution.learned.train --train $(SHARED)/polnear/train \
	  --out saidwhat/attribution/learned/model.crfsuite --cache build/train.spacy
	$(TRAIN_VENV)/bin/python -m saidwhat.attribution.learned.train_neural --train $(SHARED)/polnear/train \
	  --out saidwhat/attribution/learned/neural.npz --cache build/train.spacy

clean:
	rm -rf $(VENV) $(TRAIN_VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
