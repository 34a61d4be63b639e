"""rashomon: a sourced, cross-checked record of what happened, who says so,
and where the accounts disagree.

Data flow: ingest -> nlp -> extract -> resolve -> store -> serve (cli),
plus eval (benchmarks) and engine (orchestration, batches).
"""

__version__ = "0.1.0"
