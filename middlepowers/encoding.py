"""Bytes of an article -> text: the byte-order mark, UTF-8, UTF-16, then the likely code pages.

News copy that is not UTF-8 is nearly always in one of a few legacy code pages: Windows-1251
(Russian, and Kazakh where its letters fit), KZ-1048 (Kazakh), Windows-1254 (Turkish and
Azerbaijani), Windows-1252 and Latin-1 (Western European). A general detector weighs dozens of
code pages and often prefers a near neighbour (mac_cyrillic, cp775, cp1250) whose text is subtly
wrong, so those candidates are judged first by how plausible their words are; only when none
reads as text is charset-normalizer asked about every code page it knows.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .errors import ArticleError

# Tried in this order; on equal plausibility the earlier wins.
CANDIDATES = ("cp1252", "cp1254", "cp1251", "kz1048", "cp1250", "koi8_r")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_WORD = re.compile(r"[^\W\d_]+")
# Letters a legacy decoding produces by mistake far more often than any text uses them:
# Serbian and Macedonian letters where KZ-1048 put Kazakh ones, Icelandic ones where
# Windows-1254 put Turkish ones.
_UNLIKELY = frozenset("ЂђЃѓЉљЊњЌќЋћЏџЎўЈјЅѕҐґ" "ÐðÞþÝý")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Decoded:
    """Text, the encoding it was read with, and whether that encoding was guessed."""

    text: str
    encoding: str
    guessed: bool = False


def control_ratio(text: str) -> float:
    """Share of control characters other than line breaks and tabs: high means not text."""
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return bad / max(len(text), 1)


def plausibility(text: str) -> float:
    """How much a decoding reads like words: +1 a plausible word, less for mixed scripts,
    unlikely letters, case flips inside words and Latin words made mostly of accents."""
    score = 0.0
    for w in _WORD.findall(text):
        s = 1.0
        cyr, lat = bool(_CYRILLIC.search(w)), bool(_LATIN.search(w))
        if cyr and lat:
            s -= 3
        s -= sum(1 for ch in w if ch in _UNLIKELY)
        s -= sum(1 for a, b in zip(w, w[1:]) if a.islower() and b.isupper())
        if lat and not cyr and len(w) >= 3 and sum(1 for ch in w if ord(ch) > 127) * 2 > len(w):
            s -= 2
        score += s
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t")
    return score - 5 * bad


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) * 10 >= len(zeros) * 4:  # ASCII-heavy text: every other byte is NUL
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if control_ratio(text) < 0.01 else None
    return None


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Bytes -> Decoded, or an ArticleError with a one-line reason."""
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: starts with a {codec.upper()} byte-order mark but is not {codec.upper()} ({exc.reason})") from exc
            if not text.strip("\ufeff \t\r\n"):
                raise ArticleError(f"{name}: empty file")
            return Decoded(text.lstrip("\ufeff"), codec.replace("-sig", ""))
    if b"\x00" in data[:8192]:
        # NUL bytes are valid UTF-8 but no text has them, except UTF-16 without its mark.
        text = _utf16_without_bom(data)
        if text is None:
            raise ArticleError(f"{name}: binary file (NUL bytes), not an article")
        return Decoded(text, "utf-16", guessed=True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[float, int, str, str] | None = None
    words = 0
    for rank, codec in enumerate(CANDIDATES):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        words = max(words, len(_WORD.findall(text)))
        key = (plausibility(text), -rank, codec, text)
        if best is None or key[:2] > best[:2]:
            best = key
    # A plausible reading scores close to one point a word; otherwise ask the general detector.
    if best is not None and words and best[0] >= 0.8 * words and control_ratio(best[3]) <= 0.01:
        return Decoded(best[3], best[2], guessed=True)
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise ArticleError(f"{name}: not UTF-8 and no text encoding could be detected")
    text = str(match)
    if control_ratio(text) > 0.01:
        raise ArticleError(f"{name}: not UTF-8; decoded as {match.encoding} it is not text")
    return Decoded(text, match.encoding, guessed=True)
