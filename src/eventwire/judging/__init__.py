"""Judging coded events by hand (docs/judging.md): a sample drawn from a corpus, verdicts per field
kept as references into it (`verdicts`), the text shown to the judge (`show`), and the corpus found
again from those references (`corpus`). `eventwire.evaluate.judged` re-scores a coder with them."""
