"""Uploaded dumps: check what was sent, then keep it in a private directory for the worker.

An upload is either one .zip holding the dump's files (at its top or in one folder) or the
files themselves. Everything is checked before a byte is written: the source's file names, the
importers' size limit per file, a cap on the whole upload, and a zip's paths (no absolute or
`..` names, no links, no nested folders) and compression ratios. Sizes are counted again while
writing, since a zip's stated sizes can lie.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from heardback.integrations.importers import greenhouse, greenhouse_v3, lever
from heardback.integrations.importers.base import max_file_bytes

CHUNK = 1024 * 1024
MAX_ZIP_ENTRIES = 100
# Real JSON and CSV dumps deflate 5 to 30 times; far beyond that is a bomb, not a dump.
MAX_RATIO = 200
RATIO_CHECK_FROM = 10 * CHUNK  # small files may compress as well as they like
REASON_MAP = "reason_map.json"
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Expected:
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return self.required + self.optional


# The csv source takes one .csv file of any name instead.
EXPECTED_FILES = {
    "greenhouse": Expected(greenhouse.REQUIRED_FILES, (*greenhouse.OPTIONAL_FILES, REASON_MAP)),
    "greenhouse-v3": Expected(
        greenhouse_v3.REQUIRED_FILES, (*greenhouse_v3.OPTIONAL_FILES, REASON_MAP)
    ),
    "lever": Expected(lever.REQUIRED_FILES, (*lever.OPTIONAL_FILES, REASON_MAP)),
}


@dataclass(frozen=True)
class Member:
    """One file of the upload, not yet written."""

    name: str
    size: int  # as stated by the browser or the zip
    chunks: Callable[[], Iterator[bytes]]


def uploads_root() -> Path:
    """Where uploaded dumps wait for the worker: private, under VAR_DIR unless configured."""
    return Path(settings.HEARDBACK_IMPORT_UPLOAD_DIR)


def max_upload_bytes() -> int:
    return int(settings.HEARDBACK_IMPORT_MAX_UPLOAD_MB * CHUNK)


def _mb(size: int) -> str:
    return f"{size / CHUNK:.1f}"


def _too_big(name: str, size: int, limit: int) -> ValidationError:
    # The importers' wording (base.size_message), translated.
    return ValidationError(
        _("%(name)s: file is %(size)s MB, over the %(limit)s MB limit.")
        % {"name": name, "size": _mb(size), "limit": f"{limit / CHUNK:.0f}"},
        code="too_big",
    )


def members_of(files: Sequence[UploadedFile], *, source: str) -> list[Member]:
    """The upload's files, checked for `source`; ValidationError with every problem found."""
    if not files:
        raise ValidationError(_("Choose a .zip of the dump, or its files."), code="empty")
    zips = [f for f in files if (f.name or "").lower().endswith(".zip")]
    if zips and len(files) > 1:
        raise ValidationError(
            _("Upload either one .zip or the individual files, not both."), code="mixed"
        )
    members = _zip_members(zips[0]) if zips else [_plain_member(f) for f in files]
    _check_names(members, source)
    _check_sizes(members)
    return members


def store(members: Sequence[Member], directory: Path) -> None:
    """Write the files into a new private directory; removed again if anything is wrong."""
    per_file, total_limit = max_file_bytes(None), max_upload_bytes()
    directory.mkdir(mode=0o700, parents=True)
    total = 0
    try:
        for member in members:
            written = 0
            with open(directory / member.name, "xb") as out:
                for chunk in member.chunks():
                    written += len(chunk)
                    total += len(chunk)
                    if written > per_file:
                        raise _too_big(member.name, written, per_file)
                    if total > total_limit:
                        raise _upload_too_big(total, total_limit)
                    out.write(chunk)
    except (zipfile.BadZipFile, EOFError) as error:
        shutil.rmtree(directory, ignore_errors=True)
        raise ValidationError(
            _("The zip is damaged: %(error)s") % {"error": error}, code="bad_zip"
        ) from None
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise


def _upload_too_big(size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The upload unpacks to more than %(limit)s MB, the limit for one import.")
        % {"limit": f"{limit / CHUNK:.0f}"},
        code="upload_too_big",
    )


def _plain_member(upload: UploadedFile) -> Member:
    # Browsers send a bare file name; Django strips any path, and we only accept known names.
    name = PurePosixPath((upload.name or "").replace("\\", "/")).name
    return Member(name, upload.size or 0, lambda: iter(upload.chunks(CHUNK)))


def _zip_members(upload: UploadedFile) -> list[Member]:
    name = upload.name or "upload.zip"
    if (upload.size or 0) > max_upload_bytes():
        raise _too_big(name, upload.size or 0, max_upload_bytes())
    try:
        archive = zipfile.ZipFile(upload)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ValidationError(
            _("%(name)s is not a valid .zip file.") % {"name": name}, code="bad_zip"
        ) from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ValidationError(
            _("The zip holds more than %(n)s entries; a dump has a dozen files at most.")
            % {"n": MAX_ZIP_ENTRIES},
            code="too_many",
        )
    errors: list[ValidationError] = []
    files: list[tuple[PurePosixPath, zipfile.ZipInfo]] = []
    for info in infos:
        path = _safe_path(info, errors)
        if path is None or info.is_dir() or _is_clutter(path):
            continue
        files.append((path, info))
    folders = {path.parts[0] for path, _info in files if len(path.parts) == 2}
    if len(folders) > 1 or (folders and any(len(p.parts) == 1 for p, _i in files)):
        errors.append(
            ValidationError(
                _("Put the dump's files at the top of the zip or in one folder, not several."),
                code="folders",
            )
        )
    if errors:
        raise ValidationError(errors)
    return [Member(p.name, i.file_size, _reader(archive, i)) for p, i in files]


def _safe_path(info: zipfile.ZipInfo, errors: list[ValidationError]) -> PurePosixPath | None:
    raw = info.filename
    path = PurePosixPath(raw)
    unsafe = (
        "\\" in raw
        or "\x00" in raw
        or raw.startswith("/")
        or bool(_DRIVE.match(raw))
        or ".." in path.parts
    )
    if unsafe:
        errors.append(
            ValidationError(
                _("The zip holds an unsafe path %(path)s: absolute paths and '..' are refused.")
                % {"path": repr(raw)},
                code="unsafe_path",
            )
        )
        return None
    if stat.S_ISLNK(info.external_attr >> 16):
        errors.append(
            ValidationError(
                _("The zip holds a link, %(path)s; only plain files are accepted.")
                % {"path": repr(raw)},
                code="link",
            )
        )
        return None
    if info.flag_bits & 0x1:
        errors.append(
            ValidationError(
                _("%(path)s is encrypted; zip the files without a password.") % {"path": repr(raw)},
                code="encrypted",
            )
        )
        return None
    if not info.is_dir() and len(path.parts) > 2 and not _is_clutter(path):
        errors.append(
            ValidationError(
                _("%(path)s is in a sub-folder; put the files at the top of the zip.")
                % {"path": repr(raw)},
                code="nested",
            )
        )
        return None
    return path


def _is_clutter(path: PurePosixPath) -> bool:
    """Files archivers add on their own: macOS resource forks, .DS_Store, Thumbs.db."""
    return path.parts[0] == "__MACOSX" or path.name.startswith(".") or path.name == "Thumbs.db"


def _reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        handle: IO[bytes]
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                yield chunk

    # The ratio is known before unpacking anything.
    if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise ValidationError(
            _("%(name)s unpacks to %(ratio)s times its packed size: refused as a zip bomb.")
            % {"name": info.filename, "ratio": info.file_size // max(info.compress_size, 1)},
            code="zip_bomb",
        )
    return chunks


def _check_names(members: Sequence[Member], source: str) -> None:
    errors: list[ValidationError] = []
    names = [m.name for m in members]
    for name in sorted({n for n in names if names.count(n) > 1}):
        errors.append(ValidationError(_("%(name)s was uploaded twice.") % {"name": name}))
    if source == "csv":
        if len(members) != 1 or not names[0].lower().endswith(".csv"):
            errors.append(
                ValidationError(_("A CSV import takes exactly one .csv file."), code="csv_one_file")
            )
        if errors:
            raise ValidationError(errors)
        return
    expected = EXPECTED_FILES[source]
    for name in names:
        if name not in expected.names:
            errors.append(
                ValidationError(
                    _("%(name)s is not a file of a %(source)s dump (expected %(names)s).")
                    % {"name": name, "source": source, "names": ", ".join(expected.names)},
                    code="unexpected_file",
                )
            )
    missing = [n for n in expected.required if n not in names]
    if missing:
        errors.append(
            ValidationError(
                _("Missing required file(s) for %(source)s: %(names)s.")
                % {"source": source, "names": ", ".join(missing)},
                code="missing_file",
            )
        )
    if errors:
        raise ValidationError(errors)


def _check_sizes(members: Sequence[Member]) -> None:
    per_file = max_file_bytes(None)
    errors = [_too_big(m.name, m.size, per_file) for m in members if m.size > per_file]
    total = sum(m.size for m in members)
    if total > max_upload_bytes():
        errors.append(_upload_too_big(total, max_upload_bytes()))
    if errors:
        raise ValidationError(errors)
