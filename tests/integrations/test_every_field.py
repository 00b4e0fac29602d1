"""Every field of every file of each fixture dump, broken in turn: a report, never a crash.

The hand-written cases in test_malformed.py say what each problem reads like; this sweep
makes sure that no field of an export we have not seen (a list where an id was, an empty
string, a number where an object was) escapes the importer as an exception. Each field gets
one wrong value, the kinds taken in turn, so that every kind meets many fields and the sweep
stays a few seconds long.
"""

from __future__ import annotations

import copy
import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from heardback.accounts.models import Organization
from heardback.integrations.importers import (
    ImportReport,
    import_greenhouse,
    import_greenhouse_v3,
    import_lever,
)
from tests.integrations.conftest import FIXTURES, model_counts

pytestmark = pytest.mark.django_db
Path_ = tuple[str | int, ...]
WRONG: tuple[object, ...] = (None, [], {}, "", 1.5, True, -1, "zzz", "x" * 5000, 987654)
MISSING = object()
IMPORTERS: dict[str, Callable[..., ImportReport]] = {
    "greenhouse": import_greenhouse,
    "greenhouse_v3": import_greenhouse_v3,
    "lever": import_lever,
}


def _fields(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The path of every field of the record, embedded objects and lists' first items too."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _fields(inner, (*path, key))
    elif isinstance(value, list) and value:
        yield from _fields(value[0], (*path, 0))


def _broken(rows: list[Any], path: Path_, wrong: object) -> list[Any]:
    rows = copy.deepcopy(rows)
    target: Any = rows[0]
    for step in path[:-1]:
        target = target[step]
    if wrong is MISSING:
        del target[path[-1]]
    else:
        target[path[-1]] = wrong
    return rows


@pytest.mark.parametrize("source", IMPORTERS)
def test_no_wrong_field_escapes_as_an_exception(
    source: str, org: Organization, tmp_path: Path
) -> None:
    importer = IMPORTERS[source]
    kinds = itertools.cycle((MISSING, *WRONG))
    tried = 0
    for file in sorted((FIXTURES / source).glob("*.json")):
        rows = json.loads(file.read_text())
        if not isinstance(rows, list) or not rows:
            continue
        for path in _fields(rows[0]):
            wrong = next(kinds)
            directory = tmp_path / f"{file.stem}-{tried}"
            shutil.copytree(FIXTURES / source, directory)
            (directory / file.name).write_text(json.dumps(_broken(rows, path, wrong)))
            before = model_counts()
            try:
                report = importer(directory, organization=org)
            except Exception as error:  # the point is that none escapes
                pytest.fail(f"{file.name} {path} = {wrong!r:.40}: {error!r}")
            if not report.ok:
                assert model_counts() == before, f"{file.name} {path}: refused, yet wrote rows"
            shutil.rmtree(directory)
            tried += 1
    assert tried > 50  # the sweep reached the fixtures' fields
