"""Dates in article text: absolute ones and ones relative to the article's publication date.

Every date is a `DateMention` with the first and last day it can mean and its precision
(`day`, `month` or `year`), so "May 2024" is 2024-05-01..2024-05-31 at month precision and is
never mistaken for the first of May. Relative expressions ("earlier this month", "last year",
"on Monday", "less than ten days ago") are resolved against `published`; without it they are
left out rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": 3, "a few": 3, "few": 3,
}

_M = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_D = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{n}>(?:1[89]|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"


def _m(n: str) -> str:
    return _M.format(n=n)


def _d(n: str) -> str:
    return _D.format(n=n)


def _y(n: str) -> str:
    return _Y.format(n=n)


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: where it stands and the days it covers."""

    start: int
    end: int
    text: str
    date_start: str
    date_end: str
    precision: str
    relative: bool = False


def valid_iso(value: str) -> bool:
    """True for a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    try:
        parse_iso(value)
        return True
    except ValueError:
        return False


def parse_iso(value: str) -> tuple[date, str]:
    """'2024-05' -> (date(2024, 5, 1), 'month'); raises ValueError when malformed."""
    parts = value.split("-")
    if len(parts) == 1:
        return date(int(parts[0]), 1, 1), "year"
    if len(parts) == 2:
        return date(int(parts[0]), int(parts[1]), 1), "month"
    if len(parts) == 3:
        return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
    raise ValueError(value)


def span_of(d: date, precision: str) -> tuple[str, str]:
    """First and last day of the day, month or year that contains d."""
    if precision == "year":
        return f"{d.year:04d}-01-01", f"{d.year:04d}-12-31"
    if precision == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return f"{d.year:04d}-{d.month:02d}-01", f"{d.year:04d}-{d.month:02d}-{last:02d}"
    return d.isoformat(), d.isoformat()


def _month_of(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Each absolute pattern: (regex, handler). Handlers get the match and the publication date.
_ABSOLUTE: list[tuple[re.Pattern, str]] = [
    # Ranges across a month's end: "31 March - 1 April 2016", "March 31 - April 1, 2016".
    (re.compile(rf"\b{_d('d1')}\s+{_m('m1')}{_DASH}{_d('d2')}\s+{_m('m2')},?\s+{_y('y')}\b"), "cross_range_dmy"),
    (re.compile(rf"\b{_m('m1')}\s+{_d('d1')}{_DASH}{_m('m2')}\s+{_d('d2')},?\s+{_y('y')}\b"), "cross_range_mdy"),
    (re.compile(rf"\b{_d('d1')}{_DASH}{_d('d2')}\s+{_m('m')},?\s+{_y('y')}\b"), "day_range_dmy"),
    (re.compile(rf"\b{_m('m')}\s+{_d('d1')}{_DASH}{_d('d2')},?\s+{_y('y')}\b"), "day_range_mdy"),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "iso"),
    (re.compile(rf"\b{_d('d')}\s+(?:of\s+)?{_m('m')},?\s+{_y('y')}\b"), "dmy"),
    (re.compile(rf"\b{_m('m')}\s+{_d('d')},?\s+{_y('y')}\b"), "mdy"),
    (re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b"), "numeric"),
    (re.compile(rf"\b{_m('m1')}{_DASH}{_m('m2')}\s+{_y('y')}\b"), "month_range"),
    (re.compile(rf"\b{_m('m')}\s+(?:of\s+)?{_y('y')}\b"), "my"),
    (re.compile(rf"\b{_d('d1')}{_DASH}{_d('d2')}\s+{_m('m')}\b"), "day_range_dm"),
    (re.compile(rf"\b{_d('d')}\s+(?:of\s+)?{_m('m')}\b"), "dm"),
    (re.compile(rf"\b{_m('m')}\s+{_d('d')}(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d%])"), "md"),
    (re.compile(rf"(?<![\d$€£.,])\b{_y('y1')}\s*(?:-|–|—|/)\s*(?P<y2>(?:1[89]|20)?\d\d)\b(?![\d%])"), "year_range"),
    (re.compile(rf"\b(?:from|between)\s+{_y('y1')}\s+(?:to|and|until|till)\s+(?P<y2>(?:1[89]|20)\d\d)\b"), "year_range"),
    (re.compile(r"\b(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(?P<dec>(?:19|20)\d)0s\b"), "decade"),
    (re.compile(rf"(?<![\d$€£.,])\b{_y('y')}\b(?![\d%]|\s*(?:km|kilomet|tonnes|tons|people|troops|\$|dollars|percent))"), "year"),
]

# Bare month names need a cue before them, so the verb "may" and "march" never become dates.
_BARE_MONTH = re.compile(
    rf"\b(?P<cue>(?i:in|on|since|by|until|from|during|early|late|mid-?|last|next|this|past|coming|of|before|after))\s+(?:early\s+|late\s+|mid-?\s*)?{_m('m')}\b(?!\s+(?:[0-3]?\d\b|(?:of\s+)?(?:19|20)\d\d))"
)
_RELATIVE = re.compile(
    r"\b(?P<rel>(?:earlier|later)\s+this\s+(?:month|year|week)|(?:this|last|next|past|previous|coming)\s+(?:month|year|week)"
    r"|(?:yesterday|today)|(?P<wk>(?:this|last|past)\s+weekend)"
    r"|(?:on\s+)?(?:last\s+|this\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<approx>(?:less|more|fewer)\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+|just\s+)?"
    r"(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a\s+few|few)"
    r"\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|before))\b",
    re.IGNORECASE,
)


def _absolute(kind: str, m: re.Match, pub: date | None) -> tuple[date, date, str] | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else (pub.year if pub else None)
    if kind in ("iso", "dmy", "mdy", "numeric", "dm", "md"):
        if year is None:
            return None
        month = int(g["m"]) if kind in ("iso", "numeric") else _month_of(g["m"])
        d = _safe_date(year, month, int(g["d"]))
        return (d, d, "day") if d else None
    if kind.startswith("cross_range"):
        a, b = _safe_date(year, _month_of(g["m1"]), int(g["d1"])), _safe_date(year, _month_of(g["m2"]), int(g["d2"]))
        if a and b and a > b and a.month == 12:  # "30 December - 2 January 2024": the range starts the year before
            a = _safe_date(year - 1, a.month, a.day)
        return (a, b, "day") if a and b and a <= b else None
    if kind.startswith("day_range"):
        if year is None:
            return None
        month = _month_of(g["m"])
        a, b = _safe_date(year, month, int(g["d1"])), _safe_date(year, month, int(g["d2"]))
        return (a, b, "day") if a and b and a <= b else None
    if kind == "my":
        d = date(year, _month_of(g["m"]), 1)
        return d, date(year, d.month, calendar.monthrange(year, d.month)[1]), "month"
    if kind == "month_range":
        a, b = _month_of(g["m1"]), _month_of(g["m2"])
        if a > b:
            return None
        return date(year, a, 1), date(year, b, calendar.monthrange(year, b)[1]), "month"
    if kind == "year_range":
        y1, y2s = int(g["y1"]), g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not (y1 < y2 <= y1 + 30):
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "year"
    if kind == "decade":
        y = int(g["dec"]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "year"
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def _shift_month(d: date, months: int) -> date:
    idx = d.year * 12 + d.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


def _relative(m: re.Match, pub: date, pub_prec: str) -> tuple[date, date, str] | None:
    rel = m.group("rel").lower()
    rel = re.sub(r"\s+", " ", rel)
    if rel.endswith("year") and not m.group("unit"):
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.split()[0], 0)
        y = pub.year + step
        return date(y, 1, 1), date(y, 12, 31), "year"
    if pub_prec == "year":
        return None
    if (rel.endswith("month") or rel.endswith("week")) and not m.group("unit"):
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.split()[0], 0)
        if rel.endswith("week"):
            d = pub + timedelta(days=7 * step) if pub_prec == "day" else pub
        else:
            d = _shift_month(pub, step)
        a, b = span_of(d, "month")
        return date.fromisoformat(a), date.fromisoformat(b), "month"
    if m.group("wd"):
        if pub_prec != "day":
            a, b = span_of(pub, "month")
            return date.fromisoformat(a), date.fromisoformat(b), "month"
        target = WEEKDAYS[m.group("wd").lower()]
        forward = rel.startswith("next") or rel.startswith("this")
        if forward:
            delta = (target - pub.weekday()) % 7 or 7
            d = pub + timedelta(days=delta)
        else:
            delta = (pub.weekday() - target) % 7
            d = pub - timedelta(days=delta)
        return d, d, "day"
    if m.group("wk"):
        # "this weekend": the weekend of the paper's date, or the coming one; "last weekend": the one before
        if pub_prec != "day":
            a, b = span_of(pub, "month")
            return date.fromisoformat(a), date.fromisoformat(b), "month"
        saturday = pub - timedelta(days=pub.weekday() - 5) if pub.weekday() >= 5 else pub + timedelta(days=5 - pub.weekday())
        d = saturday - timedelta(days=7) if rel.startswith(("last", "past")) else saturday
        return d, d + timedelta(days=1), "day"
    if rel in ("yesterday", "today"):
        if pub_prec != "day":
            a, b = span_of(pub, "month")
            return date.fromisoformat(a), date.fromisoformat(b), "month"
        d = pub - timedelta(days=1 if rel == "yesterday" else 0)
        return d, d, "day"
    if m.group("unit"):
        num_s = re.sub(r"\s+", " ", m.group("num").lower())
        n = int(num_s) if num_s.isdigit() else NUMBER_WORDS.get(num_s, 0)
        unit = m.group("unit").lower().rstrip("s")
        if unit == "year":
            y = pub.year - n
            return date(y, 1, 1), date(y, 12, 31), "year"
        if unit == "month":
            d = _shift_month(pub, -n)
            a, b = span_of(d, "month")
            return date.fromisoformat(a), date.fromisoformat(b), "month"
        days = n * (7 if unit == "week" else 1)
        if pub_prec != "day":
            # Without the day of publication, "ten days ago" is only known to the month.
            a, b = span_of(pub, "month")
            return date.fromisoformat(a), date.fromisoformat(b), "month"
        d = pub - timedelta(days=days)
        exact = pub_prec == "day" and not m.group("approx") and unit == "day"
        prec = "day" if exact else "month"
        a, b = span_of(d, prec)
        return date.fromisoformat(a), date.fromisoformat(b), prec
    return None


def _bare_month(m: re.Match, pub: date) -> tuple[date, date, str]:
    month = _month_of(m.group("m"))
    cue = m.group("cue").lower()
    year = pub.year
    if cue in ("next", "coming"):
        if month <= pub.month:
            year += 1
    elif cue in ("last", "past", "since", "in", "on", "during", "early", "late", "mid", "mid-", "from", "after", "before", "of"):
        if cue in ("last", "past") and month >= pub.month:
            year -= 1
    d = date(year, month, 1)
    return d, date(year, month, calendar.monthrange(year, month)[1]), "month"


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Every date mention in text, left to right, without overlaps (longest first)."""
    pub, pub_prec = (None, None)
    if published and valid_iso(published):
        pub, pub_prec = parse_iso(published)
    found: list[tuple[int, int, date, date, str, bool]] = []
    taken = [False] * (len(text) + 1)

    def claim(s: int, e: int) -> bool:
        if any(taken[s:e]):
            return False
        for i in range(s, e):
            taken[i] = True
        return True

    for rx, kind in _ABSOLUTE:
        for m in rx.finditer(text):
            got = _absolute(kind, m, pub)
            if got and claim(m.start(), m.end()):
                found.append((m.start(), m.end(), *got, False))
    if pub is not None:
        for m in _RELATIVE.finditer(text):
            got = _relative(m, pub, pub_prec)
            if got and claim(m.start(), m.end()):
                found.append((m.start(), m.end(), *got, True))
        for m in _BARE_MONTH.finditer(text):
            if pub_prec == "year" and m.group("cue").lower() in ("last", "next", "past", "coming"):
                continue
            s = m.start("m")
            got = _bare_month(m, pub)
            if claim(s, m.end()):
                found.append((s, m.end(), *got, True))
    found.sort()
    return [
        DateMention(s, e, text[s:e], a.isoformat(), b.isoformat(), p, rel)
        for s, e, a, b, p, rel in found
    ]


_DATELINE = re.compile(r"^(?:Published|Posted|Updated|Date)\s*:?\s*", re.IGNORECASE | re.MULTILINE)


def infer_published(text: str) -> str | None:
    """A publication date read from the text: a dateline near the top, else the latest full date.

    Only day- or month-precision absolute dates count; the result keeps that precision.
    """
    head = text[:400]
    for d in find_dates(head):
        if d.precision in ("day", "month") and not d.relative:
            return d.date_start if d.precision == "day" else d.date_start[:7]
    best = None
    for d in find_dates(text):
        if d.precision in ("day", "month") and not d.relative:
            key = d.date_end
            if best is None or key > best[0]:
                best = (key, d.date_start if d.precision == "day" else d.date_start[:7])
    return best[1] if best else None
