"""Closure clock state changes: the sweep, reminders in daily digests, holding updates.

Every email goes through the outbox with an idempotency key, and every reminder and digest is a
row under a unique constraint, so a sweep run twice, or by two workers at once, sends nothing
twice. docs/closure.md explains the rules to recruiters and operators.
"""

from heardback.closure.services.clocks import closure_clocks_refresh, closure_policy_update
from heardback.closure.services.holding import (
    ClosureError,
    holding_update_send,
    holding_updates_send_overdue,
)
from heardback.closure.services.sweep import SweepSummary, closure_sweep

__all__ = [
    "ClosureError",
    "SweepSummary",
    "closure_clocks_refresh",
    "closure_policy_update",
    "closure_sweep",
    "holding_update_send",
    "holding_updates_send_overdue",
]
