from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limit() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()
