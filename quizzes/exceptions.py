"""Domain errors. Their messages are shown to teachers as they are, so they say what to do."""


class QuizError(Exception):
    """Base of every error the services raise on purpose."""


class ArticleInvalid(QuizError):
    """The text or file cannot be stored as an article."""


class GenerationFailed(QuizError):
    """The article gave no quiz; nothing was stored."""


class QuizNotReady(QuizError):
    """The quiz cannot change state yet (for example: published with no questions)."""


class QuizUnavailable(QuizError):
    """The quiz does not take new attempts (a draft or closed quiz)."""


class AttemptRefused(QuizError):
    """This student may not start or submit another attempt."""


class AttemptNotFound(QuizError):
    """The form refers to an attempt that does not exist (an old or altered page)."""


class QuestionInvalid(QuizError):
    """A question's answers are not usable (no right answer, no wrong choice)."""
