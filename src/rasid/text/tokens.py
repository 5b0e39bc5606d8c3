"""Tokens over the folded text, and the proclitic forms a token may hide.

A token keeps its offsets into the original text. ``forms`` lists the token itself and what is
left after stripping the conjunctions و ف, the prepositions ب ل ك and the article ال (and لل for
ل + ال), so that بدير، وقسد، للتنظيم can match دير، قسد، التنظيم. Which form is "the" word is
decided by the lexicons: a form counts only if some lexicon knows it (see recognize/lexicon.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import lt
from typing import Any, NamedTuple

from .normalize import Folded

# Words: runs of letters/digits (Arabic or Latin); anything else that is not a space is a
# one-character token (punctuation, quotes, symbols). Control characters (NUL bytes and the
# like in scraped text) separate words like spaces instead of sitting between them as tokens.
# Arabic letters and digits written together are two words ("ما لا يقل عن17 عنصرا"، "5جنود"،
# "الـ27"): a typing slip or an article, never one word. A lone proclitic stays on its number
# (و15، ب5: the number readers take them so), and Latin ones stay whole (F16، MH17).
_AR = "\u0621-\u064a"
TOKEN_RE = re.compile(rf"[^\W\d_]*[{_AR}]{{2}}(?=\d)|[وفبل]?\d+(?=[{_AR}])|[^\W_]+|[^\w\s\x00-\x08\x0e-\x1f\x7f]|_",
                      re.UNICODE)
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
_PLUS_ONE, _MINUS_ONE = (1).__add__, (-1).__add__


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
# attached (enclitic) pronouns, in folded form, longest first: سكانها، قريتهم، عناصرنا
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")


def without_enclitic(norm: str, min_stem: int = 3) -> str:
    """The word without an attached pronoun ("سكانها" -> "سكان"), or '' if it has none (or the
    stem left would be shorter than ``min_stem``)."""
    return next((norm[:-len(p)] for p in ENCLITICS if norm.endswith(p) and len(norm) - len(p) >= min_stem), "")


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


class WordMemo(dict):
    """word -> ``fn(word)``, worked out on first use and kept across documents: what each stage
    knows about a word (can it start a number, anchor a date, cue a place …) depends on the word
    alone, and most words of an article were seen in earlier ones. Cleared when it reaches
    ``limit`` words, so a long run's memory stays bounded. Reads of known words stay C-level
    dict lookups (``memo[w]``, ``map(memo.__getitem__, words)``)."""

    __slots__ = ("fn", "limit")

    def __init__(self, fn, limit: int = 200_000) -> None:
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, word: str):
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value

    def hits(self, words: list[str], start: int, end: int) -> list[tuple[int, Any]]:
        """(position, value) of each word of words[start:end] whose value is truthy: the few
        words of a stretch a stage needs (a number's start, a count noun, a blame word …)."""
        return [(k, v) for k, v in enumerate(map(self.__getitem__, words[start:end]), start) if v]


class TokenList(list):
    """A document's tokens (a plain list to every reader), remembering where each distinct word
    occurs, so that each lexicon looks a word up once per document rather than once per token,
    and the columns tokenize() built them from."""

    __slots__ = ("_where", "_columns")


class Columns(NamedTuple):
    starts: list[int]  # original offsets
    ends: list[int]
    norms: list[str]
    sents: list[int]


def columns(tokens: list[Token]) -> Columns:
    """The tokens' offsets, folded words and sentence numbers as lists: kept from tokenize()
    for a TokenList (unless it changed length), else read off the tokens."""
    cols = getattr(tokens, "_columns", None)
    if cols is not None and len(cols.starts) == len(tokens):
        return cols
    return Columns([t.start for t in tokens], [t.end for t in tokens], [t.norm for t in tokens],
                   [t.sent for t in tokens])


def word_positions(tokens: list[Token]) -> dict[tuple[str, ...], list[int]]:
    """Token positions of each distinct word, keyed by its forms (first occurrence order).

    Computed once per TokenList (again if it changed length); any other list is indexed afresh.
    """
    where = getattr(tokens, "_where", None)
    if where is not None and where[0] == len(tokens):
        return where[1]
    index: dict[tuple[str, ...], list[int]] = {}
    get = index.get
    for i, tok in enumerate(tokens):
        pos = get(tok.forms)
        if pos is None:
            index[tok.forms] = [i]
        else:
            pos.append(i)
    if isinstance(tokens, TokenList):
        tokens._where = (len(tokens), index)
    return index


def _sentence_numbers(starts: list[int], sentence_ends: list[int]) -> list[int]:
    """For each token start (ascending), the number of sentence ends at or before it, capped at
    the last sentence: runs of equal numbers cut where each sentence ends (one bisect per
    sentence, not one per token)."""
    out: list[int] = []
    last = len(sentence_ends) - 1
    done = 0
    for k, end in enumerate(sentence_ends[:last]):
        cut = bisect_left(starts, end, done)
        out += repeat(k, cut - done)
        done = cut
    out += repeat(last, len(starts) - done)
    return out


def tokenize(folded: Folded, sentence_ends: list[int] | None = None) -> list[Token]:
    """Split the folded text into tokens that carry original offsets.

    With ``sentence_ends`` (original offsets, ascending), each token also gets its sentence
    number. Built column by column (offsets, words, forms) with C-level map/zip rather than one
    Python step per token: this runs on every token of every document.
    """
    text = folded.text
    found = list(TOKEN_RE.finditer(text))
    if not found:
        return TokenList()
    n = len(found)
    fstarts = list(map(_START, found))
    fends = list(map(_END, found))
    words = list(map(_GROUP, found))
    known = _FORM_CACHE.get
    forms = [known(w) or cached_forms(w) for w in words]
    index = folded.index
    if index is None:  # nothing was deleted: folded offsets are the original ones
        starts, ends = fstarts, fends
    else:
        at = index.__getitem__
        starts = list(map(at, fstarts))
        ends = list(map(_PLUS_ONE, map(at, map(_MINUS_ONE, fends))))  # index[fe - 1] + 1
        limits = list(map(at, fends))
        if ends != limits:  # something was deleted right after a word: keep trailing harakat
            for k in compress(range(n), map(lt, ends, limits)):
                ends[k] = folded.orig_span(fstarts[k], fends[k])[1]
    sents = _sentence_numbers(starts, sentence_ends) if sentence_ends else [0] * n
    out = TokenList(map(Token, range(n), starts, ends, fstarts, fends, words, sents, forms))
    out._columns = Columns(starts, ends, words, sents)
    return out


def is_definite(norm: str) -> bool:
    """الهجومين، بالهجومين، وللغارتين: the article after any proclitics (a folded word)."""
    word = norm
    while word[:1] in "وفبلك" and word[1:3] != "ال" and len(word) > 3:
        word = word[1:]
    if word[:1] in "وفبك" and word[1:3] == "ال":
        word = word[1:]
    return word.startswith(("ال", "لل"))


_LONG_VOWELS = frozenset("اوىي")


def is_elative(text: str, t, k: int = 0) -> bool:
    """Is the token (after ``k`` clitic letters, an article's two included) an elative, the أفعل
    of a superlative or comparative ("في أشرس انتخابات"، "في أدمى هجوم"، "أكبر هجوم منذ"): أ and
    three letters, none a long vowel but a final ى? Read in the original text: folding loses the
    hamza."""
    word = "".join(c for c in text[t.start:t.end] if c.isalpha())[k:]
    return len(word) == 4 and word[0] == "أ" and not (set(word[1:3]) & _LONG_VOWELS) and word[3] not in "اوي"
