"""Reading the review page back as a browser would: a card's form with every repeated field."""

from __future__ import annotations

from html.parser import HTMLParser


class _CardFormParser(HTMLParser):
    """The fields of the form whose action ends in `action_end`, each name with all its values
    in page order (a card posts one `choice` per letter and one `also_accept` per wording)."""

    def __init__(self, action_end: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action_end = action_end
        self.inside = False
        self.found = False
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("action") or "").split("#")[0].endswith(self.action_end)
            self.found = self.found or self.inside
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._add(name, a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            value = "".join(self._text)
            self._add(self._textarea, value[1:] if value.startswith("\n") else value)
            self._textarea = None
        elif tag == "select":
            self._select = None


def card_form(html: str, question_id: int) -> dict[str, list[str]]:
    """What the card of that question posts when its Save is pressed unchanged."""
    parser = _CardFormParser(f"/review/{question_id}/save/")
    parser.feed(html)
    if not parser.found:
        raise AssertionError(f"no card form for question {question_id} on the page")
    return parser.data
