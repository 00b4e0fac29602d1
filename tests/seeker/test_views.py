"""The companion's pages: sign-up, the board, forms, drafts, isolation between seekers."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from heardback.accounts.models import Organization, User
from heardback.seeker.models import Document, Interview, JobApplication, Reminder, Seeker
from heardback.seeker.services import seeker_sweep
from tests.seeker.conftest import application, local

pytestmark = pytest.mark.django_db
PASSWORD = "a long and private passphrase"


def test_sign_up_makes_a_seeker_without_an_organization(client: Client) -> None:
    cache.clear()
    response = client.post(
        "/me/signup/",
        {
            "email": "Nina@Example.com", "full_name": "Nina Petit", "password": PASSWORD,
            "language": "fr", "time_zone": "America/Montreal",
        },
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/me/"
    user = User.objects.get(email="nina@example.com")
    assert user.seeker.time_zone == "America/Montreal" and user.language == "fr"
    assert not user.memberships.exists()
    # Signed in, and the home page leads a seeker to their board.
    assert client.get("/")["Location"] == "/me/"
    assert "Mes candidatures" in client.get("/me/").content.decode()


def test_sign_up_refuses_a_taken_address_or_a_weak_password(client: Client, seeker: Seeker) -> None:
    cache.clear()
    taken = client.post(
        "/me/signup/",
        {"email": seeker.user.email, "password": PASSWORD, "language": "en", "time_zone": "UTC"},
    )
    assert taken.status_code == 400 and "exists" in taken.content.decode()
    weak = client.post(
        "/me/signup/",
        {"email": "new@example.com", "password": "123", "language": "en", "time_zone": "UTC"},
    )
    assert weak.status_code == 400
    assert not User.objects.filter(email="new@example.com").exists()


def test_sign_up_is_rate_limited_per_address(client: Client, settings: object) -> None:
    cache.clear()
    settings.SEEKER_SIGNUPS_PER_HOUR = 2  # type: ignore[attr-defined]
    for n in range(2):
        form = {
            "email": f"p{n}@example.com",
            "password": PASSWORD,
            "language": "en",
            "time_zone": "UTC",
        }
        assert Client().post("/me/signup/", form).status_code == 302
    form = {"email": "p9@example.com", "password": PASSWORD, "language": "en", "time_zone": "UTC"}
    response = Client().post("/me/signup/", form)
    assert response.status_code == 429 and response["Retry-After"]
    assert not User.objects.filter(email="p9@example.com").exists()


def test_a_seeker_signs_in_on_the_companion_page(client: Client, seeker: Seeker) -> None:
    seeker.user.set_password(PASSWORD)
    seeker.user.save()
    response = client.post("/me/login/", {"username": seeker.user.email, "password": PASSWORD})
    assert response["Location"] == "/me/"


def test_add_an_application_and_an_interview_then_see_the_board(
    seeker_client: Client, seeker: Seeker
) -> None:
    response = seeker_client.post(
        "/me/applications/new/",
        {"company": "Initech", "role": "Product analyst", "link": "https://jobs.example/1",
         "source": "Referral", "applied_on": "2026-03-02", "stage": "applied"},
    )  # fmt: skip
    app = JobApplication.objects.get(seeker=seeker)
    assert response["Location"] == f"/me/applications/{app.pk}/"
    response = seeker_client.post(
        f"/me/applications/{app.pk}/interviews/new/",
        {"starts_at": "2026-03-10T14:30", "kind": "video",
         "interviewers": "Ana Diaz, ana@initech.example\nBo Chen <bo@initech.example>",
         "notes": "Their move to event-driven pricing\nAsk about the team"},
    )  # fmt: skip
    assert response.status_code == 302
    interview = Interview.objects.get(application=app)
    # Typed in the seeker's zone (Paris: UTC+1 in March).
    assert interview.starts_at == dt.datetime(2026, 3, 10, 13, 30, tzinfo=dt.UTC)
    app.refresh_from_db()
    assert app.stage == "interviewing"
    board = seeker_client.get("/me/").content.decode()
    assert "Product analyst" in board and "Initech" in board


def test_bad_input_changes_nothing(seeker_client: Client, seeker: Seeker) -> None:
    response = seeker_client.post(
        "/me/applications/new/", {"company": "", "role": "x", "stage": "nope"}
    )
    assert response.status_code == 400
    assert not JobApplication.objects.exists()
    response = seeker_client.post(
        "/me/settings/", {"time_zone": "Mars/Olympus", "thank_you_hours": 0}
    )
    assert response.status_code == 400
    seeker.refresh_from_db()
    assert seeker.time_zone == "Europe/Paris"


def test_thresholds_are_the_seekers_to_change(seeker_client: Client, seeker: Seeker) -> None:
    response = seeker_client.post(
        "/me/settings/",
        {"time_zone": "Asia/Tokyo", "thank_you_hours": 12, "follow_up_days": 4,
         "follow_ups_max": 1, "ghosted_days": 10, "active_min": 8, "weekly_day": 4},
    )  # fmt: skip
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert (
        seeker.time_zone, seeker.follow_up_days, seeker.email_digest, seeker.email_weekly,
        seeker.weekly_day,
    ) == ("Asia/Tokyo", 4, False, False, 4)  # fmt: skip
    assert seeker_client.post("/me/settings/", {"follow_ups_max": 3}).status_code == 400
    assert seeker_client.post("/me/settings/", {"weekly_day": 7}).status_code == 400


def test_the_thank_you_draft_names_the_interviewers_and_what_the_seeker_wrote(
    seeker_client: Client, seeker: Seeker
) -> None:
    app = application(seeker, company="Initech", role="Product analyst", stage="interviewing")
    interview = Interview.objects.create(
        application=app,
        starts_at=local("Europe/Paris", 2026, 3, 10, 14, 30),
        interviewers="Ana Diaz, ana@initech.example\nBo Chen <bo@initech.example> +33 6 1234 5678",
        notes="- their move to event-driven pricing.\nAsk about the team",
    )
    with time_machine.travel(local("Europe/Paris", 2026, 3, 10, 16, 0), tick=False):
        seeker_sweep()
        page = seeker_client.get("/me/").content.decode()
        assert f"/me/interviews/{interview.pk}/thank-you/" in page
        html = seeker_client.get(f"/me/interviews/{interview.pk}/thank-you/").content.decode()
    assert "Dear Ana Diaz and Bo Chen," in html
    assert "meet me today about the Product analyst role at Initech" in html
    assert "our conversation about their move to event-driven pricing." in html
    mailto = re.search(r'href="(mailto:[^"]+)"', html)
    assert mailto is not None
    assert unquote(mailto.group(1)).startswith(
        "mailto:ana@initech.example,bo@initech.example?subject="
    )
    assert 'data-copy="draft-body"' in html
    # Sent: the reminder is done.
    assert seeker_client.post(f"/me/interviews/{interview.pk}/thank-you/").status_code == 302
    assert Reminder.objects.get(interview=interview).state == "done"


def test_a_french_seeker_gets_a_french_draft(seeker_client: Client, seeker: Seeker) -> None:
    seeker.user.language = "fr"
    seeker.user.save()
    app = application(seeker, company="Initech", role="Analyste", stage="interviewing")
    interview = Interview.objects.create(
        application=app,
        starts_at=local("Europe/Paris", 2026, 3, 9, 10, 0),
        interviewers="Léa Martin",
    )
    with time_machine.travel(local("Europe/Paris", 2026, 3, 10, 9, 0), tick=False):
        html = seeker_client.get(f"/me/interviews/{interview.pk}/thank-you/").content.decode()
    assert "Bonjour Léa Martin," in html and "chez Initech" in html


def test_follow_up_and_feedback_drafts(seeker_client: Client, seeker: Seeker) -> None:
    app = application(seeker, company="Initech", role="Analyst")
    Interview.objects.create(
        application=app, starts_at=local("UTC", 2026, 1, 5, 9), interviewers="Ana, ana@i.example"
    )
    follow = seeker_client.get(f"/me/applications/{app.pk}/drafts/follow-up/").content.decode()
    assert "follow up on my application for the Analyst role at Initech" in follow
    feedback = seeker_client.get(f"/me/applications/{app.pk}/drafts/feedback/").content.decode()
    assert "share what I could improve" in feedback
    assert seeker_client.get(f"/me/applications/{app.pk}/drafts/other/").status_code == 404


def test_reminders_are_closed_by_the_seeker(seeker_client: Client, seeker: Seeker) -> None:
    reminder = Reminder.objects.create(
        seeker=seeker, kind="keep_applying", key="k", due_at=local("UTC", 2026, 1, 1)
    )
    assert (
        seeker_client.post(f"/me/reminders/{reminder.pk}/close/", {"state": "weird"}).status_code
        == 400
    )
    assert (
        seeker_client.post(
            f"/me/reminders/{reminder.pk}/close/", {"state": "dismissed"}
        ).status_code
        == 302
    )
    reminder.refresh_from_db()
    assert reminder.state == "dismissed"
    assert seeker_client.get(f"/me/reminders/{reminder.pk}/close/").status_code == 405


def test_pages_carry_the_strict_csp_and_no_inline_script(
    seeker_client: Client, seeker: Seeker
) -> None:
    app = application(seeker)
    for path in (
        "/me/",
        f"/me/applications/{app.pk}/",
        "/me/settings/",
        "/me/import/",
        "/me/summary/",
    ):
        response = seeker_client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response["Content-Security-Policy"]
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\son[a-z]+=", html) and 'style="' not in html, path


def test_anonymous_people_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/me/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_people_of_an_organization_without_a_companion_get_404(recruiter_client: Client) -> None:
    assert recruiter_client.get("/me/").status_code == 404


def _seeker_routes() -> list[str]:
    def walk(patterns: list[object], prefix: str = "") -> list[str]:
        found = []
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                found += walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append(prefix + str(pattern.pattern))
        return found

    return [r for r in walk(get_resolver().url_patterns) if r.startswith("me/") and "<int:pk>" in r]


def test_another_seekers_ids_answer_404_on_every_route(
    seeker: Seeker, other_seeker: Seeker
) -> None:
    app = application(seeker, notes="private")
    interview = Interview.objects.create(application=app, starts_at=local("UTC", 2026, 1, 5, 9))
    reminder = Reminder.objects.create(
        seeker=seeker, application=app, kind="ghosted", key="g", due_at=local("UTC", 2026, 1, 1)
    )
    document = Document.objects.create(
        application=app, file="seeker/x.pdf", name="cv.pdf", content_type="application/pdf", size=1
    )
    ids = {
        "applications": app.pk, "interviews": interview.pk, "reminders": reminder.pk,
        "documents": document.pk,
    }  # fmt: skip
    routes = _seeker_routes()
    assert len(routes) >= 10
    intruder = Client()
    intruder.force_login(other_seeker.user)
    before = (
        list(JobApplication.objects.values()), list(Interview.objects.values()),
        list(Reminder.objects.values()), list(Document.objects.values()),
    )  # fmt: skip
    for route in routes:
        kind = route.split("/")[1]
        path = "/" + route.replace("<int:pk>", str(ids[kind])).replace("<str:kind>", "follow-up")
        for method in ("get", "post"):
            status = getattr(intruder, method)(path).status_code
            assert status in (404, 405), (method, path, status)
    after = (
        list(JobApplication.objects.values()), list(Interview.objects.values()),
        list(Reminder.objects.values()), list(Document.objects.values()),
    )  # fmt: skip
    assert after == before
    # The intruder's own board, export and calendar hold nothing of the other seeker's.
    for path in ("/me/", "/me/applications.csv", "/me/calendar.ics"):
        assert "Globex" not in intruder.get(path).content.decode()


def test_the_companion_has_no_organization_and_no_tracking(
    seeker_client: Client, seeker: Seeker
) -> None:
    html = seeker_client.get("/me/").content.decode()
    assert "google" not in html.lower() and "analytics" not in html.lower()
    assert Organization.objects.count() == 0


def test_a_sign_in_link_by_email_works_once(client: Client, seeker: Seeker) -> None:
    from django.core import mail

    from heardback.outbox.services import outbound_emails_deliver_due

    cache.clear()
    assert (
        client.post("/me/magic/", {"email": "nobody@example.com"})["Location"]
        == "/me/magic/?sent=1"
    )
    assert (
        client.post("/me/magic/", {"email": "SAM@example.com"})["Location"] == "/me/magic/?sent=1"
    )
    outbound_emails_deliver_due()
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]
    url = re.search(r"http://testserver(/me/magic/\S+/)", mail.outbox[0].body)
    assert url is not None
    link = url.group(1)
    # Opening it (a mail scanner would) does not sign in; the button does, once.
    page = client.get(link)
    assert page.status_code == 200 and client.get("/me/").status_code == 302
    assert client.post(link)["Location"] == "/me/"
    assert client.get("/me/").status_code == 200
    assert Client().post(link).status_code == 404  # spent: last_login moved
    assert Client().get(link[:-3] + "xx/").status_code == 404


def test_sign_in_links_are_rate_limited_per_address(seeker: Seeker, settings: object) -> None:
    from django.core import mail

    from heardback.outbox.services import outbound_emails_deliver_due

    cache.clear()
    settings.SEEKER_SIGNUPS_PER_HOUR = 1  # type: ignore[attr-defined]
    assert Client().post("/me/magic/", {"email": "nobody@example.com"}).status_code == 302
    response = Client().post("/me/magic/", {"email": "sam@example.com"})
    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert "Please try again in an hour." in response.content.decode()
    outbound_emails_deliver_due()
    assert mail.outbox == []


def test_a_sign_in_link_expires(client: Client, seeker: Seeker) -> None:
    from heardback.seeker.magic import magic_link_url

    link = magic_link_url(seeker.user).removeprefix("http://testserver")
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)):
        assert client.post(link).status_code == 404
