"""CSV import and export, the calendar export, the weekly summary and `heardback seeker`."""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from heardback.accounts.models import User
from heardback.seeker.models import Interview, JobApplication, Reminder, Seeker
from heardback.seeker.services import seeker_sweep
from tests.seeker.conftest import application, local

pytestmark = pytest.mark.django_db


def upload(client: Client, text: str) -> object:
    file = SimpleUploadedFile("apps.csv", text.encode(), content_type="text/csv")
    return client.post("/me/import/", {"file": file})


def test_csv_round_trip(seeker_client: Client, seeker: Seeker) -> None:
    text = (
        "company,role,link,source,applied_on,stage,next_step,next_step_due,notes\n"
        "Initech,Analyst,https://jobs.example/1,Referral,2026-03-02,interviewing,Call,2026-03-20,\n"
        'Hooli,=SUM(A1),,,,applied,,,"multi\nline"\n'
    )
    response = upload(seeker_client, text)
    assert response.status_code == 302
    assert sorted(JobApplication.objects.values_list("company", flat=True)) == ["Hooli", "Initech"]
    exported = seeker_client.get("/me/applications.csv")
    assert exported["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert {r["company"] for r in rows} == {"Initech", "Hooli"}
    # A cell a spreadsheet would run as a formula is written as text.
    assert next(r for r in rows if r["company"] == "Hooli")["role"] == "'=SUM(A1)"
    # And reading the export back yields the same applications.
    JobApplication.objects.all().delete()
    assert upload(seeker_client, exported.content.decode()).status_code == 302
    assert JobApplication.objects.get(company="Hooli").role == "=SUM(A1)"
    assert JobApplication.objects.get(company="Initech").next_step_due == dt.date(2026, 3, 20)


def test_a_bad_row_imports_nothing_and_names_the_row(seeker_client: Client, seeker: Seeker) -> None:
    text = (
        "company,role,applied_on,stage\n"
        "Initech,Analyst,2026-03-02,applied\nHooli,Dev,03/02/2026,applied\n,x,,\n"
    )
    response = upload(seeker_client, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Row 3:" in html and "2026-12-31" in html and "Row 4:" in html
    assert not JobApplication.objects.exists()
    missing = upload(seeker_client, "name,title\nA,B\n")
    assert (
        missing.status_code == 400 and "Missing columns: company, role." in missing.content.decode()
    )


def test_the_calendar_holds_interviews_and_open_reminders(
    seeker_client: Client, seeker: Seeker
) -> None:
    app = application(seeker, company="Initech", stage="interviewing")
    Interview.objects.create(
        application=app, starts_at=local("Europe/Paris", 2026, 3, 10, 14, 30), interviewers="Ana"
    )
    with time_machine.travel(local("Europe/Paris", 2026, 3, 10, 16, 0), tick=False):
        seeker_sweep()
    assert Reminder.objects.filter(kind="thank_you").exists()
    response = seeker_client.get("/me/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Keep applying", "Send a thank-you note · Initech", "Video call · Initech"]
    starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT") if "Video" in str(e["SUMMARY"])]
    assert starts == [dt.datetime(2026, 3, 10, 13, 30, tzinfo=dt.UTC)]


def test_the_weekly_summary_counts_the_last_seven_days(
    seeker_client: Client, seeker: Seeker
) -> None:
    with time_machine.travel(local("Europe/Paris", 2026, 3, 12, 9, 0), tick=False):
        application(seeker, applied_on=dt.date(2026, 3, 10))
        application(seeker, applied_on=dt.date(2026, 3, 1), last_contact_on=dt.date(2026, 3, 11))
        html = seeker_client.get("/me/summary/").content.decode()
    assert '<span class="kpi-value">1</span><span class="kpi-label">Applications sent' in html
    assert '<span class="kpi-value">1</span><span class="kpi-label">Answers received' in html
    assert '<span class="kpi-value">2</span><span class="kpi-label">Active applications' in html


def test_the_command_sets_up_single_user_local_mode(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long and private passphrase\n"))
    call_command("seeker", "--email", "Me@Example.com", "--password-stdin")
    user = User.objects.get(email="me@example.com")
    assert Seeker.objects.filter(user=user).exists() and user.check_password(
        "a long and private passphrase"
    )
    assert "/me/login/" in capsys.readouterr().out
    call_command("seeker", "--email", "me@example.com")  # again: the same account
    assert User.objects.filter(email="me@example.com").count() == 1
    call_command("seeker", "--sweep")
    assert "seekers 1" in capsys.readouterr().out
