"""Language data (word lists, mappings) kept apart from code.

Files live beside this module, grouped by area (``events/triggers.json``).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Load ``rashomon/data/<name>`` (a JSON file) once per process."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


