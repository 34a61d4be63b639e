"""CLI command: ``rashomon timeline``."""

from __future__ import annotations

import typer


def register(app: typer.Typer, sessions) -> None:
    """Add the timeline command to the main app; ``sessions()`` returns a sessionmaker."""
    return None
