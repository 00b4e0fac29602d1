"""Demo: the demo organization and its partner, generated with realistic data for a seed
(`heardback demo`, `make demo`), and the invented content they are made of.

The top layer: may import every app; nothing imports it but the command line, the tests and the
benchmarks (`[tool.importlinter]`).
"""
