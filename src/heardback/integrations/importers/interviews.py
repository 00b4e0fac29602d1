"""Find the interview an earlier import created under another key, instead of making a twin.

A Greenhouse v1 dump with `scheduled_interviews.json` names an interview by its scheduled
interview id; without that file we group the scorecards of one application and interview step
into an interview keyed "step:<application>:<step>" (v3 does the same with its interview ids,
job interviews and kits). The same history imported both ways must land on one interview.
Scorecard ids are the same in every case, so a scorecard imported before tells which interview
it belongs to; an interview nobody has scored yet is matched by application, name and time.

The rules, applied before interviews are written:
* A scheduled interview (the source's own id) takes over a made-up one it matches: the
  interview keeps its scorecards and gets the real id and time.
* A made-up interview never takes over anything: its scorecards stay in the interview they are
  already in, and a new scorecard joins the matching interview of its application.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from heardback.accounts.models import User
from heardback.hiring.models import Application, Interview
from heardback.integrations.importers.normalize import name_key
from heardback.integrations.importers.records import (
    InterviewRec,
    ScorecardRec,
    is_derived_interview_key,
)

if TYPE_CHECKING:
    from heardback.integrations.importers.writer import BundleWriter

FAR = dt.timedelta(days=365_000)


@dataclass
class _Stored:
    """What the database already holds, indexed the ways the matching needs."""

    ext_of: dict[int, str]  # interview pk → its stored id for this source
    by_pk: dict[int, Interview]
    by_name: dict[tuple[int, str], list[Interview]]  # (application pk, name key) → interviews
    card_interview: dict[str, int] = field(default_factory=dict)  # scorecard id → interview pk
    # interview pk → {scorecard id (or "#pk" when it has none for this source): interviewer pk}
    occupants: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))


def match_existing_interviews(
    w: BundleWriter,
    existing: dict[str, Interview],
    applications: dict[str, Application],
    users: dict[str, User],
) -> None:
    """Point the bundle at interviews already stored under another key (see module docstring).

    Adds the adopted interviews to `existing` under the dump's key, re-points the scorecards of
    made-up interviews, and drops made-up interviews that are wholly found elsewhere.
    """
    bundle = w.bundle
    missing = [
        r
        for r in bundle.interviews.values()
        if r.ext not in existing and r.application not in bundle.skipped_applications
    ]
    if not missing or not existing:
        return
    stored = _load(w, existing)
    cards_of: dict[str, list[ScorecardRec]] = defaultdict(list)
    for card in bundle.scorecards.values():
        if card.application not in bundle.skipped_applications:
            cards_of[card.interview].append(card)
    claimed: set[int] = set()

    def interviewer_clash(target: Interview, cards: list[ScorecardRec]) -> bool:
        # One scorecard per interviewer and interview: never move a card next to a stored one
        # of the same person that stays.
        moving = {c.ext for c in cards}
        people = {users[c.interviewer].pk for c in cards if c.interviewer in users}
        stay = stored.occupants[target.pk]
        return any(pk in people for ext, pk in stay.items() if ext not in moving)

    def adoptable(rec: InterviewRec, target: Interview, cards: list[ScorecardRec]) -> bool:
        ext = stored.ext_of[target.pk]
        return (
            target.pk not in claimed
            and ext not in bundle.interviews
            and target.application_id == applications[rec.application].pk
            and not interviewer_clash(target, cards)
        )

    scheduled = [r for r in missing if not r.derived]
    # First by shared scorecards (certain), then by name and time (for unscored interviews).
    for rec in scheduled:
        cards = cards_of[rec.ext]
        targets = {stored.card_interview[c.ext] for c in cards if c.ext in stored.card_interview}
        target = stored.by_pk.get(targets.pop()) if len(targets) == 1 else None
        if target is None or not adoptable(rec, target, cards):
            continue
        holds = set(stored.occupants[target.pk])
        # A scheduled interview of ours is only renamed when it holds nothing else.
        if is_derived_interview_key(stored.ext_of[target.pk]) or holds <= {c.ext for c in cards}:
            existing[rec.ext] = target
            claimed.add(target.pk)
    for rec in scheduled:
        if rec.ext in existing:
            continue
        cards = cards_of[rec.ext]
        options = [
            i
            for i in _same_name(stored, rec, applications)
            if is_derived_interview_key(stored.ext_of[i.pk]) and adoptable(rec, i, cards)
        ]
        if options:
            target = _nearest(options, rec.scheduled_at)
            existing[rec.ext] = target
            claimed.add(target.pk)

    for rec in (r for r in missing if r.derived):
        application_pk = applications[rec.application].pk
        remaining = []
        for card in cards_of[rec.ext]:
            target = stored.by_pk.get(stored.card_interview.get(card.ext, 0))
            if target is not None and target.application_id == application_pk:
                card.interview = stored.ext_of[target.pk]  # it stays where it is
            else:
                remaining.append(card)
        if remaining:
            options = [
                i
                for i in _same_name(stored, rec, applications)
                if stored.ext_of[i.pk] not in bundle.interviews
                and not interviewer_clash(i, remaining)
            ]
            if not options:
                continue
            ext = stored.ext_of[_nearest(options, rec.scheduled_at).pk]
            for card in remaining:
                card.interview = ext
        del bundle.interviews[rec.ext]
        w.report.count("interviews", "unchanged")


def _load(w: BundleWriter, existing: dict[str, Interview]) -> _Stored:
    ext_of = {i.pk: ext for ext, i in existing.items()}
    by_pk = {i.pk: i for i in existing.values()}
    by_name: dict[tuple[int, str], list[Interview]] = defaultdict(list)
    for interview in by_pk.values():
        by_name[(interview.application_id, name_key(interview.name))].append(interview)
    stored = _Stored(ext_of, by_pk, by_name)
    for card in w.stored_scorecards():
        if card.ext is not None:
            stored.card_interview[card.ext] = card.interview_id
        if card.interview_id in by_pk:
            occupants = stored.occupants[card.interview_id]
            occupants[card.ext or f"#{card.pk}"] = card.interviewer_id
    return stored


def _same_name(
    stored: _Stored, rec: InterviewRec, applications: dict[str, Application]
) -> list[Interview]:
    return stored.by_name.get((applications[rec.application].pk, name_key(rec.name)), [])


def _nearest(options: list[Interview], when: dt.datetime | None) -> Interview:
    """The interview closest in time (the first one when times are unknown)."""

    def distance(interview: Interview) -> tuple[dt.timedelta, int]:
        if when is None or interview.scheduled_at is None:
            return FAR, interview.pk
        return abs(interview.scheduled_at - when), interview.pk

    return min(options, key=distance)
