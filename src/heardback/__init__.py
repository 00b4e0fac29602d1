"""heardback: every candidate hears back."""
