"""The read-only status feed of a portal link: JSON and iCalendar, stopping with the link."""

from __future__ import annotations

import datetime as dt
import json

import icalendar
import time_machine
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from heardback.portal import services
from heardback.portal.tokens import feed_token_for
from tests.portal.conftest import MakePortal, Portal


def feed_path(portal: Portal, fmt: str = "json") -> str:
    return services.candidate_link_feed_url(portal.link, fmt).removeprefix("http://testserver")


def test_the_page_offers_the_feed_and_the_feed_tells_the_status(candidate: Portal) -> None:
    page = candidate.get().content.decode()
    assert feed_path(candidate, "json") in page and feed_path(candidate, "ics") in page
    response = Client().get(feed_path(candidate))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["status"] == "rejected" and data["job"] == "Backend Engineer"
    assert data["next_step"]["key"] == "next_feedback_sent"
    assert [i["name"] for i in data["interviews"]] == ["Technical interview"]
    assert data["feedback"]["text"].startswith("Dear Ada, thank you for the technical interview.")
    # The feed is read-only: it never carries a token that opens the page.
    assert candidate.token not in response.content.decode()
    assert "PORTAL-TOKEN" not in response.content.decode()
    assert "http://testserver/p/\n" in data["feedback"]["text"] + "\n"
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"


def test_no_feedback_in_the_feed_until_it_is_sent(make_portal: MakePortal) -> None:
    waiting = make_portal(delivered=False)
    data = json.loads(Client().get(feed_path(waiting)).content)
    assert data["feedback"] is None and data["next_step"]["key"] == "next_feedback_coming"


def test_the_feed_answers_304_while_its_etag_holds(candidate: Portal) -> None:
    first = Client().get(feed_path(candidate))
    again = Client().get(feed_path(candidate), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    candidate.application.status = "hired"
    candidate.application.save()
    changed = Client().get(feed_path(candidate), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_the_calendar_feed_holds_the_interviews(candidate: Portal) -> None:
    response = Client().get(feed_path(candidate, "ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [e for e in calendar.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in events] == ["Technical interview · Acme"]


def test_tampered_foreign_revoked_and_expired_feeds_give_the_bad_token_page(
    make_portal: MakePortal, settings: Settings
) -> None:
    settings.PORTAL_LINK_DAYS = 10
    ada = make_portal()
    bob = make_portal(first_name="Bob", email="bob@mail.example")
    bad_token_page = Client().get("/p/" + "A" * 43 + "/")
    assert bad_token_page.status_code == 404
    ada_token = feed_token_for(application_id=ada.application.pk, nonce=ada.link.nonce)
    tampered = ada_token[:-1] + ("A" if ada_token[-1] != "A" else "B")
    paths = [
        f"/p/feed/{ada.link.pk}/{tampered}.json",
        f"/p/feed/{bob.link.pk}/{ada_token}.json",  # another application's link
        f"/p/feed/{ada.link.pk}/{ada.token}.json",  # the page's token is not the feed's
        f"/p/feed/{ada.link.pk}/{ada_token}.xml",
    ]
    for path in paths:
        response = Client().get(path)
        assert response.status_code == 404, path
        assert response.content == bad_token_page.content, path
    assert Client().get(feed_path(ada)).status_code == 200
    services.candidate_link_revoke(actor=None, link=ada.link)
    assert Client().get(feed_path(ada)).content == bad_token_page.content
    with time_machine.travel(timezone.now() + dt.timedelta(days=11), tick=False):
        assert Client().get(feed_path(bob, "ics")).status_code == 404


def test_a_rotated_secret_stops_the_feed(candidate: Portal, settings: Settings) -> None:
    path = feed_path(candidate)
    settings.SECRET_KEY = "another secret, after a rotation"
    assert Client().get(path).status_code == 404
