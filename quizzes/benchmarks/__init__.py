"""Benchmarks, one module per subject, each with a `run(out)` that prints its own numbers."""
