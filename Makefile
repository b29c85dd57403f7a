# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo/claimledger.db

.PHONY: demo test install clean

$(BIN)/claimledger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/claimledger

# Ingest the bundled examples into an SQLite ledger and print what was found: the largest
# stories, then the contested ones (a contradiction between their claims).
demo: install
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/claimledger ingest $(DEMO_DB) examples/kharkiv_buffer_zone.txt examples/corpus/articles.jsonl examples/raw/
	$(BIN)/claimledger summary $(DEMO_DB)
	$(BIN)/claimledger link $(DEMO_DB)
	$(BIN)/claimledger stories $(DEMO_DB) --limit 5
	$(BIN)/claimledger stories $(DEMO_DB) --contested --limit 10
	$(BIN)/claimledger analyze examples/kharkiv_buffer_zone.txt

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo build src/*.egg-info
