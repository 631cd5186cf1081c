"""The join link and its QR code, drawn offline as SVG so a classroom projector can show it."""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from quizzes.models import Quiz

QR_BOX_SIZE = 10


def join_url(request: HttpRequest, quiz: Quiz) -> str:
    return request.build_absolute_uri(reverse("quizzes:quiz", args=[quiz.join_code]))


def qr_svg(link: str) -> SafeString:
    """An SVG drawn by the qrcode package from the link alone: no user text enters the markup
    except the link, which is encoded in the squares, not written into the SVG."""
    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, box_size=QR_BOX_SIZE)
    svg = image.to_string(encoding="unicode")
    # Drop the fixed millimetre size so the page can scale the code up for a projector.
    svg = svg.replace('width="', 'data-width="', 1).replace('height="', 'data-height="', 1)
    return mark_safe(svg)
