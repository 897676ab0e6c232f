"""Discourse memory: what earlier sentences of an article make available to later ones.

The last state, person and organisations named (for anaphors), the news of the day's date and
dateline, the last summit reported (for documents adopted at it and lists of its attendees),
the sides of the last talks and the last donor of aid."""

from __future__ import annotations

import re

from .events import Event
from .lexicon import _venue_cue
from .pipeline import Analysis, Mention, Sentence


# The first sentences of a news article report the news of the day: undated acts there take the lede's
# date (measured on the development set: date accuracy 0.74 with 8 sentences, 0.80 with 12).
NEWS_SENTENCES = 12


class Discourse:
    """What earlier sentences of the article make available to anaphors."""

    def __init__(self) -> None:
        self.state: str | None = None
        self.person: str | None = None
        self.orgs: list[str] = []
        self.news_date = None  # the lede's date, or the publication month
        self.dateline: Mention | None = None  # "ASTANA, July 4 -", or the lede's venue: where the news happened
        self.summit: "Event | None" = None  # the last hosted summit reported, for documents adopted at it
        self.gathering: "Event | None" = None  # the last summit reported, held or planned, for later lists of who attends
        self.sides: list[str] = []  # the sides of the last talks reported, for later mentions that leave them out
        self.donor: str | None = None  # the state of the last aid reported

    def update(self, an: Analysis, s: Sentence, blocked: set[int], actors: list[str]) -> None:
        subjects = [m for m in s.mentions if m.state and m.start not in blocked and m.kind not in ("demonym",)]
        if actors:
            self.state = actors[0]
        elif subjects:
            self.state = subjects[0].state
        people = [m for m in s.mentions if m.label == "LEADER"]
        if people:
            self.person = people[-1].iso3
        orgs = [m.value for m in s.mentions if m.label == "ORG"]
        if orgs:
            self.orgs = orgs


def _published_month(pub: str):
    """The publication month as a date mention: the date of undated news."""
    from .dates import DateMention, parse_iso, span_of

    d, prec = parse_iso(pub)
    a, b = span_of(d, prec)
    return DateMention(0, 0, pub, a, b, prec, True)


def _date_line(s: Sentence) -> bool:
    """A line that is nothing but a date: 'Wednesday October 26 2022', '09 August, 2018, 14:06'."""
    rest = s.text
    for d in s.dates:
        rest = rest.replace(d.text, " ")
    return len(re.sub(r"[\W\d_]+", "", rest)) < 4


def _news_context(an: Analysis, disc: Discourse) -> None:
    """The lede's date (or the publication month) and the dateline's place, if any."""
    pub = an.published
    if pub:
        for s in an.sentences[:4]:
            for d in s.dates:
                if _date_line(s) and any(x.relative for x in an.sentences[min(s.index + 1, len(an.sentences) - 1)].dates):
                    continue  # a date line standing alone above a lede dated "on Tuesday": the act's day is the lede's
                if d.precision in ("day", "month") and d.date_start[:len(pub)] <= pub and d.date_start[:4] == pub[:4]:
                    disc.news_date = d
                    break
            if disc.news_date is not None:
                break
        if disc.news_date is None and len(pub) >= 7:
            disc.news_date = _published_month(pub)
    # The lede's gathering "in <city>" ("The summit of the SCO in Samarkand concluded"), else the dateline.
    for s in an.sentences[:3]:
        if not any(label in ("summit", "talks_hosted", "talks_meeting") for label, _, _, _ in s.matches):
            continue
        for m in s.mentions:
            if m.label == "PLACE" and m.place is not None and m.start > s.start and _venue_cue(an, s, m):
                disc.dateline = m
                return
    for s in an.sentences[:3]:
        for m in s.mentions:
            if m.label == "PLACE" and m.start == s.start and m.end < s.end and an.lower[m.end] in (",", "(", "—", "–", "-", ":"):
                disc.dateline = m
                return
