"""Documents on an application: allowed kinds and sizes only, the owner's alone, deleted with it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from heardback.seeker.documents import clean_name
from heardback.seeker.models import Document, Seeker
from tests.seeker.conftest import application

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            # A fixed date: the same bytes (and test ids) in every process.
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def post(client: Client, pk: int, name: str, data: bytes) -> Any:
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(f"/me/applications/{pk}/documents/new/", {"file": file})


def stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("CV Sam.pdf", PDF, "application/pdf"),
        ("lettre.docx", DOCX, DOCX_TYPE),
        ("lettre.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("notes.txt", "Questions à poser\n".encode(), "text/plain; charset=utf-8"),
        ("offer.PNG", PNG, "image/png"),
        ("scan.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
    ],
    ids=lambda value: value if isinstance(value, str) and "/" not in value else "",
)  # fmt: skip
def test_a_seeker_keeps_a_document_and_downloads_it_as_an_attachment(
    seeker_client: Client, seeker: Seeker, media: Path, name: str, data: bytes, content_type: str
) -> None:
    app = application(seeker)
    response = post(seeker_client, app.pk, name, data)
    assert response.status_code == 302
    document = Document.objects.get(application=app)
    assert (document.name, document.size, document.content_type) == (name, len(data), content_type)
    page = seeker_client.get(f"/me/applications/{app.pk}/").content.decode()
    assert name in page and f"/me/documents/{document.pk}/" in page
    download = seeker_client.get(f"/me/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data  # type: ignore[attr-defined]
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    # On disk under a random name, never the seeker's own.
    (path,) = stored(media)
    assert name not in path.name and path.read_bytes() == data


def test_a_file_name_with_folders_and_quotes_downloads_under_its_own_name(
    seeker_client: Client, seeker: Seeker
) -> None:
    app = application(seeker)
    post(seeker_client, app.pk, '../../etc/"évil".pdf', PDF)
    document = Document.objects.get()
    assert document.name == '"évil".pdf'
    disposition = seeker_client.get(f"/me/documents/{document.pk}/")["Content-Disposition"]
    assert "\n" not in disposition and "filename*=utf-8''%22%C3%A9vil%22.pdf" in disposition


def test_a_name_loses_folders_and_control_characters() -> None:
    assert clean_name("C:\\Users\\sam\\cv\r\n.pdf") == "cv.pdf"
    assert clean_name("\x00") == "document"
    long = clean_name("a" * 300 + ".docx")
    assert len(long) == 200 and long.endswith(".docx")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "Only PDF"),
        ("run.exe", b"MZ\x90\x00", "Only PDF"),
        ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Only PDF"),
        ("cv.pdf", b"<html><script>alert(1)</script></html>", "not the kind its name says"),
        ("cv.docx", zipped({"evil.js": b"x"}), "not the kind its name says"),
        ("cv.odt", DOCX, "not the kind its name says"),
        ("photo.png", PDF, "not the kind its name says"),
        ("notes.txt", b"\x00\x01binary", "not the kind its name says"),
        ("empty.pdf", b"", "empty"),
    ],
    ids=lambda value: value if isinstance(value, str) and " " not in value else "",
)  # fmt: skip
def test_other_kinds_and_disguised_files_are_refused_and_change_nothing(
    seeker_client: Client, seeker: Seeker, media: Path, name: str, data: bytes, message: str
) -> None:
    app = application(seeker)
    response = post(seeker_client, app.pk, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Document.objects.count() == 0 and stored(media) == []


def test_a_file_over_the_size_limit_is_refused_and_changes_nothing(
    seeker_client: Client, seeker: Seeker, media: Path, settings: Any
) -> None:
    settings.SEEKER_DOCUMENT_MAX_MB = 1
    app = application(seeker)
    response = post(seeker_client, app.pk, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert Document.objects.count() == 0 and stored(media) == []
    assert post(seeker_client, app.pk, "fits.pdf", PDF + b"0" * 1000).status_code == 302


def test_another_seekers_documents_answer_404_and_stay(
    seeker_client: Client, seeker: Seeker, other_seeker: Seeker, media: Path
) -> None:
    mine = application(seeker)
    post(seeker_client, mine.pk, "cv.pdf", PDF)
    document = Document.objects.get()
    intruder = Client()
    intruder.force_login(other_seeker.user)
    missing = document.pk + 1000
    for path in (f"/me/documents/{document.pk}/", f"/me/documents/{missing}/"):
        assert intruder.get(path).status_code == 404
    for path in (f"/me/documents/{document.pk}/delete/", f"/me/documents/{missing}/delete/"):
        assert intruder.post(path).status_code == 404
    # Nor may they add a file to my application.
    assert post(intruder, mine.pk, "x.pdf", PDF).status_code == 404
    assert list(Document.objects.values_list("pk", flat=True)) == [document.pk]
    assert len(stored(media)) == 1
    assert "cv.pdf" not in intruder.get("/me/").content.decode()


def test_deleting_a_document_or_its_application_removes_the_file(
    seeker_client: Client, seeker: Seeker, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    app = application(seeker)
    post(seeker_client, app.pk, "cv.pdf", PDF)
    post(seeker_client, app.pk, "letter.txt", b"Dear Globex")
    assert len(stored(media)) == 2
    first = Document.objects.get(name="cv.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = seeker_client.post(f"/me/documents/{first.pk}/delete/")
    assert response.status_code == 302
    assert list(Document.objects.values_list("name", flat=True)) == ["letter.txt"]
    assert len(stored(media)) == 1
    assert seeker_client.get(f"/me/documents/{first.pk}/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        seeker_client.post(f"/me/applications/{app.pk}/delete/")
    assert Document.objects.count() == 0 and stored(media) == []
