"""Importers: ATS dumps in, the organization's jobs, candidates and scorecards out.

Each `import_<source>(path, organization=..., dry_run=..., progress=...)` returns an
`ImportReport`; the command line, and later the upload page and the API, only present it.
"""

from __future__ import annotations

from heardback.integrations.importers.base import ImportReport, Problem, load_reason_map
from heardback.integrations.importers.csv import import_csv
from heardback.integrations.importers.greenhouse import import_greenhouse
from heardback.integrations.importers.greenhouse_v3 import import_greenhouse_v3
from heardback.integrations.importers.lever import import_lever

IMPORTERS = {
    "greenhouse": import_greenhouse,
    "greenhouse-v3": import_greenhouse_v3,
    "lever": import_lever,
    "csv": import_csv,
}

__all__ = [
    "IMPORTERS",
    "ImportReport",
    "Problem",
    "import_csv",
    "import_greenhouse",
    "import_greenhouse_v3",
    "import_lever",
    "load_reason_map",
]
