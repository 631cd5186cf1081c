from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Quiz generator"
admin.site.site_title = "Quiz generator"
admin.site.index_title = "Teacher's desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]
