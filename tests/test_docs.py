"""The README and the dashboard docs describe what the code has: commands, event types, pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from middlepowers import schema
from middlepowers.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DASHBOARD = (ROOT / "docs" / "dashboard.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_names_every_command(command):
    assert f"middlepowers {command}" in README


@pytest.mark.parametrize("event_type", schema.EVENT_TYPES)
def test_docs_readme_names_every_event_type(event_type):
    assert f"`{event_type}`" in README


@pytest.mark.parametrize("column", ["trigger", "name", "amount_usd", "actor_role"])
def test_docs_readme_names_the_extension_columns(column):
    assert f"`{column}`" in README


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "pages").glob("*.py")))
def test_docs_dashboard_names_every_page(page):
    assert f"pages/{page}" in DASHBOARD


def test_docs_readme_leads_with_the_two_commands():
    blocks = README.split("```bash")[1:3]
    assert "streamlit run app.py" in blocks[0] and "middlepowers build" in blocks[0]
    assert "pytest" in blocks[1]
