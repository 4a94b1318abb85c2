"""The user's corrections: the project file, and applying it to extracted events."""
