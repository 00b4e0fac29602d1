"""English and French: the catalog is complete, up to date, compiled, and each user sees theirs."""

from __future__ import annotations

import ast
import gettext
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.fixtures import Settings

import heardback
from heardback.accounts.models import Organization, User
from heardback.hiring.models import Job, Scorecard
from tests import factories

SOURCE = Path(heardback.__file__).parent
CATALOG = SOURCE / "locale" / "fr" / "LC_MESSAGES"
# A Python %-placeholder: %(name)s, %s, %d, %.1f, and the escaped percent sign %%.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")


@dataclass(frozen=True)
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    translations: tuple[str, ...]
    flags: frozenset[str]
    line: int

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.context, self.msgid, self.plural)

    def __str__(self) -> str:
        where = f"{self.context!r} " if self.context else ""
        return f"line {self.line}: {where}{self.msgid!r}"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included, obsolete (#~) ones left out."""
    entries: list[Entry] = []
    fields: dict[str, list[str]] = {}
    flags: set[str] = set()
    current = ""
    start = 0

    def flush() -> None:
        if "msgid" in fields:
            text = {name: "".join(ast.literal_eval(part) for part in parts)
                    for name, parts in fields.items()}  # fmt: skip
            strings = sorted(name for name in text if name.startswith("msgstr"))
            entries.append(
                Entry(
                    context=text.get("msgctxt"),
                    msgid=text["msgid"],
                    plural=text.get("msgid_plural"),
                    translations=tuple(text[name] for name in strings),
                    flags=frozenset(flags),
                    line=start,
                )
            )
        fields.clear()
        flags.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        complete = any(name.startswith("msgstr") for name in fields)
        if not line or line.startswith("#~"):
            flush()
        elif line.startswith("#"):
            if complete:
                flush()
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith('"'):
            fields[current].append(line)
        else:
            keyword, _, quoted = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and complete:
                flush()
            if not fields:
                start = number
            current = keyword
            fields[current] = [quoted]
    flush()
    return entries


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def catalog() -> list[Entry]:
    return read_po(CATALOG / "django.po")


# --- The catalog ---------------------------------------------------------------------------------


def test_the_french_catalog_declares_its_language_and_plural_rule(catalog: list[Entry]) -> None:
    (header,) = [e for e in catalog if e.msgid == "" and e.context is None]
    assert "fuzzy" not in header.flags
    assert "Language: fr\n" in header.translations[0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header.translations[0]


def test_every_string_has_a_french_translation_and_none_is_fuzzy(catalog: list[Entry]) -> None:
    messages = [e for e in catalog if e.msgid]
    assert len(messages) > 300
    fuzzy = [str(e) for e in messages if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy entries (check the translation, then drop the flag):\n" + "\n".join(
        fuzzy
    )
    untranslated = [
        str(e)
        for e in messages
        if not all(t.strip() for t in e.translations)
        or len(e.translations) != (2 if e.plural else 1)
    ]
    assert not untranslated, "untranslated entries:\n" + "\n".join(untranslated)


def test_translations_keep_every_placeholder(catalog: list[Entry]) -> None:
    broken = []
    for entry in catalog:
        if "python-format" not in entry.flags:
            continue
        sources = [entry.msgid, entry.plural or entry.msgid]
        for source, translation in zip(sources, entry.translations, strict=False):
            if translation and placeholders(source) != placeholders(translation):
                broken.append(f"{entry}: {placeholders(translation)} for {placeholders(source)}")
    assert not broken, "placeholders changed:\n" + "\n".join(broken)


def test_every_string_the_code_marks_is_in_the_catalog(
    catalog: list[Entry], tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """makemessages over a copy of the code: a string marked since the last run must be missing."""
    copy = tmp_path / "heardback"
    shutil.copytree(
        SOURCE, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.pyc")
    )
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["fr"], verbosity=0)

    marked = {e.key: e for e in read_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")}
    committed = {e.key for e in catalog}
    missing = [
        f"{e.msgid!r}" + (f" (context {e.context!r})" if e.context else "")
        for key, e in marked.items()
        if key not in committed
    ]
    assert not missing, (
        "strings marked for translation but missing from locale/fr/LC_MESSAGES/django.po; run "
        "`heardback makemessages -l fr --ignore=static --no-obsolete --add-location=file` in "
        "src/heardback, translate them and compile:\n" + "\n".join(sorted(missing))
    )


def test_the_compiled_catalog_is_the_po_file(catalog: list[Entry]) -> None:
    with (CATALOG / "django.mo").open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    stale = []
    for entry in catalog:
        if not entry.msgid:
            continue
        if entry.plural is None:
            got: tuple[str, ...] = (
                mo.pgettext(entry.context, entry.msgid)
                if entry.context
                else mo.gettext(entry.msgid),
            )
        else:
            got = tuple(
                mo.npgettext(entry.context, entry.msgid, entry.plural, n)
                if entry.context
                else mo.ngettext(entry.msgid, entry.plural, n)
                for n in (1, 2)
            )
        # An untranslated entry is left out of the .mo: gettext falls back to the English.
        expected = (
            entry.translations
            if all(entry.translations)
            else (entry.msgid,)
            if entry.plural is None
            else (entry.msgid, entry.plural)
        )
        if got != expected:
            stale.append(f"{entry}: {got!r} compiled, {entry.translations!r} in the .po")
    assert not stale, "django.mo is older than django.po; run `heardback compilemessages`:\n" + (
        "\n".join(stale)
    )


# --- What people see -----------------------------------------------------------------------------


@pytest.fixture
def job(org: Organization) -> Job:
    job = factories.JobFactory(organization=org, title="Data Analyst")
    factories.StageFactory(job=job, name="Screen", position=0)
    for _ in range(2):
        factories.ApplicationFactory(organization=org, job=job)
    return job


def signed_in(user: User, language: str) -> Client:
    User.objects.filter(pk=user.pk).update(language=language)
    client = Client()
    client.force_login(user)
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def scorecard(job: Job, interviewer: User) -> Scorecard:
    """Ivan's scorecard for the first application, not yet submitted."""
    factories.CompetencyFactory(job=job, name="SQL")
    interview = factories.InterviewFactory(application=job.applications.first())
    interview.interviewers.add(interviewer)
    return factories.ScorecardFactory(
        interview=interview, interviewer=interviewer, submitted_at=None
    )


def test_a_french_recruiter_sees_the_jobs_page_in_french(recruiter: User, job: object) -> None:
    html = page(signed_in(recruiter, "fr"), "/jobs/")
    assert '<html lang="fr"' in html
    assert "<h1>Postes</h1>" in html
    assert "2 candidatures" in html
    assert "File de relecture" in html and "Se déconnecter" in html
    assert "Sign out" not in html and "applications" not in html


def test_an_english_recruiter_sees_the_jobs_page_in_english(recruiter: User, job: object) -> None:
    html = page(signed_in(recruiter, "en"), "/jobs/")
    assert '<html lang="en"' in html
    assert "<h1>Jobs</h1>" in html and "2 applications" in html and "Sign out" in html
    assert "Postes" not in html and "Se déconnecter" not in html


def test_a_french_recruiter_reviews_the_queue_in_french(recruiter: User) -> None:
    html = page(signed_in(recruiter, "fr"), "/feedback/")
    assert "<h1>File de relecture</h1>" in html
    assert "Rédiger les retours de tous les candidats refusés" in html
    assert "Garde-fou" in html and "Brouillon" in html and "Filtrer" in html
    assert "Feedback queue" not in html


def test_a_french_interviewer_fills_the_scorecard_in_french(
    interviewer: User, scorecard: Scorecard
) -> None:
    client = signed_in(interviewer, "fr")
    html = page(client, f"/scorecards/{scorecard.pk}/")
    assert "Soumettre la grille d’évaluation" in html
    assert "Oui, sans hésiter" in html and "Sans avis" in html and "Recommandation globale" in html
    assert "Submit scorecard" not in html

    saved = client.post(f"/scorecards/{scorecard.pk}/", {"save": "", "overall": "yes"}, follow=True)
    assert "Brouillon enregistré." in saved.content.decode()
    refused = client.post(f"/scorecards/{scorecard.pk}/", {"submit": "", "overall": "no_decision"})
    assert "Choisissez une recommandation globale avant de soumettre." in refused.content.decode()


def test_an_english_interviewer_fills_the_scorecard_in_english(
    interviewer: User, scorecard: Scorecard
) -> None:
    html = page(signed_in(interviewer, "en"), f"/scorecards/{scorecard.pk}/")
    assert "Submit scorecard" in html and "Strong yes" in html
    assert "grille" not in html


def test_a_french_recruiter_reads_the_closure_dashboard_in_french(recruiter: User) -> None:
    html = page(signed_in(recruiter, "fr"), "/closure/")
    assert "<h1>Clôture</h1>" in html
    assert "Candidats en attente par état" in html
    assert "En attente de décision" in html  # a state, from the model's choices
    assert "Semaine du " in html  # a chart's titles, from Python
    assert "Personne n’attend ici. Chaque candidat a reçu une réponse." in html
    assert "Waiting candidates by state" not in html and "Week of" not in html


def test_an_english_recruiter_reads_the_closure_dashboard_in_english(recruiter: User) -> None:
    html = page(signed_in(recruiter, "en"), "/closure/")
    assert "Waiting candidates by state" in html and "Awaiting decision" in html
    assert "Week of " in html
    assert "Clôture" not in html and "Semaine" not in html


def test_each_user_picks_their_language_and_keeps_it(recruiter: User, job: object) -> None:
    client = signed_in(recruiter, "en")
    switched = client.post("/language/", {"language": "fr", "next": "/jobs/"}, follow=True)
    assert "<h1>Postes</h1>" in switched.content.decode()
    recruiter.refresh_from_db()
    assert recruiter.language == "fr"

    elsewhere = Client()  # another browser: the choice is the account's, not the cookie's
    elsewhere.force_login(recruiter)
    assert "<h1>Postes</h1>" in page(elsewhere, "/jobs/")


def test_dates_read_as_each_language_writes_them(org: Organization, admin: User) -> None:
    """ "10 Sep 2026" in English, « 10 sept. 2026 » in French (never "10 Sep" or "Sept")."""
    import time_machine

    from heardback.api.services import api_key_create

    with time_machine.travel("2026-09-10 09:00:00+00:00", tick=False):
        api_key_create(organization=org, user=admin, name="CI", scopes=["read"])
    assert "10 Sep 2026" in page(signed_in(admin, "en"), "/settings/api-keys/")
    french = page(signed_in(admin, "fr"), "/settings/api-keys/")
    assert "10 sept. 2026" in french and "10 Sep" not in french


def test_french_weekday_names_stay_lower_case_in_dates() -> None:
    """Our catalog translates "Monday"… for the companion's weekday choice; its French must
    stay lower case, or it overrides Django's and every French date reads "Vendredi 6 mars"."""
    import datetime as dt

    from django.utils import formats, translation

    with translation.override("fr"):
        assert formats.date_format(dt.date(2026, 3, 6), "l j F Y") == "vendredi 6 mars 2026"
