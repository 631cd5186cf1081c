"""Every write the site makes, one module per domain:

- `articles`: a teacher's article stored with its word count;
- `quizzes`: quizzes built from generated drafts or by hand, published, closed; their questions
  replaced, reviewed, moved, deleted and restored, or their answers and wrong choices set;
- `attempts`: a student's attempt started and submitted;
- `marks`: a teacher's mark by hand, and a regrade with the current keys;
- `imports`: a quiz restored from a backup file;
- `teachers`: the Teachers group and teacher accounts.

Views, admin actions and management commands parse input, call one function here and render.
Reads (the student's paper, results, item analysis) stay beside the pages that show them.
"""

from quizzes.services.articles import article_create, article_save, check_article_text
from quizzes.services.attempts import Submission, attempt_start, attempt_submit
from quizzes.services.imports import quiz_import
from quizzes.services.marks import (
    OverrideRefused,
    RegradeResult,
    attempt_rescore,
    attempts_rescore,
    quiz_regrade,
    response_override,
)
from quizzes.services.quizzes import (
    build_quiz,
    demo_quiz_ensure,
    question_create_from_draft,
    question_delete,
    question_mark_reviewed,
    question_move,
    question_redraw_wrong_choices,
    question_regenerate,
    question_restore,
    question_review_save,
    question_set_answers,
    questions_renumber,
    quiz_close,
    quiz_create,
    quiz_publish,
    quiz_reorder,
    quiz_save_with_join_code,
    right_letters_of,
)
from quizzes.services.teachers import (
    DEMO_TEACHER_USERNAME,
    TEACHERS_GROUP,
    TeacherAccount,
    generate_password,
    teacher_ensure,
    teachers_group,
)

__all__ = [
    "DEMO_TEACHER_USERNAME",
    "TEACHERS_GROUP",
    "OverrideRefused",
    "RegradeResult",
    "Submission",
    "TeacherAccount",
    "article_create",
    "article_save",
    "attempt_rescore",
    "attempt_start",
    "attempt_submit",
    "attempts_rescore",
    "build_quiz",
    "check_article_text",
    "demo_quiz_ensure",
    "generate_password",
    "question_create_from_draft",
    "question_delete",
    "question_mark_reviewed",
    "question_move",
    "question_redraw_wrong_choices",
    "question_regenerate",
    "question_restore",
    "question_review_save",
    "question_set_answers",
    "questions_renumber",
    "quiz_close",
    "quiz_create",
    "quiz_import",
    "quiz_publish",
    "quiz_regrade",
    "quiz_reorder",
    "quiz_save_with_join_code",
    "response_override",
    "right_letters_of",
    "teacher_ensure",
    "teachers_group",
]
