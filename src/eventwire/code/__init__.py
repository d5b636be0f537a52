"""Coding: from a parsed story to events (who did what to whom, when, where, on whose word)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Story


def code_story(story: Story, doc: Doc) -> Story:
    """Fill ``story.events`` and ``story.places`` from its parse."""
    story.events = []
    story.places = []
    return story
