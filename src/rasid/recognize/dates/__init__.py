"""Arabic date expressions: find them, resolve them against ``published`` (CODEBOOK section 6).

``find_timex(text, published)`` runs each family of patterns (patterns.py) over the folded text,
keeps the longest candidates that resolve (resolve.py), joins "بين T1 و T2" / "من T1 إلى T2"
into ranges, and maps spans back to the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, reduce
from operator import or_

from ...model import Document, Timex
from ...text.normalize import Folded, fold, fold_with_map
from ...text.tokens import WordMemo
from .patterns import TEXT_PROBES, anchors, needs, patterns
from .resolve import HANDLERS, ONE, Res

__all__ = ["DateRecognizer", "anniversary", "event_date", "find_timex", "find_timex_folded"]

# Priority when two candidates have the same length (lower wins).
_PRIO = {"night": 0, "named": 1, "sameday": 1, "dmy": 2, "numeric": 2, "partmonth": 3,
         "earlier": 3, "yearrange": 3, "rel": 4, "period": 5, "month": 6, "year": 6,
         "recent": 7, "ago": 7, "anniversary": 7, "weekday": 8, "bareyear": 9, "vague": 9, "now": 9, "streak": 9}

_RANGE_JOIN = re.compile(r"\s*(?:و|الي|حتي|-|–)\s*")
_RANGE_OPEN = re.compile(r"(?:^|\s)[وف]?(?:بين|من)\s*$")


def anniversary(t: Timex) -> bool:
    """Was ``t`` read from an anniversary ("الذكرى السنوية الأولى")? Its date is the remembered
    act's, named right after it, not the date of the news around it."""
    return fold(t.text).lstrip("وفبل").startswith(("ذكري", "الذكري"))


def _parse_pub(published) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _precision_code(res: Res) -> int:
    if res.time_precision:
        return res.time_precision
    if res.precision == "day":
        return 1
    if res.precision in ("month", "year"):
        return 3
    if res.start is None or res.end is None:
        return 2
    return 1 if res.end == res.start else 2 if (res.end - res.start).days < 16 else 3


def _value(res: Res) -> str | None:
    s, e = res.start, res.end
    if s is None or e is None:
        return None
    if res.precision == "day":
        return s.isoformat()
    if res.precision == "month":
        return s.isoformat()[:7]
    if res.precision == "year" and s.year == e.year:
        return str(s.year)
    if res.week:
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}"
    return f"{s.isoformat()}/{e.isoformat()}"


def find_timex_folded(folded: Folded, published=None, tokens=None) -> list[Timex]:
    """find_timex over an already folded text (the pipeline folds each document once).

    ``tokens``, the tokens of ``folded`` (text.tokenize), spare a second pass over the words.
    """
    pub = _parse_pub(published)
    ftext = folded.text
    windows = _scan(ftext, tokens)
    if not windows:
        return []
    cands = []
    families = _probes()[1]
    for kind, rx in patterns():
        word_mask, text_probes = families[kind]
        for ws, we, mask in windows:
            if mask & word_mask != word_mask:
                continue  # a word every match of this family contains is not there
            if text_probes and not all(p.search(ftext, ws, we) for p in text_probes):
                continue
            for m in rx.finditer(ftext, ws, we):
                s, e = m.span("e")
                cands.append((-(e - s), _PRIO[kind], s, e, kind, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    taken: list[tuple[int, int, Res]] = []
    anaphoric: dict[int, int] = {}  # "في نفس اليوم من عام 1980": start -> year
    occupied = bytearray(len(ftext) + 1)
    for _, _, s, e, kind, m in cands:
        if any(occupied[s:e]):
            continue
        res = HANDLERS[kind](m, pub, ftext)
        if res is None:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append((s, e, res))
        if kind == "sameday" and not m.group("e").startswith("مثل"):
            anaphoric[s] = int(m["y"])
    taken.sort(key=lambda t: t[0])
    if anaphoric:
        taken = _same_day_as_before(taken, anaphoric)
    taken = _join_ranges(taken, ftext)
    out = []
    text = folded.original
    for s, e, res in taken:
        os_, oe = folded.orig_span(s, e)
        out.append(Timex(
            text=text[os_:oe], start=os_, end=oe, value=_value(res),
            date_start=res.start.isoformat() if res.start else None,
            date_end=res.end.isoformat() if res.end else None,
            precision=res.precision, time_precision=_precision_code(res),
            future=bool(pub and res.start and res.start > pub), relative=res.relative))
    return out


def _same_day_as_before(taken: list, anaphoric: dict[int, int]) -> list:
    """"في 12 سبتمبر من عام 1943 ...، وحدث انقلاب في نفس اليوم من عام 1980": "the same day" is
    the day and month of the last full date before it (the publication day's, as in "في مثل هذا
    اليوم", only when the text gave none)."""
    out, last = [], None
    for s, e, res in taken:
        if s in anaphoric and last is not None:
            try:
                d = last.replace(year=anaphoric[s])
            except ValueError:
                d = None
            if d is not None:
                res = Res(d, d, "day", False)
        elif res.precision == "day" and res.start is not None and res.start == res.end:
            last = res.start
        out.append((s, e, res))
    return out


_WORD = re.compile(r"\w+")
_BEFORE, _AFTER = 7, 9  # words a date expression may reach before / after its anchor word


@cache
def _probes() -> tuple[tuple[tuple[int, re.Pattern], ...], dict[str, tuple[int, tuple]], re.Pattern]:
    """The distinct word probes with their bits (bit k for the k-th, k >= 1), and each family's
    word probes as one mask with its probes that span words (TEXT_PROBES), searched in the text
    of a window; and one regex for any word probe."""
    word: dict[str, tuple[int, re.Pattern]] = {}
    families: dict[str, tuple[int, tuple]] = {kind: (0, ()) for kind, _ in patterns()}
    for kind, probes in needs().items():
        if kind in TEXT_PROBES:
            families[kind] = (0, probes)
            continue
        mask = 0
        for p in probes:
            mask |= word.setdefault(p.pattern, (1 << (len(word) + 1), p))[0]
        families[kind] = (mask, ())
    any_probe = re.compile("|".join(p.pattern for _, p in word.values()))
    return tuple(word.values()), families, any_probe


def _word_probes(word: str) -> int:
    """The word probes a word holds, as bits."""
    probes, _, any_probe = _probes()
    bits = 0
    if any_probe.search(word):  # most words hold none
        for k, p in probes:
            if p.search(word):
                bits |= k
    return bits


def _can_anchor(word: str) -> bool:
    anc = anchors()
    return (word in anc or word[1:] in anc or word[2:] in anc or word[:1].isdigit()
            or word[-1:].isdigit())


_PROBE_BITS = WordMemo(_word_probes)  # word -> bit k set when it holds word probe k
_ANCHORING = WordMemo(_can_anchor)  # word -> can it anchor a date


def _probe_mask(words) -> int:
    """The word probes these words hold, as bits (each word checked once per process)."""
    return reduce(or_, map(_PROBE_BITS.__getitem__, words), 0)


def _scan(ftext: str, tokens=None) -> list[tuple[int, int, int]]:
    """Stretches of text around words that can anchor a date, with the probe bits of their words;
    the patterns run only there.

    Scanning the whole text with ~20 patterns costs more than finding the few words that every
    date expression contains (a digit, a month or weekday, أمس, الشهر …) and looking around them.
    Words are the runs of \\w; the document's word tokens are exactly these when no "_" joins
    two of them, and then they are reused.
    """
    if tokens is not None and "_" not in ftext:
        wt = [t for t in tokens if t.norm[:1].isalnum()]
        words = [t.norm for t in wt]
    else:
        wt = None
        words = _WORD.findall(ftext)
    if not words:
        return []
    anchoring = _ANCHORING
    hitset = {w for w in set(words) if anchoring[w]}
    if not hitset:
        return []
    hits = [i for i, w in enumerate(words) if w in hitset]
    if wt is None:
        spans = [m.span() for m in _WORD.finditer(ftext)]
    ranges: list[list[int]] = []  # [first word, last word] of each window
    n = len(words)
    for i in hits:
        lo, hi = max(0, i - _BEFORE), min(n - 1, i + _AFTER)
        if ranges and lo <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], hi)
        else:
            ranges.append([lo, hi])
    if wt is None:
        return [(spans[lo][0], spans[hi][1], _probe_mask(words[lo:hi + 1])) for lo, hi in ranges]
    return [(wt[lo].fstart, wt[hi].fend, _probe_mask(words[lo:hi + 1])) for lo, hi in ranges]


def _join_ranges(taken, ftext):
    """Join "بين T1 و T2" and "من T1 إلى T2" (explicit dates of the same kind) into one range."""
    out = []
    i = 0
    while i < len(taken):
        s, e, r = taken[i]
        if i + 1 < len(taken):
            s2, e2, r2 = taken[i + 1]
            if r.relative and not r2.relative and r.start and r2.start and r.precision == "day":
                # 3 آذار إلى 5 نيسان 2016: the first date takes the second one's year
                try:
                    moved = r.start.replace(year=r2.start.year)
                except ValueError:
                    moved = None
                if moved and moved <= r2.start and _RANGE_JOIN.fullmatch(ftext[e:s2]) \
                        and _RANGE_OPEN.search(ftext[max(0, s - 6):s]):
                    r = Res(moved, moved, "day", False)
            if (r.start and r2.start and r.precision in ("day", "month") and r2.precision == r.precision
                    and r.start < r2.start and _RANGE_JOIN.fullmatch(ftext[e:s2])
                    and "\n" not in ftext[e:s2] and _RANGE_OPEN.search(ftext[max(0, s - 6):s])):
                out.append((s, e2, Res(r.start, r2.end, "range", r.relative or r2.relative)))
                i += 2
                continue
        out.append((s, e, r))
        i += 1
    return out


def find_timex(text: str, published: str | dt.date | None = None) -> list[Timex]:
    """Every date expression in ``text``, resolved against ``published`` (sorted, disjoint)."""
    return find_timex_folded(fold_with_map(text), published)


class DateRecognizer:
    """Pipeline component: sets ``doc.timex`` (reusing ``doc._folded`` when the text stage ran)."""

    name = "dates"

    def __call__(self, doc: Document) -> None:
        folded = doc._folded if doc._folded is not None else fold_with_map(doc.text)
        tokens = (doc._tokens or None) if doc._folded is not None else None
        doc.timex = find_timex_folded(folded, doc.published, tokens)
        if _parse_pub(doc.published) is None and any(t.relative and t.date_start is None
                                                     for t in doc.timex):
            doc.warnings.append("dates: relative dates left unresolved: no valid published date")


def event_date(timex: Timex) -> tuple[str, str, str, int]:
    """(event_date, date_start, date_end, time_precision), ACLED's middle-day rule for ranges."""
    s = dt.date.fromisoformat(timex.date_start)
    e = dt.date.fromisoformat(timex.date_end or timex.date_start)
    mid = s + ((e - s).days // 2) * ONE
    return mid.isoformat(), s.isoformat(), e.isoformat(), timex.time_precision or 1
