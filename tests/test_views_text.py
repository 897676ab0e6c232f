"""Text shown to the reader: markdown escaping, notice quoting, web addresses, and a fuzzed link parser."""

import random
import re

import pytest

from middlepowers.views.filters import PARAMS, Choices, Filters, shown_notices
from middlepowers.views.text import md_escape, quoted, web_url

PUNCT = re.compile(r"[!-/:-@\[-`{-~]")


def unescaped(md: str) -> str:
    """What is left of md once every backslash escape is taken out: must hold no markdown syntax."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", md)


@pytest.mark.parametrize("value", [
    "[Session expired - log in again](http://127.0.0.1:8651/phish)", "![x](http://evil/img.png)", "# big",
    "$x^2$", "$$x$$", "<img src=x onerror=alert(1)>", "**bold** _it_ ~~s~~", "`code` and ``more``",
    ":red[red] :material/home: :smile:", "1. one", "- item", "> quote", "---", "a | b", "[a]: http://x",
    "\\[x\\](http://x)", "&lt;b&gt; &#x3C;", "trailing \\",
])
def test_md_escape_leaves_no_markdown_syntax(value):
    md = md_escape(value)
    assert not PUNCT.search(unescaped(md)), md
    assert md.replace("\\", "").replace("\u2060", "") == value.replace("\\", "")


@pytest.mark.parametrize("value", ["see http://127.0.0.1:9/x", "www.example.com/w", "me@example.com",
                                   "mailto:me@example.com", "HTTPS://A.B", "WWW.EXAMPLE.COM"])
def test_md_escape_breaks_autolinks(value):
    # GFM links bare addresses after escapes are read: nothing may remain of "http://", "www." or "x@y".
    shown = md_escape(value).replace("\\", "")
    assert not re.search(r"https?://|www\.|\w@\w", shown, re.IGNORECASE), shown


def test_md_escape_keeps_one_line_of_plain_text():
    assert md_escape("  Astana talks\n# on Syria\r\n\t(2017)\x00\u2028 ") == "Astana talks \\# on Syria \\(2017\\)"
    assert md_escape("Ünïcode 日本語 — ok") == "Ünïcode 日本語 — ok"
    assert md_escape(None) == "" and md_escape(3) == "3"
    assert md_escape("\ud800x") == "\ufffdx"


@pytest.mark.parametrize("value, expected", [
    ("NOPE", '"NOPE"'), ("a\nb", '"a\\nb"'), ("\x00\u200b\u202e", '"\\x00\\u200b\\u202e"'),
    ('say "hi" \\', '"say \\"hi\\" \\\\"'), ("日本", '"日本"'), ("", '""'),
])
def test_quoted_escapes_what_is_not_printable(value, expected):
    assert quoted(value) == expected


def test_quoted_cuts_long_values():
    assert quoted("x" * 81) == '"' + "x" * 80 + '…"'
    assert quoted("x" * 80) == '"' + "x" * 80 + '"'
    assert len(quoted("\n" * 500)) <= 80 + 3


@pytest.mark.parametrize("url, ok", [
    ("https://astanatimes.com/2017/01/x", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG/a", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("data:text/html,<b>x</b>", False),
    ("data:image/png;base64,AAAA", False), ("file:///etc/passwd", False), ("//example.org", False),
    ("http:example.org", False), ("https://", False), ("http://exa mple.org", False), ("http://a\n.org", False),
    ("vbscript:x", False), ("", False), (None, False), (float("nan"), False),
])
def test_web_url_keeps_only_http_addresses(url, ok):
    assert (web_url(url) is not None) is ok


# Values a link can carry: markup, unicode, control characters, huge numbers, nothing, a lot.
NASTY = ["[Session expired - log in again](http://127.0.0.1:8651/phish)", "![x](http://evil/img.png)", "# big",
         "$x^2$", "<script>alert(1)</script>", "`", "``x``", "\\", "\n", "a\nb", "\r\n# h", "\x00", "\x1b[31m",
         "\u202etxt", "\u200b", "\ud83d\ude00", "日本語", "Ελλάδα", "", " ", ",", ",,,", "=", "&", "%00", "%0a",
         "1800", "2200", "0001", "99999", "2020-02-30", "2020-13", "2020-00-00", "-1", "1e308", "9" * 400,
         "x" * 5000, "SCO", "sco, CICA", "KAZ", "talks_hosted", "planned", "map", "sources", ":red[x]", "www.x.com"]
KEYS = list(PARAMS) + ["", "bogus", "embed", "Page", "[x](http://k)", "a\nb", "x" * 300]


def random_query(rng: random.Random) -> dict[str, list[str]]:
    query = {}
    for _ in range(rng.randint(0, 8)):
        values = []
        for _ in range(rng.choice([1, 1, 2, 3, 50])):
            v = rng.choice(NASTY)
            if rng.random() < 0.3:
                v = "".join(rng.choice(NASTY[:20] + [chr(rng.randint(0, 0x2FFF))]) for _ in range(rng.randint(1, 6)))
            values.append(v)
        query[rng.choice(KEYS)] = values
    return query


CHOICES = Choices(orgs=frozenset({"SCO", "CICA"}), actors=frozenset({"KAZ", "AZE"}),
                  sources=frozenset({"astanatimes.com"}), articles=frozenset({"a1"}))


@pytest.mark.parametrize("choices", [None, CHOICES])
def test_fuzzed_links_never_raise_and_give_plain_one_line_notices(choices):
    rng = random.Random(20261202)
    for _ in range(300):
        query = random_query(rng)
        f, notices = Filters.from_query(query, choices)
        assert isinstance(f, Filters)
        assert len(notices) == len(set(notices))
        for n in notices:
            assert n.isprintable(), repr(n)  # one line: no newline or control character is left raw
            assert len(n) < 300, n
        for line in shown_notices(notices):
            md = md_escape(line)
            left = unescaped(md)
            assert not PUNCT.search(left), md
            assert "](" not in left and "![" not in left
        # What the widgets get stays within their range.
        for d in (f.date_from, f.date_to):
            assert d is None or (choices or Choices()).dates[0] <= d <= (choices or Choices()).dates[1]
        again, _ = Filters.from_query(f.to_query(), choices)
        assert again.to_query() == f.to_query(), query
