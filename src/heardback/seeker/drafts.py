"""Drafted notes the seeker edits and sends from their own mail client (mailto:) or copies."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.utils import formats, translation
from django.utils.translation import gettext as _

from heardback.seeker.models import Interview, JobApplication

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d .()-]{6,}\d")


@dataclass(frozen=True)
class Contact:
    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Draft:
    to: tuple[str, ...]
    subject: str
    body: str

    @property
    def mailto(self) -> str:
        """A mailto: address that opens the seeker's own mail client with the draft."""
        to = ",".join(quote(address, safe="@") for address in self.to)
        return f"mailto:{to}?subject={quote(self.subject)}&body={quote(self.body)}"


def contacts(text: str) -> list[Contact]:
    """One contact per line: a name, and an email address or a phone number in any order."""
    found = []
    for line in text.splitlines():
        email = _EMAIL.search(line)
        phone = _PHONE.search(line)
        name = line
        for match in (email, phone):
            if match:
                name = name.replace(match.group(0), " ")
        # Separators go, the hyphen of a name (Anne-Sophie) stays.
        name = re.sub(r"[<>(),;:|]+|(?:^|\s)[–—-]+(?=\s|$)", " ", name)
        name = " ".join(name.split())
        if name or email or phone:
            found.append(
                Contact(name, email.group(0) if email else "", phone.group(0) if phone else "")
            )
    return found


def _names(people: list[Contact]) -> str:
    names = [person.name for person in people if person.name]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip(" -•*\t")
        if line:
            return line.rstrip(".")
    return ""


def thank_you(*, interview: Interview, sender: str, language: str, today: dt.date) -> Draft:
    """A thank-you note naming the interviewers and quoting the first line of the notes."""
    application = interview.application
    people = contacts(interview.interviewers)
    with translation.override(language):
        names = _names(people)
        greeting = _("Dear %(names)s,") % {"names": names} if names else _("Hello,")
        day = interview.starts_at.date()
        when = (
            _("today")
            if day == today
            else _("on %(date)s") % {"date": formats.date_format(day, "DATE_FORMAT")}
        )
        lines = [
            greeting,
            "",
            _(
                "Thank you for taking the time to meet me %(when)s about the %(role)s role at "
                "%(company)s."
            )
            % {"when": when, "role": application.role, "company": application.company},
        ]
        remembered = _first_line(interview.notes)
        if remembered:
            lines.append(
                _("I especially enjoyed our conversation about %(topic)s.") % {"topic": remembered}
            )
        lines += [
            "",
            _(
                "I am very interested in this role and look forward to hearing about the next "
                "steps."
            ),
            "",
            _("Best regards,"),
            sender,
        ]
        subject = _("Thank you: %(role)s interview") % {"role": application.role}
    return Draft(tuple(p.email for p in people if p.email), subject, "\n".join(lines))


def _application_contacts(application: JobApplication) -> list[Contact]:
    people: list[Contact] = []
    for interview in application.interviews.all():
        for person in contacts(interview.interviewers):
            if person.email and person.email not in {p.email for p in people}:
                people.append(person)
    return people


def follow_up(*, application: JobApplication, sender: str, language: str) -> Draft:
    """A polite question about where the process stands."""
    people = _application_contacts(application)
    with translation.override(language):
        names = _names(people[:1])
        greeting = _("Dear %(names)s,") % {"names": names} if names else _("Hello,")
        body = [
            greeting,
            "",
            _("I am writing to follow up on my application for the %(role)s role at %(company)s.")
            % {"role": application.role, "company": application.company},
            _(
                "Could you tell me where the process stands, and when I might expect to hear "
                "from you?"
            ),
            "",
            _("Thank you for your time."),
            "",
            _("Best regards,"),
            sender,
        ]
        subject = _("Following up: %(role)s application") % {"role": application.role}
    return Draft(tuple(p.email for p in people[:1]), subject, "\n".join(body))


def feedback_request(*, application: JobApplication, sender: str, language: str) -> Draft:
    """After a rejection: thanks, and a request for a few words of feedback."""
    people = _application_contacts(application)
    with translation.override(language):
        names = _names(people[:1])
        greeting = _("Dear %(names)s,") % {"names": names} if names else _("Hello,")
        body = [
            greeting,
            "",
            _("Thank you for letting me know your decision about the %(role)s role.")
            % {"role": application.role},
            _(
                "Would you have a few minutes to share what I could improve? Any feedback on my "
                "application or interviews would help me a great deal."
            ),
            "",
            _("Best regards,"),
            sender,
        ]
        subject = _("Feedback on my application: %(role)s") % {"role": application.role}
    return Draft(tuple(p.email for p in people[:1]), subject, "\n".join(body))
