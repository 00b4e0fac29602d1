"""French dates on pages, as a French text writes them: « 14 déc. 2026 », « 14 déc. 2026, 10:30 »
(Django's "M" would give "Déc", a capital no French text uses)."""

DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H:i"
