"""An article's text with its evidence sentences marked, escaped so no text becomes markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Clip spans to the text and merge the overlapping ones, in order."""
    clipped = sorted((max(0, int(s)), min(length, int(e))) for s, e in spans if e is not None and s is not None)
    merged: list[tuple[int, int]] = []
    for s, e in clipped:
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """HTML of the text with <mark> around each span; every piece of the text is escaped."""
    text = text or ""
    out, pos = [], 0
    for s, e in merge_spans(spans, len(text)):
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark style="background:#ffe08a">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def article_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The highlighted text in a block that keeps the article's line breaks."""
    return (
        '<div class="mp-article" style="white-space: pre-wrap; line-height: 1.6; font-size: 1rem;">'
        f"{highlight(text, spans)}</div>"
    )


# Every ASCII punctuation character: CommonMark lets a backslash make any of them literal.
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r":(?=//)|@|www(?=\.)", re.IGNORECASE)
_JOINER = "\u2060"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")


def md_escape(value: object) -> str:
    """User text for an element that renders markdown (st.markdown, caption, warning, subheader):
    shown exactly as written, on one line, with nothing read as markup.

    Every ASCII punctuation character is backslash-escaped, so no link, image, heading, emphasis,
    code, HTML, LaTeX (`$`), autolink (`http://`, `www.`), emoji or material shortcode (`:x:`) or
    colour directive (`:red[...]`) can form; line breaks, control and invisible format characters
    become one space, so the text cannot start a new block either."""
    text = _SPACE.sub(" ", "" if value is None else str(value)).strip()
    text = _SURROGATE.sub("\ufffd", text)  # a lone surrogate cannot be sent to the browser
    # GFM turns a URL or an e-mail address in plain text into a link after the escapes are read,
    # so an invisible word joiner splits each `://`, `@` and `www.`. (An emoji shortcode cannot form:
    # Streamlit looks for `:name:` in the source, where every colon now has a backslash before it.)
    text = _AUTOLINK.sub(lambda m: m.group(0) + _JOINER, text)
    return _MD_PUNCT.sub(r"\\\1", text)


def quoted(value: object, limit: int = 80) -> str:
    """A value from a link for a notice: in double quotes, each unprintable character (a newline,
    a tab, a control or invisible format character) written as Python writes it (`\\n`, `\\x00`,
    `\\u200b`), `"` and `\\` escaped, and cut after `limit` characters with an ellipsis."""
    out: list[str] = []
    used = 0
    for ch in "" if value is None else str(value):
        piece = "\\" + ch if ch in '"\\' else (ch if ch.isprintable() else repr(ch)[1:-1])
        if used + len(piece) > limit:
            return '"' + "".join(out) + '…"'
        out.append(piece)
        used += len(piece)
    return '"' + "".join(out) + '"'


def web_url(value: object) -> str | None:
    """The value when it is a web address (http or https, with a host), else None: a
    `javascript:`, `data:` or `file:` address, or one with spaces or control characters, is refused."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ch <= " " or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None
