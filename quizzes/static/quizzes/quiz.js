// The student's quiz page. Without this script the server asks about blank questions itself;
// with it, the same question comes at once, beside the button, without a round trip.
(function () {
  "use strict";

  var SUBMIT_TEXT = "Submit my answers";

  function isAnswered(fieldset) {
    if (fieldset.querySelector("input[type=radio]:checked")) return true;
    return Array.prototype.some.call(
      fieldset.querySelectorAll("input[type=text]"),
      function (input) { return input.value.trim() !== ""; }
    );
  }

  function andList(numbers) {
    if (numbers.length < 2) return numbers.join("");
    return numbers.slice(0, -1).join(", ") + " and " + numbers[numbers.length - 1];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The warning the server would send, built here: what is blank, and the two ways on.
  function showBlankCheck(form, blanks, total) {
    var old = form.querySelector(".blank-check");
    if (old) old.remove();
    var numbers = blanks.map(function (fieldset) { return fieldset.dataset.number; });
    var panel = element("div", "alert alert-warning blank-check");
    panel.id = "blank-check";
    panel.setAttribute("role", "alert");
    panel.tabIndex = -1;
    panel.appendChild(element("p", "fw-semibold mb-1",
      "You left " + blanks.length + " of " + total + " question" + (total === 1 ? "" : "s") +
      " blank — submit anyway?"));
    panel.appendChild(element("p", "mb-2",
      "Blank answers count as wrong. Not answered: question" + (blanks.length === 1 ? "" : "s") +
      " " + andList(numbers) + "."));
    var anyway = element("button", "btn btn-warning", "Submit anyway");
    anyway.type = "submit";
    anyway.name = "blanks_confirmed";
    anyway.value = "1";
    anyway.setAttribute("data-submit-once", "");
    panel.appendChild(anyway);
    var back = element("a", "btn btn-link", "Answer question " + numbers[0] + " first");
    back.href = "#question-" + numbers[0];
    back.addEventListener("click", function (event) {
      event.preventDefault();
      blanks[0].scrollIntoView({ block: "start" });
      var input = blanks[0].querySelector("input");
      if (input) input.focus({ preventScroll: true });
    });
    panel.appendChild(back);
    var button = form.querySelector("[data-check-blanks]");
    button.parentNode.insertBefore(panel, button);
    panel.focus();
  }

  function markBlanks(form, blanks) {
    form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
      fieldset.classList.toggle("question-blank", blanks.indexOf(fieldset) !== -1);
    });
  }

  document.querySelectorAll("form.quiz-form").forEach(function (form) {
    // An answer given clears its question's mark at once.
    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("fieldset.question");
      if (fieldset && isAnswered(fieldset)) fieldset.classList.remove("question-blank");
    });

    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      // Enter in a text box submits through the form's first button, which is "Submit anyway"
      // once the warning shows: that is a student still answering, not one who confirmed.
      var typing = document.activeElement && document.activeElement.matches("input[type=text]");
      var confirmed = submitter && submitter.name === "blanks_confirmed" && !typing;
      if (!confirmed) {
        var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
        var blanks = questions.filter(function (fieldset) { return !isAnswered(fieldset); });
        markBlanks(form, blanks);
        if (blanks.length) {
          event.preventDefault();
          showBlankCheck(form, blanks, questions.length);
          return;
        }
      } else {
        // A disabled button is not sent with the form: carry its answer in a field instead.
        var field = element("input");
        field.type = "hidden";
        field.name = "blanks_confirmed";
        field.value = "1";
        form.appendChild(field);
      }
      // A second click while the first submission is on its way would only be refused by the
      // server; disabling the buttons tells the student it was received.
      form.querySelectorAll("[data-submit-once]").forEach(function (button) {
        button.disabled = true;
        if (button.hasAttribute("data-check-blanks")) button.textContent = "Submitting…";
      });
    });
  });

  // A page restored from the back-forward cache keeps its disabled buttons; give them back.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("[data-submit-once]").forEach(function (button) {
      button.disabled = false;
      if (button.hasAttribute("data-check-blanks")) button.textContent = SUBMIT_TEXT;
    });
  });
})();
