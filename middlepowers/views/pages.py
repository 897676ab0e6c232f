"""The dashboard's pages, in menu order: one list the sidebar links and the URL state share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A page: its `page=` value in links, its title, its Material icon and its script."""

    name: str
    title: str
    icon: str
    file: str

    @property
    def url_path(self) -> str:
        """The path Streamlit serves the page at: `pages/3_Compare.py` -> `Compare`, the entry page ``."""
        if not self.file.startswith("pages/"):
            return ""
        return self.file.removeprefix("pages/").removesuffix(".py").split("_", 1)[-1]


PAGES: tuple[Page, ...] = (
    Page("overview", "Overview", ":material/home:", "app.py"),
    Page("map", "Map of venues", ":material/public:", "pages/1_Map.py"),
    Page("timeline", "Timeline", ":material/timeline:", "pages/2_Timeline.py"),
    Page("compare", "Kazakhstan vs Azerbaijan", ":material/compare_arrows:", "pages/3_Compare.py"),
    Page("organisations", "Organisations", ":material/groups:", "pages/4_Organisations.py"),
    Page("sources", "Sources", ":material/article:", "pages/5_Sources.py"),
    Page("review", "Review", ":material/fact_check:", "pages/6_Review.py"),
)
BY_NAME: dict[str, Page] = {p.name: p for p in PAGES}
NAMES: tuple[str, ...] = tuple(BY_NAME)
