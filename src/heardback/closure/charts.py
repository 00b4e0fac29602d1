"""Geometry for the dashboard's inline SVG charts: plain numbers in, shapes out, no JavaScript."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from heardback.closure import clock
from heardback.closure.selectors import ClosureReport

WIDTH = 560
LABEL_WIDTH = 190
ROW = 30
PLOT_HEIGHT = 140
TOP = 16


@dataclass(frozen=True)
class HBar:
    label: str
    value: int
    overdue: int
    y: float
    on_time_width: float
    overdue_x: float
    overdue_width: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class Column:
    label: str
    title: str
    value_text: str
    x: float
    y: float
    width: float
    height: float
    empty: bool
    # A full-height column behind the bar: for shares, what the bar is a share of.
    backed: bool = False

    @property
    def center(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 4


@dataclass(frozen=True)
class Chart:
    height: int
    width: int = WIDTH
    bars: tuple[HBar, ...] = ()
    columns: tuple[Column, ...] = ()
    baseline: float = 0

    @property
    def tick_y(self) -> float:
        return self.baseline + 16

    @property
    def top(self) -> float:
        return TOP

    @property
    def plot_height(self) -> float:
        return PLOT_HEIGHT


def waiting_by_state(report: ClosureReport) -> Chart:
    """One bar per waiting state: on time, then overdue, to the same scale."""
    figures = [f for f in report.states if f.state in clock.WAITING]
    most = max([f.count for f in figures] + [1])
    scale = (WIDTH - LABEL_WIDTH - 50) / most
    bars = []
    for index, figure in enumerate(figures):
        on_time = (figure.count - figure.overdue) * scale
        late = figure.overdue * scale
        bars.append(
            HBar(
                label=figure.label,
                value=figure.count,
                overdue=figure.overdue,
                y=index * ROW + 4,
                on_time_width=on_time,
                overdue_x=LABEL_WIDTH + on_time,
                overdue_width=late,
                text_x=LABEL_WIDTH + on_time + late + 6,
                text_y=index * ROW + 19,
            )
        )
    return Chart(height=len(bars) * ROW + 4, bars=tuple(bars))


def _columns(
    values: list[tuple[str, str, str, float | None]],
    top: float,
    *,
    width: int = WIDTH,
    backed: bool = False,
) -> Chart:
    slot = (width - 20) / max(len(values), 1)
    columns = []
    for index, (label, title, value_text, value) in enumerate(values):
        height = 0.0 if not value else PLOT_HEIGHT * value / (top or 1)
        columns.append(
            Column(
                label=label, title=title, value_text=value_text, x=10 + index * slot + slot * 0.15,
                y=TOP + PLOT_HEIGHT - height, width=slot * 0.7, height=height,
                empty=value is None, backed=backed and value is not None,
            )
        )  # fmt: skip
    return Chart(
        height=TOP + PLOT_HEIGHT + 22,
        width=width,
        columns=tuple(columns),
        baseline=TOP + PLOT_HEIGHT,
    )


def wait_ages(report: ClosureReport) -> Chart:
    """How long the waiting candidates have waited since their latest interview."""
    top = max([n for _days, n in report.wait_ages] + [1])
    return _columns(
        [
            (
                _("%(days)s d") % {"days": label},
                _("%(days)s days: %(n)s") % {"days": label, "n": n},
                str(n),
                float(n),
            )
            for label, n in report.wait_ages
        ],
        top,
    )


def weekly_closure(report: ClosureReport) -> Chart:
    """Per week of rejection: the share of candidates whose feedback arrived in time."""
    values: list[tuple[str, str, str, float | None]] = []
    for week in report.weekly_closure:
        label = _short(week.week_start)
        if not week.owed:
            title = _("Week of %(week)s: no feedback due yet") % {"week": label}
            values.append((label, title, "", None))
            continue
        percent = 100 * week.in_time / week.owed
        title = _("Week of %(week)s: %(n)s of %(owed)s in time (%(percent)s%%)") % {
            "week": label,
            "n": week.in_time,
            "owed": week.owed,
            "percent": f"{percent:.0f}",
        }
        values.append((label, title, f"{percent:.0f}%", percent))
    # As wide as the page: the same scale as the two charts above it.
    return _columns(values, 100, width=2 * WIDTH + 40, backed=True)


def _short(day: dt.date) -> str:
    return f"{day.day}/{day.month}"
