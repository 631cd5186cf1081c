// The quiz's page in the admin: show each question only the answer fields of its kind, and ask
// before a "Replace" button throws away edits that were not saved yet.
(function () {
  "use strict";
  var form = document.getElementById("quiz_form");
  if (!form) return;

  // The answer, the wrong choices and the other accepted wordings share one row of the form, and
  // that row carries the class of each of its fields: hide a field by its own box, never by the
  // row, or hiding one field hides the answer beside it too.
  function fieldBoxes(question, name) {
    var boxes = [];
    question.querySelectorAll(".fieldBox.field-" + name).forEach(function (box) {
      boxes.push(box.parentElement);
    });
    question.querySelectorAll(".form-row.field-" + name).forEach(function (row) {
      if (!row.querySelector(".form-multiline")) boxes.push(row);
    });
    return boxes;
  }

  function showFieldsFor(kindSelect) {
    var question = kindSelect.closest(".inline-related");
    if (!question) return;
    var multipleChoice = kindSelect.value === "multiple_choice";
    fieldBoxes(question, "wrong_choices").forEach(function (el) {
      el.hidden = !multipleChoice;
    });
    fieldBoxes(question, "also_accept").forEach(function (el) {
      el.hidden = multipleChoice;
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
