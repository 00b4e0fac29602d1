"""English phrasebook: the sentence roles of a note, each with a few honest phrasings.

A role may have a tone-specific list ("greeting.formal"), which wins over the plain one.
Every placeholder is filled from the note's input; nothing here may claim something the input
does not support. Keep sentences short and words plain: the note must read easily.
"""

from __future__ import annotations

from typing import Final

LANGUAGE: Final = "en"

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
NUMBERS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
FIRST_DAY: Final = "1"  # how the first day of a month is written
AND: Final = "and"
SOMEONE: Final = "one interviewer"  # who said it, when interviewer names are not shown
SOLE: Final = "your interviewer"  # the same, when one scorecard is all there is
# The same after a take-home or a step that was no interview (a trial shift, a site walk).
SOMEONE_STEP: Final = "one of the people who assessed you"
SOLE_STEP: Final = "the person who assessed you"

# What to call an interview whose name does not already say what it was.
KIND_NOUNS: Final = {
    "screen": "call",
    "technical": "interview",
    "system_design": "interview",
    "hiring_manager": "conversation",
    "onsite": "interview",  # one record is one meeting: never "interviews" for one
    "take_home": "exercise",
    "other": "session",  # a trial lesson, a role play: not an interview
}
# Names ending with one of these words already say what the meeting was ("Technical interview").
MEETING_WORDS: Final = frozenset(
    {
        "interview", "interviews", "call", "chat", "conversation", "exercise", "review",
        "screen", "screening", "loop", "session", "meeting", "onsite", "test",
        "assignment", "presentation", "panel", "round", "challenge",
    }
)  # fmt: skip

MEETING_WORD_AT: Final = -1  # where that word sits in the name
# Names ending with one of these words are activities, not interviews: named as they are ("the
# assessment day", never "the assessment day interview"), and "steps" with the others.
ACTIVITY_WORDS: Final = frozenset(
    {
        "day", "days", "shift", "walk", "walkthrough", "visit", "tour", "lesson", "service",
        "drive", "observation", "placement", "trial", "demo", "demonstration", "play",
        "roleplay", "role-play", "simulation", "practical", "assessment", "task", "audition",
        "workshop", "exercise", "test", "assignment", "challenge", "presentation",
        "cook-off", "bake-off", "tasting",
    }
)  # fmt: skip

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    # {title} {org}
    "subject.warm": ("Your application for {title} at {org}",),
    "subject.formal": ("Your application for the {title} position at {org}",),
    # {first} {last}
    "greeting.warm": ("Dear {first},", "Hello {first},", "Hi {first},"),
    "greeting.formal": ("Dear {first} {last},",),
    # --- thanks: what the candidate actually did ---
    # {meetings}: "the System design interview and the Hiring manager conversation"
    # {when}: "on 12 and 14 June"
    "thanks.dated": (
        "Thank you for the time you gave us {when}, {in_meetings}.",
        "Thank you for meeting us {when} for {meetings}.",
        "Thank you for taking part in {meetings} {when}.",
        "Thank you for the time and effort you put into {meetings} {when}.",
    ),
    # Only calls (screens): nobody met.
    "thanks.dated.call": (
        "Thank you for the time you gave us {when}, {in_meetings}.",
        "Thank you for taking part in {meetings} {when}.",
        "Thank you for the time and effort you put into {meetings} {when}.",
    ),
    "thanks.dated.call.formal": (
        "Thank you for the time you gave us {when}, {in_meetings}.",
        "Thank you for taking part in {meetings} {when}.",
        "We appreciate the time you gave us {when} for {meetings}.",
    ),
    "thanks.undated.call": (
        "Thank you for the time you gave us {in_meetings}.",
        "Thank you for taking part in {meetings}.",
    ),
    "thanks.dated.formal": (
        "Thank you for the time you gave us {when}, {in_meetings}.",
        "Thank you for taking part in {meetings} {when}.",
        "We appreciate the time you gave us {when} for {meetings}.",
    ),
    "thanks.undated": (
        "Thank you for the time you gave us {in_meetings}.",
        "Thank you for taking part in {meetings}.",
    ),
    # {first}/{last}: meetings, {span}: "between 3 and 14 June" (no count: a take-home or a
    # call is not an interview)
    "thanks.many": (
        "Thank you for the time you gave us {span}, from {first} to {last}.",
        "Thank you for taking part in our process {span}, from {first} through to {last}.",
        "Thank you for all the time you gave us {span}, from {first} to {last}.",
    ),
    "thanks.many.undated": ("Thank you for the time you gave us, from {first} to {last}.",),
    # {stage}: scorecards exist but no interview is known
    "thanks.stage": ("Thank you for the time you gave us during the {stage} stage.",),
    # {title} {org}
    "thanks.generic": ("Thank you for the time you gave us.",),
    "thanks.screening": (
        "Thank you for applying for the {title} role at {org}.",
        "Thank you for your interest in the {title} role at {org}.",
    ),
    "thanks.screening.formal": (
        "Thank you for your application for the {title} position at {org}.",
    ),
    # --- decision: early and unambiguous ---
    # {title}
    "decision.explained": (
        "We have decided not to offer you the {title} role, and we want you to know why.",
        "We have decided not to move forward with your application for {title}. "
        "We would like to tell you why.",
        "We will not be moving forward with your application for {title}. Here is why.",
    ),
    "decision.explained.formal": (
        "We have decided not to proceed with your application for the {title} position. "
        "We would like to explain why.",
        "After careful consideration, we will not be offering you the {title} position. "
        "We would like to explain our reasons.",
    ),
    "decision.plain": (
        "We have decided not to offer you the {title} role.",
        "We have decided not to move forward with your application for {title}.",
    ),
    "decision.plain.formal": (
        "We have decided not to proceed with your application for the {title} position.",
        "After careful consideration, we will not be offering you the {title} position.",
    ),
    # The role closed: nothing about the candidate was weighed, so no "after careful
    # consideration" and no "we have decided".
    "decision.closed.explained": (
        "We are not able to offer you the {title} role, and we want you to know why.",
        "We cannot move forward with your application for {title}. Here is why.",
    ),
    "decision.closed.explained.formal": (
        "We regret that we cannot proceed with your application for the {title} position. "
        "We would like to explain why.",
        "We are unable to proceed with your application for the {title} position. "
        "We would like to explain our reasons.",
    ),
    "decision.closed.plain": (
        "We are not able to offer you the {title} role.",
        "We cannot move forward with your application for {title}.",
    ),
    "decision.closed.plain.formal": (
        "We regret that we cannot proceed with your application for the {title} position.",
        "We are unable to proceed with your application for the {title} position.",
    ),
    "decision.screening.explained": (
        "We have reviewed your application and decided not to move forward with it. Here is why.",
        "We have looked at your application closely and will not be moving forward with it. "
        "Here is why.",
    ),
    "decision.screening.plain": (
        "We have reviewed your application and decided not to move forward with it.",
    ),
    # --- reason: from the structured category, never invented ---
    # {area}: the competency with the largest weighted gap below the bar,
    # {seen}: "in the System design interview", "in your interviews", …
    "reason.skills_gap": (
        "{area} is where we saw the biggest gap: this role needs more there than we saw {seen}.",
        "{area} made the difference: this role needs more depth there than we saw {seen}.",
        "{area} is the main reason: this role needs it at a higher level than we saw {seen}.",
    ),
    "reason.experience_level": (
        "The decision came down to experience: the role needs more hands-on depth in {area} "
        "than we saw {seen}.",
        "{area} made the difference: this role needs more experience there than we saw {seen}.",
    ),
    "reason.experience_level.general": (
        "The decision came down to the level of experience this role needs right now.",
    ),
    "reason.stronger_candidate": (
        "We chose another candidate whose experience matched what the team needs right now "
        "more closely.",
        "Another candidate's experience was a closer match for the team's current needs, "
        "and we chose them for the role.",
    ),
    # Another candidate, and one rating below the bar: the gap is real and said as a level
    # (it is why the note gives a month to apply again). {area} {gap} {seen}
    "reason.stronger_candidate.gap": (
        "That said, {area} was rated {gap} the level the role needs {seen}.",
        "One area did fall short: {area} was rated {gap} the level the role needs {seen}.",
    ),
    # The same for a name in the plural ("Communication skills"), which "was" would contradict.
    "reason.stronger_candidate.gap.plural": (
        "That said, the ratings for {area} were {gap} the level the role needs {seen}.",
    ),
    # Before the final stage nobody has been chosen: the process goes on with others.
    "reason.stronger_candidate.early": (
        "We are continuing with other candidates whose experience is closer to what the team "
        "needs right now.",
        "Other candidates' experience was a closer match for the team's current needs, and we "
        "are continuing with them.",
    ),
    "reason.stronger_candidate.early.formal": (
        "We are continuing the process with other candidates whose experience more closely "
        "matches the current needs of the team.",
    ),
    "reason.stronger_candidate.formal": (
        "We have selected another candidate whose experience more closely matched the current "
        "needs of the team.",
    ),
    "reason.role_closed": (
        "We have closed the role, so we are not hiring for it at the moment.",
        "The role itself has been closed, and we are no longer hiring for it.",
    ),
    "reason.compensation": (
        "The decision came down to pay: what we can offer for this role and your expectations "
        "were too far apart.",
    ),
    "reason.location": (
        "The decision came down to location: the role's location needs did not fit your situation.",
    ),
    "reason.logistics": (
        "The decision came down to practical reasons of timing and logistics.",
        "Practical constraints of timing and logistics decided it.",
    ),
    # The category said skills_gap, but no competency is below the bar: say what the data says.
    "reason.gap_unsupported": (
        "We did not see one specific skill below the level this role needs {seen}, "
        "so we cannot point you to a single gap.",
    ),
    # The category said skills_gap; no area is below the bar for all, but two interviewers
    # were far apart on one: say that, not "no gap". {area} {seen}
    "reason.gap_divided": (
        "{area}: the ratings were divided {seen}, one at or above the level this role needs "
        "and one below it.",
    ),
    # Beside a gap, a skill the interviewers split on (one rating below the bar, one at or above
    # it), neither a strength nor an area: said, not left out. {area} {high}
    "reason.divided": (
        "The two ratings of {area} were divided: one {high} the level the role needs, the other "
        "fell below it.",
    ),
    "reason.divided.many": (
        "The ratings of {area} were divided: {above} {high} the level the role needs, {below} "
        "{low} below it.",
    ),
    # Nothing was below the bar: say so plainly.
    "reason.no_gap": (
        "To be clear, this was not about a gap in your skills: every skill we assessed met the "
        "level the role requires.",
        "This decision was not about a gap in your skills. Every skill we assessed was at or "
        "above the level the role needs.",
        "It was not about your skills: each one we assessed met the level this role requires.",
    ),
    # {criteria}: the job's screening criteria
    "reason.screening.criteria": (
        "For this role we look for {criteria}, and we did not find that clearly in your "
        "application.",
        "This role requires {criteria}, which we did not see clearly in your application.",
    ),
    "reason.skills_gap.screening": (
        "Your application did not show the skills this role needs in enough depth.",
    ),
    "reason.experience_level.screening": (
        "Your application did not show the level of experience this role needs.",
    ),
    # Interviewed, and nobody submitted a scorecard: not "your application". {seen}
    "reason.skills_gap.interviewed": (
        "We did not see the skills this role needs in enough depth {seen}.",
    ),
    # {who}/{Who}: "one interviewer" or a first name, {quote}: the shareable key takeaways
    "takeaway": (
        "{Who} summed it up like this: {quote}",
        "{Who} wrote this in their summary: {quote}",
    ),
    # --- strengths: at or above the bar, the level in words (the ratings back nothing more) ---
    # {name}: competency, {where}: "in the System design interview", "in both interviews", …
    "strength.first": (
        "{name} was a clear strength {where}.",
        "{name} stood out {where}.",
        "{name} came through well {where}.",
    ),
    "strength.next": (
        "{name} was another strength {where}.",
        "{name} also stood out {where}.",
        "{name} also came through well {where}.",
    ),
    # At the level the role needs, no more: the words do not say "strength".
    "strength.first.met": (
        "{name} met the level the role needs {where}.",
        "{name} came through at the level the role needs {where}.",
        "{name} was at the level the role needs {where}.",
    ),
    "strength.next.met": (
        "{name} also met the level the role needs {where}.",
        "{name} was at the level the role needs too, {where}.",
        "{name} also came through at the level the role needs {where}.",
        # After a level met in those words: the same news, not "the level the role needs" again.
        "{name} also met what the role asks for {where}.",
        "{name} was also up to what the role requires {where}.",
    ),
    "strength.first.met.compact": (
        "{name} met the level the role needs.",
        "{name} came through at the level the role needs.",
        "{name} was at the level the role needs.",
    ),
    "strength.next.met.compact": (
        "{name} also met the level the role needs.",
        "{name} was at the level the role needs too.",
        "{name} also came through at the level the role needs.",
        "{name} also met what the role asks for.",
        "{name} was also up to what the role requires.",
    ),
    # The same without {where}, for a note over its word budget.
    "strength.first.compact": (
        "{name} was a clear strength.",
        "{name} stood out.",
        "{name} came through well.",
    ),
    "strength.next.compact": (
        "{name} was another strength.",
        "{name} also stood out.",
        "{name} also came through well.",
    ),
    # --- observations: only an interviewer's own words about this candidate ---
    # {Who} {who} {quote}: a guard-clean candidate-safe comment, as written
    "quote": (
        "{Who} noted: {quote}",
        "As {who} put it: {quote}",
        "In the words of {who}: {quote}",
    ),
    # {said}: the same comment addressed to the candidate ("you asked sharp questions …")
    "quote.reported": (
        "{Who} noted that {said}",
        "{Who} observed that {said}",
        "{Who} pointed out that {said}",
    ),
    # --- development: below the bar, weakest first ---
    "development.lead": (
        "Where to grow for roles like this:",
        "What would help most for a role like this:",
        "Where we suggest you focus next:",
    ),
    "development.lead.formal": (
        "Areas to develop for a role of this kind:",
        "Where we would suggest you focus next:",
    ),
    # {name}, {where}, {gap}: "just below", "below", "well below": the level in words, from
    # the ratings alone
    "development.rated": (
        "{name}: our interviewers rated this {gap} the level the role needs {where}.",
        "{name}: {where}, this was {gap} the level the role needs.",
        "{name}: the ratings {where} were {gap} what the role needs.",
    ),
    "development.rated.compact": (
        "{name}: our interviewers rated this {gap} the level the role needs.",
        "{name}: this was {gap} the level the role needs.",
        "{name}: the ratings were {gap} what the role needs.",
    ),
    # The same, when one interviewer rated it (who is named by the quote that may follow).
    "development.rated.one": (
        "{name}: rated {gap} the level the role needs {where}.",
        "{name}: {where}, this was {gap} the level the role needs.",
        "{name}: the rating {where} was {gap} what the role needs.",
    ),
    "development.rated.one.compact": (
        "{name}: rated {gap} the level the role needs.",
        "{name}: this was {gap} the level the role needs.",
        "{name}: the rating was {gap} what the role needs.",
    ),
    # {needs}: the rubric's words for the bar, about the role ("explain their reasoning …")
    # Areas below the bar past the three bullets: named, so that none goes unsaid. {names}
    "development.more": ("Also below the level the role needs: {names}.",),
    # A skill whose ratings fall on both sides of the bar, below it on average: not "our
    # interviewers rated this below", which one of them did not. {name} {high} {where}
    "development.divided": (
        "{name}: one of the two ratings {high} the level the role needs, the other fell below "
        "it{where}.",
    ),
    "development.divided.many": (
        "{name}: the ratings were divided, {above} {high} the level the role needs and "
        "{below} {low} below it{where}.",
    ),
    "development.divided.compact": (
        "{name}: one of the two ratings {high} the level the role needs, the other did not.",
    ),
    "development.divided.many.compact": (
        "{name}: {above} of the ratings {high} the level the role needs, {below} did not.",
    ),
    "development.needs": (
        "The role needs someone who can {needs}.",
        "For this role, we need someone who can {needs}.",
        "The level we need is someone who can {needs}.",
    ),
    # --- next steps ---
    # {role}: the title of one matching open role
    "next.open_role.portal": (
        "Our {role} opening draws on the same strengths. You can ask to be considered for it "
        "from your application page.",
        "Another of our openings, {role}, fits your strengths. You can ask to be considered "
        "for it from your application page.",
    ),
    "next.open_role.reply": (
        "Our {role} opening draws on the same strengths. If you would like to be considered "
        "for it, just reply to this email.",
    ),
    "next.open_role.reply.formal": (
        "Our {role} opening draws on the same strengths. If you would like to be considered "
        "for it, please reply to this email.",
    ),
    # The same, naming the strengths the role calls for too: {strengths} "Communication and
    # Go in production" (two or more, in the candidate's own rubric words)
    "next.open_role.named.portal": (
        "Our {role} opening draws on the same strengths ({strengths}). You can ask to be "
        "considered for it from your application page.",
        "Another of our openings, {role}, fits your strengths ({strengths}). You can ask to be "
        "considered for it from your application page.",
    ),
    "next.open_role.named.reply": (
        "Our {role} opening draws on the same strengths ({strengths}). If you would like to be "
        "considered for it, just reply to this email.",
    ),
    "next.open_role.named.reply.formal": (
        "Our {role} opening draws on the same strengths ({strengths}). If you would like to be "
        "considered for it, please reply to this email.",
    ),
    # {roles}: "Backend Engineer and Platform Engineer"
    "next.open_roles.portal": (
        "Two other openings fit your strengths: {roles}. You can ask to be considered for them "
        "from your application page.",
    ),
    "next.open_roles.reply": (
        "Two other openings fit your strengths: {roles}. If you would like to be considered "
        "for them, just reply to this email.",
    ),
    "next.open_roles.reply.formal": (
        "Two other openings fit your strengths: {roles}. If you would like to be considered "
        "for them, please reply to this email.",
    ),
    # The same when the note names fewer than two strengths: no "your strengths" it never said.
    "next.open_role.few.portal": (
        "We also have an opening for {role}. You can ask to be considered for it from your "
        "application page.",
    ),
    "next.open_role.few.reply": (
        "We also have an opening for {role}. If you would like to be considered for it, just "
        "reply to this email.",
    ),
    "next.open_role.few.reply.formal": (
        "We also have an opening for {role}. If you would like to be considered for it, please "
        "reply to this email.",
    ),
    "next.open_roles.few.portal": (
        "We also have two other openings: {roles}. You can ask to be considered for them from "
        "your application page.",
    ),
    "next.open_roles.few.reply": (
        "We also have two other openings: {roles}. If you would like to be considered for "
        "them, just reply to this email.",
    ),
    "next.open_roles.few.reply.formal": (
        "We also have two other openings: {roles}. If you would like to be considered for "
        "them, please reply to this email.",
    ),
    # {when}: "January 2027"
    "next.reapply": (
        "You are welcome to apply again from {when}.",
        "We would be glad to hear from you again from {when}.",
        "If you would like to try again, you can reapply from {when}.",
        "You can apply for roles like this one again from {when}.",
    ),
    # The same, naming the candidate's own development areas (the note's bullets): {areas}
    # "Problem solving and Communication", {points} the same (French names them as points).
    "next.reapply.areas": (
        "You are welcome to apply again from {when}, once you have had time to work on {areas}.",
        "Once you have worked on {areas}, we would be glad to hear from you again from {when}.",
        "If you would like to try again after working on {areas}, you can reapply from {when}.",
        "You can apply for roles like this one again from {when}, once you have worked on {areas}.",
    ),
    "next.reapply.anytime": ("You are welcome to apply again at any time.",),
    "next.reopen.reply": (
        "If you would like us to tell you if the role reopens, just reply to this email.",
    ),
    "next.reopen.reply.formal": (
        "If you would like us to tell you if the role reopens, please reply to this email.",
    ),
    # {url}: the candidate's application page (kept last: no full stop glued to a link)
    # After an open role offered "from your application page": the same page, not named twice.
    "next.question.portal": (
        "If anything here is unclear, you can ask us a question from the same page: {url}",
        "If you have a question about this feedback, ask us from the same page: {url}",
        "Questions are welcome too, from the same page: {url}",
    ),
    "next.question.reply": (
        "If anything here is unclear, just reply to this email.",
        "If you have a question about this feedback, just reply to this email.",
    ),
    "next.question.reply.formal": (
        "If anything here is unclear, please reply to this email.",
        "If you have a question about this feedback, please reply to this email.",
    ),
    # The open role sentence already asked for a reply: say "also", not the same thing twice.
    "next.question.also_reply": (
        "You can also reply to this email with any question about this feedback.",
    ),
    # Both invitations in one sentence: the page is where the candidate acts on either.
    # The organization has partner organizations (Policy.partners): the choice is the
    # candidate's, on their page, and what a partner would see is said plainly.
    # Partners: the pool here and the partners' pools, both consents on the page.
    "next.partners.portal": (
        "On your application page, you can agree to be suggested for our other roles and to our "
        "partner organizations, who would see {seen} but never your name or contact "
        "details unless you accept an invitation from one of them.",
    ),
    "next.partners.portal.again": (
        "The same page lets you agree to be suggested to our partner organizations, who would "
        "see {seen} but never your name or contact details unless you accept an "
        "invitation from one of them.",
    ),
    # The same choice and a question, in the last sentence (the link ends it).
    "next.partners_or_question.portal": (
        "On your application page, you can ask us a question, or agree to be suggested for our "
        "other roles and to our partner organizations, who would see {seen} but not "
        "your name unless you accept their invitation: {url}",
    ),
    "next.partners_or_question.portal.again": (
        "The same page lets you ask us a question, or agree to be suggested to our partner "
        "organizations, who would see {seen} but not your name unless you accept their "
        "invitation: {url}",
    ),
    "next.question_or_pool.portal": (
        "On your application page, you can ask us a question or let us suggest you for other "
        "roles: {url}",
        "Your application page is the place to ask us a question, or to let us suggest you for "
        "other roles: {url}",
    ),
    # The role was closed: the reopening promise, a question and other roles, all on the page.
    "next.reopen_or_question.portal": (
        "On your application page, you can ask us to tell you if the role reopens, send us a "
        "question, or let us suggest you for other roles: {url}",
    ),
    "next.reopen_or_question.portal.again": (
        "There, you can also ask us to tell you if the role reopens, or send us a question: {url}",
    ),
    # --- withdrawn: thanks and an open door, nothing else ---
    "withdrew.thanks.dated": (
        "Thank you for letting us know that you are withdrawing your application for {title}, "
        "and for the time you gave us {when}.",
    ),
    "withdrew.thanks.met": (
        "Thank you for letting us know that you are withdrawing your application for {title}, "
        "and for the time you spent with us.",
    ),
    "withdrew.thanks": (
        "Thank you for letting us know that you are withdrawing your application for {title}, "
        "and for your interest in {org}.",
    ),
    "withdrew.door": (
        "Our door stays open: you are welcome to apply again whenever the timing is right for you.",
        "We would be glad to hear from you again whenever the time is right.",
    ),
    # {url}: the candidate's page, where the consents are
    "withdrew.page": (
        "If you would like us to suggest you for other roles, you can say so on your application "
        "page: {url}",
    ),
    "withdrew.page.partners": (
        "If you would like us to suggest you for other roles, here or at our partner "
        "organizations, you can say so on your application page: {url}",
    ),
    # --- signature ---
    "closing.warm": ("Best wishes,", "All the best,", "Kind regards,", "Warm regards,"),
    "closing.formal": ("Kind regards,", "Yours sincerely,", "Best regards,"),
    # --- small grammar: dates and places ---
    # {day} {month} {year}
    "date": ("{day} {month}",),
    "dates.one": ("on {date}",),  # {date}
    "dates.same_month": ("on {days} {month}",),  # {days}: "12 and 14", {month}: "June"
    "dates.list": ("on {dates}",),  # {dates}: "30 June and 2 July"
    "dates.list.item": ("{date}",),
    "span.same_day": ("on {date}",),
    "span.same_month": ("between {day} and {last}",),  # {day}: "3", {last}: "14 June"
    "span": ("between {first} and {last}",),
    "month_year": ("{month} {year}",),
    # {name}: interview name, {noun}: KIND_NOUNS
    "meeting": ("the {name} {noun}",),
    "meeting.unnamed": ("the {noun}",),
    "meeting.named": ("the {name}",),
    "meeting.foreign": ("the “{name}” {noun}",),  # a name in another language
    "where.one": ("in {meeting}",),
    "where.on": ("on {date}",),
    "where.one.dated": ("in {meeting} on {date}",),
    # An activity is not a place one is "in": "during the trial shift on 17 November".
    "where.activity": ("during {meeting}",),
    "where.activity.dated": ("during {meeting} on {date}",),
    # In a divided rating, {high}: the ratings at the bar, or above it (one, or several);
    # {low}: those below it; {above}, {below}: how many (of ratings).
    "divided.at": ("met",),
    "divided.above": ("exceeded",),
    "divided.at.many": ("met",),
    "divided.above.many": ("exceeded",),
    "divided.low": ("fell",),
    "divided.low.many": ("fell",),
    "divided.one": ("one",),
    "gap.near": ("just below",),
    "gap.below": ("below",),
    "gap.far": ("well below",),
    "where.both": ("in both interviews",),
    "where.all": ("in all {count} interviews",),
    "where.some": ("in {count} of your interviews",),
    # The same when one of the steps was an exercise, not an interview.
    "where.both.steps": ("in both steps",),
    "where.all.steps": ("in all {count} steps",),
    "where.some.steps": ("in {count} of the steps",),
    # Where we saw the candidate, for a reason: one step is named (see where.one).
    "seen.interviews": ("in your interviews",),
    "seen.steps": ("across the steps of the process",),
    # The one step the thanks has just named, with its date or without.
    "seen.that_day": ("that day",),
    "seen.there": ("there",),
    # A take-home alone: done at home, not seen "that day".
    "seen.take_home": ("in the work you sent us",),
    "seen.process": ("in the process",),
    # A development area named in a sentence: as the bullets name it.
    "points.one": ("{names}",),
    "points.many": ("{names}",),
    # The area the reason named, opening on its evidence or tip (not its level again):
    # {rest} after a colon, or after a dash when it holds a colon of its own.
    "development.named": ("{name}: {rest}",),
    "development.named.dash": ("{name} — {rest}",),
    # {in_meetings} in the thanks: "in the phone screen", "during the trial shift" (an activity
    # is not a place one gives time in).
    "meetings.in": ("in {meetings}",),
    "meetings.in.activity": ("during {meetings}",),
    # {seen} in the partners' sentences: what a partner organization would see of the candidate.
    "partners.sees.role": ("the kind of role you applied for",),
    "partners.sees.strengths": ("your strengths",),
    "partners.sees.named": ("your strengths ({names})",),
    "partners.sees.named.one": ("your strength ({names})",),
    "partners.sees.named.more": ("your strengths (among them {names})",),
    "partners.sees.rated": ("the skills our interviewers rated well ({names})",),
    "partners.sees.rated.one": ("the skill our interviewers rated well ({names})",),
    "partners.sees.rated.more": ("the skills our interviewers rated well (among them {names})",),
    "points.name": ("{name}",),
    "quoted": ("“{text}”",),
    "quoted.stop": ("“{text}”.",),
    # {text}: a job title; French elides "de" before a vowel
    "of": ("of {text}",),
    "of.elided": ("of {text}",),
    "signature": ("{name}, {title}, {org}",),
    "signature.untitled": ("{name}, {org}",),
}
