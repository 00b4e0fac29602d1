"""The outbox renders messages itself, cheaply, and byte for byte as Django would."""

from __future__ import annotations

import email
import email.policy
import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heardback.outbox import delivery
from heardback.outbox.models import OutboundEmail

# The MIME boundary is random in both renderings; everything else must match.
BOUNDARY = re.compile(rb"={15}\d{19}==(?:\.\d+)?")


def django_bytes(row: OutboundEmail) -> bytes:
    return bytes(delivery.build_message(row).message().as_bytes(linesep="\r\n"))


def same_as_django(rendered: bytes, row: OutboundEmail) -> bool:
    return BOUNDARY.sub(b"BOUNDARY", rendered) == BOUNDARY.sub(b"BOUNDARY", django_bytes(row))


def outbound(
    *,
    to: str = "Zoë Nguyễn <zoe@mail.example>",
    from_email: str = '"Acme Talent" <jobs@acme.example>',
    reply_to: str = "Éloïse Émond <eloise@acme.example>",
    subject: str = "Votre candidature — merci, Zoë",
    text: str = "Chère Zoë,\n\nMerci pour l'entretien. ✨\n",
    html: str = "<p>Chère Zoë,</p><p>Merci pour l'entretien. ✨</p>",
    headers: dict[str, str] | None = None,
) -> OutboundEmail:
    return OutboundEmail(
        to=to,
        from_email=from_email,
        reply_to=reply_to,
        subject=subject,
        text=text,
        html=html,
        headers={**(headers or {}), "Date": "Thu, 26 Nov 2026 09:00:00 -0000"},
        message_id=delivery.new_message_id(from_email),
    )


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"to": "zoe@mail.example", "reply_to": "", "subject": "Your application"},
        {"text": "Plain ASCII.\r\nWindows line.\rOld Mac line.\n.A line starting with a dot."},
        {"html": ""},
        {"subject": "Your application for the Senior Backend Engineer role, and what comes next"},
        {"subject": "Ta candidature pour le poste de Développeur·se back-end — merci, Zoë " * 3},
        {"to": delivery.mailbox("Nguyễn Thị Minh Khai, Phường Bến Nghé", "n@x.vn", field="to")},
        {"to": delivery.mailbox("O'Brien, Seán (he/him)", "sean@mail.example", field="to")},
        {"headers": {"Auto-Submitted": "auto-generated", "X-Heardback-Kind": "feedback_note"}},
        {"text": "From the team: thank you.\n--\nAcme", "html": "<p>--</p>"},
    ],
    ids=[
        "utf8-note", "ascii", "line-endings", "text-only", "long-ascii-subject",
        "long-utf8-subject", "long-utf8-name", "quoted-name", "extra-headers", "signature",
    ],
)  # fmt: skip
def test_a_note_is_rendered_without_django_into_the_bytes_django_would_send(
    fields: dict[str, str],
) -> None:
    row = outbound(**fields)

    rendered = delivery._render_fast(row)

    assert rendered is not None
    assert same_as_django(rendered, row)


def test_what_the_outbox_renders_reads_back_as_the_note() -> None:
    row = outbound()

    message = email.message_from_bytes(delivery.render(row), policy=email.policy.default)

    assert message["To"].addresses[0].display_name == "Zoë Nguyễn"
    assert message["Subject"] == "Votre candidature — merci, Zoë"
    assert message["Message-ID"] == row.message_id
    text, html = (part.get_content() for part in message.iter_parts())
    assert text == "Chère Zoë,\r\n\r\nMerci pour l'entretien. ✨\r\n"
    assert html == "<p>Chère Zoë,</p><p>Merci pour l'entretien. ✨</p>"


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "word " * 300},  # one line longer than RFC 5322 allows: Django uses QP
        {"text": ""},  # an HTML-only email
        {"headers": {"Reply-To": "someone@else.example"}},  # a header Django treats specially
        {"headers": {"message-id": "<other@acme.example>"}},
    ],
    ids=["long-line", "html-only", "special-header", "second-message-id"],
)
def test_what_the_outbox_cannot_render_exactly_is_left_to_django(fields: dict[str, str]) -> None:
    row = outbound(**fields)

    assert delivery._render_fast(row) is None
    assert same_as_django(delivery.render(row), row)


def test_a_note_containing_the_boundary_it_drew_still_arrives_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(delivery.random, "randrange", lambda _stop: 42)
    drawn = "=" * 15 + "42".zfill(19) + "=="
    row = outbound(text=f"Quoting an old email:\n--{drawn}\nThe end.")

    rendered = delivery.render(row)

    assert f'boundary="{drawn}.0"'.encode() in rendered
    message = email.message_from_bytes(rendered, policy=email.policy.default)
    text, html = (part.get_content() for part in message.iter_parts())
    assert text == f"Quoting an old email:\r\n--{drawn}\r\nThe end."
    assert html == row.html


# Any name, subject or body a note can have (no line breaks in headers: refused at enqueue).
header_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n\x85\u2028\u2029"),
    max_size=120,
)
body_text = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
    | st.sampled_from(["\r\n", "\n", "\r", ".", "--", " " * 40, "x" * 300]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    name=header_text,
    recruiter=header_text,
    subject=header_text,
    text=body_text,
    html=body_text,
)
def test_whatever_the_note_says_the_outbox_sends_what_django_would(
    name: str, recruiter: str, subject: str, text: str, html: str
) -> None:
    try:
        to = delivery.mailbox(name, "candidate@mail.example", field="to")
        reply_to = delivery.mailbox(recruiter, "rita@acme.example", field="reply_to")
    except (ValidationError, ValueError):
        assume(False)
    row = outbound(to=to, reply_to=reply_to, subject=subject, text=text, html=html)

    assert same_as_django(delivery.render(row), row)
