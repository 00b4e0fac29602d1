"""Scorecards, decision and policy -> one personal, honest feedback note.

A note says, in order: greeting; thanks that name what the candidate did, then the decision;
the reason; strengths; development areas; next steps; signature. Every sentence carries the
inputs it came from. Phrasings vary by a stable hash of the application, but what makes two
notes differ is each candidate's own data: interviews, dates, competencies, the rubric's words
for their level, quotes and tips.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from operator import itemgetter
from typing import Final, NamedTuple

from heardback.feedback.engine import guard as guard_module
from heardback.feedback.engine.aggregate import Aggregate, CompetencyResult, aggregate
from heardback.feedback.engine.match import match_open_roles
from heardback.feedback.engine.phrasebook import Picker, for_language, french_spacing
from heardback.feedback.engine.render import Block, render
from heardback.feedback.engine.types import (
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
    dates_phrase,
    first_sentences,
    full_sentences,
    join,
    meeting,
    month_year,
    of,
    quoted,
    span_phrase,
    tidy,
)

GuardCheck = Callable[..., list[guard_module.Finding]]

# A quote is a short piece of evidence, not a transcript.
MAX_QUOTE_CHARS: Final = 200
MAX_TAKEAWAY_CHARS: Final = 300
MAX_QUOTES: Final = 2
# At most three items in a section, two each when the note has both: a note is read, not scanned.
MAX_ITEMS: Final = 3
PAIRED_ITEMS: Final = 2
# Notes should read in one sitting (target: 120-320 words). Past this, what is optional goes.
WORD_BUDGET: Final = 310
# The categories that are about the candidate's skills: they must be backed by the scorecards.
_ABOUT_SKILLS: Final = frozenset({"skills_gap", "experience_level"})


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
    sentences = tuple([s for block in blocks for s in block.sentences])
    texts = [s.text for s in sentences]
    words = writer.words = _spaces("\n".join(texts)) + len(texts)  # _words of each, summed
    if kind == "interviewed" and words > WORD_BUDGET:
        blocks = writer.trim(blocks)
        sentences = tuple([s for block in blocks for s in block.sentences])
        texts = [s.text for s in sentences]
    language = writer.book.language
    text, html = render(blocks, language, writer.portal, texts=texts)
    findings = tuple(
        check(
            text,
            lang=language,
            context="candidate",
            other_names=inp.other_candidate_names,
            own_names=writer.own_names,
        )
    )
    return Note(
        subject=writer.subject(),
        text=text,
        html=html,
        language=language,
        sentences=sentences,
        quality=writer.quality(findings),
        guard_findings=findings,
        kind=kind,
    )


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
    items: tuple[Sentence, ...] = ()  # the development areas' bullets
    words = 0  # counted once the blocks are written, and again when trimmed
    dropped = 0
    reason_unsupported = False
    explained = False  # the note gives a reason: the decision may promise one
    roles = 0

    def __init__(self, inp: NoteInput, check: GuardCheck) -> None:
        self.inp = inp
        self.check = check
        self.book = book = for_language(inp.candidate.language)
        self.pick = Picker(book, inp.policy.tone, inp.application_id).pick
        self.year = inp.decision.decided_on.year
        self.portal = tidy(inp.policy.portal_url)
        self.interviews = _in_order(inp.interviews)
        self.own_names = own_names(inp)
        # Rubric texts, comments and explanations follow the language's typography too.
        self.typeset: Callable[[str], str] = _french_spacing if book.language == "fr" else str
        self.meetings: dict[int, str] = {}  # interview id -> "the System design interview"
        self.reason_ref = f"reason:{inp.decision.reason_category}"
        self.quotes: list[Sentence] = []  # every quote we wrote, in order
        self.strength_items: list[tuple[Sentence, CompetencyResult]] = []
        self.names = _names(inp.job.title, inp.policy.organization_name, book.language)
        self.result_sources: dict[int, tuple[Source, ...]] = {}

    # --- the three kinds of note ---

    def interviewed(self) -> list[Block]:
        """Thanks, decision, reason, strengths, development, next steps."""
        agg = self.aggregate = aggregate(self.inp.job.rubric, self.inp.scorecards)
        self.development = agg.development[: PAIRED_ITEMS if agg.strengths else MAX_ITEMS]
        self.strengths = agg.strengths[: PAIRED_ITEMS if self.development else MAX_ITEMS]
        reason = self.reason(agg)
        blocks = [
            self.greeting(),
            Block((self.thanks(), self.decision("decision", explained=self.explained))),
        ]
        if reason:
            blocks.append(Block(tuple(reason)))
        if self.strengths:
            blocks.append(Block(self.strength_sentences()))
        if self.development:
            lead = self.say("development.lead", "development", ())
            items = tuple([self.development_item(r, n) for n, r in enumerate(self.development)])
            self.items = items
            blocks += [Block((lead,)), Block(items, "list")]
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
            thanks = self.say("thanks.screening", "thanks", self.job_source("title"), **self.names)
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
            thanks = self.say("withdrew.thanks.dated", "thanks", sources, when=when, **names)
        elif self.interviews:
            thanks = self.say("withdrew.thanks.met", "thanks", sources, **names)
        else:
            thanks = self.say("withdrew.thanks", "thanks", sources, **names)
        door = self.say("withdrew.door", "next_steps", ())
        return [
            self.greeting(),
            Block((thanks, door)),
            _signature(self.inp.policy, self.book.language),
        ]

    def trim(self, blocks: list[Block]) -> list[Block]:
        """Bring a note of `self.words` words down to the budget, cutting what matters least.

        In order, one sentence at a time until the note fits: the shareable takeaways; the
        later quotes; each development area's second tip; where each strength and area
        showed ("in both interviews"); the first quote. The decision, the reason, every
        strength and area with its rubric words and first tip, and the next steps stay.
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
        return [
            Block(tuple(r for s in b.sentences if (r := now.get(id(s), s)) is not None), b.style)
            for b in blocks
        ]

    def cuts(self) -> Iterator[tuple[Sentence, Callable[[], Sentence | None]]]:
        """What `trim` may shorten, in order: each sentence as written, and its shorter form."""
        takeaways = [q for q in self.quotes if q.section == "reason"]
        quotes = [q for q in self.quotes if q.section != "reason"]
        for quote in takeaways + quotes[:0:-1]:
            yield quote, _nothing
        development = list(zip(self.items, self.development, strict=True))
        for n, (item, result) in enumerate(development):
            yield item, partial(self.development_item, result, n, tip_sentences=1)
        for n, (sentence, result) in enumerate(self.strength_items):
            yield sentence, partial(self.strength, result, n, compact=True)
        for n, (item, result) in enumerate(development):
            yield item, partial(self.development_item, result, n, tip_sentences=1, compact=True)
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
            meetings = join([self.meeting(i) for i in interviews], self.book)
            if dated:
                when = dates_phrase(dated, self.book, self.year)
                return self.say("thanks.dated", "thanks", sources, meetings=meetings, when=when)
            return self.say("thanks.undated", "thanks", sources, meetings=meetings)
        ends = {
            "first": self.meeting(interviews[0]),
            "last": self.meeting(interviews[-1]),
            "count": self.book.number(len(interviews)),
        }
        if dated:
            span = span_phrase(dated[0], dated[-1], self.book, self.year)
            return self.say("thanks.many", "thanks", sources, span=span, **ends)
        return self.say("thanks.many.undated", "thanks", sources, **ends)

    def decision(self, role: str, *, explained: bool) -> Sentence:
        role += ".explained" if explained else ".plain"
        sources = _decision_sources(self.reason_ref, self.inp.job.id)
        return self.say(role, "decision", sources, **self.names)

    def reason(self, agg: Aggregate) -> list[Sentence]:
        """The structured reason, never contradicting the scorecards."""
        category = self.inp.decision.reason_category
        sources: tuple[Source, ...] = (_shared("reason", self.reason_ref, "category"),)
        sentences: list[Sentence] = []
        if category in _ABOUT_SKILLS and self.development:
            top = self.development[0]
            area = tidy(top.competency.name)
            sources += self.rating_sources(top)
            sentences.append(self.say(f"reason.{category}", "reason", sources, area=area))
        elif category == "experience_level":
            sentences.append(self.say("reason.experience_level.general", "reason", sources))
        elif category == "skills_gap":
            # The category claims a gap the scorecards do not show: say what they do show.
            self.reason_unsupported = True
            sentences.append(self.say("reason.gap_unsupported", "reason", sources))
        elif category != "other":
            sentences.append(self.say(f"reason.{category}", "reason", sources))
        sentences += self.explanation()
        self.explained = bool(sentences) and not self.reason_unsupported
        if agg.gap_free and not self.reason_unsupported:
            rated = tuple(s for r in agg.results for s in self.rating_sources(r))
            sentences.append(self.say("reason.no_gap", "reason", rated))
        takeaway = self.takeaway()
        if takeaway:
            sentences.append(takeaway)
        return sentences

    def screening_reason(self) -> list[Sentence]:
        category = self.inp.decision.reason_category
        criteria = self.typeset(clause(self.inp.job.screening_criteria))
        sources: tuple[Source, ...] = (_shared("reason", self.reason_ref, "category"),)
        sentences: list[Sentence] = []
        if category in _ABOUT_SKILLS and criteria:
            sources += self.job_source("screening_criteria")
            sentences.append(
                self.say("reason.screening.criteria", "reason", sources, criteria=criteria)
            )
        elif category in _ABOUT_SKILLS:
            sentences.append(self.say(f"reason.{category}.screening", "reason", sources))
        elif category != "other":
            sentences.append(self.say(f"reason.{category}", "reason", sources))
        sentences += self.explanation()
        self.explained = bool(sentences)
        return sentences

    def explanation(self) -> list[Sentence]:
        text = self.typeset(full_sentences(self.inp.decision.reason_explanation))
        if not text:
            return []
        return [Sentence(text, "reason", (_shared("reason", self.reason_ref, "explanation"),))]

    def takeaway(self) -> Sentence | None:
        """One interviewer's shareable key takeaways, when the guard has nothing to say."""
        for card in self.inp.scorecards:
            if not card.key_takeaways_shareable:
                continue
            text = tidy(card.key_takeaways)
            if not text or len(text) > MAX_TAKEAWAY_CHARS:
                continue
            if self.clean(text):
                who = self.who(card)
                source = Source("scorecard", f"scorecard:{card.id}", "key_takeaways")
                quote = quoted(self.typeset(text), self.book)
                sentence = self.say(
                    "takeaway", "reason", (source,), who=who, Who=cap(who), quote=quote
                )
                self.quotes.append(sentence)
                return sentence
        return None

    def strength_sentences(self) -> tuple[Sentence, ...]:
        sentences: list[Sentence] = []
        for n, result in enumerate(self.strengths):
            sentence = self.strength(result, n)
            self.strength_items.append((sentence, result))
            sentences.append(sentence)
            quote = self.quote(result)
            if quote:
                sentences.append(quote)
        return tuple(sentences)

    def strength(self, result: CompetencyResult, n: int, *, compact: bool = False) -> Sentence:
        """The n-th strength, in the rubric's words for its level; `compact`: not where."""
        role = "strength.first" if n == 0 else "strength.next"
        words = self.words_for(result)
        if not words.descriptor:
            role += ".plain"
        phrasing = self.pick(role + ".compact" if compact else role, max(n - 1, 0))
        text = phrasing.format(
            name=words.name,
            descriptor=words.descriptor,
            Descriptor=words.Descriptor,
            where=self.where(result) if "{where}" in phrasing else "",
        )
        sources = self.rating_sources(result) + self.descriptor_source(result, words.descriptor)
        return Sentence(text, "strengths", sources)

    def development_item(
        self, result: CompetencyResult, n: int, tip_sentences: int = 2, *, compact: bool = False
    ) -> Sentence:
        """The n-th development area with its rubric tips; `compact`: not where it showed."""
        words = self.words_for(result)
        descriptor, tips = words.descriptor, words.tips if tip_sentences > 1 else words.first_tip
        role = "development.item"
        if not tips:
            role += ".no_tips" if descriptor else ".bare"
        elif not descriptor:
            role += ".no_descriptor"
        sources = self.rating_sources(result) + self.descriptor_source(result, descriptor)
        if tips:
            sources += (self.competency_source(result, "tips"),)
        phrasing = self.pick(role + ".compact" if compact else role, n)
        text = phrasing.format(
            name=words.name,
            descriptor=descriptor,
            tips=tips,
            where=self.where(result) if "{where}" in phrasing else "",
        )
        return Sentence(text, "development", sources)

    def next_steps(self, roles: Sequence[OpenRole]) -> tuple[Sentence, ...]:
        policy = self.inp.policy
        channel = "portal" if self.portal else "reply"  # no page: the candidate replies
        sentences: list[Sentence] = []
        self.roles = len(roles)
        if roles:
            sources = tuple(_shared("open_role", f"open_role:{r.id}", "title") for r in roles)
            titles = [tidy(r.title) for r in roles]
            if len(titles) == 1:
                role = f"next.open_role.{channel}"
                fields = {"role": titles[0], "of_role": of(titles[0], self.book)}
            else:
                role, fields = f"next.open_roles.{channel}", {"roles": join(titles, self.book)}
            sentences.append(self.say(role, "next_steps", sources, **fields))
        reapply = _reapply_sources(self.reason_ref)
        if policy.reapply_months > 0:
            date = add_months(self.inp.decision.decided_on, policy.reapply_months)
            when = month_year(date, self.book)
            sentences.append(self.say("next.reapply", "next_steps", reapply, when=when))
        else:
            sentences.append(self.say("next.reapply.anytime", "next_steps", reapply[:1]))
        # The page is offered last, so that the link ends the paragraph. Without a matching
        # role, the same sentence invites the candidate to the talent pool.
        if not self.portal:
            role = "next.question.also_reply" if roles else "next.question.reply"
        else:
            role = "next.question.portal" if roles else "next.question_or_pool.portal"
        sentences.append(self.say(role, "next_steps", _PORTAL_SOURCES, url=self.portal))
        return tuple(sentences)

    # --- pieces ---

    def words_for(self, result: CompetencyResult) -> _RubricWords:
        competency = result.competency
        descriptor = competency.descriptors.get(result.level, "")
        return _rubric_words(competency.name, descriptor, competency.tips, self.book.language)

    def where(self, result: CompetencyResult) -> str:
        """Where the ratings on this side of the bar came from: "in both interviews", …"""
        bar = result.bar
        above = result.mean >= bar
        seen = {card.interview_id for card, _, score in result.ratings if (score >= bar) == above}
        total = len(self.interviews)
        patterns = self.book.patterns
        if len(seen) == 1:
            (interview_id,) = seen
            for interview in self.interviews:
                if interview.id == interview_id:
                    return patterns["where.one"].format(meeting=self.meeting(interview))
        if len(seen) == total == 2:
            return patterns["where.both"]
        role = "where.all" if len(seen) == total > 2 else "where.some"
        return patterns[role].format(count=self.book.number(len(seen)))

    def quote(self, result: CompetencyResult) -> Sentence | None:
        """A short, guard-clean comment from an interviewer who rated the strength at the bar."""
        if len(self.quotes) >= MAX_QUOTES:
            return None
        # Best rating first; ties keep the order of the scorecards (the sort is stable).
        for card, item, score in sorted(result.ratings, key=_score, reverse=True):
            if score < result.bar:
                break
            if not (item.candidate_comment or item.evidence_shareable):
                continue
            for text, field in _quotable(item):
                if len(text) > MAX_QUOTE_CHARS or not self.clean(text):
                    continue
                who = self.who(card)
                source = Source("scorecard", _item_ref(card, result), field)
                sentence = self.say(
                    "quote",
                    "strengths",
                    (source,),
                    len(self.quotes),
                    who=who,
                    Who=cap(who),
                    quote=quoted(self.typeset(text), self.book),
                )
                self.quotes.append(sentence)
                return sentence
        return None

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
        return name if name and self.inp.policy.show_interviewer_first_names else self.book.someone

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

    def descriptor_source(self, result: CompetencyResult, descriptor: str) -> tuple[Source, ...]:
        if not descriptor:
            return ()
        return _descriptor_sources(self.inp.job.id, result.competency.id, result.level)

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
        **fields: str,
    ) -> Sentence:
        """A sentence in `role`'s phrasing for this note; `index` rotates items of a list."""
        return Sentence(self.pick(role, index).format_map(fields), section, sources)

    def quality(self, findings: Sequence[guard_module.Finding]) -> Quality:
        agg = self.aggregate
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
    if name and title:
        line = book.grammar("signature").format(name=name, title=title, org=org)
        fields += ["recruiter_name", "recruiter_title"]
    elif name:
        line = book.grammar("signature.untitled").format(name=name, org=org)
        fields.append("recruiter_name")
    else:
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


def _in_order(interviews: Sequence[Interview]) -> tuple[Interview, ...]:
    """Interviews by date (undated last); same-day interviews as given."""
    dates = [i.date for i in interviews]
    if None not in dates and dates == sorted(dates):  # type: ignore[type-var]
        return tuple(interviews)  # as they usually come: no key to compute
    return tuple(sorted(interviews, key=_by_date))


def _by_date(interview: Interview) -> tuple[bool, datetime.date]:
    return (interview.date is None, interview.date or datetime.date.min)


def _quotable(item: RatingItem) -> Iterator[tuple[str, str]]:
    """The texts of a rating that may be quoted: the candidate-safe comment, shareable evidence."""
    comment = tidy(item.candidate_comment)
    if comment:
        yield comment, "candidate_comment"
    if item.evidence_shareable:
        evidence = tidy(item.evidence)
        if evidence:
            yield evidence, "evidence"


def _item_ref(card: Scorecard, result: CompetencyResult) -> str:
    return f"scorecard:{card.id}/competency:{result.competency.id}"


_french_spacing: Final = lru_cache(maxsize=8192)(french_spacing)


def _nothing() -> None:
    return None


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
