"""The book speaks of the drugs, not of its own making: no chapter says what
the book read, did not read or could not verify."""

import re

import pytest

from conftest import ROOT

#: Phrases that narrate the book's own reading rather than the drugs.
NARRATION = re.compile(
    r"the book (?:has )?(?:not )?read|\bnot read\b"
    r"|\bunread\b|could not be verified|were not verified|was not verified"
    r"|not verified|verified for this book|the book could (?:not )?verify"
    r"|book has no verified|in a reproduction of the label",
    re.IGNORECASE)

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_chapter_narrates_its_own_reading(path):
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert NARRATION.findall(text) == []


@pytest.mark.parametrize("planted", [
    "the book read every subsection", "headings not read", "two headings were unread",
    "the author list could not be verified", "no value is verified for this book",
])
def test_the_guard_catches_planted_narration(planted):
    assert NARRATION.search(planted)
