"""The form reader of the benchmarks' browser client, which the admin tests use too."""

from quizzes.benchmarks.forms import form_data

__all__ = ["form_data"]
