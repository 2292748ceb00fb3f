"""One module per source-aware check; `reviewer.engines.source.engine` lists them."""
