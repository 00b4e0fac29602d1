"""403, 404 and 405 answer with the app's own page: styled, in the person's language, with a
way back home. The API keeps its JSON errors."""

from __future__ import annotations

import pytest
from django.test import Client

from heardback.accounts.models import User

pytestmark = pytest.mark.django_db

STYLESHEET = "/static/heardback/app.css"


def signed_in(user: User, language: str = "en") -> Client:
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    return client


def assert_page(response: object, status: int, template: str, *texts: str) -> None:
    assert response.status_code == status  # type: ignore[attr-defined]
    names = [t.name for t in response.templates]  # type: ignore[attr-defined]
    assert template in names and "base.html" in names, names
    body = response.content.decode()  # type: ignore[attr-defined]
    assert STYLESHEET in body
    assert '<a class="button" href="/">' in body
    for text in texts:
        assert text in body, text


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["You cannot open this page", "Back to the home page", 'lang="en"']),
        ("fr", ["Vous ne pouvez pas ouvrir cette page", "Retour à l’accueil", 'lang="fr"']),
    ],
)
def test_an_interviewer_on_the_settings_gets_a_403_page_in_their_language(
    interviewer: User, language: str, texts: list[str]
) -> None:
    response = signed_in(interviewer, language).get("/settings/")
    assert_page(response, 403, "403.html", *texts)
    # The header is there, with the interviewer's own menu: a way to their work.
    assert "/scorecards/" in response.content.decode()


def test_a_missing_page_gets_a_404_page_signed_in_or_not(recruiter: User) -> None:
    assert_page(signed_in(recruiter).get("/jobs/999999/"), 404, "404.html", "Page not found")
    anonymous = Client(headers={"Accept-Language": "fr"})
    response = anonymous.get("/no-such-page/")
    assert_page(response, 404, "404.html", "Page introuvable", "Retour à l’accueil")


def test_opening_a_form_address_gets_a_405_page_that_keeps_the_allow_header(
    recruiter: User,
) -> None:
    response = signed_in(recruiter, "fr").get("/feedback/approve-clean/")
    assert_page(response, 405, "405.html", "Cette adresse n’est pas une page")
    assert response["Allow"] == "POST"


def test_htmx_and_the_api_keep_their_own_405(recruiter: User) -> None:
    client = signed_in(recruiter)
    fragment = client.get("/feedback/approve-clean/", headers={"HX-Request": "true"})
    assert fragment.status_code == 405
    assert fragment.content == b""
    api = client.delete("/api/v1/jobs", headers={"Accept": "text/html"})
    assert api.status_code in {401, 405}
    assert api["Content-Type"].startswith("application/json")


def test_the_candidate_portal_keeps_its_own_405(recruiter: User) -> None:
    response = signed_in(recruiter).put("/p/" + "D" * 43 + "/")
    assert response.status_code == 405
    assert "405.html" not in [t.name for t in response.templates]
