"""An article's text with its evidence sentences marked, escaped so no text becomes markup."""

from __future__ import annotations

import html
from collections.abc import Iterable


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
