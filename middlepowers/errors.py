"""Errors users may see, each with one clear wording."""


class AtlasError(Exception):
    """Base class: the message is one line a user can act on."""


class BuildError(AtlasError):
    """The tables could not be built or read."""


class ArticleError(AtlasError):
    """One article could not be read; the build skips it with a warning."""


class GoldError(AtlasError):
    """A gold file is missing or malformed."""


def shown(value: object, limit: int = 120) -> str:
    """A file name or value as one printable line for messages: control characters, undecodable
    bytes of a file name and other invisible characters are escaped, long values cut."""
    import unicodedata

    out = []
    for ch in str(value):
        cat = unicodedata.category(ch)
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"
