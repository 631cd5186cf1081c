// The review page: highlight the selected question's sentence in the passage, switch a card
// between multiple choice and short answer, bring the teacher back to the card a button acted
// on, ask before a reload loses unsaved edits, and reorder the cards by dragging. Every button
// works without this file; it only makes the page quicker to use.
(function () {
  "use strict";
  var list = document.querySelector(".cards");
  if (!list) return;
  var passage = document.getElementById("passage");

  function cards() {
    return Array.prototype.slice.call(list.querySelectorAll(".qcard"));
  }

  function marksOf(card) {
    if (!passage) return [];
    var id = card.getAttribute("data-question");
    return Array.prototype.filter.call(passage.querySelectorAll("mark.source"), function (mark) {
      return mark.getAttribute("data-questions").split(" ").indexOf(id) >= 0;
    });
  }

  // Scroll the passage box only, never the page: the card being edited stays where it is.
  function showInPassage(mark) {
    var box = passage.getBoundingClientRect();
    var place = mark.getBoundingClientRect();
    if (place.top < box.top || place.bottom > box.bottom) {
      passage.scrollTop += place.top - box.top - passage.clientHeight / 3;
    }
  }

  function select(card) {
    cards().forEach(function (other) { other.classList.remove("is-active"); });
    card.classList.add("is-active");
    if (!passage) return;
    passage.querySelectorAll("mark.is-active").forEach(function (mark) {
      mark.classList.remove("is-active");
    });
    var marks = marksOf(card);
    marks.forEach(function (mark) { mark.classList.add("is-active"); });
    if (marks.length) showInPassage(marks[0]);
  }

  function chosen(event) {
    var card = event.target.closest && event.target.closest(".qcard");
    if (card && !card.classList.contains("is-active")) select(card);
  }
  list.addEventListener("focusin", chosen);
  list.addEventListener("click", chosen);

  if (passage) {
    // A sentence in the passage leads to its (first) question.
    passage.addEventListener("click", function (event) {
      var mark = event.target.closest("mark.source");
      if (!mark) return;
      var card = document.getElementById("q-" + mark.getAttribute("data-questions").split(" ")[0]);
      if (!card) return;
      card.scrollIntoView({ block: "start" });
      card.querySelector("h2").focus({ preventScroll: true });
      select(card);
    });
  }

  // Multiple choice or short answer: show the answer fields of the chosen kind, carrying the
  // right answer across so switching never loses it.
  list.querySelectorAll(".kind-select").forEach(function (kind) {
    kind.addEventListener("change", function () {
      var form = kind.form;
      var multiple = kind.value === "multiple_choice";
      var right = form.querySelector(".right-radio:checked");
      var rightInput = right && right.closest(".choice-row").querySelector(".choice-input");
      var answer = form.querySelector(".answer-input");
      if (!multiple && rightInput && rightInput.value.trim()) answer.value = rightInput.value;
      if (multiple && answer.value.trim()) {
        if (!right) {
          right = form.querySelector(".right-radio");
          right.checked = true;
          rightInput = right.closest(".choice-row").querySelector(".choice-input");
        }
        if (!rightInput.value.trim()) rightInput.value = answer.value;
      }
      form.querySelector(".part-choices").hidden = !multiple;
      form.querySelector(".part-short").hidden = multiple;
    });
  });

  // Edits not saved yet: any other button reloads the page, so ask first.
  var dirty = [];
  list.querySelectorAll(".qcard-edit").forEach(function (form) {
    function touched() { if (dirty.indexOf(form) < 0) dirty.push(form); }
    form.addEventListener("input", touched);
    form.addEventListener("change", touched);
  });
  function unsavedElsewhere(form) {
    return dirty.filter(function (other) { return other !== form; });
  }
  function mayLeave(form) {
    var others = unsavedElsewhere(form);
    if (!others.length) return true;
    var names = others.map(function (other) {
      return other.closest(".qcard").querySelector("h2").textContent.trim();
    });
    return window.confirm(names.join(", ") + " has edits that are not saved yet; this reloads " +
      "the page and loses them. Go on?");
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.getAttribute("data-sent")) {
      event.preventDefault();  // a second click while the first is on its way
      return;
    }
    if (!mayLeave(form)) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sent", "1");
  });
  // Coming back with the browser's back button shows the page as it was: let it post again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      form.removeAttribute("data-sent");
    });
  });

  // Back at the card a button acted on (#q-12), or at the notice of a deleted one.
  function arrive() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("qcard")) {
      select(target);
      target.querySelector("h2").focus({ preventScroll: true });
    } else if (target && target.classList.contains("deleted-note")) {
      target.querySelector("button").focus({ preventScroll: true });
    } else if (cards().length) {
      select(cards()[0]);
    }
  }
  // After the browser's own jump to the fragment, which moves the focus to the page itself.
  function arriveLater() { window.setTimeout(arrive, 0); }
  if (document.readyState === "complete") arriveLater();
  else window.addEventListener("load", arriveLater);
  window.addEventListener("hashchange", arriveLater);

  // Drag a card by its handle; dropping it posts the new order of every card.
  var dragged = null;
  list.querySelectorAll(".drag-handle").forEach(function (handle) {
    handle.addEventListener("dragstart", function (event) {
      dragged = handle.closest(".qcard");
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.getAttribute("data-question"));
      event.dataTransfer.setDragImage(dragged, 20, 20);
    });
    handle.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
    });
  });
  list.addEventListener("dragover", function (event) {
    if (!dragged) return;
    event.preventDefault();
    var over = event.target.closest && event.target.closest(".qcard");
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener("drop", function (event) {
    if (!dragged) return;
    event.preventDefault();
    var form = document.getElementById("reorder-form");
    var moved = dragged.getAttribute("data-question");
    dragged.classList.remove("dragging");
    dragged = null;
    if (!mayLeave(null)) {
      location.reload();
      return;
    }
    form.querySelector("input[name=moved]").value = moved;
    cards().forEach(function (card) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "order";
      input.value = card.getAttribute("data-question");
      form.appendChild(input);
    });
    form.submit();
  });
})();
