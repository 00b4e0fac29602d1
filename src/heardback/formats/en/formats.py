"""English dates on pages: "14 Dec 2026", "14 Dec 2026, 10:30" (the day first, 24-hour clock)."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
