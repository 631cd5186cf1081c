// The quiz's page in the admin: show each question only the answer fields of its kind, and ask
// before a "Replace" button throws away edits that were not saved yet.
(function () {
  "use strict";
  var form = document.getElementById("quiz_form");
  if (!form) return;

  function showFieldsFor(kindSelect) {
    var question = kindSelect.closest(".inline-related");
    if (!question) return;
    var multipleChoice = kindSelect.value === "multiple_choice";
    question.querySelectorAll(".field-wrong_choices").forEach(function (el) {
      el.style.display = multipleChoice ? "" : "none";
    });
    question.querySelectorAll(".field-also_accept").forEach(function (el) {
      el.style.display = multipleChoice ? "none" : "";
    });
  }

  function wire(root) {
    root.querySelectorAll("select[name$='-kind']").forEach(function (select) {
      showFieldsFor(select);
      select.addEventListener("change", function () { showFieldsFor(select); });
    });
  }
  wire(form);
  document.addEventListener("formset:added", function (event) { wire(event.target); });

  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.querySelectorAll("button[formaction*='/regenerate/']").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (dirty && !window.confirm("You have changes that are not saved yet. Replacing this " +
          "question reloads the page and loses them. Replace anyway?")) {
        event.preventDefault();
      }
    });
  });
})();
