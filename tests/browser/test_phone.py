"""Every page of each persona on a 360 px phone, in English and in French, in a real Chromium.

The demo organization (the one `make demo` shows) gives the pages real names, long French
labels and full tables. Each persona signs in and follows the links of the pages they land on,
one page per view, so a page added later is visited too; each page must fit the screen (no
sideways scroll of the whole page), and the header must fold into a menu with touch-sized
targets. An interviewer must meet no link that answers with an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from playwright.sync_api import expect

from heardback.accounts.invitations import (
    invitation_create,
    invitation_send,
    invitation_token,
)
from heardback.accounts.models import Organization, User
from heardback.closure.services import closure_sweep
from heardback.demo.services import demo_create
from heardback.feedback.models import FeedbackNote
from heardback.feedback.services import feedback_notes_draft_bulk
from heardback.hiring.models import Application
from heardback.integrations.models import ImportRun
from heardback.portal import services as portal_services
from heardback.portal.models import PortalQuestion
from heardback.seeker.models import Document, Interview, JobApplication, Seeker
from heardback.seeker.services import seeker_sweep
from tests.browser.chromium import TIMEOUT_MS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo password for the phone test"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
# Views that are not pages to look at: downloads, the landing redirect, the Django admin, the
# API's documentation.
NOT_PAGES = {
    "portal:data-download", "healthz", "hiring:home", "seeker:export-csv", "seeker:calendar",
    "seeker:application-employer", "seeker:document-download",
}  # fmt: skip
NOT_PAGE_PREFIXES = ("/admin/", "/api/", "/static/")

# What each persona mostly works on, for the screenshots in docs/screenshots/.
MAIN_PAGES = {
    "recruiter": [
        "hiring:job-detail", "feedback:queue", "feedback:note-detail", "feedback:sent",
        "closure:dashboard",
    ],
    "admin": ["accounts:settings-members", "integrations:run-detail"],
    "interviewer": ["hiring:scorecard-list-mine", "hiring:scorecard-edit"],
    "seeker": [
        "seeker:board", "seeker:application-detail", "seeker:thank-you", "seeker:settings",
    ],
}  # fmt: skip

# The elements a finger must hit: header controls, buttons, fields, tabs and pages' links.
TOUCH_TARGETS = """
() => [...document.querySelectorAll(
    '.topbar summary, .topbar a, .topbar button, .topbar select, main button:not(.link), ' +
    'main a.button, main select, main nav a, .pager a, ' +
    'main input:not([type=hidden]):not([type=checkbox]):not([type=radio])')]
  .filter(e => e.offsetParent !== null && !e.closest('.sources'))
  .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
  .filter(([, height]) => height < 44)
"""

# The elements sticking out on the right (some may sit in a box that scrolls): where to look.
TOO_WIDE = """
() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .slice(0, 8)
  .map(e => e.outerHTML.slice(0, 120) + ' right=' + Math.round(e.getBoundingClientRect().right))
"""


@pytest.fixture
def demo(settings: Any) -> Iterator[Organization]:
    """The small demo organization with its drafted notes, a few sent, a question, an import
    with a problem, and its closure clocks computed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    summary = demo_create(seed=1, size="small", password=PASSWORD)
    organization = summary.organization
    feedback_notes_draft_bulk(actor=None, organization=organization)
    now = timezone.now()
    sendable = FeedbackNote.objects.filter(
        organization=organization, is_current=True, status=FeedbackNote.Status.DRAFT
    ).exclude(guard_verdict="block")
    for index, note in enumerate(sendable.order_by("pk")[:12]):
        note.status = FeedbackNote.Status.SENT
        note.approved_at = now - dt.timedelta(days=2)
        note.sent_at = now - dt.timedelta(hours=3 * index + 1)
        note.save()
    sent = FeedbackNote.objects.filter(
        organization=organization, status=FeedbackNote.Status.SENT
    ).first()
    assert sent is not None
    PortalQuestion.objects.create(
        organization=organization,
        application=sent.application,
        body="Bonjour, pourriez-vous me dire quelles compétences travailler avant de repostuler ?",
    )
    ImportRun.objects.create(
        organization=organization,
        source=ImportRun.Source.GREENHOUSE,
        status=ImportRun.Status.FAILED,
        finished_at=now,
        file_names=["scorecards-export-with-a-rather-long-name-2026-11-25.json"],
        summary={"scorecards": {"created": 120, "updated": 3, "unchanged": 0, "skipped": 2}},
        problems=[
            {
                "severity": "error",
                "file": "scorecards-export-with-a-rather-long-name-2026-11-25.json",
                "record": "scorecard 4815162342",
                "field": "attributes[3].rating",
                "message": "Unknown rating 'mixed': expected one of strong_yes, yes, no.",
            }
        ],
        error_count=1,
    )
    closure_sweep()  # the closure page's clocks, as the worker computes them
    yield organization


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"^(?!.*/login/).*$"))


def view_name(path: str) -> str | None:
    if path.startswith(NOT_PAGE_PREFIXES):
        return None
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    # Unnamed routes are redirects ("/" to the persona's first page).
    return None if match.url_name is None or match.view_name in NOT_PAGES else match.view_name


def local_links(page: Any) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    origin = urlsplit(page.url)
    links = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.netloc == origin.netloc and parts.path:
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


# Tables of the class "list" as they show on a phone: one card per row, each cell labelled.
TABLES = """
() => [...document.querySelectorAll('table.list')].filter(t => t.tHead && t.tBodies[0].rows[0])
  .map(t => {
    const row = t.tBodies[0].rows[0];
    const cell = [...row.cells].find((c, i) => i > 0 && c.colSpan === 1);
    const heading = cell ? t.tHead.rows[0].cells[cell.cellIndex].textContent.trim() : null;
    return [getComputedStyle(row).display, cell ? cell.dataset.label === heading : true];
  })
"""

# Links that act as buttons ("New job", "Add candidates") must look like buttons, not bare links.
BARE_BUTTONS = """
() => [...document.querySelectorAll('main a.button')].filter(e => e.offsetParent !== null)
  .filter(e => getComputedStyle(e).backgroundColor === 'rgba(0, 0, 0, 0)')
  .map(e => e.outerHTML.slice(0, 80))
"""


def assert_fits(page: Any, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (where, width, page.evaluate(TOO_WIDE))
    small = page.evaluate(TOUCH_TARGETS)
    assert small == [], (where, small)
    tables = page.evaluate(TABLES)
    assert all(table == ["block", True] for table in tables), (where, tables)
    bare = page.evaluate(BARE_BUTTONS)
    assert bare == [], (where, bare)


def crawl(page: Any, base: str, start: str) -> dict[str, str]:
    """Visit the first page of each view reachable from `start`, checking that each fits;
    returns {view name: path}."""
    visited: dict[str, str] = {}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        name = view_name(path)
        if name is None or name in visited:
            continue
        visited[name] = path
        response = page.goto(base + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        assert_fits(page, path)
        queue.extend(local_links(page))
    return visited


def menu_check(page: Any, *, label: str, name: str) -> None:
    """The header is one row with a menu button; the menu opens over the page and fits."""
    menu = page.locator("details.menu")
    summary = menu.locator("summary")
    expect(summary).to_have_text(label)
    # The header's navigation (a page may have its own, the pager: deciders land on the queue).
    navigation = menu.get_by_role("navigation")
    expect(navigation).to_be_hidden()
    header = page.locator("header.topbar").bounding_box()
    assert header["height"] <= 60, header  # one row, not a third of the screen
    summary.click()
    expect(navigation).to_be_visible()
    assert_fits(page, "menu open")
    screenshot(page, name)
    page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()


def switch_to_french(page: Any) -> None:
    page.locator("details.menu summary").click()
    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def screenshots(page: Any, base: str, persona: str, pages: dict[str, str], language: str) -> None:
    for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        for name in MAIN_PAGES[persona]:
            if name in pages:
                page.goto(base + pages[name])
                slug = name.split(":")[1]
                screenshot(page, f"{persona}-{slug}-{size_name}-{language}")
    page.set_viewport_size(PHONE)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if m.type == "error" else None)
    yield page
    assert [m for m in blocked if "Content Security Policy" in m] == []
    context.close()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (
            "recruiter",
            {
                "hiring:job-list", "hiring:job-detail", "hiring:application-detail",
                "hiring:rubric-edit", "hiring:scorecard-list-mine", "feedback:queue",
                "feedback:note-detail", "feedback:note-edit", "feedback:sent",
                "closure:dashboard", "portal:question-list", "integrations:run-list",
                "integrations:run-detail", "accounts:password-change",
                "reroute:suggestions", "reroute:talent-pool", "partners:pool",
                "partners:invitations", "partners:partnerships",
            },
        ),
        (
            "admin",
            {
                "hiring:job-list", "feedback:queue", "feedback:sent", "closure:dashboard",
                "accounts:settings", "accounts:settings-members", "api_keys:settings",
                "integrations:run-list", "reroute:talent-pool", "partners:partnerships",
            },
        ),
        (
            "interviewer",
            {"hiring:scorecard-list-mine", "hiring:scorecard-edit", "accounts:password-change"},
        ),
    ],
)  # fmt: skip
def test_every_page_of_a_persona_fits_a_phone_in_english_and_french(
    live_server: Any, phone: Any, demo: Organization, persona: str, expected: set[str]
) -> None:
    base = live_server.url
    sign_in(phone, base, f"{persona}@demo.example")
    start = urlsplit(phone.url).path
    menu_check(phone, label="Menu", name=f"{persona}-menu-phone-en")
    english = crawl(phone, base, start)
    assert expected <= set(english), sorted(expected - set(english))
    screenshots(phone, base, persona, english, "en")

    phone.goto(base + start)
    switch_to_french(phone)
    menu_check(phone, label="Menu", name=f"{persona}-menu-phone-fr")
    french = crawl(phone, base, start)
    assert set(french) == set(english)
    screenshots(phone, base, persona, french, "fr")


def test_an_interviewer_meets_no_link_they_cannot_follow(
    live_server: Any, phone: Any, demo: Organization
) -> None:
    base = live_server.url
    sign_in(phone, base, "interviewer@demo.example")
    pages = crawl(phone, base, urlsplit(phone.url).path)
    links: set[str] = set()
    for path in pages.values():
        phone.goto(base + path)
        links.update(link for link in local_links(phone) if view_name(link))
    # A job the interviewer interviews for is among them, and its page names no queue.
    assert any(view_name(link) == "hiring:job-detail" for link in links), sorted(links)
    refused = {}
    for link in sorted(links):
        status = phone.request.get(base + link, max_redirects=0).status
        if status >= 400:
            refused[link] = status
    assert refused == {}

    # Typed by hand, a page they may not open answers with the app's page and a way back.
    response = phone.goto(f"{base}/settings/")
    assert response is not None and response.status == 403
    expect(phone.get_by_role("heading", name="You cannot open this page")).to_be_visible()
    assert_fits(phone, "403")
    screenshot(phone, "forbidden-phone-en")
    phone.get_by_role("link", name="Back to the home page").click()
    phone.wait_for_url(re.compile(r"/(jobs|scorecards)/"))
    expect(phone.locator("h1")).to_be_visible()


def test_a_candidate_and_a_new_colleague_pages_fit_a_phone(
    live_server: Any, phone: Any, demo: Organization
) -> None:
    sent = FeedbackNote.objects.filter(organization=demo, status=FeedbackNote.Status.SENT)
    application = Application.objects.get(pk=sent.values_list("application", flat=True)[0])
    link = portal_services.candidate_link_issue(application=application)
    url = f"{live_server.url}/p/{portal_services.candidate_link_token(link)}/"
    for language in ("en", "fr"):
        phone.goto(f"{url}?lang={language}")
        expect(phone.locator("html")).to_have_attribute("lang", language)
        expect(phone.get_by_role("heading", name=application.job.title)).to_be_visible()
        assert_fits(phone, f"portal {language}")
        screenshot(phone, f"candidate-portal-phone-{language}")
        phone.set_viewport_size(DESKTOP)
        screenshot(phone, f"candidate-portal-desktop-{language}")
        phone.set_viewport_size(PHONE)
    invitation = invitation_send(
        actor=None,
        invitation=invitation_create(
            actor=None, organization=demo, email="new.colleague@demo.example", role="interviewer"
        ),
    )
    invited = reverse("accounts:invitation-accept", args=[invitation_token(invitation)])
    for path, status in (("/p/", 200), ("/login/", 200), (invited, 200), ("/nowhere/", 404)):
        response = phone.goto(live_server.url + path)
        assert response is not None and response.status == status, path
        assert_fits(phone, path)
    expect(phone.get_by_role("link", name="Back to the home page")).to_be_visible()
    screenshot(phone, "not-found-phone-en")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_header_stays_a_bar_on_a_desktop(
    live_server: Any, browser: Any, demo: Organization, javascript: bool
) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    sign_in(page, live_server.url, "recruiter@demo.example")
    expect(page.locator("details.menu summary")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Feedback queue")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert page.locator("header.topbar").bounding_box()["height"] <= 80
    context.close()


@pytest.fixture
def job_seeker(settings: Any, tmp_path: Any) -> str:
    """A job seeker (no organization) with long names, an interview, reminders, a document."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    email = "seeker@companion.example"
    user = User.objects.create_user(email, PASSWORD, full_name="Maximilienne Delacroix-Fontaine")
    seeker = Seeker.objects.create(user=user, time_zone="Europe/Paris", active_min=5)
    now = timezone.now()
    long = JobApplication.objects.create(
        seeker=seeker,
        company="Compagnie Internationale des Wagons-Lits et du Tourisme",
        role="Responsable de l'expérience candidat et des partenariats institutionnels",
        link="https://careers.example/offres/responsable-experience-candidat-partenariats-2026",
        source="Recommandation d'une ancienne collègue",
        applied_on=timezone.localdate() - dt.timedelta(days=30),
        next_step="Un appel avec la directrice des ressources humaines",
        next_step_due=timezone.localdate() - dt.timedelta(days=2),
        stage="interviewing",
    )
    Interview.objects.create(
        application=long,
        starts_at=now - dt.timedelta(hours=3),
        interviewers="Anne-Sophie Kowalczyk-Martin, a.kowalczyk-martin@wagons-lits.example",
        notes="leur passage à une planification hebdomadaire des recrutements",
    )
    letter = Document(
        application=long, content_type="application/pdf", size=9,
        name="Lettre_de_motivation_Compagnie_Internationale_des_Wagons-Lits_version_finale.pdf",
    )  # fmt: skip
    letter.file.save("letter.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    initech = JobApplication.objects.create(
        seeker=seeker, company="Initech", role="Analyst", stage="rejected",
        applied_on=timezone.localdate() - dt.timedelta(days=10),
        stage_changed_on=timezone.localdate() - dt.timedelta(days=1),
    )  # fmt: skip
    Interview.objects.create(application=initech, starts_at=now - dt.timedelta(days=5))
    seeker_sweep()
    return email


def test_a_job_seekers_pages_fit_a_phone_in_english_and_french(
    live_server: Any, phone: Any, job_seeker: str
) -> None:
    base = live_server.url
    sign_in(phone, base, job_seeker)
    assert urlsplit(phone.url).path == "/me/"
    menu_check(phone, label="Menu", name="seeker-menu-phone-en")
    english = crawl(phone, base, "/me/")
    expected = {
        "seeker:board", "seeker:application-new", "seeker:application-detail",
        "seeker:application-edit", "seeker:interview-new", "seeker:interview-edit",
        "seeker:thank-you", "seeker:application-draft", "seeker:summary", "seeker:settings",
        "seeker:import-csv", "seeker:account-delete",
    }  # fmt: skip
    assert expected <= set(english), sorted(expected - set(english))
    screenshots(phone, base, "seeker", english, "en")
    phone.goto(base + "/me/")
    switch_to_french(phone)
    french = crawl(phone, base, "/me/")
    assert set(french) == set(english)
    screenshots(phone, base, "seeker", french, "fr")
    for path in ("/me/signup/", "/me/login/", "/me/magic/"):
        context = phone.context.browser.new_context(viewport=PHONE, is_mobile=True)
        anonymous = context.new_page()
        response = anonymous.goto(base + path)
        assert response is not None and response.status == 200
        assert_fits(anonymous, path)
        context.close()
