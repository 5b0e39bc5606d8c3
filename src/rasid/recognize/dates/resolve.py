"""Turning a matched date expression into (date_start, date_end, precision), CODEBOOK section 6.

Each handler gets the regex match (over the folded text), ``published`` (a date or None) and the
folded text, and returns a :class:`Res` or None to reject the match (not a date after all).
Relative expressions without ``published`` return a Res with ``start=None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

from ...text.frequency import is_future_verb
from .lexicon import key, lexicon
from .patterns import CUES, anniversary_ordinals

D = dt.date
ONE = dt.timedelta(days=1)


@dataclass(slots=True)
class Res:
    start: D | None
    end: D | None
    precision: str  # day | range | month | year
    relative: bool = False
    week: bool = False  # value written as an ISO week
    time_precision: int | None = None  # set where CODEBOOK 6 gives one the range does not imply


def month_end(y: int, m: int) -> D:
    return D(y, m, calendar.monthrange(y, m)[1])


def add_months(d: D, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _unresolved(prec: str) -> Res:
    return Res(None, None, prec, relative=True)


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = key(s)
    if s.startswith("ال"):
        s = s[2:]
    if s.isdigit():
        return int(s)
    return lexicon().numbers.get(s)


# ---------------------------------------------------------------- Hijri

def hijri_to_g(y: int, m: int, d: int) -> D | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return D(g.year, g.month, g.day)


def hijri_month(y: int, m: int) -> tuple[D, D] | None:
    try:
        h = Hijri(y, m, 1)
        g1 = h.to_gregorian()
        g2 = Hijri(y, m, h.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return D(g1.year, g1.month, g1.day), D(g2.year, g2.month, g2.day)


def hijri_year_of(pub: D) -> int:
    return Gregorian(pub.year, pub.month, pub.day).to_hijri().year


def nearest_hijri_month(m: int, pub: D) -> int | None:
    """Hijri year whose month ``m`` is nearest to ``pub`` (an announced or just-past month);
    None when ``pub`` is outside the Umm al-Qura table (1924-2077)."""
    try:
        hy = hijri_year_of(pub)
    except (ValueError, OverflowError):
        return None
    best = None
    for y in (hy - 1, hy, hy + 1):
        r = hijri_month(y, m)
        if r is None:
            continue
        dist = 0 if r[0] <= pub <= r[1] else min(abs((r[0] - pub).days), abs((r[1] - pub).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


# ---------------------------------------------------------------- helpers

def _direction(mod: str | None) -> str | None:
    return lexicon().modifiers.get(key(mod)) if mod else None


def _year_from_suffix(m: re.Match, pub: D | None) -> tuple[int | None, bool, bool]:
    """(year, hijri-suffix, relative) from the year part after a month; year None if absent."""
    gd = m.groupdict()
    if gd.get("y"):
        ys = gd.get("ys") or ""
        return int(gd["y"]), ys.startswith("ه") or ys == "للهجره", False
    if gd.get("yrel"):
        if pub is None:
            return -1, False, True
        d = _direction(gd.get("ymod"))
        return pub.year + (-1 if d == "past" else 1 if d == "future" else 0), False, True
    return None, False, False


def _month_info(m: re.Match):
    lx = lexicon()
    a = lx.months[key(m["ma"])]
    b = lx.months.get(key(m["mb"])) if m["mb"] else None
    return a, b


def _pick_year(month: int, day: int | None, pub: D, direction: str | None) -> int:
    """Year for a day/month written without one: latest on or before pub (next one if future)."""
    probe_day = day or 1
    y = pub.year
    try:
        cand = D(y, month, min(probe_day, calendar.monthrange(y, month)[1]))
    except ValueError:
        cand = D(y, month, 1)
    if direction == "future":
        if day is None:
            return y if month > pub.month else y + 1
        return y if cand > pub else y + 1
    if direction == "current":
        return y
    if day is None:
        return y if month <= pub.month else y - 1
    return y if cand <= pub else y - 1


def _part_range(a: D, b: D, part: str) -> tuple[D, D]:
    """Part of a month (days 1-10 / 11-20 / 21-end) or of any other period (thirds)."""
    if a.day == 1 and b == month_end(a.year, a.month):
        if part == "start":
            return a, a.replace(day=10)
        if part == "mid":
            return a.replace(day=11), a.replace(day=20)
        return a.replace(day=21), b
    n = (b - a).days + 1
    if n == 7:  # a week: Mon-Wed / Wed-Fri / Fri-Sun
        off = {"start": 0, "mid": 2, "end": 4}[part]
        return a + off * ONE, a + (off + 2) * ONE
    if a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31:
        # a year, CODEBOOK 6: أوائل Jan-Apr, منتصف May-Aug, أواخر Sep-Dec
        if part == "start":
            return a, D(a.year, 4, 30)
        if part == "mid":
            return D(a.year, 5, 1), D(a.year, 8, 31)
        return D(a.year, 9, 1), b
    third = n // 3
    if part == "start":
        return a, a + (third - 1) * ONE
    if part == "mid":
        return a + third * ONE, a + (2 * third - 1) * ONE
    return a + 2 * third * ONE, b


def _part_of(m: re.Match) -> str | None:
    p = m.groupdict().get("part")
    return lexicon().parts.get(key(p)) if p else None


# ---------------------------------------------------------------- handlers

def h_dmy(m: re.Match, pub: D | None, text: str) -> Res | None:
    a, b = _month_info(m)
    if b is not None and (b.month != a.month and not (a.hijri or b.hijri)):
        return None  # two different months: not a pair (the recogniser retries shorter)
    hijri = a.hijri
    if m["dd"]:
        day = int(m["dd"][2:] if m["dd"].startswith("ال") else m["dd"])
        ordinal = False
    else:
        day = lexicon().ordinals[key(m["do"])]
        ordinal = True
    d2 = int(m["d2"]) if m["d2"] else None
    if not 1 <= day <= 31 or (d2 is not None and not day < d2 <= 31):
        return None
    year, hsuf, yrel = _year_from_suffix(m, pub)
    hijri = hijri or hsuf and a.hijri
    direction = _direction(m["mod"])
    if direction is None and year is None and _future_context(text, m.start("e"), m.end("e")):
        direction = "future"
    relative = yrel
    if year is None:
        fam = lexicon().famous.get((a.month, day)) if not hijri else None
        if fam and pub is not None and pub.year > fam[0]:
            before = text[max(0, m.start("e") - 20):m.start("e")].split()
            prev = before[-1] if before else ""
            if (ordinal and "ordinal" in fam[1]) or prev in fam[1] or prev[1:] in fam[1]:
                year = fam[0]
    if year is None or year == -1:
        if pub is None:
            return _unresolved("range" if d2 else "day")
        relative = True
        if hijri:
            year = nearest_hijri_month(a.month, pub)
            if year is None:
                return None
        else:
            year = _pick_year(a.month, day, pub, direction)
    if hijri:
        s = hijri_to_g(year, a.month, day)
        e = hijri_to_g(year, a.month, d2) if d2 else s
    else:
        try:
            s = D(year, a.month, day)
            e = D(year, a.month, d2) if d2 else s
        except ValueError:
            return None
    if s is None or e is None:
        return None
    return Res(s, e, "range" if d2 else "day", relative)


def _cue_before(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].split()
    return bool(before) and before[-1] in CUES


def h_month(m: re.Match, pub: D | None, text: str, part: str | None = None) -> Res | None:
    a, b = _month_info(m)
    if b is not None and b.month != a.month:
        return None
    year, hsuf, yrel = _year_from_suffix(m, pub)
    direction = _direction(m["mod"])
    has_context = b is not None or year is not None or bool(m.groupdict().get("cue")) or part
    if not has_context:
        if not (_cue_before(text, m.start("e")) or (direction and not a.needs_context)):
            return None
    hijri = a.hijri or (hsuf and a.hijri)
    relative = yrel
    if year is None or year == -1:
        if pub is None:
            return _unresolved("range" if part else "month")
        relative = True
        year = nearest_hijri_month(a.month, pub) if hijri else _pick_year(a.month, None, pub,
                                                                         direction)
        if year is None:
            return None
    if hijri:
        r = hijri_month(year, a.month)
        if r is None:
            return None
        s, e = r
    else:
        if not 1 <= year <= 9999:
            return None
        s, e = D(year, a.month, 1), month_end(year, a.month)
    if part:
        if hijri:
            n = (e - s).days
            s, e = _part_range_len(s, n, part)
        else:
            s, e = _part_range(s, e, part)
        return Res(s, e, "range", relative)
    return Res(s, e, "month", relative)


def _part_range_len(s: D, n: int, part: str) -> tuple[D, D]:
    if part == "start":
        return s, s + 9 * ONE
    if part == "mid":
        return s + 10 * ONE, s + 19 * ONE
    return s + 20 * ONE, s + n * ONE


def h_partmonth(m: re.Match, pub: D | None, text: str) -> Res | None:
    p = key(m["part"])
    if p == "اول":  # أول أيار = 1 May
        a, _ = _month_info(m)
        if a.hijri:
            return None
        fake = _FakeDay(m, 1)
        return h_dmy(fake, pub, text)
    return h_month(m, pub, text, part=lexicon().parts[p])


class _FakeDay:
    """A match view that adds a day to a month match (أول أيار)."""

    def __init__(self, m: re.Match, day: int):
        self._m, self._day = m, day

    def __getitem__(self, k):
        if k == "dd":
            return str(self._day)
        if k in ("do", "d2"):
            return None
        return self._m[k]

    def groupdict(self):
        return self._m.groupdict()

    def start(self, g):
        return self._m.start(g)

    def end(self, g):
        return self._m.end(g)


def h_numeric(m: re.Match, pub: D | None, text: str) -> Res | None:
    a, b, c = m["a"], int(m["b"]), m["c"]
    try:
        if len(a) == 4:
            if len(c) == 4:
                return None
            d = D(int(a), b, int(c))
        else:
            if len(c) == 2:
                yy = int(c)
                cut = (pub.year % 100 + 1) if pub else 30
                y = 2000 + yy if yy <= cut else 1900 + yy
            else:
                y = int(c)
            d = D(y, b, int(a))
    except ValueError:
        return None
    if not 1900 <= d.year <= 2100:
        return None
    return Res(d, d, "day")


def _year_res(y: int, hijri: bool, part: str | None = None) -> Res | None:
    if hijri:
        if not 1300 <= y <= 1600:
            return None
        a = hijri_month(y, 1)
        b = hijri_month(y, 12)
        if a is None or b is None:
            return None
        s, e = a[0], b[1]
        if part:
            n = (e - s).days + 1
            third = n // 3
            s, e = {"start": (s, s + (third - 1) * ONE), "mid": (s + third * ONE, s + (2 * third - 1) * ONE),
                    "end": (s + 2 * third * ONE, e)}[part]
            return Res(s, e, "range")
        return Res(s, e, "year")
    if not 1800 <= y <= 2200:
        return None
    s, e = D(y, 1, 1), D(y, 12, 31)
    if part:
        s, e = _part_range(s, e, part)
        return Res(s, e, "range")
    return Res(s, e, "year")


def h_year(m: re.Match, pub: D | None, text: str) -> Res | None:
    ys = m["ys"] or ""
    return _year_res(int(m["y"]), ys.startswith("ه") or ys == "للهجره", _part_of(m))


def h_bareyear(m: re.Match, pub: D | None, text: str) -> Res | None:
    ys = m["ys"] or ""
    hijri = ys.startswith("ه") or ys == "للهجره"
    y = int(m["y"])
    if not hijri and not 1900 <= y <= 2100:
        return None
    pre = key(m["pre"])
    part = lexicon().parts.get(pre)
    return _year_res(y, hijri, part if part and pre != "اول" else None)


def h_yearrange(m: re.Match, pub: D | None, text: str) -> Res | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not (1900 <= y1 < y2 <= 2100):
        return None
    return Res(D(y1, 1, 1), D(y2, 12, 31), "year")


_REL_OFFSET = {"اليوم": 0, "امس": -1, "البارحه": -1, "اول امس": -2, "اول من امس": -2,
               "امس الاول": -2, "غدا": 1, "بعد غد": 2, "الليله الماضيه": -1, "الليله الفائته": -1}
_NOT_TODAY_AFTER = re.compile(r"\s*(?:التالي|السابق|نفسه|ذاته|الذي|الاول|الثاني|الثالث|الرابع|الخامس|"
                              r"السادس|السابع|الثامن|التاسع|العاشر|الاخير|الوطني|العالمي|الدولي|ال\d|"
                              r"الواحد|من\s)")
_NOT_TODAY_BEFORE = {"نفس", "ذات", "ذلك", "هذا", "مثل", "طيله", "طوال", "حتي", "الي"}


def h_rel(m: re.Match, pub: D | None, text: str) -> Res | None:
    rel = key(m["rel"])
    if rel == "اليوم" and not m["dp"] and not m["wd"]:
        if _NOT_TODAY_AFTER.match(text, m.end("e")):
            return None
        before = text[max(0, m.start("e") - 10):m.start("e")].split()
        if before and before[-1] in _NOT_TODAY_BEFORE and before[-1] != "حتي":
            return None
    if pub is None:
        return _unresolved("day")
    d = pub + _REL_OFFSET[rel] * ONE
    return Res(d, d, "day", True)


def _last_weekday(wd: int, pub: D, strict: bool) -> D:
    back = (pub.weekday() - wd) % 7
    if back == 0 and strict:
        back = 7
    return pub - back * ONE


_FUTURE_BEFORE = re.compile(r"(?:^|\s)(?:سيكون|ستكون|سوف|سيتم|ستتم|سيبدا|ستبدا|سيعقد|ستعقد|سيجري|ستجري|"
                            r"المقرر|المقرره|المرتقب|المرتقبه|المنتظر|المنتظره|يعتزم|تعتزم|يكون)\s+(?:\S+\s+){0,2}$")
_FUTURE_AFTER = re.compile(r"\W*(?:سيكون|ستكون|سوف|سيتم|ستتم|سيبدا|ستبدا|سيعقد|ستعقد|سيجري|ستجري)(?!\w)")


_CLAUSE_END = re.compile(r"[.،,؛;:!?؟\n]|(?:^|\s)(?:بعد|بعدما|اثر|اذ|فيما|بينما|الذي|التي)\s")


def _future_context(text: str, s: int, e: int) -> bool:
    """A date governed by a future verb (سيكون الإثنين، الأحد سيكون غرة الشهر، سيزور الرئيس باريس
    في 25 حزيران): CODEBOOK 6 turns the look-back rules around in a clause about what is to come.
    The verb is looked for back to the clause's start (a comma, بعد، الذي ...), at most 8 words."""
    if _FUTURE_BEFORE.search(text[max(0, s - 40):s]) or _FUTURE_AFTER.match(text, e):
        return True
    before = text[max(0, s - 80):s]
    cut = None
    for cut in _CLAUSE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    words = before.split()[-8:]
    return any(w == "سوف" or is_future_verb(w) for w in words)


def h_weekday(m: re.Match, pub: D | None, text: str) -> Res | None:
    if pub is None:
        return _unresolved("day")
    wd = lexicon().weekdays[key(m["wd"])]
    direction = _direction(m["mod"])
    if direction is None and _future_context(text, m.start("e"), m.end("e")):
        direction = "future"
    if direction == "future":
        ahead = (wd - pub.weekday()) % 7 or (0 if m["mod"] is None else 7)
        d = pub + ahead * ONE
    else:
        d = _last_weekday(wd, pub, strict=False)  # CODEBOOK 6: on or before, also with الماضي
    return Res(d, d, "day", True)


def h_night(m: re.Match, pub: D | None, text: str) -> Res | None:
    lx = lexicon()
    w1, w2 = lx.weekdays[key(m["wd"])], lx.weekdays[key(m["wd2"])]
    if (w1 + 1) % 7 != w2:
        return None
    if pub is None:
        return _unresolved("range")
    e = _last_weekday(w2, pub, strict=False)
    return Res(e - ONE, e, "range", True)


def h_ago(m: re.Match, pub: D | None, text: str) -> Res | None:
    unit, count = lexicon().units[key(m["u"])]
    n = _num(m["n"])
    if m["n"] and n is None:
        return None
    if n is None:
        n = count or None
    elif count == 2:
        return None  # "قبل 3 يومين" is not Arabic
    if m["dir"] == "بعد" and not m["after"]:
        return None  # بعد ثلاثة أيام = in three days' time, unanchored
    if n is None:  # قبل أيام / قبل ساعات
        if unit == "hour":
            return _unresolved("day") if pub is None else Res(pub, pub, "day", True)
        if unit == "day":
            return _unresolved("range") if pub is None else Res(pub - 7 * ONE, pub - ONE, "range", True)
        return None
    if pub is None:
        return _unresolved({"day": "day", "week": "day", "hour": "day", "month": "month",
                            "year": "year"}[unit])
    if unit == "hour":
        return Res(pub, pub, "day", True) if n <= 24 else None
    if unit == "day":
        d = pub - n * ONE
        return Res(d, d, "day", True)
    if unit == "week" or (unit == "month" and n == 1):
        # CODEBOOK 6: قبل أسبوع / أسبوعين / شهر = published - 7 / 14 / 30 days, precision 2
        d = pub - n * (7 if unit == "week" else 30) * ONE
        return Res(d, d, "range", True, time_precision=2)
    if unit == "month":
        y, mo = add_months(pub, -n)
        return Res(D(y, mo, 1), month_end(y, mo), "month", True)
    y = pub.year - n
    return Res(D(y, 1, 1), D(y, 12, 31), "year", True)


def h_recent(m: re.Match, pub: D | None, text: str) -> Res | None:
    unit, count = lexicon().units[key(m["u"])]
    n1, n2 = _num(m["n1"]), _num(m["n2"])
    if (m["n1"] and n1 is None) or (m["n2"] and n2 is None):
        return None
    n = n1 or n2 or count or None
    if count == 1 and not (n1 or n2):
        return None  # الأسبوع الماضي is a calendar week (period), not the last 7 days
    if pub is None:
        return _unresolved("range")
    if unit == "hour":
        # "خلال الساعات الماضية": hours before the report, most often on its own day; the day
        # before is possible, so precision 2 (a two-day range's middle fell on the day before)
        return Res(pub, pub, "range", True, time_precision=2)
    if unit == "day":
        return Res(pub - (n or 7) * ONE, pub - ONE, "range", True)
    if unit == "week":
        return Res(pub - 7 * (n or 3) * ONE, pub - ONE, "range", True)
    if unit == "month":
        y, mo = add_months(pub, -(n or 3))
        return Res(D(y, mo, min(pub.day, calendar.monthrange(y, mo)[1])), pub, "range", True)
    if n is None:
        return None  # السنوات الماضية: too vague
    try:
        s = pub.replace(year=pub.year - n)
    except ValueError:
        s = pub.replace(year=pub.year - n, day=28)
    return Res(s, pub, "range", True)


_LATELY = re.compile(r"موخرا|الاونه")


def h_vague(m: re.Match, pub: D | None, text: str) -> Res | None:
    if pub is None:
        return _unresolved("range")
    if _LATELY.search(m["e"]):
        return Res(pub - 30 * ONE, pub, "range", True)  # CODEBOOK 6: مؤخرا = the last 30 days
    return Res(pub - 7 * ONE, pub - ONE, "range", True)  # قبل أيام


def h_now(m: re.Match, pub: D | None, text: str) -> Res | None:
    if pub is None:
        return _unresolved("day")
    return Res(pub, pub, "day", True)


h_streak = h_now


def _period(unit: str, pub: D, shift: int) -> tuple[D, D, str]:
    if unit == "الاسبوع":
        mon = pub - pub.weekday() * ONE + shift * 7 * ONE
        return mon, mon + 6 * ONE, "range"
    if unit == "الشهر":
        y, mo = add_months(pub, shift)
        return D(y, mo, 1), month_end(y, mo), "month"
    y = pub.year + shift
    return D(y, 1, 1), D(y, 12, 31), "year"


def h_period(m: re.Match, pub: D | None, text: str) -> Res | None:
    unit = m["u1"] or m["u2"]
    if unit == "السنه":
        unit = "العام"
    direction = "current" if m["this"] else _direction(m["mod"])
    part = _part_of(m)
    if key(m["part"] or "") == "اول" and unit != "الاسبوع" and unit != "الشهر":
        part = "start"
    if pub is None:
        return _unresolved("range" if part or unit == "الاسبوع" else
                            {"الشهر": "month", "العام": "year"}[unit])
    shift = {"past": -1, "future": 1}.get(direction, 0)
    s, e, prec = _period(unit, pub, shift)
    week = unit == "الاسبوع" and not part
    if part:
        s, e = _part_range(s, e, part)
        if shift == 0 and s < pub <= e + ONE:
            e = max(s, min(e, pub - ONE))  # the part of this period that has happened
        prec = "range"
    return Res(s, e, prec, True, week)


def h_earlier(m: re.Match, pub: D | None, text: str) -> Res | None:
    unit = m["u1"] or m["u2"]
    if unit == "السنه":
        unit = "العام"
    if pub is None:
        return _unresolved("range")
    s, e, _ = _period(unit, pub, 0)
    if m["when"] == "سابق":
        return Res(s, max(s, pub - ONE), "range", True)
    return Res(min(e, pub + ONE), e, "range", True)


def h_sameday(m: re.Match, pub: D | None, text: str) -> Res | None:
    if pub is None:
        return _unresolved("day")
    try:
        d = pub.replace(year=int(m["y"]))
    except ValueError:
        return None
    return Res(d, d, "day", True)


def h_named(m: re.Match, pub: D | None, text: str) -> Res | None:
    hijri, mo, day, year = lexicon().named[key(m["name"])]
    relative = False
    if m["y"]:
        year = int(m["y"])
    if year is None:
        if pub is None:
            return _unresolved("day")
        relative = True
        year = nearest_hijri_month(mo, pub) if hijri else _pick_year(mo, day, pub, None)
        if year is None:
            return None
    d = hijri_to_g(year, mo, day) if hijri else D(year, mo, day)
    if d is None:
        return None
    return Res(d, d, "day", relative)


def h_anniversary(m: re.Match, pub: D | None, text: str) -> Res | None:
    """"الذكرى الثالثة لاختطاف ..." on 2018-06-10: the act was in June 2015 (CODEBOOK 6: the month
    known, precision 3). The anniversary may be kept a few days either side, so no day is given."""
    if m["n"]:
        n = int(m["n"])
    elif m["w"]:
        n = _num(m["w"])
    else:
        n = anniversary_ordinals().get(key(m["o"]))
        if n is not None and m["o2"]:  # "الحادية والعشرين"
            n += _num(m["o2"]) or 0
    if not n or n > 200:
        return None
    if pub is None:
        return _unresolved("month")
    y = pub.year - n
    return Res(D(y, pub.month, 1), month_end(y, pub.month), "month", True)


HANDLERS = {
    "dmy": h_dmy, "month": h_month, "partmonth": h_partmonth, "numeric": h_numeric,
    "year": h_year, "bareyear": h_bareyear, "yearrange": h_yearrange, "rel": h_rel,
    "weekday": h_weekday, "night": h_night, "ago": h_ago, "recent": h_recent, "vague": h_vague,
    "now": h_now, "streak": h_streak, "period": h_period, "earlier": h_earlier,
    "sameday": h_sameday, "named": h_named, "anniversary": h_anniversary,
}
