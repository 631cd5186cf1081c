import pytest

from quizzes.generation.nlp import get_nlp


@pytest.fixture(scope="session", autouse=True)
def nlp():
    """Load the spaCy pipeline once for the whole session."""
    return get_nlp()
