"""The spaCy pipeline: tokens, sentences, gazetteer mentions, dates and trigger matches.

A blank English pipeline is enough: sentences come from punctuation and line breaks, names
from the gazetteer (looked up by token n-grams, which is far faster than a ruler with
hundreds of thousands of patterns), triggers from the Matcher in `rules.py`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import dates as dates_mod
from . import gazetteer, rules
from .gazetteer import Entry, Place

# Words before a small town's name that make it a place ("talks in Of"): cue-only entries need one.
SENT_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»", "»"})
# Month and weekday names are dates before they are towns ("in May 2024", "on Sunday").
CALENDAR_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
PLACE_CUES = frozenset({"in", "at", "near", "outside", "from", "to", "into", "via"})
STATE_LABELS = frozenset({"COUNTRY", "LEADER"})
CURRENCY_WORDS = frozenset({"dollar", "dollars", "cents", "rubles", "roubles", "yuan", "pounds"})


@dataclass(frozen=True)
class Mention:
    """A name found in the text: token span, what it stands for, and the state it implies."""

    start: int
    end: int
    text: str
    label: str  # COUNTRY, LEADER, ORG, NONSTATE, PLACE
    value: str
    iso3: str | None
    kind: str
    place: Place | None = None

    @property
    def state(self) -> str | None:
        """The state this mention can stand for as an actor or party (capitals by metonymy)."""
        if self.label in STATE_LABELS:
            return self.iso3
        if self.label == "PLACE" and self.kind == "capital":
            return self.iso3
        return None


@dataclass
class Sentence:
    """One sentence with everything found in it; token indices are document-wide."""

    index: int
    paragraph: int
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    matches: list[tuple[str, str, int, int]] = field(default_factory=list)  # label, rule, start, end
    published: str | None = None
    _dates: list[dates_mod.DateMention] | None = field(default=None, repr=False)

    @property
    def dates(self) -> list[dates_mod.DateMention]:
        """Date mentions, with offsets in the article's text; read on first use, since most
        sentences hold no event and date patterns are a large share of the work."""
        if self._dates is None:
            self._dates = [
                replace(d, start=d.start + self.start_char, end=d.end + self.start_char)
                for d in dates_mod.find_dates(self.text, self.published)
            ]
        return self._dates


@dataclass
class Analysis:
    """A document's tokens and sentences, ready for event extraction."""

    doc: object
    sentences: list[Sentence]
    published: str | None
    lower: list[str]  # lowercase token texts, for quick cue checks


@lru_cache(maxsize=1)
def get_nlp():
    """A blank English pipeline: its tokenizer only; sentences are split in `Tokens.of`."""
    import spacy

    from ..ingest import MAX_BYTES

    nlp = spacy.blank("en")
    # spaCy's 1,000,000-character limit guards its parser's memory; the tokenizer alone reads
    # the largest article the build accepts (no more characters than its bytes) in ~0.5 GB.
    nlp.max_length = MAX_BYTES
    return nlp


@lru_cache(maxsize=1)
def get_matchers():
    return rules.build_matchers(get_nlp().vocab)


def _choose(entries: list[Entry], surface: str, prev_lower: str) -> Entry | None:
    nodots = surface.replace(".", "")
    for e in entries:
        if e.exact and surface not in e.exact and nodots not in {x.replace(".", "") for x in e.exact}:
            continue
        if e.cue_only and prev_lower not in PLACE_CUES:
            continue
        return e
    return None


@dataclass
class Tokens:
    """Plain lists of the token attributes the rules read: one pass over the Doc, no Token objects later."""

    text: str
    texts: list[str]
    lower: list[str]
    keys: list[str]
    idx: list[int]
    space: list[bool]
    sent_start: list[bool]

    @classmethod
    def of(cls, doc) -> "Tokens":
        texts, lower, keys, idx, space, starts = [], [], [], [], [], []
        norm = gazetteer.norm
        after_end = after_break = False
        for i, t in enumerate(doc):
            tx = t.text
            sp = t.is_space
            # A sentence starts after a line break, or after . ! ? and any closing quotes or brackets,
            # as spaCy's sentencizer does; one pass here replaces it and a line-break component.
            start = i == 0 or after_break or (after_end and tx not in SENT_END and tx not in CLOSERS)
            if start:
                after_end = False
            if tx in SENT_END:
                after_end = True
            after_break = "\n" in t.whitespace_ or (sp and "\n" in tx)
            texts.append(tx)
            lower.append(t.lower_)
            keys.append("" if sp else norm(tx))
            idx.append(t.idx)
            space.append(sp)
            starts.append(start)
        return cls(doc.text, texts, lower, keys, idx, space, starts)

    def surface(self, i: int, j: int) -> str:
        return self.text[self.idx[i]:self.idx[j - 1] + len(self.texts[j - 1])]


def find_mentions(tk: Tokens, gz) -> list[Mention]:
    """Longest gazetteer matches over token n-grams, left to right, never across sentences."""
    out: list[Mention] = []
    keys, texts = tk.keys, tk.texts
    n = len(keys)
    i = 0
    while i < n:
        k0 = keys[i]
        if not k0 or k0 not in gz.prefixes or not (texts[i][:1].isupper() or texts[i][:1].isdigit()):
            i += 1
            continue
        best = None
        parts: list[str] = []
        j = i
        while j < n and j - i < 3 * gazetteer.MAX_WORDS:
            if j > i and tk.sent_start[j]:
                break
            if keys[j]:
                parts.append(keys[j])
            elif not (texts[j] in "-–‑" and j > i):
                break
            key = " ".join(parts)
            if key not in gz.prefixes:
                break
            if key in gz.names and keys[j]:
                best = (j + 1, key)
            j += 1
        if best is None:
            i += 1
            continue
        end, key = best
        surface = tk.surface(i, end)
        prev_lower = tk.lower[i - 1] if i > 0 else ""
        entry = _choose(gz.entries(key), surface, prev_lower)
        if entry is None:
            i += 1
            continue
        if entry.cue_only and end < n and texts[end][:1].isupper():
            i += 1  # "from Central Asia": a small town's name inside a longer proper name
            continue
        if entry.label == "COUNTRY" and end < n and tk.lower[end] in CURRENCY_WORDS:
            i = end  # "1 million US dollars": a currency, not a state
            continue
        out.append(Mention(i, end, surface, entry.label, entry.value, entry.iso3, entry.kind, entry.place))
        i = end
    return out


def analyse(text: str, published: str | None = None) -> Analysis:
    """Tokenise, split, and find names, dates and triggers in one article's text."""
    nlp = get_nlp()
    gz = gazetteer.load()
    doc = nlp.make_doc(text)
    tk = Tokens.of(doc)
    mentions = find_mentions(tk, gz)
    matchers = get_matchers()
    lower = tk.lower

    bounds = [i for i, st in enumerate(tk.sent_start) if st or i == 0] + [len(lower)]
    sentences: list[Sentence] = []
    paragraph = 0
    last_end_char = 0
    for a, b in zip(bounds, bounds[1:]):
        while a < b and tk.space[a]:
            a += 1
        while b > a and tk.space[b - 1]:
            b -= 1
        if a >= b:
            continue
        start, end = a, b
        sc, ec = tk.idx[a], tk.idx[b - 1] + len(tk.texts[b - 1])
        if sentences and "\n" in text[last_end_char:sc]:
            paragraph += 1
        last_end_char = ec
        sentences.append(Sentence(len(sentences), paragraph, start, end, sc, ec, text[sc:ec], published=published))

    starts = [s.start for s in sentences]

    def sent_of_token(i: int) -> Sentence | None:
        k = bisect_right(starts, i) - 1
        if k < 0:
            return None
        s = sentences[k]
        return s if s.start <= i < s.end else None

    for m in mentions:
        if m.label == "PLACE" and m.text.lower() in CALENDAR_WORDS:
            continue
        s = sent_of_token(m.start)
        if s is not None:
            s.mentions.append(m)
    # Each pattern runs only on sentences holding all its obligatory words (see rules.build_matchers).
    for s in sentences:
        words = set(lower[s.start:s.end])
        found = []
        span = None
        for required, matcher, order, rule in matchers:
            if any(words.isdisjoint(r) for r in required):
                continue
            span = span if span is not None else doc[s.start:s.end]
            found.extend((a, b, order, rule) for _, a, b in matcher(span))
        # in text order, and on one span in the rules' order (never by a hash of a rule's name)
        for a, b, _, rule in sorted(found, key=lambda m: m[:3]):
            s.matches.append((rule.label, rule.id, s.start + a, s.start + b))
    return Analysis(doc, sentences, published, lower)
