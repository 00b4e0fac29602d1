"""Turn vendor values into ours: timestamps, ids, ratings, HTML, names. Pure functions.

Every function raises `ValueError` with a message a recruiter can act on; the readers turn it
into a problem row, so one bad value never stops the others from being checked.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from heardback.hiring.models import AttributeRating, OverallRecommendation, RejectionReason

# -- timestamps ---------------------------------------------------------------------------------

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_timestamp(value: object) -> dt.datetime | None:
    """An aware UTC datetime from any vendor shape; None for null or an empty string."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        # Greenhouse scheduled interviews: {date_time: ts} or, for all-day events, {date: day}.
        if "date_time" in value:
            return parse_timestamp(value["date_time"])
        if "date" in value:
            return parse_timestamp(value["date"])
        raise ValueError("expected {date_time: …} or {date: …}")
    if isinstance(value, bool):
        raise ValueError(f"expected a timestamp, got {value!r}")
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a timestamp, got {type(value).__name__}")
    text = value.strip()
    if text.isdigit():
        # Lever's docs render epoch milliseconds as strings ("1468953420000").
        return _from_epoch(int(text))
    if _DATE_ONLY.match(text):
        text += "T00:00:00"
    # BigQuery writes "2024-01-31 06:00:00 UTC", Snowflake and Postgres "… 06:00:00.000 +0000".
    text = _SPACED_ZONE.sub(lambda m: "Z" if m.group(1).isalpha() else m.group(1), text)
    try:
        # BI Connector and Fivetran write "2024-01-31 06:00:00.000": UTC without T or Z.
        # RFC 3339 allows a lower-case "t" and "z".
        moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1).upper())
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO-8601 timestamp") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


_SPACED_ZONE = re.compile(r"\s+(UTC|GMT|Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)
# Epoch milliseconds pass 10^11 in March 1973; epoch seconds reach it only in the year 5138.
# A smaller number is seconds (warehouses' UNIX_SECONDS), never a date in 1970.
_SECONDS_BELOW = 10**11


def _from_epoch(value: float) -> dt.datetime:
    if 0 < abs(value) < _SECONDS_BELOW:
        value *= 1000
    try:
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{value!r} is not an epoch time in milliseconds") from None


# -- identifiers ---------------------------------------------------------------------------------


def external_id(value: object) -> str:
    """An id as a string: Greenhouse ids pass 2^31 and dumps may quote those past 2^53."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected an id, got {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        # Spreadsheets and pandas write integer ids as 3010000001.0; exact below 2^53.
        return str(int(value))
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError(f"expected an id (integer or string), got {value!r}")


# -- ratings -------------------------------------------------------------------------------------

# What each vendor spelling means on our scales (formats/README.md §5).
_ATTRIBUTE_WORDS = {
    "definitely_not": AttributeRating.DEFINITELY_NOT,
    "strong_no": AttributeRating.DEFINITELY_NOT,
    "no": AttributeRating.NO,
    "mixed": AttributeRating.MIXED,
    "yes": AttributeRating.YES,
    "strong_yes": AttributeRating.STRONG_YES,
    "no_decision": "",
}
_OVERALL_WORDS = {
    "definitely_not": OverallRecommendation.STRONG_NO,  # Greenhouse v1's name for strong_no
    "strong_no": OverallRecommendation.STRONG_NO,
    "strong_no_hire": OverallRecommendation.STRONG_NO,
    "no": OverallRecommendation.NO,
    "no_hire": OverallRecommendation.NO,
    "yes": OverallRecommendation.YES,
    "hire": OverallRecommendation.YES,
    "strong_yes": OverallRecommendation.STRONG_YES,
    "strong_hire": OverallRecommendation.STRONG_YES,
    "no_decision": OverallRecommendation.NO_DECISION,
}
# Lever thumbs: 1 = strong no … 4 = strong yes. Lever has no "mixed".
_LEVER_ATTRIBUTE = {1: "definitely_not", 2: "no", 3: "yes", 4: "strong_yes"}
_LEVER_OVERALL = {1: "strong_no", 2: "no", 3: "yes", 4: "strong_yes"}
_LEADING_DIGIT = re.compile(r"^\s*(\d+)\s*(?:-|–|:|$)")


@dataclass(frozen=True)
class Rating:
    value: str  # on our scale; "" means no decision for an attribute
    raw: str
    warning: str = ""  # set when a misspelling was read as the closest known value


def _word(raw: str) -> str:
    return re.sub(r"[\s\-]+", "_", raw.strip().lower())


def _lookup(raw: str, words: Mapping[str, str], scale: str) -> Rating:
    word = _word(raw)
    if word in words:
        return Rating(str(words[word]), raw)
    # Fivetran's own seed holds "stong_yes": read an obvious misspelling, but say so.
    close = difflib.get_close_matches(word, list(words), n=1, cutoff=0.8)
    if close:
        return Rating(str(words[close[0]]), raw, f"read {raw!r} as {close[0]!r}")
    known = ", ".join(sorted(k for k in words if "hire" not in k))
    raise ValueError(f"{raw!r} is not a known {scale} rating ({known})")


def _thumbs(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        match = _LEADING_DIGIT.match(value)
        if match:
            return int(match.group(1))
    return None


def attribute_rating(value: object) -> Rating:
    """A competency rating: GH words, Lever 1..4 (0 means n/a), or our own words."""
    if value is None or value == "":
        return Rating("", "")
    thumbs = _thumbs(value)
    if thumbs is not None:
        if thumbs == 0:
            return Rating("", str(value))
        if thumbs in _LEVER_ATTRIBUTE:
            return Rating(_LEVER_ATTRIBUTE[thumbs], str(value))
        raise ValueError(f"{value!r} is outside the 1–4 scale")
    if not isinstance(value, str):
        raise ValueError(f"expected a rating, got {value!r}")
    return _lookup(value, _ATTRIBUTE_WORDS, "attribute")


def overall_rating(value: object) -> Rating:
    """An overall recommendation: GH v1/v3 words, Lever "3 - Hire" or 1..4, or our own words."""
    if value is None or value == "":
        return Rating(OverallRecommendation.NO_DECISION, "")
    thumbs = _thumbs(value)
    if thumbs is not None:
        # Tenants relabel Lever's options ("3 - Yes"), so only the leading digit counts.
        if thumbs in _LEVER_OVERALL:
            return Rating(_LEVER_OVERALL[thumbs], str(value))
        raise ValueError(f"{value!r} is outside the 1–4 scale")
    if not isinstance(value, str):
        raise ValueError(f"expected a recommendation, got {value!r}")
    return _lookup(value, _OVERALL_WORDS, "overall")


# -- text ----------------------------------------------------------------------------------------

_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_BREAKS = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|ul|ol|blockquote|tr)\s*>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
# Greenhouse `*_with_tags` fields carry @[Name](user:123) mentions.
_MENTION = re.compile(r"@\[([^\]]+)\]\((?:user|candidate):\d+\)")


def clean_text(value: object) -> str:
    """Plain text from a vendor note: tags stripped, entities decoded, paragraphs kept."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = _MENTION.sub(r"\1", text)
    if _LOOKS_LIKE_HTML.search(text):
        text = _LIST_ITEM.sub("\n- ", _BREAKS.sub("\n", text))
        # nh3 drops every tag (and the content of <script>/<style>); its output is escaped HTML.
        text = html.unescape(nh3.clean(text, tags=set()))
    text = text.replace("\xa0", " ").replace("\r\n", "\n")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return re.sub(r"\n\n(?=- )", "\n", text).strip()  # a list follows its paragraph


def name_key(name: str) -> str:
    """Competency and reason names match across case, accents' encodings and spacing."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def guess_kind(name: str, table: tuple[tuple[str, str], ...], default: str) -> str:
    """A stage or interview kind from its name: the first keyword found wins."""
    lowered = name.lower()
    return next((kind for keyword, kind in table if keyword in lowered), default)


def split_name(full_name: str) -> tuple[str, str]:
    """First and last name from one string (Lever has only `name`)."""
    parts = full_name.strip().split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0], parts[1] if len(parts) > 1 else ""


# -- rejection reasons ---------------------------------------------------------------------------

Category = RejectionReason.Category
# Checked in order: the first keyword found in the reason's text decides its category.
DEFAULT_REASON_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("withdr", Category.WITHDREW),
    ("declin", Category.WITHDREW),
    ("not interested", Category.WITHDREW),
    ("accepted another", Category.WITHDREW),
    ("other offer", Category.WITHDREW),
    ("unresponsive", Category.WITHDREW),
    ("ghost", Category.WITHDREW),
    ("position filled", Category.STRONGER_CANDIDATE),
    ("hired other", Category.STRONGER_CANDIDATE),
    ("another candidate", Category.STRONGER_CANDIDATE),
    ("stronger", Category.STRONGER_CANDIDATE),
    ("better qualified", Category.STRONGER_CANDIDATE),
    ("role closed", Category.ROLE_CLOSED),
    ("position closed", Category.ROLE_CLOSED),
    ("job closed", Category.ROLE_CLOSED),
    ("cancel", Category.ROLE_CLOSED),
    ("on hold", Category.ROLE_CLOSED),
    ("headcount", Category.ROLE_CLOSED),
    ("underqualified", Category.SKILLS_GAP),
    ("skill", Category.SKILLS_GAP),
    ("qualif", Category.SKILLS_GAP),
    ("technical", Category.SKILLS_GAP),
    ("compétence", Category.SKILLS_GAP),
    ("overqualified", Category.EXPERIENCE_LEVEL),
    ("experience", Category.EXPERIENCE_LEVEL),
    ("expérience", Category.EXPERIENCE_LEVEL),
    ("senior", Category.EXPERIENCE_LEVEL),
    ("junior", Category.EXPERIENCE_LEVEL),
    ("compensation", Category.COMPENSATION),
    ("salary", Category.COMPENSATION),
    ("salaire", Category.COMPENSATION),
    ("location", Category.LOCATION),
    ("relocat", Category.LOCATION),
    ("remote", Category.LOCATION),
    ("visa", Category.LOGISTICS),
    ("timing", Category.LOGISTICS),
    ("availability", Category.LOGISTICS),
    ("start date", Category.LOGISTICS),
    ("notice", Category.LOGISTICS),
)


def reason_category(text: str, overrides: dict[str, str] | None = None, *keys: str) -> str:
    """The category of a rejection reason: the override for its id or text, else by keyword."""
    for key in (*keys, text):
        for candidate in (key, key.strip().lower()):
            if overrides and candidate in overrides:
                return overrides[candidate]
    lowered = text.lower()
    for keyword, category in DEFAULT_REASON_KEYWORDS:
        if keyword in lowered:
            return str(category)
    return str(Category.OTHER)


def reason_is_confirmed(overrides: dict[str, str] | None, text: str, *keys: str) -> bool:
    """Whether the recruiter's reason map names this reason (by id or text)."""
    if not overrides:
        return False
    return any(k in overrides or k.strip().lower() in overrides for k in (*keys, text))


_LOOSE_EMAIL = re.compile(r"^[^@\s\"<>,;]+@[^@\s\"<>,;]+\.[^@\s\"<>,;]+$")


def email_address(value: object) -> str:
    """A lower-cased, valid email address."""
    if not isinstance(value, str):
        raise ValueError(f"expected an email address, got {value!r}")
    address = value.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        # Django's validator refuses internationalized local parts ("tomás@…", RFC 6531) that
        # ATSs accept; keep those, refuse only what cannot be an address at all.
        if not _LOOSE_EMAIL.match(address):
            raise ValueError(f"{value!r} is not a valid email address") from None
    return address
