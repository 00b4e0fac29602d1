"""The REST API at /api/v1/: routers, error handling, OpenAPI schema and docs page."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.operation import Operation

from heardback.api.errors import install_handlers
from heardback.api.routers import (
    applications,
    candidates,
    feedback,
    imports,
    interviews,
    jobs,
    partners,
    reasons,
    scorecards,
    suggestions,
)


class HeardbackAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Handler names are unique across routers: `job_list`, `application_reject`, …
        return operation.view_func.__name__


api = HeardbackAPI(
    title="heardback API",
    version="1.0.0",
    description=(
        "Drive heardback from your own tools: jobs, candidates, applications, interviews, "
        "scorecards, decisions, feedback notes, imports, re-routing suggestions and the partner "
        "network. Authenticate with "
        "`Authorization: Bearer <API key>`; each operation names the scope it needs "
        "(`x-scope`). Errors always have the shape "
        '`{"error": {"code", "message", "fields": [{"field", "message"}]}}`. '
        "Guide: docs/api.md."
    ),
    urls_namespace="api",
)
install_handlers(api)
for module in (
    jobs, candidates, applications, suggestions, reasons, interviews, scorecards, feedback,
    imports, partners,
):  # fmt: skip
    api.add_router("", module.router)
