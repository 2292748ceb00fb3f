# MT Reviewer: `make run` opens the app on the seed article, `make test` runs the whole suite.
# Both set up everything on a fresh machine: a .venv with the package and its test tools, and
# LanguageTool 6.8 resolved through Maven into ~/.cache/reviewer. The second run is fast:
# each step is skipped when its stamp is newer than what it depends on.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_04f21086b02ac016.txt
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean languagetool screenshots display-libraries

run: $(STAMP) languagetool display-libraries
	$(BIN)/reviewer $(SEED)

# Qt's X11 plugin needs system libraries that pip cannot install. Install the missing ones
# when we can (root with apt-get); otherwise print the one command that does.
display-libraries: $(STAMP)
	@missing="$$($(BIN)/python -m reviewer.app.display_check | tr '\n' ' ')"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y $$missing || { apt-get update && apt-get install -y $$missing; }; \
	  else \
	    echo "The window needs system libraries: sudo apt-get install $$missing"; \
	  fi; \
	fi

test: lint languagetool
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

languagetool: $(STAMP)
	$(BIN)/reviewer languagetool install

bench: $(STAMP) languagetool
	$(BIN)/python benchmarks/bench_artefacts.py
	$(BIN)/python benchmarks/bench_languagetool.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The README's screenshots, taken in a real X server (Debian: apt-get install xvfb).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python tools/screenshot_review.py docs/review-window.png
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python tools/screenshot_scorecard.py docs/scorecard.png
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python tools/screenshot_bilingual.py docs/review-bilingual.png

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
