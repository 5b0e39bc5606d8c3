"""Tokens over the folded text, and the proclitic forms a token may hide.

A token keeps its offsets into the original text. ``forms`` lists the token itself and what is
left after stripping the conjunctions و ف, the prepositions ب ل ك and the article ال (and لل for
ل + ال), so that بدير، وقسد، للتنظيم can match دير، قسد، التنظيم. Which form is "the" word is
decided by the lexicons: a form counts only if some lexicon knows it (see recognize/lexicon.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import Folded

# Words: runs of letters/digits (Arabic or Latin); anything else that is not a space is a
# one-character token (punctuation, quotes, symbols).
TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


@dataclass(slots=True)
class Token:
    i: int  # index in the document
    start: int  # original offsets
    end: int
    fstart: int  # folded offsets
    fend: int
    norm: str  # folded form
    sent: int = 0
    forms: tuple[str, ...] = field(default=())

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2


def clitic_forms(word: str) -> tuple[str, ...]:
    """The word and each reading of it with proclitics removed, longest first.

    >>> clitic_forms("وبالحسكه")
    ('وبالحسكه', 'بالحسكه', 'الحسكه', 'حسكه')
    """
    out = [word]
    if len(word) <= _MIN_STEM:
        return tuple(out)
    rests = [word]
    if word[0] in _CONJ and len(word) - 1 >= _MIN_STEM:
        rests.append(word[1:])
    for w in list(rests):
        if w[0] in _PREP and len(w) - 1 >= _MIN_STEM:
            if w[0] == "ل" and w.startswith("لل") and len(w) - 2 >= _MIN_STEM:
                rests.append("ال" + w[2:])  # لل = ل + ال
            rests.append(w[1:])
    for w in list(rests):
        if w.startswith("ال") and len(w) - 2 >= _MIN_STEM:
            rests.append(w[2:])
    seen = set()
    for w in rests:
        if w not in seen:
            seen.add(w)
            if w is not word:
                out.append(w)
    return tuple(dict.fromkeys(out))


_FORM_CACHE: dict[str, tuple[str, ...]] = {}


def cached_forms(word: str) -> tuple[str, ...]:
    forms = _FORM_CACHE.get(word)
    if forms is None:
        forms = clitic_forms(word)
        if len(_FORM_CACHE) < 500_000:
            _FORM_CACHE[word] = forms
    return forms


def tokenize(folded: Folded) -> list[Token]:
    """Split the folded text into tokens that carry original offsets."""
    tokens: list[Token] = []
    orig_span = folded.orig_span
    for i, m in enumerate(TOKEN_RE.finditer(folded.text)):
        fs, fe = m.span()
        s, e = orig_span(fs, fe)
        w = m.group()
        tokens.append(Token(i, s, e, fs, fe, w, 0, cached_forms(w)))
    return tokens
