"""The job-seeker companion: a person's own applications, reminders and documents, no
organization; its rules (`rules`) are plain Python, no Django.

The top layer: may import every app below (`[tool.importlinter]`).
"""
