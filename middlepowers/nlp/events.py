"""What the extractor passes between its steps: a typed candidate (a trigger match and the rule
that made it) and an event with its arguments, which becomes one row of the events table."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .pipeline import Sentence


BASE_CONFIDENCE = {"possessor": 0.9, "agent": 0.9, "phrase": 0.85, "subject": 0.8, "eponym": 0.75,
                   "fronted": 0.7, "anaphor": 0.6, "venue": 0.5}


@dataclass
class Candidate:
    event_type: str
    rule: str
    start: int
    end: int
    base_modality: str = "asserted"


@dataclass
class Event:
    article_id: str
    event_type: str
    actor: str
    sentence: Sentence
    rule: str
    trigger: str
    how: str
    parties: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    venue: str | None = None
    venue_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    name: str | None = None
    amount_usd: float | None = None
    occasion: str | None = None  # what distinguishes two acts of one type and actor (not exported)
    own_date: bool = False  # the date was read from the event's own sentence

    def row(self) -> dict:
        s = self.sentence
        # What the text says, never a rule's name: renaming or splitting a rule keeps the id.
        key = f"{self.article_id}|{self.event_type}|{self.actor}|{s.start_char}|{self.trigger.lower()}|{self.occasion or ''}"
        return {
            "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
            "article_id": self.article_id,
            "event_type": self.event_type,
            "actor": self.actor,
            "parties": list(self.parties),
            "organisations": list(self.organisations),
            "venue": self.venue,
            "venue_country": self.venue_country,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "evidence": s.text,
            "evidence_start": s.start_char,
            "evidence_end": s.end_char,
            "modality": self.modality,
            "confidence": round(self.confidence, 2),
            "trigger": self.trigger,
            "name": self.name,
            "amount_usd": self.amount_usd,
        }
