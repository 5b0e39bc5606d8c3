"""Stories on one page: some outlets append the leads of other stories after the article
("أعلن الجيش الإسرائيلي، الثلاثاء، اعتقال 21 فلسطينيا ..." under a piece on the Hajj). The
story-level guesses (the story's place, country, armed group, last date) must not cross from
one story to another: an act in a lead takes nothing from the article above it.

Appended leads close the page, one paragraph each, and each starts bare: with no و/ف and no
continuing opener (data/text/story_openers.tsv: كما، من جهته، إلى ذلك ...). So the page's last
run of bare paragraphs, from the first of them that reads as a news lead (its first clause names
the day between commas: ", الثلاثاء،"), is read as that many stories. An article's own paragraph
that reads like a lead is followed by others that go on with و, and splits nothing."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .normalize import fold

_DATA = Path(__file__).resolve().parent.parent / "data" / "text" / "story_openers.tsv"
_WEEKDAY = "(?:السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة)"
_LEAD = re.compile(r"[^\n.:؟!]{2,140}?[،,]\s*(?:(?:مساء|صباح|فجر|ليلة|ظهر|يوم)\s+)?" + _WEEKDAY + r"\s*[،,]")


@cache
def _openers() -> tuple[tuple[str, ...], ...]:
    """The openers as folded word tuples."""
    with open(_DATA, encoding="utf-8") as fh:
        rows = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    return tuple(sorted({tuple(fold(r).split()) for r in rows[1:]}))


def _continues(para: str) -> bool:
    """Does the paragraph go on with the story before it (و/ف, an opener, a quote)?"""
    head = fold(para[:40])
    if not head[:1].isalpha() or head[:1] in ("و", "ف"):
        return True
    words = tuple(re.findall(r"\w+", head))
    return any(words[:len(o)] == o for o in _openers())


def story_starts(text: str, body_start: int = 0) -> list[int]:
    """Offsets where another story starts (empty for a one-story page). ``body_start``: where
    the body begins (after a dateline); the first paragraph is the article's own."""
    paras: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        para = line.strip()
        if para and start + len(line) > body_start:
            paras.append((start + len(line) - len(line.lstrip()), para))
    # the appended leads close the page: from the first lead on, no paragraph goes on with و
    # or an opener (an article's own paragraph that reads like a lead is followed by some)
    out: list[int] = []
    for start, para in reversed(paras[1:]):
        if _continues(para):
            break
        out.append(start)
    tail = set(out)
    if not any(_LEAD.match(para) for start, para in paras[1:] if start in tail):
        return []
    return sorted(out)
