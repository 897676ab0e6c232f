"""A saved web page -> its article text and what the page says of itself (title, date, author).

trafilatura finds the main text and reads the page's metadata (with htmldate for the
publication date); the project's own `<article>`/`<main>` reader is the fallback when
trafilatura finds no main text, so a page is never lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Enough words to count as an article's main text rather than a caption or a cookie notice.
MIN_WORDS = 8
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Page:
    """What a page yields: text (one block per paragraph) and metadata, None where unknown."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    extractor: str = "trafilatura"


def registered(host: str | None) -> str | None:
    """'www.astanatimes.com' -> 'astanatimes.com', as the manifest names outlets."""
    if not host:
        return None
    host = host.lower().strip().rstrip(".")
    return re.sub(r"^(www\d?|en|english|m|amp)\.", "", host) or None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_page(html: str, url: str | None = None) -> Page:
    """The article in an HTML page and its metadata; falls back to the `<article>` reader."""
    from .ingest import html_to_text

    doc = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            include_links=False, deduplicate=False,
            # Markup only: a date guessed from the body's text is the build's own job.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a page trafilatura cannot parse still has the fallback reader
        doc = None
    text = getattr(doc, "text", None) or ""
    if len(text.split()) >= MIN_WORDS:
        blocks = [" ".join(line.split()) for line in text.split("\n")]
        date = _clean(getattr(doc, "date", None))
        return Page(
            text="\n\n".join(b for b in blocks if b),
            title=_clean(getattr(doc, "title", None)),
            published=date if date and _ISO_DAY.match(date) else None,
            author=_clean(getattr(doc, "author", None)),
            source=registered(_clean(getattr(doc, "hostname", None))),
            url=_clean(getattr(doc, "url", None)),
        )
    fallback, title = html_to_text(html)
    return Page(text=fallback, title=_clean(getattr(doc, "title", None)) or title,
                author=_clean(getattr(doc, "author", None)), extractor="fallback")
