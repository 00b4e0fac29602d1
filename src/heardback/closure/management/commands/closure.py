from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder

from heardback.accounts.models import Organization
from heardback.closure.selectors import ClosureReport, closure_policy_for, closure_report
from heardback.closure.services import closure_clocks_refresh, closure_policy_update, closure_sweep
from heardback.core.commands import organization_from_option


class Command(BaseCommand):
    help = (
        "The closure clock: `heardback closure report --org SLUG [--json]` prints the dashboard's "
        "figures; `heardback closure sweep` runs one sweep; `heardback closure policy --org SLUG` "
        "shows or changes holidays and holding updates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        report = sub.add_parser("report", help="Print the closure dashboard's figures.")
        report.add_argument("--org", required=True, help="Organization slug.")
        report.add_argument("--json", action="store_true", help="One JSON object, for monitoring.")
        report.add_argument(
            "--refresh", action="store_true", help="Recompute the clocks first (sends nothing)."
        )
        sub.add_parser("sweep", help="Recompute the clocks, send due reminders and updates.")
        policy = sub.add_parser("policy", help="Show or change an organization's closure policy.")
        policy.add_argument("--org", required=True, help="Organization slug.")
        policy.add_argument("--holidays", help="Comma-separated ISO dates; '' for none.")
        policy.add_argument("--holding-updates", choices=["auto", "manual"])
        policy.add_argument("--max-holding-updates", type=int)
        policy.add_argument("--escalate-after-days", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "sweep":
            self.stdout.write(str(closure_sweep()))
            return
        organization = organization_from_option(options["org"])
        if action == "policy":
            self._policy(organization, options)
            return
        if options["refresh"]:
            closure_clocks_refresh(actor=None, organization=organization)
        report = closure_report(organization=organization)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), cls=DjangoJSONEncoder, indent=2))
        else:
            self.stdout.write(_table(report, organization))

    def _policy(self, organization: Organization, options: dict[str, Any]) -> None:
        holidays = options["holidays"]
        changes = {
            "holidays": [d for d in holidays.split(",") if d.strip()]
            if holidays is not None
            else None,
            "holding_updates": options["holding_updates"],
            "max_holding_updates": options["max_holding_updates"],
            "escalate_after_days": options["escalate_after_days"],
        }
        policy = closure_policy_for(organization)
        if any(value is not None for value in changes.values()):
            try:
                policy = closure_policy_update(actor=None, organization=organization, **changes)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(
            f"{organization.slug}: holding updates {policy.holding_updates} "
            f"(at most {policy.max_holding_updates}), escalate after "
            f"{policy.escalate_after_days} business days, holidays: "
            f"{', '.join(policy.holidays) or 'none'}"
        )


def _table(report: ClosureReport, organization: Organization) -> str:
    def rate(r: Any) -> str:
        return f"{r.percent}% ({r.in_time} of {r.owed} in time)" if r.owed else "— (none due)"

    def days(value: float | None) -> str:
        return f"{value} days" if value is not None else "—"

    updated = report.clocks_updated_at.isoformat() if report.clocks_updated_at else "never"
    lines = [
        f"Closure report: {organization.name} ({report.organization}), {report.time_zone}",
        f"generated {report.generated_at.isoformat()}, clocks updated {updated}",
        "",
        f"{'Waiting candidates':34}{report.waiting:>6}   overdue {report.overdue}",
    ]
    lines += [
        f"  {f.label:32}{f.count:>6}" + (f"   overdue {f.overdue}" if f.state in _WAITING else "")
        for f in report.states
    ]
    lines += [
        "",
        f"{'Longest wait':34}{days(report.oldest_wait_days)}",
        f"{'Feedback in time, 30 days':34}{rate(report.closure_rate_30)}",
        f"{'Feedback in time, 90 days':34}{rate(report.closure_rate_90)}",
        f"{'Median, interview to feedback':34}{days(report.median_days_to_feedback)}"
        f" (n={report.feedback_delivered_90})",
        f"{'Owed a holding update':34}{report.holding_updates_due}",
        "",
        "Wait since the latest interview (days): "
        + ", ".join(f"{label}: {n}" for label, n in report.wait_ages),
        "",
        "Overdue per recruiter (decisions, feedback):",
    ]
    lines += [
        f"  {p.name or p.email or '(no recruiter)':32}{p.decisions:>6}{p.feedback:>6}"
        for p in report.overdue_by_recruiter
    ] or ["  none"]
    lines += ["", "Overdue scorecards per interviewer:"]
    lines += [
        f"  {p.name or p.email:32}{p.scorecards:>6}" for p in report.overdue_by_interviewer
    ] or ["  none"]
    return "\n".join(lines)


_WAITING = (
    "awaiting_scorecards",
    "awaiting_decision",
    "awaiting_feedback_approval",
    "feedback_scheduled",
)
