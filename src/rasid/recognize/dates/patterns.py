"""The date grammar: one compiled regex per expression family, over the folded text.

Every pattern starts at a word start, lets a conjunction/preposition clitic (و ف ب ل ك) sit in
front without entering the span, and captures the expression itself as group ``e``. Families
overlap on purpose (``ليل الأربعاء الخميس`` is also two weekdays); the recogniser keeps the
longest candidate that resolves.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alt, lexicon

CL = r"(?<!\w)(?:[وف](?=\w))?(?:[بلك](?=\w))?"
END = r"(?!\w)"

# Words before a bare month or year that make it a date (في آذار، منذ 2011).
CUES = ("في", "منذ", "حتي", "خلال", "الي", "بحلول", "طيله", "طوال", "اثناء", "قبل", "بعد",
        "شهر", "من", "ومنذ", "وفي", "وحتي", "وخلال", "بين", "عام", "مع", "اواخر", "مطلع")


@cache
def anniversary_ordinals() -> dict[str, int]:
    """Feminine ordinals of the ordinals table, folded (الأولى، الثالثة، العاشرة): an anniversary's."""
    out = {}
    for form, n in lexicon().ordinals.items():
        if " " in form or not form.startswith("ال"):
            continue
        out["الاولي" if n == 1 else form + "ه"] = n
    return out


@cache
def patterns() -> list[tuple[str, re.Pattern]]:
    lx = lexicon()
    month = alt(lx.months) + END
    wd = alt(lx.weekdays) + END
    mod = alt(lx.modifiers) + END
    dp = alt(lx.dayparts) + END
    part = alt(lx.parts) + END
    ordw = alt(lx.ordinals) + END
    numw = alt(lx.numbers) + END
    units = alt(lx.units) + END
    year = r"(?P<y>\d{4})(?!\d)(?:\s*(?P<ys>م|ه|هجري|هجريه|ميلادي|ميلاديه|للميلاد|للهجره)(?!\w))?"
    ysuf = (rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?{year}"
            rf"|\s+من\s+(?P<yrel>(?:هذا\s+)?(?:العام|السنه)(?:\s+(?P<ymod>{mod}))?))")
    mpair = (rf"(?P<ma>{month})(?:\s*(?P<msep>[/\\(\-–]?)\s*(?P<mb>{month})(?:\s*\))?)?")
    day = rf"(?:(?P<dd>(?:ال)?\d{{1,2}})(?!\d)|(?P<do>{ordw}))"
    wdp = rf"(?:(?:يوم\s+)?(?P<wdp>{wd})\s*[,،]?\s*)?"
    out = {
        "dmy": rf"{CL}(?P<e>{wdp}{day}(?:\s*(?:-|–|و|الي|حتي)\s*(?P<d2>\d{{1,2}})(?!\d))?"
               rf"\s*(?:من\s+)?(?:شهر\s+)?{mpair}(?:{ysuf})?(?:\s+(?P<mod>{mod}))?)",
        "month": rf"{CL}(?P<e>(?:(?P<cue>شهر)\s+)?{mpair}(?:{ysuf})?(?:\s+(?P<mod>{mod}))?)",
        "partmonth": rf"{CL}(?P<e>(?P<part>{part})\s+(?:من\s+)?(?:شهر\s+)?{mpair}(?:{ysuf})?"
                     rf"(?:\s+(?P<mod>{mod}))?)",
        "numeric": r"(?<![\w/.\-\\])(?P<e>(?P<a>\d{1,4})\s?(?P<s>[/.\-\\])\s?(?P<b>\d{1,2})\s?(?P=s)"
                   r"\s?(?P<c>\d{4}|\d{2}))(?![\w/\-\\]|\.\d)",
        "year": rf"{CL}(?P<e>(?:(?P<part>{part})\s+(?:من\s+)?)?(?:عام|العام|سنه|السنه|سنة)\s+{year})",
        "bareyear": rf"(?<!\w)(?P<pre>{alt(CUES)}|{part})\s+(?P<e>{year})(?![\w/\-]|[.,]\d)",
        "yearrange": rf"{CL}(?P<e>(?:الفتره\s+)?(?:ما\s+)?(?:بين|من)\s+(?:(?:عامي|العامين|عام|سنه|سنتي)\s+)?"
                     rf"(?P<y1>\d{{4}})\s*(?:و|الي|حتي|-|–)\s*(?:(?:عام|سنه)\s+)?(?P<y2>\d{{4}})(?!\d))",
        "rel": rf"{CL}(?P<e>(?:(?P<dp>{dp})\s+(?:من\s+)?)?(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول"
               rf"|امس|البارحه|اليوم|غدا|بعد\s+غد|الليله\s+الماضيه|الليله\s+الفائته)"
               rf"(?:\s+(?:يوم\s+)?(?P<wd>{wd}))?){END}",
        "weekday": rf"{CL}(?P<e>(?:(?P<dp>{dp})\s+(?:من\s+)?(?:يوم\s+)?)?(?:يوم\s+)?(?P<wd>{wd})"
                   rf"(?:\s+(?P<mod>{mod}))?)",
        "night": rf"{CL}(?P<e>(?:ليل|ليله|ليلتي)\s+(?:يوم\s+)?(?P<wd>{wd})\s*(?:-|–|/|و|الي|علي)?\s*"
                 rf"(?:يوم\s+)?(?P<wd2>{wd}))",
        "ago": rf"{CL}(?P<e>(?P<dir>قبل|بعد)\s+(?:(?:قرابه|نحو|حوالي|زهاء|ما\s+يقارب|اكثر\s+من|اقل\s+من)\s+)?"
               rf"(?:(?P<n>\d{{1,3}}|{numw})\s+)?(?P<u>{units}))(?P<after>\s+من)?",
        "recent": rf"{CL}(?P<e>(?:(?:خلال|طيله|طوال|علي\s+مدي|علي\s+مدار)\s+)?(?:ال)?"
                  rf"(?:(?P<n1>\d{{1,3}}|{numw})\s+)?(?:ال)?(?P<u>{units})(?:\s+(?:ال)?(?P<n2>\d{{1,3}}|{numw}))?"
                  r"(?:\s+القليله)?\s+(?:الماضيه|الماضيين|الماضيتين|الماضي|الاخيره|الاخيرين|الاخيرتين|الاخير"
                  r"|المنصرمه|المنصرمين|الفائته|السابقه|المنصرم)(?!\w))",
        "vague": rf"{CL}(?P<e>موخرا|في\s+الاونه\s+الاخيره|قبل\s+ايام|منذ\s+ايام){END}",
        "now": rf"{CL}(?P<e>حاليا|في\s+الوقت\s+(?:الحالي|الراهن)){END}",
        "streak": rf"(?<!\w)(?:[وف])?(?P<e>لليوم\s+(?:ال)?(?:\d{{1,3}}|{ordw})\s+(?:علي\s+)?التوالي){END}",
        "period": rf"{CL}(?P<e>(?:(?P<part>{part})\s+(?:من\s+)?)?(?:(?P<this>هذا|هذه)\s+(?P<u1>الاسبوع|الشهر|العام|السنه)"
                  rf"|(?P<u2>الاسبوع|الشهر|العام|السنه)\s+(?P<mod>{mod})))",
        "earlier": rf"{CL}(?P<e>(?:في\s+)?وقت\s+(?P<when>سابق|لاحق)\s+من\s+(?:هذا\s+(?P<u1>الاسبوع|الشهر|العام)"
                   rf"|(?P<u2>الاسبوع|الشهر|العام|السنه)\s+(?:الجاري|الحالي|الحاليه|الجاريه)))",
        "sameday": rf"{CL}(?P<e>(?:نفس\s+اليوم|اليوم\s+نفسه|ذات\s+اليوم|مثل\s+هذا\s+اليوم)\s+من\s+"
                   rf"(?:عام|العام|سنه)\s+(?P<y>\d{{4}}))",
        "named": rf"{CL}(?P<e>(?P<name>{alt(lx.named)})(?:\s+(?:من\s+)?(?:عام\s+)?(?P<y>\d{{4}}))?){END}",
        # "في الذكرى السنوية الأولى لهجوم"، "الذكرى السابعة لمقتل"، "الذكرى الـ70 للنكبة": an
        # anniversary names the year of what it remembers
        "anniversary": rf"{CL}(?P<e>(?:ال)?ذكري\s+(?:السنويه\s+)?(?:(?:ال\s?)?(?P<n>\d{{1,3}})(?!\d)"
                       rf"|(?P<o>{alt(anniversary_ordinals())})(?:\s+(?:و\s?)?(?P<o2>ال{numw}))?"
                       rf"|ال(?P<w>{numw}))){END}(?=\s+(?:ل|علي\s))",
    }
    return [(k, re.compile(v)) for k, v in out.items()]


# What every match of a family contains, as literals of the folded text: one of each group
# (a regex). A window of text that lacks one cannot hold a match, so the family's full regex is
# not run there. Keep in step with patterns() above; tests/test_perf.py checks the two agree.
# Every probe but those in TEXT_PROBES matches inside one word (letters or digits only, no
# space), so whether a window holds it is known from its words, each checked once per process.
_Y4 = r"\d{4}"
TEXT_PROBES = frozenset({"numeric"})  # families whose probe spans words: searched in the text


@cache
def needs() -> dict[str, tuple[re.Pattern, ...]]:
    lx = lexicon()
    wd = "|".join(re.escape(w) for w in lx.weekdays)
    named = "|".join(re.escape(p.split()[-1]) for p in lx.named)  # a name's last word
    # dmy, month and partmonth all name a month: its first word (كانون of كانون الثاني)
    month = "|".join(re.escape(m.split()[0]) for m in sorted(lx.months, key=len, reverse=True))
    groups = {
        "dmy": (month,),
        "month": (month,),
        "partmonth": (month,),
        "numeric": (r"\d\s?[/.\-\\]\s?\d",),
        "named": (named,),
        "sameday": ("اليوم", _Y4),
        "earlier": ("وقت",),
        "night": ("ليل", wd),
        "streak": ("لليوم",),
        "vague": ("موخرا|الاونه|ايام",),
        "now": ("حاليا|الوقت",),
        "period": ("الاسبوع|الشهر|العام|السنه",),
        "rel": ("امس|البارحه|اليوم|غد|الليله",),
        "recent": ("الماضي|الاخير|المنصرم|الفائته|السابقه",),
        "ago": ("قبل|بعد",),
        "anniversary": ("ذكري",),
        "year": ("عام|سنه|سنة", _Y4),
        "bareyear": (_Y4,),
        "yearrange": (_Y4,),
        "weekday": (wd,),
    }
    return {k: tuple(re.compile(g) for g in v) for k, v in groups.items()}


@cache
def anchors() -> frozenset[str]:
    """Words (folded, without clitics) one of which every date expression contains."""
    lx = lexicon()
    words = {p.split()[0] for p in lx.months} | set(lx.weekdays) | {p.split()[0] for p in lx.named}
    words |= {p.split()[-1] for p in lx.named}
    words |= set(lx.units) | set(lx.ordinals) | {w.split()[-1] for w in lx.ordinals}
    words |= {"ذكري", "الذكري"}
    words |= {"امس", "اليوم", "ليوم", "غدا", "غد", "البارحه", "الاسبوع", "الشهر", "العام", "السنه",
              "عام", "سنه", "موخرا", "حاليا", "الاونه", "الوقت", "التوالي", "الليله", "يوم",
              "عامي", "سنتي", "الايام", "الاسابيع", "الاشهر", "الشهور", "السنوات", "الاعوام",
              "الساعات", "الاسبوعين", "الشهرين", "العامين", "السنتين", "اليومين"}
    return frozenset(words)
