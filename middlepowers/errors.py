"""Errors users may see, each with one clear wording."""


class AtlasError(Exception):
    """Base class: the message is one line a user can act on."""


class BuildError(AtlasError):
    """The tables could not be built or read."""


class ArticleError(AtlasError):
    """One article could not be read; the build skips it with a warning."""


class GoldError(AtlasError):
    """A gold file is missing or malformed."""
