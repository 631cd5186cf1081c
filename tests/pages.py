"""Reading the student pages' HTML the way a browser would, for the view tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# What the "Submit anyway" button of the blank-question warning adds to the form: for tests of
# other things, whose students leave questions blank on purpose.
SUBMIT_ANYWAY = {"blanks_confirmed": "1"}


@dataclass
class QuizPage:
    token: str = ""
    # field name -> [(value, label text)] in page order
    radios: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    text_inputs: list[str] = field(default_factory=list)
    legends: list[str] = field(default_factory=list)
    checked: dict[str, str] = field(default_factory=dict)

    def value_for(self, name: str, label: str) -> str:
        return next(value for value, text in self.radios[name] if text == label)


class _QuizPageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = QuizPage()
        self._ids: dict[str, tuple[str, str]] = {}
        self._label_for: str | None = None
        self._in_legend = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") == "token":
            self.page.token = a.get("value", "")
        elif tag == "input" and a.get("type") == "radio":
            self._ids[a["id"]] = (a["name"], a["value"])
            self.page.radios.setdefault(a["name"], [])
            if "checked" in a:
                self.page.checked[a["name"]] = a["value"]
        elif tag == "input" and a.get("type") == "text":
            self.page.text_inputs.append(a["name"])
        elif tag == "label" and a.get("for") in self._ids:
            self._label_for, self._text = a["for"], []
        elif tag == "legend":
            self._in_legend, self._text = True, []

    def handle_data(self, data):
        if self._label_for or self._in_legend:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "label" and self._label_for:
            name, value = self._ids[self._label_for]
            self.page.radios[name].append((value, "".join(self._text).strip()))
            self._label_for = None
        elif tag == "legend" and self._in_legend:
            self.page.legends.append(" ".join("".join(self._text).split()))
            self._in_legend = False


def parse_quiz_page(html: str) -> QuizPage:
    parser = _QuizPageParser()
    parser.feed(html)
    return parser.page
