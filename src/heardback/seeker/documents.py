"""What a seeker may attach to an application: a few kinds of file, checked by their name and
by their first bytes (a file named cv.pdf that is not a PDF is refused), within a size limit."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
# Extension -> the content type the download announces.
ALLOWED = {
    ".pdf": "application/pdf",
    ".docx": DOCX,
    ".odt": ODT,
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
NAME_MAX = 200


def max_bytes() -> int:
    return int(settings.SEEKER_DOCUMENT_MAX_MB) * 1024 * 1024


def clean_name(name: str) -> str:
    """The file's own name, without folders or control characters, at most NAME_MAX long."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if len(base) > NAME_MAX:
        stem, dot, suffix = base.rpartition(".")
        base = stem[: NAME_MAX - len(suffix) - 1] + dot + suffix if dot else base[:NAME_MAX]
    return base or "document"


def _is_zip_of(file: IO[bytes], extension: str) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension == ".docx":
                return "word/document.xml" in names and "[Content_Types].xml" in names
            return "mimetype" in names and archive.read("mimetype").strip() == ODT.encode()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


def _is_text(file: IO[bytes]) -> bool:
    data = file.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _content_matches(file: IO[bytes], extension: str) -> bool:
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    try:
        if extension == ".pdf":
            return head.startswith(b"%PDF-")
        if extension == ".png":
            return head == b"\x89PNG\r\n\x1a\n"
        if extension in (".jpg", ".jpeg"):
            return head.startswith(b"\xff\xd8\xff")
        if extension in (".docx", ".odt"):
            return head.startswith(b"PK\x03\x04") and _is_zip_of(file, extension)
        return _is_text(file)
    finally:
        file.seek(0)


def check(*, name: str, size: int, file: IO[bytes]) -> tuple[str, str]:
    """(the clean name, the content type) of an acceptable file; else a ValidationError."""
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": settings.SEEKER_DOCUMENT_MAX_MB},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    clean = clean_name(name)
    extension = PurePath(clean).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("Only PDF, Word (.docx), OpenDocument (.odt), text, PNG and JPEG files."),
            code="type",
        )
    if not _content_matches(file, extension):
        raise ValidationError(
            _("This file is not the kind its name says (%(ext)s).") % {"ext": extension},
            code="content",
        )
    return clean, ALLOWED[extension]
