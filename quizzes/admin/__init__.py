"""The teacher's desk in the Django admin. Each teacher sees only their own articles, quizzes and
results (`base.OwnedAdmin`); one module per model (`article`, `quiz`, `attempt`), the input checks
in `forms`, and the pages beyond plain editing (generate, publish, results, downloads) in `views`.
"""

from django.contrib import admin

from quizzes.admin.article import ArticleAdmin
from quizzes.admin.attempt import AttemptAdmin
from quizzes.admin.quiz import QuizAdmin
from quizzes.models import Article, Attempt, Quiz

admin.site.register(Article, ArticleAdmin)
admin.site.register(Quiz, QuizAdmin)
admin.site.register(Attempt, AttemptAdmin)
