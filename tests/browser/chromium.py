"""Real Chromium (Debian's) driven by Playwright against pytest-django's live server.

The fixtures are registered once, in tests/conftest.py: a second registration (a test module
importing them) would start a second Playwright in the same thread, which Playwright refuses.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("HEARDBACK_CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = 15_000  # for each action, wait and expect()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI does).")
    from playwright.sync_api import expect, sync_playwright

    # The tests wait for what the page shows with expect(); give it the pages' own patience, not
    # its 5 s default, which a loaded CI machine (two CPUs, two workers) can exceed.
    expect.set_options(timeout=TIMEOUT_MS)

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make for
    # set-up and assertions are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


SCREENSHOTS = os.environ.get("HEARDBACK_SCREENSHOTS", "")


def screenshot(page: object, name: str) -> None:
    """Save docs/screenshots/NAME.png when HEARDBACK_SCREENSHOTS=1 (how the docs get images)."""
    if SCREENSHOTS != "1":
        return
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    _shrink(path)


def _shrink(path: object) -> None:
    """Store the screenshot with a palette of 256 colours, which holds an interface's flat
    colours and text without visible change, at about 40 % of Chromium's size (the 80
    screenshots weigh 2.5 MB instead of 6.4)."""
    from PIL import Image

    with Image.open(path) as image:  # type: ignore[arg-type]
        reduced = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    reduced.save(path, optimize=True)
