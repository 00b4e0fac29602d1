"""Closure clock reads: facts in bulk for the sweep, the dashboard's figures, the portal's dates.

The candidate portal calls `expected_date_for(application)`.
"""

from heardback.closure.selectors.access import application_get_for_decider
from heardback.closure.selectors.candidate import expected_date_for, long_date
from heardback.closure.selectors.facts import (
    TrackedFacts,
    clock_facts,
    clock_policy,
    closure_policy_for,
)
from heardback.closure.selectors.report import (
    SHOW_CHOICES,
    ClosureReport,
    Dashboard,
    closure_dashboard,
    closure_report,
)

__all__ = [
    "SHOW_CHOICES",
    "ClosureReport",
    "Dashboard",
    "TrackedFacts",
    "application_get_for_decider",
    "clock_facts",
    "clock_policy",
    "closure_dashboard",
    "closure_policy_for",
    "closure_report",
    "expected_date_for",
    "long_date",
]
