"""CLI commands over cross-document links (clusters, contradictions, figures, entities)."""

from __future__ import annotations

import typer


def register(app: typer.Typer, sessions) -> None:
    """Add the cross-document commands to the main app; ``sessions()`` returns a sessionmaker."""
    return None
