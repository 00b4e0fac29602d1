"""What every importer shares: the report, file loading, field readers and the transaction."""

from __future__ import annotations

import codecs
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.hiring.models import RejectionReason
from heardback.integrations.importers import normalize

# progress(phase, done, total): the command draws a bar with it; a web upload can poll it.
ProgressCallback = Callable[[str, int, int], object]
SAVING = "Saving"  # the progress phase that spans the write transaction
BATCH = 500  # rows per bulk statement
OBJECT_TYPES = (
    "users",
    "memberships",
    "invitations",
    "jobs",
    "stages",
    "competencies",
    "rejection reasons",
    "candidates",
    "applications",
    "interviews",
    "scorecards",
    "ratings",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located well enough to fix it in the source."""

    file: str
    record: str  # the record's id, "#12" (12th record) or "line 7" (CSV, JSON syntax)
    field: str
    message: str
    severity: str = "error"  # "error" stops the import; "warning" is reported only


@dataclass
class ImportReport:
    source: str
    organization: Organization
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(
        default_factory=lambda: {name: Counter() for name in OBJECT_TYPES}
    )
    # Competencies an ATS named that nobody has described for candidates yet: (job, name).
    new_competencies: list[tuple[str, str]] = field(default_factory=list)
    committed: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, file: str, record: str, field_: str, message: str) -> None:
        self.problems.append(Problem(file, record, field_, message))

    def warn(self, file: str, record: str, field_: str, message: str) -> None:
        self.problems.append(Problem(file, record, field_, message, "warning"))

    def count(self, object_type: str, action: str, n: int = 1) -> None:
        self.counts[object_type][action] += n

    def summary_rows(self) -> list[tuple[str, int, int, int, int]]:
        """(object type, created, updated, unchanged, skipped) for every type seen."""
        rows = []
        for name in OBJECT_TYPES:
            counts = self.counts[name]
            if sum(counts.values()):
                rows.append(
                    (
                        name,
                        counts["created"],
                        counts["updated"],
                        counts["unchanged"],
                        counts["skipped"],
                    )
                )
        return rows

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view for the audit row and, later, the API."""
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": {k: dict(v) for k, v in self.counts.items() if v},
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "new_competencies": [list(pair) for pair in self.new_competencies],
        }


class ImportAborted(Exception):
    """Raised inside the transaction when the input cannot be imported; rolls everything back."""


def max_file_bytes(max_file_mb: float | None) -> int:
    limit = max_file_mb if max_file_mb is not None else settings.HEARDBACK_IMPORT_MAX_FILE_MB
    return int(limit * 1024 * 1024)


def size_message(size: int, max_bytes: int) -> str:
    """The one wording of the size limit, for the command line and the upload page alike."""
    return f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit"


# -- files ---------------------------------------------------------------------------------------


def read_text(path: Path, report: ImportReport, *, max_bytes: int, required: bool = True) -> str:
    """The file's text, or "" after reporting why it cannot be used."""
    name = path.name
    if path.is_dir():
        report.error(name, "", "", f"{path} is a folder; give the file itself")
        return ""
    if not path.is_file():
        if required:
            report.error(name, "", "", f"required file {name} is missing from {path.parent}")
        return ""
    size = path.stat().st_size
    if size > max_bytes:
        report.error(name, "", "", f"{size_message(size, max_bytes)} (raise it with --max-file-mb)")
        return ""
    raw = path.read_bytes()
    if not raw.strip():
        report.error(name, "", "", "file is empty")
        return ""
    # Excel and some exporters write a byte-order mark; it is not part of the data. Excel's
    # "Unicode text" is UTF-16 with one, which says the encoding for certain.
    encoding = next((e for bom, e in _BOMS if raw.startswith(bom)), "utf-8-sig")
    try:
        text = codecs.decode(raw, encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        report.error(
            name,
            f"line {line}",
            "",
            f"file is not {encoding.upper().removesuffix('-SIG')} text (byte "
            f"{error.start}: {raw[error.start : error.start + 1]!r}); save it as UTF-8 "
            '(Excel: "CSV UTF-8"), or convert it with: iconv -f WINDOWS-1252 -t UTF-8',
        )
        return ""
    if "\x00" in text:
        # PostgreSQL cannot store a NUL in text, and no ATS means one: a damaged export.
        line = text.count("\n", 0, text.index("\x00")) + 1
        report.error(
            name,
            f"line {line}",
            "",
            "file holds NUL characters: a damaged export, or UTF-16 without its byte-order "
            "mark; save it as UTF-8",
        )
        return ""
    return text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A JSON value nested deeper than this is no ATS record; Python's parser would overflow.
_MAX_DEPTH_MESSAGE = "nested too deeply to be a dump of records"
_NOTHING = object()


def load_json(
    path: Path, report: ImportReport, *, max_bytes: int, required: bool = True
) -> Any | None:
    """The JSON value in a file; consecutive top-level arrays (pages cat'ed together) are joined,
    and so are consecutive objects (JSON Lines, as warehouses and connectors export)."""
    value = _load_json(path, report, max_bytes=max_bytes, required=required)
    if value is None:
        report.error(path.name, "", "", "holds null instead of records")
        return None
    return None if value is _NOTHING else value


def _load_json(path: Path, report: ImportReport, *, max_bytes: int, required: bool) -> Any:
    text = read_text(path, report, max_bytes=max_bytes, required=required)
    if not text:
        return _NOTHING
    decoder = json.JSONDecoder()
    values: list[Any] = []
    position = 0
    try:
        while position < len(text):
            while position < len(text) and text[position].isspace():
                position += 1
            if position == len(text):
                break
            value, position = decoder.raw_decode(text, position)
            values.append(value)
    except json.JSONDecodeError as error:
        report.error(path.name, f"line {error.lineno} column {error.colno}", "", error.msg)
        return _NOTHING
    except RecursionError:
        report.error(path.name, "", "", _MAX_DEPTH_MESSAGE)
        return _NOTHING
    if "\\u0000" in text:
        # An escaped NUL means nothing in an ATS's text and PostgreSQL cannot store it.
        values = [_without_nul(v) for v in values]
    if len(values) == 1:
        return values[0]
    if all(isinstance(v, list) for v in values):
        return [item for page in values for item in page]
    if all(isinstance(v, dict) for v in values):
        return values
    report.error(
        path.name, "", "", "holds several JSON values that are neither all arrays nor all objects"
    )
    return _NOTHING


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    return value


def load_records(
    path: Path, report: ImportReport, *, max_bytes: int, required: bool = True
) -> list[Any] | None:
    """A list endpoint's dump: a JSON array, or an API envelope {"data": [...]}."""
    value = load_json(path, report, max_bytes=max_bytes, required=required)
    if value is None:
        return None
    if isinstance(value, list) and len(value) > 1 and all(_is_envelope(v) for v in value):
        # API pages saved one after the other: {"data": [...], "hasNext": true, ...}{...}
        return [record for page in value for record in page["data"]]
    if isinstance(value, dict):
        # An API envelope {"data": [...]}, or a dump keyed by its resource {"jobs": [...]}.
        lists = [
            v for k, v in value.items() if isinstance(v, list) and (k == "data" or len(value) == 1)
        ]
        if lists:
            data: list[Any] = lists[0]
            return data
    if not isinstance(value, list):
        report.error(path.name, "", "", f"expected a JSON array of records, got {_kind(value)}")
        return None
    return value


def _is_envelope(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("data"), list) and "id" not in value


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


# -- records -------------------------------------------------------------------------------------


class Fields:
    """Typed access to one JSON record that reports every bad field instead of raising."""

    def __init__(self, report: ImportReport, file: str, record: str, data: dict[str, Any]) -> None:
        self.report, self.file, self.record, self.data = report, file, record, data
        self.failed = False

    def problem(self, name: str, message: str) -> None:
        self.failed = True
        self.report.error(self.file, self.record, name, message)

    def warn(self, name: str, message: str) -> None:
        self.report.warn(self.file, self.record, name, message)

    def _get(self, name: str, required: bool) -> Any:
        value = self.data.get(name)
        if value is None and required:
            self.problem(name, "is missing" if name not in self.data else "is null")
        return value

    def id(self, name: str, required: bool = True) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        try:
            return normalize.external_id(value)
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def string(self, name: str, required: bool = False, default: str = "") -> str:
        value = self._get(name, required)
        if value is None:
            return default
        if not isinstance(value, str):
            self.problem(name, f"expected a string, got {_kind(value)}")
            return default
        return value

    def text(self, name: str) -> str:
        """Free text that may hold HTML: stored as plain text."""
        value = self.data.get(name)
        if value is not None and not isinstance(value, str):
            self.problem(name, f"expected text, got {_kind(value)}")
            return ""
        return normalize.clean_text(value)

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(name, f"expected true or false, got {value!r}")
            return default
        return value

    def object(self, name: str, required: bool = False) -> dict[str, Any]:
        value = self._get(name, required)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(name, f"expected an object, got {_kind(value)}")
            return {}
        return value

    def array(self, name: str, required: bool = False) -> list[Any]:
        # Lever sends null instead of [] for some lists; that is not an error.
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(name, f"expected an array, got {_kind(value)}")
            return []
        return value

    def timestamp(self, name: str, required: bool = False) -> Any:
        value = self._get(name, required)
        try:
            return normalize.parse_timestamp(value)
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def enum(self, name: str, allowed: tuple[str, ...], required: bool = True) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if value not in allowed:
            self.problem(name, f"unknown value {value!r} (expected one of {', '.join(allowed)})")
            return None
        return str(value)

    def nested(self, name: str, data: dict[str, Any]) -> Fields:
        """A reader for an embedded object whose problems name the path, e.g. attributes[2]."""
        return _Nested(self, name, data)


class _Nested(Fields):
    def __init__(self, parent: Fields, prefix: str, data: dict[str, Any]) -> None:
        super().__init__(parent.report, parent.file, parent.record, data)
        self.parent, self.prefix = parent, prefix

    def problem(self, name: str, message: str) -> None:
        self.parent.problem(f"{self.prefix}.{name}", message)
        self.failed = True

    def warn(self, name: str, message: str) -> None:
        self.parent.warn(f"{self.prefix}.{name}", message)


def records(
    rows: list[Any] | None,
    report: ImportReport,
    file: str,
    *,
    id_field: str | None = "id",
    progress: ProgressCallback | None = None,
) -> Iterator[Fields]:
    """One `Fields` per object in a dump, with duplicates and non-objects reported."""
    if not rows:
        return
    seen: dict[str, tuple[int, dict[str, Any]]] = {}
    for index, data in enumerate(rows, start=1):
        if progress is not None and index % 500 == 0:
            progress(f"Reading {file}", index, len(rows))
        if not isinstance(data, dict):
            report.error(file, f"#{index}", "", f"expected an object, got {_kind(data)}")
            continue
        label = f"#{index}"
        if id_field is not None and data.get(id_field) is not None:
            try:
                label = normalize.external_id(data[id_field])
            except ValueError:
                label = str(data[id_field])  # Fields.id reports it
            if label in seen:
                first, first_data = seen[label]
                if data == first_data:
                    # Offset pagination repeats a record when the data moves during the pull.
                    report.warn(file, label, id_field, f"same record as #{first}; read once")
                else:
                    report.error(
                        file, label, id_field, f"duplicate id (also record #{first} of {file})"
                    )
                continue
            seen[label] = (index, data)
        yield Fields(report, file, label, data)
    if progress is not None:
        progress(f"Reading {file}", len(rows), len(rows))


# -- running -------------------------------------------------------------------------------------


def run_in_transaction(
    report: ImportReport,
    write: Callable[[], None],
    *,
    actor: User | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Write everything or nothing; a dry run writes, reports, then rolls back."""
    if not report.ok:
        return report
    if progress is not None:
        # From here until the commit, SQLite lets nobody else write, not even a progress row.
        progress(SAVING, 0, 1)
    try:
        with transaction.atomic():
            write()
            if not report.ok:
                raise ImportAborted
            audit(
                organization=report.organization,
                actor=actor,
                action="import.dry_run" if report.dry_run else "import.run",
                **report.as_dict(),
            )
            if report.dry_run:
                transaction.set_rollback(True)
    except ImportAborted:
        return report
    except DatabaseError as error:
        # A constraint the checks above did not foresee: report it, never half-import.
        report.error("", "", "", f"the database refused the import: {error}")
        return report
    report.committed = not report.dry_run
    if progress is not None:
        progress(SAVING, 1, 1)
    return report


def load_reason_map(path: Path) -> dict[str, str]:
    """A recruiter's {"reason text or id": "category"} file, checked; keys compared lower-case."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ValueError(f"cannot read the reason map {path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise ValueError(
            f"{path.name}: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected an object mapping reason text to a category")
    categories = RejectionReason.Category.values
    wrong = {k: v for k, v in data.items() if v not in categories}
    if wrong:
        listed = ", ".join(f"{k!r}: {v!r}" for k, v in wrong.items())
        raise ValueError(f"{path.name}: unknown categories {listed} (use {', '.join(categories)})")
    return {str(k).strip().lower(): str(v) for k, v in data.items()}


def reason_map_in(
    directory: Path, report: ImportReport, reason_map: dict[str, str] | None
) -> dict[str, str] | None:
    """The given map, else a `reason_map.json` shipped in the dump (our exports write one)."""
    path = directory / "reason_map.json"
    if reason_map is not None or not path.is_file():
        return reason_map
    try:
        return load_reason_map(path)
    except ValueError as error:
        report.error(path.name, "", "", str(error))
        return None
