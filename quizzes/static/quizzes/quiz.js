// A second click while the first submission is on its way would only be refused by the server;
// disabling the button tells the student it was received.
document.querySelectorAll("form.quiz-form").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("[data-submit-once]").forEach(function (button) {
      button.disabled = true;
      button.textContent = "Submitting…";
    });
  });
});

// A page restored from the back-forward cache keeps its disabled button; give it back.
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) return;
  document.querySelectorAll("[data-submit-once]").forEach(function (button) {
    button.disabled = false;
    button.textContent = "Submit my answers";
  });
});
