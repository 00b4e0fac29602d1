"""Scorecards, decision and policy -> one personal, honest feedback note.

A note says, in order: greeting; thanks that name what the candidate did, then the decision;
the reason; strengths; development areas; next steps; signature. Every sentence carries the
inputs it came from. Phrasings vary by a stable hash of the application, but what makes two
notes differ is each candidate's own data: interviews, dates, competencies, the rubric's words
for their level, quotes and tips.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from operator import itemgetter
from typing import Final, NamedTuple

from heardback.feedback.engine import guard as guard_module
from heardback.feedback.engine.aggregate import (
    STRENGTH_FLOOR,
    Aggregate,
    CompetencyResult,
    aggregate,
)
from heardback.feedback.engine.match import match_open_roles, name_key
from heardback.feedback.engine.phrasebook import Picker, for_language, french_spacing
from heardback.feedback.engine.render import Block, render, unwrapped
from heardback.feedback.engine.speech import (
    activities,
    addressed,
    contact_details,
    fits_language,
    language_of,
    letter_ready,
    plain,
    praises,
    restates_decision,
    role_needs,
    stage_words,
    third_person,
    without_activity,
)
from heardback.feedback.engine.types import (
    Claim,
    Interview,
    Job,
    Language,
    Note,
    NoteInput,
    NoteKind,
    OpenRole,
    Policy,
    Quality,
    RatingItem,
    ReviewReason,
    Scorecard,
    Section,
    Sentence,
    Source,
    SourceKind,
    sources_of,
)
from heardback.feedback.engine.wording import (
    add_months,
    cap,
    clause,
    date_text,
    dates_phrase,
    first_sentences,
    full_sentences,
    is_activity,
    join,
    meeting,
    month_year,
    of,
    quoted,
    reads_plural,
    sentences_of,
    shortened,
    span_phrase,
    tidy,
)

GuardCheck = Callable[..., list[guard_module.Finding]]

# A quote is a short piece of evidence, not a transcript.
MAX_QUOTE_CHARS: Final = 200
MAX_TAKEAWAY_CHARS: Final = 300
MAX_QUOTES: Final = 2
MIN_QUOTE_WORDS: Final = 3
# At most three items in a section, two each when the note has both: a note is read, not scanned.
MAX_ITEMS: Final = 3
PAIRED_ITEMS: Final = 2
# Notes should read in one sitting (target: 120-320 words). Past this, what is optional goes.
WORD_BUDGET: Final = 310
# The categories that are about the candidate's skills: they must be backed by the scorecards.
_ABOUT_SKILLS: Final = frozenset({"skills_gap", "experience_level"})
# Reasons that say nothing of the candidate's skills: no waiting period before applying again.
_NO_WAIT: Final = frozenset({"role_closed", "compensation", "logistics", "location"})
# The fields of a scorecard an interviewer wrote in their own words about this candidate.
_INTERVIEWER_TEXT: Final = frozenset({"candidate_comment", "evidence", "key_takeaways"})


def compose(inp: NoteInput, *, guard: GuardCheck | None = None) -> Note:
    """Write the feedback note for one application.

    `guard` is the safe-feedback check (default: `guard.check`). Every comment we would quote
    goes through it first, and is dropped on ANY finding, warnings included: a quote is
    optional, and words put in an interviewer's mouth cannot be softened by the recruiter.
    The finished text goes through it too (context "candidate"); those findings are returned
    in `Note.guard_findings` for the reviewer, who decides.
    """
    check = guard if guard is not None else guard_module.check
    writer = _Writer(inp, check)
    kind: NoteKind
    if inp.decision.reason_category == "withdrew":
        kind, blocks = "withdrawn", writer.withdrawn()
    elif not inp.scorecards:
        kind, blocks = "screening", writer.screening()
    else:
        kind, blocks = "interviewed", writer.interviewed()
    blocks = _said_once(blocks)
    sentences = tuple([s for block in blocks for s in block.sentences])
    texts = [s.text for s in sentences]
    words = writer.words = _spaces("\n".join(texts)) + len(texts)  # _words of each, summed
    if kind == "interviewed" and words > WORD_BUDGET:
        blocks = writer.trim(blocks)
        sentences = tuple([s for block in blocks for s in block.sentences])
        texts = [s.text for s in sentences]
    language = writer.book.language
    if language == "fr" and writer.quotes:
        blocks = _strengths_apart(blocks)
    text, html = render(blocks, language, writer.portal, texts=texts)
    findings = tuple(
        check(
            # The guard reads sentences: a line the renderer wrapped is not a new one. Same
            # length, so the findings' spans still point into `text`.
            unwrapped(text),
            lang=language,
            context="candidate",
            other_names=inp.other_candidate_names,
            own_names=writer.own_names,
        )
    )
    note = Note(
        subject=writer.subject(),
        text=text,
        html=html,
        language=language,
        sentences=sentences,
        quality=writer.quality(findings, sentences),
        guard_findings=findings,
        kind=kind,
    )
    # The shorter forms hold the writer's own methods: a cycle that would leave each note's
    # working objects to the cyclic garbage collector, which bulk drafting pauses while it
    # drafts 500 notes, instead of freeing them here.
    writer.trimmable.clear()
    return note


def _said_once(blocks: list[Block]) -> list[Block]:
    """Each body sentence once: two sources in the same words (two competencies with one
    tip, a tip that is also the organization's explanation) are said where they come first."""
    seen: set[str] = set()
    once: list[Block] = []
    for block in blocks:
        kept = []
        for sentence in block.sentences:
            if sentence.section in ("greeting", "signature") or sentence.text not in seen:
                seen.add(sentence.text)
                kept.append(sentence)
        if len(kept) == len(block.sentences):
            once.append(block)
        elif kept:
            once.append(Block(tuple(kept), block.style))
    return once


def _strengths_apart(blocks: list[Block]) -> list[Block]:
    """French strengths open on their name ("Style et registre : un vrai point fort…"): after
    a quote, the next one starts a paragraph rather than run on from the closing « ». »."""
    apart: list[Block] = []
    for block in blocks:
        start = 0
        sentences = block.sentences
        for n, sentence in enumerate(sentences[:-1]):
            if sentence.section == "strengths" and sentence.claim == "observation":
                apart.append(Block(sentences[start : n + 1], block.style))
                start = n + 1
        apart.append(Block(sentences[start:], block.style) if start else block)
    return apart


def own_names(inp: NoteInput) -> tuple[str, str, str]:
    """The candidate's own names: never a leak nor a finding in their own note."""
    first, last = inp.candidate.first_name, inp.candidate.last_name
    return (f"{first} {last}".strip(), first, last)


def compose_many(inputs: Iterable[NoteInput], *, guard: GuardCheck | None = None) -> list[Note]:
    """Compose a note for each input, in order."""
    return [compose(inp, guard=guard) for inp in inputs]


class _Writer:
    """Writes the sentences of one note; remembers what it quoted, dropped and found."""

    # What the note has written so far (set as it goes; the class holds the starting values).
    aggregate: Aggregate | None = None
    strengths: tuple[CompetencyResult, ...] = ()
    development: tuple[CompetencyResult, ...] = ()
    items: tuple[Block, ...] = ()  # the development areas, one bulleted block each
    brief: frozenset[int] = frozenset()  # areas said by their level and a quote alone
    more: tuple[CompetencyResult, ...] = ()  # areas below the bar past the bullets: one line
    words = 0  # counted once the blocks are written, and again when trimmed
    dropped = 0
    reason_unsupported = False
    explained = False  # the note gives a reason: the decision may promise one
    explanation_used = False
    gap_free = False
    said_no_gap = False
    reason_named_where = False  # the reason named the interview where the first area showed
    reason_where = ""  # that interview as the reason named it ("during the … on 9 November")
    reason_named: frozenset[int] = frozenset()  # the areas (competency ids) the reason names
    roles = 0
    # Quotes written so far, each in the next phrasing: not len(self.quotes), which forgets the
    # one an area named by the reason has taken into its own sentence.
    quotes_written = 0

    def __init__(self, inp: NoteInput, check: GuardCheck) -> None:
        self.inp = inp
        self.check = check
        self.book = book = for_language(inp.candidate.language)
        picker = Picker(book, inp.policy.tone, inp.application_id)
        self.pick, self.pick_as = picker.pick, picker.pick_as
        self.year = inp.decision.decided_on.year
        self.portal = tidy(inp.policy.portal_url)
        self.interviews = _in_order(_held(inp))
        self.own_names = own_names(inp)
        # Rubric texts, comments and explanations follow the language's typography too.
        self.typeset: Callable[[str], str] = _french_spacing if book.language == "fr" else str
        self.meetings: dict[int, str] = {}  # interview id -> "the System design interview"
        self.area_wheres: dict[int, str] = {}  # n -> where the n-th area's level said it was
        self.divided_lines: list[Sentence] = []  # the skills split on, said beside the gap
        self.reason_ref = f"reason:{inp.decision.reason_category}"
        self.quotes: list[Sentence] = []  # every quote we wrote, in order
        self.quoted_texts: set[str] = set()  # what they quote
        people = {card.interviewer_id or -card.id for card in inp.scorecards}  # 0: not known
        self.one_interviewer = len(people) == 1
        self.strength_items: list[tuple[Sentence, CompetencyResult]] = []
        self.names = _names(inp.job.title, inp.policy.organization_name, book.language)
        self.result_sources: dict[int, tuple[Source, ...]] = {}
        # A rubric written in another language than the note is not quoted.
        self.rubric_ok = inp.job.language in ("", book.language)
        # What happened: a take-home is not an interview, one interview is not "interviews".
        kinds = {i.kind for i in self.interviews}
        self.exercise = "take_home" in kinds
        # A take-home, a step of another kind (a trial lesson, a role play) or one named as
        # an activity ("Assessment day", "Site walk") is not an interview: together they are
        # "steps".
        self.activities = {i.id for i in self.interviews if is_activity(i, book)}
        self.steps = bool(self.activities)
        # The activities that took place, as a rubric text would name them.
        self.held = _Held(self.interviews)
        category = inp.decision.reason_category
        self.about_skills = category in _ABOUT_SKILLS or inp.development_requested
        self.trimmable: list[tuple[Sentence, Callable[[], Sentence | None]]] = []

    # --- the three kinds of note ---

    def interviewed(self) -> list[Block]:
        """Thanks, decision, reason, strengths, development, next steps."""
        agg = self.aggregate = aggregate(self.inp.job.rubric, self.inp.scorecards)
        self.gap_free = agg.gap_free
        development = agg.development if self.about_skills else ()
        # Every area below the bar is named: two in full beside strengths or before more
        # (three otherwise), the third by its level and what an interviewer wrote, any further
        # one in a line.
        # With more than three, the third is brief too: the note stays one to read.
        full = PAIRED_ITEMS if agg.strengths or len(development) > MAX_ITEMS else MAX_ITEMS
        self.development = development[:MAX_ITEMS]
        self.brief = frozenset([r.competency.id for r in development[full:MAX_ITEMS]])
        # The line of further areas says "below the level": a skill the interviewers split on
        # is said as divided instead (`divided`), not put there.
        self.more = tuple(r for r in development[MAX_ITEMS:] if not _straddles(r))
        self.strengths = agg.strengths[: PAIRED_ITEMS if self.development else MAX_ITEMS]
        reason = self.reason(agg)
        if self.said_no_gap:
            # "Every skill we assessed met the level": a skill then said to be at that level
            # says it again. What is above it, or what an interviewer wrote about, still is.
            self.strengths = tuple(
                r for r in agg.strengths[:MAX_ITEMS]
                if r.mean - r.bar >= 0.5 or any(item.candidate_comment for _, item, _ in r.ratings)
            )  # fmt: skip
        blocks = [
            self.greeting(),
            Block((self.thanks(), self.decision("decision", explained=self.explained))),
        ]
        if reason:
            blocks.append(Block(tuple(reason)))
        # The areas to grow are written first, so that the interviewers' comments on what
        # fell short are theirs before a strength may quote the same words.
        items = [self.development_item(r, n) for n, r in enumerate(self.development)]
        self.items = tuple(item for item in items if item is not None)
        if self.strengths:
            blocks.append(Block(self.strength_sentences()))
        if self.items:
            lead = self.say("development.lead", "development", (), claim="tip")
            blocks += [Block((lead,)), *self.items]
            if self.more:
                names = join([self.area_name(r) for r in self.more], self.book)
                sources = tuple(s for r in self.more for s in self.rating_sources(r))
                more = self.say("development.more", "development", sources, claim="reason",
                                names=names)  # fmt: skip
                blocks.append(Block((more,)))
        roles = match_open_roles(
            [r.competency.name for r in agg.strengths],
            self.inp.open_roles,
            exclude=self.inp.job.id,
            other_rubrics=(_rubric_names(self.inp.job),),
        )
        blocks += [Block(self.next_steps(roles)), _signature(self.inp.policy, self.book.language)]
        return blocks

    def screening(self) -> list[Block]:
        """No scorecard: the reason and the screening criteria, and no feedback to invent."""
        reason = self.screening_reason()
        if self.interviews:  # interviewed, but nobody submitted a scorecard
            thanks, decision = self.thanks(), self.decision("decision", explained=self.explained)
        else:
            thanks = self.say(
                "thanks.screening",
                "thanks",
                self.job_source("title"),
                claim="courtesy",
                **self.names,
            )
            decision = self.decision("decision.screening", explained=self.explained)
        blocks = [self.greeting(), Block((thanks, decision))]
        if reason:
            blocks.append(Block(tuple(reason)))
        return [
            *blocks,
            Block(self.next_steps(())),
            _signature(self.inp.policy, self.book.language),
        ]

    def withdrawn(self) -> list[Block]:
        """The candidate withdrew: thanks and an open door, no feedback and no reason."""
        names = self.names
        sources = self.job_source("title") + self.interview_sources()
        dated = self.all_dated()
        if dated:
            when = dates_phrase(dated, self.book, self.year)
            thanks = self.say(
                "withdrew.thanks.dated", "thanks", sources, claim="courtesy", when=when, **names
            )
        elif self.interviews:
            thanks = self.say("withdrew.thanks.met", "thanks", sources, claim="courtesy", **names)
        else:
            thanks = self.say("withdrew.thanks", "thanks", sources, claim="courtesy", **names)
        door = self.say("withdrew.door", "next_steps", (), claim="next_step")
        sentences: tuple[Sentence, ...] = (thanks, door)
        if self.portal:  # their page keeps the choice of being suggested elsewhere
            role = "withdrew.page.partners" if self.inp.policy.partners else "withdrew.page"
            sentences += (
                self.say(role, "next_steps", _PORTAL_SOURCES, claim="next_step", url=self.portal),
            )
        return [
            self.greeting(),
            Block(sentences),
            _signature(self.inp.policy, self.book.language),
        ]

    def trim(self, blocks: list[Block]) -> list[Block]:
        """Bring a note of `self.words` words down to the budget, cutting what matters least.

        In order, one sentence at a time until the note fits: the development areas named
        again in the reapply sentence (the plain month stays); the shareable takeaways; the
        later quotes; each development area's second tip; what the role needs, last area
        first; where each strength and area showed; a skill the interviewers split on, said
        beside the gap; the first quote. The decision, the reason, every strength and area
        with its level and first tip, and the next steps stay.
        """
        words = self.words
        now: dict[int, Sentence | None] = {}  # id of a sentence as written -> what replaces it
        for sentence, shorter in self.cuts():
            if words <= WORD_BUDGET:
                break
            current = now.get(id(sentence), sentence)
            if current is None:
                continue
            replacement = shorter()
            saved = _words(current.text) - (_words(replacement.text) if replacement else 0)
            if saved > 0:  # a phrasing without `where` may be no shorter than the one chosen
                now[id(sentence)] = replacement
                words -= saved
        self.words = words
        self.quotes = [q for q in self.quotes if now.get(id(q), q) is not None]
        trimmed = []
        for b in blocks:
            kept = tuple(r for s in b.sentences if (r := now.get(id(s), s)) is not None)
            if kept:
                trimmed.append(Block(kept, b.style))
        return trimmed

    def cuts(self) -> Iterator[tuple[Sentence, Callable[[], Sentence | None]]]:
        """What `trim` may shorten, in order: each sentence as written, and its shorter form."""
        by_kind: dict[str, list[tuple[Sentence, Callable[[], Sentence | None]]]] = {}
        for sentence, shorter in self.trimmable:
            by_kind.setdefault(sentence.claim, []).append((sentence, shorter))
        # The areas named again with the reapply month go first: the bullets above name them.
        yield from by_kind.get("next_step", [])
        takeaways = [q for q in self.quotes if q.section == "reason"]
        quotes = [q for q in self.quotes if q.section != "reason"]
        for quote in takeaways + quotes[:0:-1]:
            yield quote, _nothing
        yield from by_kind.get("tip", [])
        yield from reversed(by_kind.get("requirement", []))
        yield from by_kind.get("reason", [])
        # A skill the interviewers split on, said beside the gap: after the wheres.
        for line in self.divided_lines:
            yield line, _nothing
        for quote in quotes[:1]:
            yield quote, _nothing

    # --- sections ---

    def subject(self) -> str:
        return self.pick("subject").format_map(self.names)

    def greeting(self) -> Block:
        candidate = self.inp.candidate
        ref = f"candidate:{candidate.id}"
        sources: tuple[Source, ...] = (Source("candidate", ref, "first_name"),)
        if self.inp.policy.tone == "formal":
            sources += (Source("candidate", ref, "last_name"),)
        first, last = tidy(candidate.first_name), tidy(candidate.last_name)
        return Block((self.say("greeting", "greeting", sources, first=first, last=last),))

    def thanks(self) -> Sentence:
        """Name what the candidate did: the interviews, by name, and when."""
        interviews = self.interviews
        sources = self.interview_sources()
        dated = self.all_dated()
        if not interviews:
            stage = tidy(self.inp.stage_reached)
            if stage:
                return self.say("thanks.stage", "thanks", (), stage=stage)
            return self.say("thanks.generic", "thanks", ())
        if len(interviews) <= 2:
            names = [self.meeting(i) for i in interviews]
            # French says the preposition again: "lors de l'entretien RH et de l'entretien …".
            meetings, de, a = (join(names, self.book, repeat=p) for p in ("", "de", "à"))
            # Time is given "in the phone screen" but "during the trial shift".
            activity = any(i.id in self.activities for i in interviews)
            at = self.book.grammar("meetings.in.activity" if activity else "meetings.in")
            fields = {"meetings": meetings, "meetings_de": de, "meetings_a": a,
                      "in_meetings": at.format(meetings=meetings)}  # fmt: skip
            # Calls and take-homes alone: no phrasing that says we met.
            call = ".call" if all(i.kind in ("screen", "take_home") for i in interviews) else ""
            if dated:
                when = dates_phrase(dated, self.book, self.year)
                role, fields = "thanks.dated" + call, {**fields, "when": when}
            else:
                role = "thanks.undated" + call
            return Sentence(self.pick(role).format_map(fields), "thanks", sources, "courtesy")
        ends = {"first": self.meeting(interviews[0]), "last": self.meeting(interviews[-1])}
        if dated:
            span = span_phrase(dated[0], dated[-1], self.book, self.year)
            return self.say("thanks.many", "thanks", sources, claim="courtesy", span=span, **ends)
        return self.say("thanks.many.undated", "thanks", sources, claim="courtesy", **ends)

    def decision(self, role: str, *, explained: bool) -> Sentence:
        if role == "decision" and self.inp.decision.reason_category == "role_closed":
            role = "decision.closed"  # no "after careful consideration" of a role that closed
        role += ".explained" if explained else ".plain"
        sources = _decision_sources(self.reason_ref, self.inp.job.id)
        return self.say(role, "decision", sources, claim="decision", **self.names)

    def reason(self, agg: Aggregate) -> list[Sentence]:
        """The reason, said once, never contradicting the scorecards or the stage reached."""
        category = self.inp.decision.reason_category
        sources: tuple[Source, ...] = (_shared("reason", self.reason_ref, "category"),)
        sentences: list[Sentence] = []
        explanation = self.explanation()
        if category in _ABOUT_SKILLS and self.development:
            if explanation:
                sentences += explanation  # the organization's words, once
            else:
                top = self.development[0]
                area = self.area_name(top)
                sources += self.rating_sources(top)
                self.reason_named |= {top.competency.id}
                role = f"reason.{category}"
                sentences.append(
                    self.say(role, "reason", sources, self.agreeing(role, top), claim="reason",
                             area=area, seen=self.seen_for(top))
                )  # fmt: skip
        elif category == "skills_gap":
            # The category claims a gap the scorecards do not show: say what they do show, and
            # not an explanation that would claim the gap again. Two interviewers far apart on
            # a skill, one below the bar: "no gap" would be untrue for one of them.
            self.reason_unsupported = True
            divided = [r for r in agg.disagreements if r.mean < r.bar]
            if divided:
                top = max(divided, key=lambda r: r.competency.weight)
                sentences.append(
                    self.say("reason.gap_divided", "reason", sources + self.rating_sources(top),
                             claim="reason", area=self.area_name(top), seen=self.seen_for(top))
                )  # fmt: skip
            else:
                sentences.append(
                    self.say("reason.gap_unsupported", "reason", sources, claim="reason",
                             seen=self.seen())
                )  # fmt: skip
        elif explanation:
            sentences += explanation
        elif category == "experience_level":
            sentences.append(self.say("reason.experience_level.general", "reason", sources,
                                      claim="reason"))  # fmt: skip
        elif category != "other":
            sentences.append(
                self.say(self.category_role(category), "reason", sources, claim="reason")
            )
        if category == "stronger_candidate" and agg.development:
            # Another candidate, and a rating below the bar: the gap is real, and the month to
            # apply again rests on it, so the note says which it is (its level, no tips).
            top = agg.development[0]
            self.reason_named |= {top.competency.id}
            role = "reason.stronger_candidate.gap"
            if self.book.language == "en" and reads_plural(top.competency.name):
                role += ".plural"  # each plain phrasing says "{area} was rated"
            sentences.append(
                self.say(role, "reason", self.rating_sources(top),
                         claim="reason",
                         area=self.area_name(top), gap=self.gap_words(top),
                         seen=self.seen_for(top))
            )  # fmt: skip
        if category in _ABOUT_SKILLS and self.development:
            sentences += self.divided(agg)
        self.explained = bool(sentences) and not self.reason_unsupported
        if agg.gap_free and not self.reason_unsupported and not self.development:
            rated = tuple(s for r in agg.results for s in self.rating_sources(r))
            sentences.append(self.say("reason.no_gap", "reason", rated, claim="reason"))
            self.said_no_gap = True
        if self.about_skills:  # a summary of what to improve belongs to a skills reason only
            takeaway = self.takeaway()
            if takeaway:
                sentences.append(takeaway)
        return sentences

    def divided(self, agg: Aggregate) -> list[Sentence]:
        """Beside a gap, each skill the interviewers split on (a rating below the bar, one at or
        above it) that the note does not list as a strength or an area: said in a line, not
        left out ("The two ratings of X were divided: one met the level the role needs, the
        other fell below it.")."""
        listed = {r.competency.id for r in (*self.development, *self.more, *self.strengths)}
        sentences = []
        for result in agg.results:
            if result.competency.id in listed or not _straddles(result):
                continue
            fields = self.divided_words(result)
            many = ".many" if len(result.ratings) > 2 else ""
            sentence = self.say(f"reason.divided{many}", "reason", self.rating_sources(result),
                                claim="reason", area=self.area_name(result), **fields)  # fmt: skip
            self.divided_lines.append(sentence)
            sentences.append(sentence)
        return sentences

    def divided_words(self, result: CompetencyResult) -> dict[str, str]:
        """How a divided competency's ratings fell: {above} of them {high} ("met", "exceeded")
        the level the role needs, {below} {low} ("fell") below it."""
        book = self.book
        scores = [score for _, _, score in result.ratings]
        high = [score for score in scores if score >= result.bar]
        low = len(scores) - len(high)
        level = "above" if min(high) > result.bar else "at"

        def count(n: int) -> str:
            return book.grammar("divided.one") if n == 1 else book.number(n)

        return {
            "high": book.grammar(f"divided.{level}" + (".many" if len(high) > 1 else "")),
            "low": book.grammar("divided.low" + (".many" if low > 1 else "")),
            "above": count(len(high)),
            "below": count(low),
        }

    def screening_reason(self) -> list[Sentence]:
        category = self.inp.decision.reason_category
        criteria = self.typeset(clause(self.inp.job.screening_criteria)) if self.rubric_ok else ""
        sources: tuple[Source, ...] = (_shared("reason", self.reason_ref, "category"),)
        sentences: list[Sentence] = list(self.explanation())
        if self.interviews and category in _ABOUT_SKILLS:
            # Interviewed, and no scorecard says what fell short: a person checks the reason.
            self.reason_unsupported = True
        if sentences:
            pass  # the organization's words, once
        elif category in _ABOUT_SKILLS and criteria:
            sources += self.job_source("screening_criteria")
            sentences.append(
                self.say("reason.screening.criteria", "reason", sources, claim="reason",
                         criteria=criteria)
            )  # fmt: skip
        elif category == "skills_gap" and self.interviews:
            # Interviewed: the decision came after the steps, not from the application alone.
            seen = self.seen()
            sentences.append(
                self.say("reason.skills_gap.interviewed", "reason", sources, claim="reason",
                         seen=seen, Seen=cap(seen))
            )  # fmt: skip
        elif category == "experience_level" and self.interviews:
            sentences.append(
                self.say("reason.experience_level.general", "reason", sources, claim="reason")
            )
        elif category in _ABOUT_SKILLS:
            sentences.append(
                self.say(f"reason.{category}.screening", "reason", sources, claim="reason")
            )
        elif category != "other":
            sentences.append(
                self.say(self.category_role(category), "reason", sources, claim="reason")
            )
        self.explained = bool(sentences)
        return sentences

    def category_role(self, category: str) -> str:
        """The category's own words; for another candidate before the final stage, words that
        do not say someone was chosen."""
        stage = self.inp.stage_kind  # "": not known, the category's usual words
        if category == "stronger_candidate" and stage and stage not in ("final", "offer"):
            return "reason.stronger_candidate.early"
        return f"reason.{category}"

    def explanation(self) -> list[Sentence]:
        """The organization's explanation, when it is true of what happened."""
        decision = self.inp.decision
        text = full_sentences(plain(decision.reason_explanation))
        if not text or not fits_language(text, self.book.language):
            return []
        stage = self.inp.stage_kind
        if decision.reason_stages and stage and stage not in decision.reason_stages:
            return []
        if restates_decision(text):
            return []  # "We have decided not to move forward …" explains nothing
        taken = stage_words(text)
        if taken:
            count = len(self.interviews) if self.inp.scorecards or self.interviews else 0
            if "exercise" in taken and not self.exercise:
                return []
            if "interviews" in taken and count < 2:
                return []
            if "interview" in taken and count < 1:
                return []
            if "final" in taken and stage not in ("final", "offer"):
                return []
            if "screening" in taken and any(i.kind != "screen" for i in self.interviews):
                return []
        self.explanation_used = True
        said = " ".join(text.casefold().split())
        self.reason_named |= {
            r.competency.id for r in self.development if _names_area(said, r.competency.name)
        }
        source = (_shared("reason", self.reason_ref, "explanation"),)
        return [Sentence(self.typeset(text), "reason", source, "reason")]

    def takeaway(self) -> Sentence | None:
        """One interviewer's shareable key takeaways, when the guard has nothing to say."""
        for card in self.inp.scorecards:
            if not card.key_takeaways_shareable:
                continue
            text = letter_ready(tidy(plain(card.key_takeaways)), self.book.language) or ""
            if not text or len(text) > MAX_TAKEAWAY_CHARS or not self.quotable(text):
                continue
            if self.clean(text):
                who = self.who(card)
                source = Source("scorecard", f"scorecard:{card.id}", "key_takeaways")
                quote = quoted(self.typeset(text), self.book)
                sentence = self.say(
                    "takeaway", "reason", (source,), claim="observation", who=who, Who=cap(who),
                    quote=quote,
                )  # fmt: skip
                self.quotes.append(sentence)
                self.quotes_written += 1
                return sentence
        return None

    def strength_sentences(self) -> tuple[Sentence, ...]:
        sentences: list[Sentence] = []
        for n, result in enumerate(self.strengths):
            sentence = self.strength(result, n)
            self.trimmable.append((sentence, partial(self.strength, result, n, compact=True)))
            sentences.append(sentence)
            quote = self.quote(result, above=True)
            if quote:
                sentences.append(quote)
        return tuple(sentences)

    def strength(self, result: CompetencyResult, n: int, *, compact: bool = False) -> Sentence:
        """The n-th strength, as the ratings say it (the level in words); `compact`: not where.

        Above the bar by half a point or more (most ratings above it) is "a clear strength";
        otherwise the words say no more than that the level the role needs was met.
        """
        phrasing, where = self.strength_phrasing(n, compact=compact)
        text = phrasing.format(name=self.area_name(result), where=where)
        return Sentence(text, "strengths", self.rating_sources(result), "reason")

    def strength_phrasing(self, n: int, *, compact: bool = False) -> tuple[str, str]:
        """The n-th strength's phrasing and the where it says ("" when none): not the same
        where as the strength before it said ("in the Final panel on 19 November" once)."""
        # "Another strength" only after one said to be a strength, not a level only met; and
        # not "also" in two sentences in a row ("Employment law also came through… Coaching
        # managers also met…"): after an "also", the next strength is said on its own.
        strong = [r.mean - r.bar >= 0.5 for r in self.strengths[: n + 1]]
        also = False
        for k in range(1, n + 1):
            also = not also and (any(strong[:k]) or not strong[k])
        role = "strength.next" if also else "strength.first"
        if not strong[n]:
            role += ".met"
        index = self.strength_index(role, n)
        if not (compact or self.said_where(n)):
            phrasing = self.pick(role, index)
            if "{where}" not in phrasing:
                return phrasing, ""
            where = self.where(self.strengths[n])
            # Not a where an earlier strength already said ("in the case interview on 17
            # November" once in the paragraph), nor the one the reason has just named.
            said = {self.reason_where, *(self.strength_phrasing(k)[1] for k in range(n))}
            if where not in said:
                return phrasing, where
        return self.pick_as(role + ".compact", role, index), ""

    def strength_index(self, role: str, n: int) -> int:
        """Which of `role`'s phrasings the n-th strength takes: not one in the words of the
        strength before it ("Patient reassurance also came through well. Record keeping came
        through well."), while another phrasing is free of them."""
        index = max(n - 1, 0)
        result = self.strengths[n]
        if n == 0:
            return self.agreeing(role, result, index)
        before = _phrasing_words(self.strength_phrasing(n - 1)[0])
        for step in range(len(self.book.by_tone[self.inp.policy.tone][role])):
            at = index + step
            free = not before & _phrasing_words(self.pick(role, at))
            if free and self.agreeing(role, result, at) == at:
                return at
        return self.agreeing(role, result, index)

    def agreeing(self, role: str, result: CompetencyResult, index: int = 0) -> int:
        """The first of `role`'s phrasings from `index` that puts no "is" or "was" after a
        competency named in the plural ("Controlled drugs procedures was …"), if any."""
        if self.book.language != "en" or not reads_plural(result.competency.name):
            return index
        for step in range(len(self.book.by_tone[self.inp.policy.tone][role])):
            if not _COPULA.search(self.pick(role, index + step)):
                return index + step
        return index

    def development_item(self, result: CompetencyResult, n: int) -> Block | None:
        """One development area: its level, what an interviewer wrote, what the role needs, tips.

        The rubric's words for the bar say what the role needs, never what the candidate did;
        what the candidate did comes only from the interviewers' own comments.
        """
        sentences = [self.development_level(result, n)]
        self.trimmable.append(
            (sentences[0], partial(self.development_level, result, n, compact=True))
        )
        quote = self.quote(result, above=False)
        if quote:
            sentences.append(quote)
        competency = result.competency
        if self.rubric_ok and competency.id not in self.brief:
            needs = self.role_needs(competency.descriptors.get(competency.bar, ""))
            if needs:
                sources = _descriptor_sources(self.inp.job.id, competency.id, competency.bar)
                requirement = self.say(
                    "development.needs", "development", sources, n, claim="requirement",
                    needs=self.typeset(needs),
                )  # fmt: skip
                sentences.append(requirement)
                self.trimmable.append((requirement, _nothing))
            tips = self.held_tips(competency.tips)
            words = _rubric_words(competency.name, "", tips, self.book.language)
            if words.tips:
                source = (self.competency_source(result, "tips"),)
                tip = Sentence(words.tips, "development", source, "tip")
                sentences.append(tip)
                if words.first_tip != words.tips:
                    shorter = Sentence(words.first_tip, "development", source, "tip")
                    self.trimmable.append((tip, partial(_same, shorter)))
        if competency.id in self.reason_named:
            if len(sentences) == 1:
                # Its level alone, which the reason has just said: no bullet to add.
                self.trimmable = [t for t in self.trimmable if t[0] is not sentences[0]]
                return None
            sentences = [self.named_area(result, sentences[0], sentences[1]), *sentences[2:]]
        return Block(tuple(sentences), "item")

    def named_area(self, result: CompetencyResult, level: Sentence, after: Sentence) -> Sentence:
        """ "Felling technique: the person who assessed you noted …": the area the reason has
        just said fell short opens on what comes after its level (the evidence, what the role
        needs, the tip), not on "rated below the level the role needs" a second time."""
        rest = after.text
        if len(rest) > 1 and not rest[1].isupper():  # not an acronym: "HTM 01-05 …"
            rest = rest[:1].lower() + rest[1:]
        # A rest that introduces a quote has its colon already: a dash, not a second colon
        # (a ratio's "35:1" is no such colon).
        role = "development.named.dash" if _COLON.search(rest) else "development.named"
        text = self.book.grammar(role).format(name=self.area_name(result), rest=rest)
        # Said whole: neither half may be trimmed away from the other.
        self.trimmable = [t for t in self.trimmable if t[0] is not level and t[0] is not after]
        self.quotes = [q for q in self.quotes if q is not after]
        return Sentence(text, "development", after.sources + level.sources, after.claim)

    def role_needs(self, descriptor: str) -> str | None:
        """The bar's descriptor as what the role needs, in no activity: "drives smoothly during
        the road test" needs someone who can "drive smoothly"; one that cannot be said without
        its activity ("kept the role play calm") says nothing."""
        language = self.book.language
        text = without_activity(clause(plain(descriptor)), language)
        if activities(text, language):
            return None
        return role_needs(clause(text), language)

    def held_tips(self, tips: str) -> str:
        """The tips, each sentence without the phrases that place it in an activity, and
        without a sentence that still recalls one this candidate did not have ("as you did in
        the workshop demo" after a phone screen)."""
        language = self.book.language
        kept = []
        for sentence in sentences_of(tips):
            text = without_activity(sentence, language)
            if not any(a not in self.held for a in activities(text, language)):
                kept.append(text)
        return " ".join(kept)

    def development_level(
        self, result: CompetencyResult, n: int, *, compact: bool = False
    ) -> Sentence:
        compact = compact or self.said_where(n) or (n == 0 and self.reason_named_where)
        if not compact:
            # Not a step and date the reason, a strength or an earlier area has just named
            # ("in the technical interview on 16 November" once in the note's body).
            where = self.where(result)
            if where in self.wheres_before(n) and where in self.step_wheres():
                compact = True
            else:
                self.area_wheres[n] = where
        if _straddles(result):
            # One rating at or above the bar: not "our interviewers rated this below".
            many = ".many" if len(result.ratings) > 2 else ""
            where = "" if compact else self.where(result)
            # Where it showed is said in full; without it, in fewer words.
            short = "" if where else ".compact"
            text = self.pick(f"development.divided{many}{short}").format(
                name=self.area_name(result),
                where=f" {where}" if where else "",
                **self.divided_words(result),
            )
            return Sentence(text, "development", self.rating_sources(result), "reason")
        # "Our interviewers" only when two people rated it: two scorecards by one person are
        # one interviewer's view.
        raters = {card.interviewer_id or -card.id for card, _, _ in result.ratings}
        role = "development.rated" if len(raters) > 1 else "development.rated.one"
        role += ".compact" if compact else ""
        phrasing = self.pick(role, n)
        text = phrasing.format(
            name=self.area_name(result),
            where=self.where(result) if "{where}" in phrasing else "",
            gap=self.gap_words(result),
        )
        return Sentence(text, "development", self.rating_sources(result), "reason")

    def step_wheres(self) -> set[str]:
        """The wheres that name one step (and its date): "in the technical interview on 16
        November", not "in both interviews", which may come back."""
        book, year = self.book, self.year
        wheres = {self.where_one(i) for i in self.interviews}
        dates = {i.date for i in self.interviews if i.date is not None}
        return wheres | {book.patterns["where.on"].format(date=date_text(d, book, year))
                         for d in dates}  # fmt: skip

    def wheres_before(self, n: int) -> set[str]:
        """The steps and dates the note's body names before the n-th area's level: the
        reason's, the strengths' (their paragraph comes first) and the earlier areas'."""
        said = {self.reason_where, *(self.area_wheres.get(k, "") for k in range(n))}
        said |= {self.strength_phrasing(k)[1] for k in range(len(self.strengths))}
        return said - {""}

    def gap_words(self, result: CompetencyResult) -> str:
        """How far below, in words: half a point or less is "just below", two or more "well"."""
        gap = result.bar - result.mean
        size = "gap.near" if gap <= 0.5 else "gap.far" if gap >= 2 else "gap.below"
        return self.book.grammar(size)

    def next_steps(self, roles: Sequence[OpenRole]) -> tuple[Sentence, ...]:
        policy = self.inp.policy
        channel = "portal" if self.portal else "reply"  # no page: the candidate replies
        sentences: list[Sentence] = []
        # Two openings with one title (two sites, say) are one name to the candidate.
        titles_seen: set[str] = set()
        roles = [r for r in roles if not _seen_before(tidy(r.title).casefold(), titles_seen)]
        self.roles = len(roles)
        if roles:
            sources = tuple(_shared("open_role", f"open_role:{r.id}", "title") for r in roles)
            titles = [tidy(r.title) for r in roles]
            # "Fits your strengths" only after a note that named two or more of them.
            few = ".few" if len(self.strengths) < 2 else ""
            if len(titles) == 1:
                role = f"next.open_role{few}.{channel}"
                fields = {"role": titles[0], "of_role": of(titles[0], self.book)}
                plain_role = partial(
                    self.say, role, "next_steps", sources, claim="next_step", **fields
                )
                shared = self.shared_strengths(roles[0])
                if shared:
                    # Which strengths the role calls for too: this candidate's, by name.
                    phrasing = self.pick_as(f"next.open_role.named.{channel}", role)
                    text = phrasing.format_map({**fields, "strengths": join(shared, self.book)})
                    sentence = Sentence(text, "next_steps", sources, "next_step")
                    self.trimmable.append((sentence, plain_role))
                    sentences.append(sentence)
                else:
                    sentences.append(plain_role())
            else:
                role = f"next.open_roles{few}.{channel}"
                fields = {"roles": join(titles, self.book)}
                sentences.append(self.say(role, "next_steps", sources, claim="next_step", **fields))
        # The candidate's page is named once: a later sentence says "the same page".
        named = bool(roles)
        category = self.inp.decision.reason_category
        # The partners' pool is one more choice on the page: offered with the question, in the
        # last sentence, except after a closed role, whose last sentence already offers three.
        partners_last = policy.partners and self.portal and category != "role_closed"
        if policy.partners and self.portal and not partners_last:
            role = "next.partners.portal" + (".again" if named else "")
            seen, sources = self.partner_view()
            sentences.append(self.say(role, "next_steps", sources, claim="next_step", seen=seen))
            named = True
        reapply = _reapply_sources(self.reason_ref)
        if category == "role_closed":
            # A promise the candidate's consent makes possible, nothing more. With a page, the
            # last sentence offers it among the page's other choices ("on your page" once).
            if not self.portal:
                sentences.append(
                    self.say(f"next.reopen.{channel}", "next_steps", _PORTAL_SOURCES,
                             claim="next_step")
                )  # fmt: skip
        elif (
            category in _NO_WAIT
            or category == "other"
            or (category == "stronger_candidate" and (self.gap_free or not self.inp.scorecards))
            or (category == "skills_gap" and self.reason_unsupported and self.gap_free)
        ):
            # Not about the candidate's skills, or nothing says it was: no waiting period to
            # serve. "Other" is by its choice not the candidate's level, even with a rating
            # below the bar: a date would imply a skills reason the note never gives; nor
            # after a skills reason whose note has just said that no skill fell short.
            pass
        elif policy.reapply_months > 0:
            date = add_months(self.inp.decision.decided_on, policy.reapply_months)
            when = month_year(date, self.book)
            plain_reapply = partial(
                self.say, "next.reapply", "next_steps", reapply, claim="next_step", when=when
            )
            if self.development and self.rubric_ok:
                # What to work on before then is this candidate's own: the areas the note lists
                # (all below the bar), by name. Over the word budget, the plain date is enough.
                # Not in names of another language than the sentence's.
                sentence = self.reapply_with_areas(reapply, when)
                self.trimmable.append((sentence, plain_reapply))
                sentences.append(sentence)
            else:
                sentences.append(plain_reapply())
        else:
            sentences.append(
                self.say("next.reapply.anytime", "next_steps", reapply[:1], claim="next_step")
            )
        # The page is offered last, so that the link ends the paragraph. Without a matching
        # role, the same sentence invites the candidate to the talent pool.
        if not self.portal:
            role = "next.question.also_reply" if roles or category == "role_closed" else (
                "next.question.reply"
            )  # fmt: skip
        elif category == "role_closed":
            role = "next.reopen_or_question.portal" + (".again" if named else "")
        elif partners_last:
            role = "next.partners_or_question.portal" + (".again" if named else "")
        else:
            role = "next.question.portal" if named else "next.question_or_pool.portal"
        seen, sources = self.partner_view() if partners_last else ("", _PORTAL_SOURCES)
        sentences.append(
            self.say(role, "next_steps", sources, claim="next_step", url=self.portal, seen=seen)
        )
        return tuple(sentences)

    def partner_view(self) -> tuple[str, tuple[Source, ...]]:
        """What a partner organization would see of this candidate, in the note's words: the
        competencies rated "yes" or better on average, by name, as the partners' pool lists
        them ("your strengths (Go in production and Testing)"), over every application when the
        input says (`partner_strengths`), else this application's; without any, the kind of
        role applied for. "Your strengths" would be untrue of a candidate with none."""
        results = self.aggregate.results if self.aggregate else ()
        pooled = self.inp.partner_strengths
        if pooled is None:  # this application's ratings, read as the pool reads them
            strong = sorted(
                (r for r in results if r.ratings and r.mean >= STRENGTH_FLOOR),
                key=lambda r: (-r.mean, name_key(r.competency.name)),
            )
            names = [tidy(r.competency.name) for r in strong]
        else:  # over every application: this one's ratings cite what they can
            names = [tidy(name) for name in pooled]
            keys = {name_key(name) for name in pooled}
            strong = [r for r in results if r.ratings and name_key(r.competency.name) in keys]
        if not names:
            return self.book.grammar("partners.sees.role"), _PORTAL_SOURCES
        sources = _PORTAL_SOURCES + tuple(s for r in strong for s in self.rating_sources(r))
        if not self.rubric_ok:  # names in another language than the sentence's
            return self.book.grammar("partners.sees.strengths"), sources
        count = len(names)
        more = "named.one" if count == 1 else "named.more" if count > MAX_ITEMS else "named"
        # A skill rated well on the whole and below this role's own bar ("Handling difficult
        # conversations: this was below the level the role needs"): "your strength" beside it
        # would read as a contradiction, so the sentence says what the pool holds, a skill our
        # interviewers rated well.
        below = {name_key(r.competency.name) for r in (*self.development, *self.more)}
        if any(name_key(name) in below for name in names):
            more = more.replace("named", "rated")
        names = names[:MAX_ITEMS]
        # "Communication, Code quality and testing and Design": with a name that holds "and",
        # the names are set apart.
        conjunction = f" {self.book.conjunction} "
        apart = any(conjunction in n.casefold() for n in names)
        listed = "; ".join(names) if apart else join(names, self.book)
        return self.book.grammar(f"partners.sees.{more}").format(names=listed), sources

    def shared_strengths(self, role: OpenRole) -> list[str]:
        """The candidate's strengths that `role`'s rubric also lists, best first, as this note
        names them: two or more, else none. Only what the note would call a strength (half a
        point or more above the bar, see `strength`), not a level only met, and only those its
        strengths paragraph names: "the same strengths" are the ones said above it, not one
        left out for space."""
        if not self.rubric_ok:
            return []  # names in another language than the sentence's
        wanted = {name_key(n) for n in role.competency_names}
        strengths = self.strengths
        shared = [
            tidy(r.competency.name)
            for r in strengths
            if r.mean - r.bar >= 0.5 and name_key(r.competency.name) in wanted
        ]
        return shared[:MAX_ITEMS] if len(shared) >= 2 else []

    def reapply_with_areas(self, reapply: tuple[Source, ...], when: str) -> Sentence:
        """ "You are welcome to apply again from March 2027, once you have had time to work on
        Problem solving." : the reapply month and the note's own development areas."""
        book = self.book
        names = [tidy(r.competency.name) for r in self.development]
        quoted_names = [self.typeset(book.grammar("points.name").format(name=n)) for n in names]
        count = "points.one" if len(names) == 1 else "points.many"
        points = book.grammar(count).format(names=join(quoted_names, book))
        sources = reapply + tuple(s for r in self.development for s in self.rating_sources(r))
        # The same words as the plain reapply sentence the note would have, with the areas.
        phrasing = self.pick_as("next.reapply.areas", "next.reapply")
        text = phrasing.format(when=when, areas=join(names, book), points=points)
        return Sentence(text, "next_steps", sources, "next_step")

    # --- pieces ---

    def said_where(self, n: int) -> bool:
        """Whether the n-th strength or area goes without where and when: no interview known
        (nowhere to name), or only one: the thanks named it and its date, so "on 9 November"
        again after "Thank you for … the simulator exercise on 9 November" says it twice."""
        return len(self.interviews) <= 1

    def seen_for(self, result: CompetencyResult) -> str:
        """Where we saw the gap in `result`: the one interview its ratings below the bar come
        from ("in the Road test on 14 June", not "in your interviews" when a phone screen never
        assessed it), else as `seen`. Named there, its area does not name it again."""
        below = {card.interview_id for card, _, score in result.ratings if score < result.bar}
        held = [i for i in self.interviews if i.id in below]
        if len(held) == 1:
            self.reason_named_where = True
            if len(self.interviews) == 1:
                return self.seen()
            self.reason_where = self.where_one(held[0])
            return self.reason_where
        if 1 < len(held) < len(self.interviews):
            # Not "across the steps of the process" when a phone screen never assessed it.
            steps = ".steps" if self.steps else ""
            count = self.book.number(len(held))
            return self.book.patterns["where.some" + steps].format(count=count)
        return self.seen()

    def seen(self) -> str:
        """Where we saw the candidate: "in the System design interview", "in your interviews"."""
        if len(self.interviews) == 1:
            # The thanks has just named the step and its date: "that day", not its name again;
            # a take-home was done at home: "in the work you sent us".
            if self.interviews[0].kind == "take_home":
                return self.book.grammar("seen.take_home")
            dated = self.interviews[0].date is not None
            return self.book.grammar("seen.that_day" if dated else "seen.there")
        if not self.interviews:
            return self.book.grammar("seen.process")
        return self.book.grammar("seen.steps" if self.steps else "seen.interviews")

    def where(self, result: CompetencyResult) -> str:
        """Where the ratings on this side of the bar came from: "in both interviews", …"""
        bar = result.bar
        above = result.mean >= bar
        seen = {card.interview_id for card, _, score in result.ratings if (score >= bar) == above}
        if result.mean - bar >= 0.5:
            # Said to be a strength (see `strength`): where it was above the bar, not also
            # where it only met it.
            seen = {card.interview_id for card, _, score in result.ratings if score > bar}
        total = len(self.interviews)
        patterns = self.book.patterns
        if total == 1 and self.interviews[0].date is not None:
            date = date_text(self.interviews[0].date, self.book, self.year)
            return patterns["where.on"].format(date=date)
        if len(seen) == 1:
            (interview_id,) = seen
            for interview in self.interviews:
                if interview.id == interview_id:
                    return self.where_one(interview)
        steps = ".steps" if self.steps else ""
        if len(seen) == total == 2:
            return patterns["where.both" + steps]
        role = "where.all" if len(seen) == total > 2 else "where.some"
        return patterns[role + steps].format(count=self.book.number(len(seen)))

    def where_one(self, interview: Interview) -> str:
        """ "in the System design interview on 12 June": the candidate's own step, and when."""
        meeting = self.meeting(interview)
        role = "where.activity" if interview.id in self.activities else "where.one"
        if interview.date is None:
            return self.book.grammar(role).format(meeting=meeting)
        date = date_text(interview.date, self.book, self.year)
        return self.book.grammar(role + ".dated").format(meeting=meeting, date=date)

    def in_note_language(self, text: str) -> bool:
        """Whether an interviewer's `text` reads as the note's language. One too short to tell
        ("Good suction control.") is taken to be in the job's language: on a job written in
        English, a French note does not quote it as French."""
        return fits_language(text, self.book.language) and (
            self.rubric_ok or bool(language_of(text))
        )

    def quotable(self, text: str) -> bool:
        """In the note's language, with no link or contact details, and not about the candidate
        as "he", "she" or by name."""
        if not self.in_note_language(text) or contact_details(text):
            return False
        first, last = self.inp.candidate.first_name, self.inp.candidate.last_name
        return not third_person(text, self.book.language, first, last)

    def quote(self, result: CompetencyResult, *, above: bool) -> Sentence | None:
        """What an interviewer wrote about this competency, from this side of the bar.

        A comment reads as said to the candidate ("noted that you …") when a safe rewrite makes
        it so, as a quote when it speaks of nobody, and not at all otherwise (a "she" or the
        candidate's name, another language, a guard finding).
        """
        if above and sum(q.section == "strengths" for q in self.quotes) >= MAX_QUOTES:
            return None
        book = self.book
        first, last = self.inp.candidate.first_name, self.inp.candidate.last_name
        ranked = sorted(result.ratings, key=_score, reverse=above)
        for card, item, score in ranked:
            if (score >= result.bar) != above:
                break
            if not (item.candidate_comment or item.evidence_shareable):
                continue
            for whole, field, written in _quotable(item, book.language):
                # A long comment may be the only word on a gap: its opening clause is quoted.
                text = shortened(whole, MAX_QUOTE_CHARS) or ""
                if not text or not self.in_note_language(text):
                    continue
                if _words(text) < MIN_QUOTE_WORDS:
                    continue  # "ok", "Good.": a tick, not words worth quoting
                if contact_details(text):
                    continue  # the note's one link is the candidate's page; no side channels
                if text in self.quoted_texts:
                    continue  # the same words on two competencies: said once
                if not above and praises(text, book.language):
                    continue  # praise, under "where to grow", would read as the gap

                said = addressed(text, book.language, first, last)
                if said is None and third_person(text, book.language, first, last):
                    continue
                # A cut or tidied comment is quoted only when all the interviewer wrote is
                # clean: an aside or an emoji left out may be what the guard objects to.
                if not self.clean(text) or any(
                    other != text and not self.clean(other) for other in (whole, written)
                ):
                    continue
                who = self.who(card)
                source = Source("scorecard", _item_ref(card, result), field)
                section: Section = "strengths" if above else "development"
                if said is not None:
                    sentence = self.say(
                        "quote.reported", section, (source,), self.quotes_written,
                        claim="observation", who=who, Who=cap(who),
                        said=self.typeset(full_sentences(said)),
                    )  # fmt: skip
                else:
                    sentence = self.say(
                        "quote", section, (source,), self.quotes_written, claim="observation",
                        who=who, Who=cap(who), quote=quoted(self.typeset(text), book),
                    )  # fmt: skip
                self.quotes.append(sentence)
                self.quotes_written += 1
                self.quoted_texts.add(text)
                return sentence
        return None

    def area_name(self, result: CompetencyResult) -> str:
        """A competency as the note names it: as written, or quoted when the rubric is in
        another language than the note (« Felling technique » : …), the rubric's own label
        rather than foreign words read as the note's."""
        name = tidy(result.competency.name)
        if self.rubric_ok:
            return name
        return self.book.grammar("quoted").format(text=self.typeset(name))

    def meeting(self, interview: Interview) -> str:
        text = self.meetings.get(interview.id)
        if text is None:
            text = self.meetings[interview.id] = meeting(interview, self.book)
        return text

    def clean(self, text: str) -> bool:
        """True when the guard has no finding at all on `text`; a refusal is counted."""
        findings = self.check(
            text,
            lang=self.book.language,
            context="note",
            other_names=self.inp.other_candidate_names,
            own_names=self.own_names,
        )
        if findings:
            self.dropped += 1
        return not findings

    def who(self, card: Scorecard) -> str:
        name = tidy(card.interviewer_first_name)
        if name and self.inp.policy.show_interviewer_first_names:
            return name
        # "One interviewer" after a single interviewer would suggest others who said otherwise;
        # after a take-home or a trial shift, nobody interviewed the candidate.
        book = self.book
        if card.interview_id in self.activities:
            return book.sole_step if self.one_interviewer else book.someone_step
        return book.sole if self.one_interviewer else book.someone

    def all_dated(self) -> list[datetime.date]:
        """The interviews' dates in order, or [] unless every interview has one."""
        dates = [i.date for i in self.interviews if i.date is not None]
        return dates if len(dates) == len(self.interviews) else []

    def interview_sources(self) -> tuple[Source, ...]:
        return sources_of("interview", [f"interview:{i.id}" for i in self.interviews])

    def job_source(self, field: str) -> tuple[Source, ...]:
        return (_job_source(self.inp.job.id, field),)

    def competency_source(self, result: CompetencyResult, field: str) -> Source:
        return _competency_source(self.inp.job.id, result.competency.id, field)

    def rating_sources(self, result: CompetencyResult) -> tuple[Source, ...]:
        """One source per rating of the competency (made once: several sentences cite them)."""
        key = result.competency.id
        sources = self.result_sources.get(key)
        if sources is None:
            suffix = f"/competency:{key}"
            refs = [f"scorecard:{card.id}{suffix}" for card, _, _ in result.ratings]
            sources = self.result_sources[key] = sources_of("scorecard", refs, "rating")
        return sources

    def say(
        self,
        role: str,
        section: Section,
        sources: tuple[Source, ...],
        index: int = 0,
        /,
        claim: Claim = "courtesy",
        **fields: str,
    ) -> Sentence:
        """A sentence in `role`'s phrasing for this note; `index` rotates items of a list."""
        return Sentence(self.pick(role, index).format_map(fields), section, sources, claim)

    def contradictions(self) -> tuple[str, ...]:
        """What the note would say against itself: for the recruiter, in plain words."""
        found: list[str] = []
        strong = {r.competency.id for r in self.strengths}
        for result in self.development:
            name = tidy(result.competency.name)
            if result.competency.id in strong:
                found.append(f"{name} is both a strength and a development area")
            if result.mean >= result.bar:
                found.append(f"{name} is a development area but met the bar")
        if self.said_no_gap and self.development:
            found.append("The note says no skill was below the bar and lists development areas")
        if self.explanation_used and self.inp.decision.reason_category in _ABOUT_SKILLS:
            explanation = self.inp.decision.reason_explanation.casefold()
            for result in self.strengths:
                name = tidy(result.competency.name)
                if len(name) > 3 and name.casefold() in explanation:
                    found.append(
                        f"The reason names {name}, which the interviewers rated a strength"
                    )
        return tuple(found)

    def quality(
        self, findings: Sequence[guard_module.Finding], sentences: Sequence[Sentence]
    ) -> Quality:
        agg = self.aggregate
        observations = [s for s in sentences if s.claim == "observation"]
        unbacked = sum(
            1
            for s in observations
            if not any(src.kind == "scorecard" and src.field in _INTERVIEWER_TEXT
                       for src in s.sources)
        )  # fmt: skip
        contradictions = self.contradictions()
        review: list[ReviewReason] = []
        if self.reason_unsupported:
            review.append("reason_unsupported")
        if self.inp.decision.reason_category == "other" and not self.explained:
            review.append("reason_unstated")
        if contradictions:
            review.append("contradiction")
        if agg and agg.disagreements:
            heaviest = max(c.weight for c in self.inp.job.rubric)
            if any(r.competency.weight == heaviest for r in agg.disagreements):
                review.append("disagreement_on_heaviest")
        if unbacked:
            review.append("observation_unbacked")
        preferred = self.inp.candidate.preferred_language
        return Quality(
            word_count=self.words,
            strengths=len(self.strengths),
            development_areas=len(self.development),
            quoted_comments=len(self.quotes),
            dropped_comments=self.dropped,
            disagreements=len(agg.disagreements) if agg else 0,
            unrated=len(agg.unrated) if agg else 0,
            scorecards=len(self.inp.scorecards),
            open_roles=self.roles,
            reason_unsupported=self.reason_unsupported,
            guard_verdict=guard_module.verdict(findings),
            observations=len(observations),
            unbacked_observations=unbacked,
            contradictions=contradictions,
            review_reasons=tuple(review),
            language_fallback=bool(preferred) and preferred != self.book.language,
            rubric_language="" if self.rubric_ok else self.inp.job.language,
        )


class _RubricWords(NamedTuple):
    """A competency as a note says it, at one level: name, descriptor, tips (typeset)."""

    name: str
    descriptor: str  # the rubric's clause for the level: "you explain your reasoning clearly"
    Descriptor: str  # the same, capitalized, to start a sentence
    tips: str  # the first two sentences of the tips
    first_tip: str


# The same few competencies and levels come back in every note of a job: each is worded once.
@lru_cache(maxsize=8192)
def _rubric_words(name: str, descriptor: str, tips: str, language: Language) -> _RubricWords:
    typeset = french_spacing if language == "fr" else str
    descriptor = typeset(clause(descriptor))
    return _RubricWords(
        tidy(name),
        descriptor,
        cap(descriptor),
        typeset(first_sentences(tips, 2)),
        typeset(first_sentences(tips, 1)),
    )


@lru_cache(maxsize=256)
def _signature(policy: Policy, language: Language) -> Block:
    """Closing and signature: the same on every note a recruiter sends in one language."""
    book = for_language(language)
    picker = Picker(book, policy.tone, f"{policy.organization_name}/{policy.recruiter_name}")
    closing = Sentence(
        picker.pick("closing"), "signature", (Source("policy", "policy:tone", "tone"),)
    )
    name, title = tidy(policy.recruiter_name), tidy(policy.recruiter_title)
    org = tidy(policy.organization_name)
    fields = ["organization_name"]
    if name and title and name.casefold() != org.casefold():
        line = book.grammar("signature").format(name=name, title=title, org=org)
        fields += ["recruiter_name", "recruiter_title"]
    elif name and name.casefold() != org.casefold():
        line = book.grammar("signature.untitled").format(name=name, org=org)
        fields.append("recruiter_name")
    else:  # no recruiter: the organization signs, once
        line = org
    sources = tuple(Source("policy", f"policy:{f}", f) for f in fields)
    return Block((closing, Sentence(line, "signature", sources)), "lines")


@lru_cache(maxsize=4096)
def _shared(kind: SourceKind, ref: str, field: str = "") -> Source:
    """A source many notes cite (the job, its rubric, the policy, a reason): made once."""
    return Source(kind, ref, field)


# Sources that every note of a job cites, made once and keyed by ids: no text to build.
@lru_cache(maxsize=1024)
def _job_source(job_id: int, field: str) -> Source:
    return Source("job", f"job:{job_id}", field)


@lru_cache(maxsize=4096)
def _decision_sources(reason_ref: str, job_id: int) -> tuple[Source, Source]:
    return (_shared("reason", reason_ref, "category"), _job_source(job_id, "title"))


@lru_cache(maxsize=8192)
def _competency_source(job_id: int, competency_id: int, field: str) -> Source:
    return Source("job", f"job:{job_id}/competency:{competency_id}", field)


@lru_cache(maxsize=8192)
def _descriptor_sources(job_id: int, competency_id: int, level: str) -> tuple[Source]:
    return (_competency_source(job_id, competency_id, f"descriptor:{level}"),)


@lru_cache(maxsize=64)
def _reapply_sources(reason_ref: str) -> tuple[Source, Source]:
    return (
        _shared("policy", "policy:reapply_months", "reapply_months"),
        _shared("reason", reason_ref, "decided_on"),
    )


_PORTAL_SOURCES: Final = (Source("policy", "policy:portal_url", "portal_url"),)
_score: Final = itemgetter(2)  # of a rating: (scorecard, item, score)


@lru_cache(maxsize=1024)
def _names(title: str, organization: str, language: Language) -> dict[str, str]:
    """The job and organization as the subject and sentences name them (shared: read only)."""
    book = for_language(language)
    title = tidy(title)
    return {"title": title, "of_title": of(title, book), "org": tidy(organization)}


def _rubric_names(job: Job) -> tuple[str, ...]:
    return tuple([c.name for c in job.rubric])


class _Held:
    """Whether an activity a rubric text names ("road test", "exercise") took place: an
    interview is named after it, or it is a take-home for an exercise."""

    def __init__(self, interviews: Sequence[Interview]) -> None:
        names = [" ".join(re.split(r"[-\s]+", i.name.casefold())) for i in interviews]
        if any(i.kind == "take_home" for i in interviews):
            names.append("exercise take home exercice")
        self.names = names

    def __contains__(self, activity: object) -> bool:
        return isinstance(activity, str) and any(activity in name for name in self.names)


def _held(inp: NoteInput) -> list[Interview]:
    """The interviews that took place: scored, or dated on or before the decision. One still
    to come (the role closed first) or never dated nor scored is not thanked for. One scored
    but dated after the decision took place on another day than the one typed: it is named
    without a date, never thanked for as a day still to come."""
    scored = {card.interview_id for card in inp.scorecards}
    decided = inp.decision.decided_on
    held = []
    for i in inp.interviews:
        if i.date is not None and i.date > decided:
            if i.id in scored:
                held.append(Interview(i.id, i.name, i.kind, None))
        elif i.id in scored or i.date is not None:
            held.append(i)
    return held


def _in_order(interviews: Sequence[Interview]) -> tuple[Interview, ...]:
    """Interviews by date (undated last); same-day interviews as given."""
    dates = [i.date for i in interviews]
    if None not in dates and dates == sorted(dates):  # type: ignore[type-var]
        return tuple(interviews)  # as they usually come: no key to compute
    return tuple(sorted(interviews, key=_by_date))


def _by_date(interview: Interview) -> tuple[bool, datetime.date]:
    return (interview.date is None, interview.date or datetime.date.min)


def _quotable(item: RatingItem, language: str) -> Iterator[tuple[str, str, str]]:
    """The texts of a rating that may be quoted, as a letter may quote them (no emoji, no chat
    shorthand, no shouting), with the field and what the interviewer wrote: the candidate-safe
    comment, shareable evidence."""
    comment = letter_ready(tidy(plain(item.candidate_comment)), language)
    if comment:
        yield comment, "candidate_comment", tidy(item.candidate_comment)
    if item.evidence_shareable:
        evidence = letter_ready(tidy(plain(item.evidence)), language)
        if evidence:
            yield evidence, "evidence", tidy(item.evidence)


def _straddles(result: CompetencyResult) -> bool:
    """Whether the ratings of `result` fall on both sides of its bar."""
    scores = [score for _, _, score in result.ratings]
    return bool(scores) and min(scores) < result.bar <= max(scores)


def _item_ref(card: Scorecard, result: CompetencyResult) -> str:
    return f"scorecard:{card.id}/competency:{result.competency.id}"


_french_spacing: Final = lru_cache(maxsize=8192)(french_spacing)


def _seen_before(key: str, seen: set[str]) -> bool:
    """Whether `key` is in `seen`, which it joins."""
    if key in seen:
        return True
    seen.add(key)
    return False


# Words a strength's phrasing may share with the one before it without sounding the same.
_LINKING: Final = frozenset(
    {"also", "too", "a", "an", "another", "clear", "the", "was", "un", "une", "l'un", "de",
     "vos", "aussi", "également", "là", "autre", "vrai", "parmi", "le", "la", "des"}
)  # fmt: skip


# Words heard as the same news whatever surrounds them.
_ECHOES: Final = frozenset({"level", "niveau"})


def _phrasing_words(phrasing: str) -> frozenset[str]:
    """What a phrasing says, without its fields and linking words: its word pairs ("came
    through", "stood out"), or its one word ("strength")."""
    text = re.sub(r"\{\w+\}", " ", phrasing)
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.casefold() not in _LINKING]
    if len(words) == 1:
        return frozenset(words)
    # "Level" said twice in a row is heard however it is worded ("… met the level the role
    # needs. … came through at the level the role needs.").
    echoes = {w.casefold() for w in words} & _ECHOES
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(words)) | echoes


_COLON: Final = re.compile(r"\s?:\s")
# "{name} was …", "{area} is …": a verb whose number a name in the plural would contradict.
_COPULA: Final = re.compile(r"\{(?:name|area)\} (?:also )?(?:is|was)\b")


def _names_area(text: str, name: str) -> bool:
    """Whether `text` (folded) names the competency `name` as a phrase of its own."""
    folded = name_key(name)
    return bool(folded) and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", text) is not None


def _nothing() -> None:
    return None


def _same(sentence: Sentence) -> Sentence:
    return sentence


def _words(text: str) -> int:
    """Words as they take room on the page: what spaces, no-break ones too, separate.

    French typography sets ":", ";", "?", "!" and the guillemets apart with no-break spaces:
    on the page they take room like words, so they count, and a French note keeps to the
    same length as an English one.
    """
    return _spaces(text) + 1


def _spaces(text: str) -> int:
    spaces = text.count(" ")
    if "\u00a0" in text:  # `in` is quick; most English notes have none
        spaces += text.count("\u00a0")
    if "\u202f" in text:
        spaces += text.count("\u202f")
    return spaces
