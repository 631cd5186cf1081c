from django.urls import path

from quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("", views.join, name="join"),
    path("q/<str:code>/", views.quiz_page, name="quiz"),
    path("q/<str:code>/result/", views.result, name="result"),
]
