"""What a sentence says about the dead, wounded and arrested (CODEBOOK section 9).

A count attaches to an outcome word (a killing, wounding or arrest trigger, or a count noun such
as قتلى، جرحى): the number right after it ("مقتل 5 جنود", "إصابة 4 من جنودها") or right before
it ("15 قتيلا", "19 شخصا قتلوا"), groups joined by و ("3 مسلحين و4 من رجال الأمن"). Without a
number: a dual or a pronoun says 2 or 1 (قتيلان، حتفهما، مقتله), a singular person says 1 ("مقتل
قيادي"), a plural says 3 ("سقوط قتلى"), a massacre says 10. Each ``Figure`` keeps the words it
came from and what its clause makes of it (a period's toll, a doubted, raised or provisional
figure); count_reader.py gives each event its counts from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..recognize.lexicon import DATA_DIR, read_tsv
from ..recognize.numbers import Number, count_nouns, find_numbers, number_words
from ..text.normalize import fold
from ..text.tokens import WordMemo, cached_forms, columns
from .lexicons import RELATIVE_PRONOUNS, object_pronoun_counts, person_nouns

_NEGATION = {fold(w) for w in ("دون", "بدون", "لا", "لم", "عدم", "ودون", "ولم", "ولا")}
# "أي" / "أية" before a count noun is the "any" of a denial ("لم ينتج عن اعتراض الصاروخين أية إصابات")
_ANY = {fold(w) for w in ("أي", "أية", "أيّ", "أيّة")}
_QUALIFIERS = {fold(w) for w in ("ما", "لا", "يقل", "عن", "نحو", "حوالي", "قرابة", "أكثر", "من", "يقرب", "يناهز", "يزيد",
                                   "أقل", "زهاء", "بين", "أزيد", "اكثر", "على", "الأقل",
                                   "عائلة", "أسرة", "واحدة",  # "أربعة أشخاص من عائلة واحدة قتلوا"
                                   "فيها", "فيه", "خلالها", "خلاله")}  # "معركة قتل فيها خمسة مسلحين"
_SUBSET = {fold(w) for w in ("بينهم", "منهم", "بينها", "بينهن", "منهن")}
_TOLL = {fold(w) for w in ("حصيلة", "عدد", "اعداد", "أعداد")}
_MASSACRE = {fold(w) for w in ("مجزرة", "مذبحة", "المجزرة", "المذبحة")}
_WINDOW = 5
_COMMAS = {",", "،", "؛", ";", ":"}
_NOT = {fold(w) for w in ("لم", "ولم", "غير", "عدم", "دون", "لا", "يتسن", "يتسنى", "يمكن")}
_FORCES = {fold(w) for w in ("الأمن", "الشرطة", "الجيش", "الدرك", "الحرس")}
_SIDE_SKIP = {fold(w) for w in ("من", "في", "صفوف", "بين", "ل", "على", "الأقل", "الاقل")}


@dataclass(slots=True)
class Figure:
    """One count read from the text: a number with what it counts, or a word that implies one.

    ``tok``: where it was read (the number, or the noun or verb that implies it), which tells one
    figure read by two mentions from two figures; ``start``/``end``: the words it came from.
    ``side``: whose people it counts when the text says so (security, combatant, civilian,
    attacker ...), "" for anyone. ``period``: a period's or campaign's toll, not one act's;
    ``doubt``: the text doubts it; ``update``: a later, raised toll; ``with_bomber``: it already
    counts the attacker of a suicide attack; ``approx``: عشرات، عدد، مجزرة, the codebook's stand-ins
    for a number the text does not give."""

    role: str
    value: int
    tok: int
    start: int
    end: int
    note: str
    vague: bool = False
    side: str = ""
    period: bool = False
    doubt: bool = False
    update: bool = False
    with_bomber: bool = False
    approx: bool = False  # a number word with no exact value: عشرات (10), عدد (3)
    provisional: bool = False  # a first figure the text says was later replaced


@cache
def count_cues() -> dict[str, str]:
    """folded word -> cue (count_cues.tsv: period, doubt, update, toll ... words)."""
    return {fold(r["word"]): r["cue"] for r in read_tsv(DATA_DIR / "numbers" / "count_cues.tsv")}


def _word_cue(norm: str) -> str:
    cues = count_cues()
    return next((cues[f] for f in cached_forms(norm)[:2] if f in cues), "")


_CUES = WordMemo(_word_cue)  # folded word -> its count cue, or ""


def word_cue(norm: str) -> str:
    """The count cue of a folded word (count_cues.tsv), or ""."""
    return _CUES[norm]


def _cue(tok) -> str:
    return _CUES[tok.norm]


def may_tell_a_toll(tokens, tok_start: int, tok_end: int) -> bool:
    """A cheap look before reading a sentence with no event for a toll: a count noun ("قتلى"،
    "جثة") or a toll word ("حصيلة"، "ارتفع") in it."""
    norms = columns(tokens).norms
    return bool(_MARKS.hits(norms, tok_start, tok_end)) or any(
        _CUES[w] in ("toll", "update", "rise") for w in norms[tok_start:tok_end])


_IN_IT = {fold(w) for w in ("فيه", "فيها", "خلاله", "خلالها", "جراءه", "جراءها")}


def _own_toll_after(tokens, seg: list[int], tok_start: int, i: int, n: int) -> bool:
    """Does the clause after منذ hold a relative clause whose outcome happened "in it" ("والذي قتل
    فيه 52")?"""
    for x in range(i + 1, n):
        if seg[x] != seg[i]:
            break
        if tokens[tok_start + x].norm in _IN_IT and any(
                f in RELATIVE_PRONOUNS for y in range(max(i + 1, x - 3), x) for f in tokens[tok_start + y].forms[:2]):
            return True
    return False


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def clause_numbers(tokens, tok_start: int, tok_end: int, cues: list[str] | None = None) -> list[int]:
    """The clause number of each token of tokens[tok_start:tok_end]: a comma or a word that opens
    a clause of its own (فيما، بينما، في حين) starts the next one."""
    if cues is None:
        cues = list(map(_CUES.__getitem__, columns(tokens).norms[tok_start:tok_end]))
    seg, k = [], 0
    for j, c in enumerate(cues, tok_start):
        if c == "boundary" or tokens[j].norm in _COMMAS:
            k += 1
        seg.append(k)
    return seg


class _Clauses:
    """A sentence's clauses (split at commas and at فيما، بينما، في حين) and what they say about
    the figures in them: a period's toll, a doubted figure, a raised toll."""

    __slots__ = ("start", "seg", "period", "doubt", "update_from", "bomber_included", "toll", "conflict",
                 "provisional", "cues")

    def __init__(self, tokens, tok_start: int, tok_end: int) -> None:
        self.start = tok_start
        cues = list(map(_CUES.__getitem__, columns(tokens).norms[tok_start:tok_end]))
        self.seg = seg = clause_numbers(tokens, tok_start, tok_end, cues)
        period: set[int] = set()
        doubt: set[int] = set()
        update_from: dict[int, int] = {}  # clause -> where its first update word stands
        toll = conflict = False
        bomber_included = False
        provisional: set[int] = set()
        n = tok_end - tok_start
        for i, c in enumerate(cues):
            if not c:
                continue
            j = tok_start + i
            if c == "since":
                # "منذ بداية العام"، "منذ اندلاع الحرب"، "منذ 2011"; not "منذ قليل", nor the toll of
                # the act named after it in its own relative clause ("منذ هجوم 14 أكتوبر الشهير
                # والذي قتل فيه 52 مدنيا": the attack's dead, not a period's)
                if any(cues[x] in ("period_noun", "conflict") or tokens[tok_start + x].norm in _THAT
                       or _year(tokens[tok_start + x].norm) for x in range(i + 1, min(n, i + 4))) \
                        and not _own_toll_after(tokens, seg, tok_start, i, n):
                    period.add(seg[i])
            elif c == "during":
                # "خلال الأيام الماضية"، "خلال العام"; not "خلال الساعات الماضية"
                ahead = [cues[x] for x in range(i + 1, min(n, i + 5)) if seg[x] == seg[i]]
                year = i + 2 < n and _year(tokens[j + 2].norm)
                if "short" not in ahead and ("past" in ahead or (ahead[:1] == ["period_noun"] and (
                        tokens[j + 1].norm.startswith("ال") or year))):
                    period.add(seg[i])  # "خلال الأيام الماضية"، "خلال العام"، "خلال عام 2023"
            elif c == "period":
                period.add(seg[i])
            elif c == "conflict":
                conflict = True
            elif c == "provisional":
                provisional.add(seg[i])
            elif c == "doubt":
                # "فيما تحدثت مصادر عن 12 قتيلا، ولم يتسن التأكد": the clause and the one before
                if any(tokens[x].norm in _NOT for x in range(max(tok_start, j - 2), j)):
                    doubt.update((seg[i], seg[i] - 1))
            elif c in ("update", "rise", "toll"):
                toll = True
                if c != "toll":
                    update_from.setdefault(seg[i], j)
            elif c == "bomber" and any(f in _SUBSET for x in range(max(0, i - 2), i) for f in tokens[tok_start + x].forms[:2]):
                bomber_included = True  # "بينهم الانتحاري"، "بينهم خمسة انتحاريين"
        if 0 in period and cues and (cues[0] in ("since", "during") or cues[1:2] in (["since"], ["during"])) \
                and len(set(seg)) > 1:
            period.add(1)  # "ومنذ ذلك اليوم، لقي 110 فلسطينيين مصرعهم": a leading span governs the clause after
        for k in sorted(period):
            # "ألف شخص قتلوا خلال الأسبوعين الأولين، وأصيب نحو 5 آلاف آخرين": the others of a
            # period's toll are the period's too
            nxt = [x for x in range(n) if seg[x] == k + 1]
            if nxt and any(cues[x] == "other" for x in nxt) and tokens[tok_start + nxt[0]].norm in _COMMAS:
                period.add(k + 1)
        if period and seg and seg[-1] in period:
            # a last clause that is only a span ("...، خلال الأيام الأربعة الماضية.") spans the sentence
            last = [cues[x] for x in range(n) if seg[x] == seg[-1]]
            if last and last[0] in ("since", "during") or (len(last) > 1 and last[1] in ("since", "during")):
                period.update(seg)
        self.period, self.doubt, self.update_from = period, doubt, update_from
        self.toll, self.bomber_included, self.conflict = toll, bomber_included, conflict
        self.provisional, self.cues = provisional, cues

    def clause(self, tok: int) -> int:
        return self.seg[tok - self.start]

    def read(self, fig: Figure) -> Figure:
        k = self.clause(fig.tok)
        fig.period = k in self.period
        fig.doubt = k in self.doubt
        u = self.update_from.get(k)
        # "حصيلة أولية ارتفعت لاحقا إلى 7": raised; "بعد حصيلة أولية بلغت 6": the first figure
        fig.update = u is not None and fig.tok > u and (
            k not in self.provisional or self.cues[u - self.start] == "rise")
        fig.with_bomber = self.bomber_included
        fig.provisional = k in self.provisional and not fig.update
        return fig


_STOPS = {fold(w) for w in ("في", "خلال", "اثر", "إثر", "جراء", "بعد", "عند", "لدى", "قرب", "أثناء", "حين",
                             "عندما", "على", "برصاص", "بنيران", "بانفجار", "بقصف", "بغارة", "إضافة",
                             "بالإضافة", "بينهم", "منهم", "فيها", "فيه")} | _COMMAS


_ON, _LEAST = fold("على"), {fold(w) for w in ("الأقل", "الاقل")}
_BESIDE_TO, _BESIDE = {fold(w) for w in ("إلى", "الى")}, {fold("جانب")}


def _joined(tokens, j: int, tok_end: int, numbers_at: dict[int, Number], nouns_too: bool) -> list[tuple[int, int, int, bool]]:
    """Groups joined by و (or إلى جانب) after a first group of an outcome: "قتل 3 مسلحين و4 من
    رجال الأمن"، "جنديان وعشرة مسلحين"، "ستة إرهابيين وجنديان"، "شخصين إلى جانب السائق": (value, start, end, vague) of each, up to
    the next preposition, clause or cause. ``nouns_too``: a singular or dual person noun counts
    (1, 2) as well as a number."""
    out = []
    nouns = person_nouns()
    steps = 0
    while j < tok_end and steps < 6:
        t = tokens[j]
        if t.norm == "في" and j + 1 < tok_end and tokens[j + 1].norm == "صفوف":
            j += 2  # "قتل 7 في صفوف قوات الأمن و12 في صفوف المهاجمين"
            continue
        if t.norm == _ON and j + 1 < tok_end and tokens[j + 1].norm in _LEAST:
            j += 2  # "شخصين على الأقل إلى جانب السائق"
            continue
        if t.norm in _STOPS or t.forms[-1] in _STOPS or _cue(t) == "boundary":
            break
        if t.norm in _BESIDE_TO and j + 2 < tok_end and tokens[j + 1].norm in _BESIDE:
            # "إلى جانب السائق"، "إلى جانب ثلاثة مدنيين": joined as و joins
            k = j + 2
            n = numbers_at.get(k)
            hit = None if n is not None else next((nouns[f] for f in tokens[k].forms[:2] if f in nouns), None)
            if n is not None:
                out.append((n.value, k, n.tok_end, n.vague))
                j, steps = n.tok_end, 0
                continue
            if hit is not None and hit[0] in ("sg", "du"):
                out.append((1 if hit[0] == "sg" else 2, k, k + 1, False))
                j, steps = k + 1, 0
                continue
        if t.norm == "و" and j + 1 < tok_end and j + 1 in numbers_at:
            j += 1  # "و 10 مقاتلين": the conjunction written apart
            n = numbers_at[j]
            out.append((n.value, j, n.tok_end, n.vague))
            j, steps = n.tok_end, 0
            continue
        if t.norm.startswith("و") and len(t.norm) > 1 and t.norm not in number_words():  # not "واحد"
            n = numbers_at.get(j)
            if n is not None:
                out.append((n.value, j, n.tok_end, n.vague))
                j, steps = n.tok_end, 0
                continue
            hit = nouns.get(t.forms[1]) if nouns_too and len(t.forms) > 1 else None
            if hit is not None and hit[0] in ("sg", "du"):
                value = 1 if hit[0] == "sg" else 2
                nxt = numbers_at.get(j + 1)
                if nxt is not None and nxt.value < 3:  # "وجندي واحد"
                    value = nxt.value
                out.append((value, j, j + 1, False))
                j, steps = j + 1, 0
                continue
        j += 1
        steps += 1
    return out


def _side(tokens, pos: int, limit: int) -> str:
    """Whose people a figure counts, from the person noun right after it ("أربعة من رجال الأمن"،
    "ثلاث جثث لمسلحين"، "مقتل 5 من عناصر الشرطة"): "" when it names anyone (أشخاص)."""
    nouns = person_nouns()
    for j in range(pos, min(limit, pos + 4)):
        hit = next((nouns[f] for f in tokens[j].forms if f in nouns), None)
        if hit is not None:
            if hit[1] == "neutral" and j + 1 < limit and tokens[j + 1].norm in _FORCES:
                return "security"  # "رجال الأمن"، "أفراد الشرطة"
            return "" if hit[1] in ("neutral", "named") else hit[1]
        if tokens[j].norm not in _SIDE_SKIP and tokens[j].forms[-1] not in _SIDE_SKIP:
            return ""
    return ""


def _skip_actor(pos: int, skip: frozenset[int], tokens, limit: int) -> int:
    """Past a force or weapon named between the verb and its object ("أعدم مسلحو الشباب رجلين"،
    "اعتقلت قوات الأمن السودانية خمسة ناشطين"، "قتلت عبوة ناسفة، الثلاثاء، ثلاثة مدنيين"): its
    words, a date set off by commas after it, and up to two relational adjectives."""
    if pos not in skip:
        return pos
    while pos < limit and (pos in skip or tokens[pos].norm in _COMMAS and pos - 1 in skip):
        pos += 1
    for _ in range(2):  # "الأجهزة الأمنية الفلسطينية"، "الشرطة العسكرية"
        if pos < limit and _nisba(tokens[pos].norm):
            pos += 1
    return pos


def _nisba(word: str) -> bool:
    """السودانية، الأمنية، العسكري: a definite relational adjective (either gender), the kind
    that follows a force's name."""
    return word.startswith("ال") and len(word) > 5 and word.endswith(("ي", "يه"))


def _number_after(numbers_at: dict[int, Number], pos: int, tokens, limit: int) -> Number | None:
    """``numbers_at``: the first number starting at each token (a dict, so that a sentence with
    thousands of numbers and triggers stays linear)."""
    j = pos
    while j < limit and j < pos + _WINDOW:
        n = numbers_at.get(j)
        if n is not None:
            return n
        if tokens[j].norm not in _QUALIFIERS:
            return None
        j += 1
    return None


def _number_before(by_end: dict[int, Number], pos: int, tokens, limit: int, plural_verb: bool = False) -> Number | None:
    """A number and the people it counts right before an outcome verb: "19 شخصا على الأقل قتلوا";
    before a plural or dual verb also "أربعة من ركابها قتلوا"، "ستة من جنوده قتلوا"."""
    nouns = person_nouns()
    for end in range(max(limit, pos - (7 if plural_verb else 4)), pos):
        n = by_end.get(end)
        if n is None or n.tok_start < limit:
            continue
        between = tokens[n.tok_end:pos]
        if between and any(f in nouns for f in between[0].forms[:2]) and all(
                t.norm in _QUALIFIERS or any(f in nouns for f in t.forms[:2]) for t in between):
            return n
        if plural_verb and between and all(nationals(t.norm) or t.norm in _QUALIFIERS for t in between):
            return n  # "إن ثلاثة أمريكيين أصيبوا"
        if plural_verb and between and between[0].norm == "من" and len(between) <= 4 and not any(
                t.norm in _STOPS or t.forms[-1] in _STOPS for t in between[1:]):
            return n
    return None


def _plural_verb(word: str) -> bool:
    """قتلوا، أصيبوا، قتلا: a verb that agrees with a plural or dual subject told before it."""
    return word.endswith("وا") or _pronoun_count(word) == 2


def _met_at(tokens, ts: int, lo: int) -> int | None:
    """"لقي 23 قرويا مصرعهم": where لقي stands before مصرع/حتف, or None."""
    if not tokens[ts].forms[-1].startswith(("مصرع", "حتف")):
        return None
    for j in range(ts - 1, max(lo, ts - 10) - 1, -1):
        if tokens[j].norm in _COMMAS:
            return None
        if _cue(tokens[j]) == "met":
            return j
    return None


_PASSIVE_NEXT = {fold(w) for w in ("في", "خلال", "جراء", "إثر", "اثر", "بعد", "برصاص", "بنيران", "بانفجار",
                                   "بقصف", "بغارة", "عندما", "حينما", "أثناء", "،", ",", ".")}


_SINGLE_RELATIVES = {fold(w) for w in ("الذي", "التي")}
_COMPLEMENTIZERS = {fold(w) for w in ("أن", "إن", "بأن", "وأن", "وإن", "لأن")}
# a complementiser carrying the subject's pronoun ("أنه قُتل"): how many people it names
_THAT_ONE = {c + p: n for c in _COMPLEMENTIZERS for p, n in (("ه", 1), ("ها", 1), ("هما", 2))}


def _people_before(tokens, ts: int, te: int, limit_lo: int, limit_hi: int, outcome_next: bool = False,
                   names: frozenset[str] = frozenset()) -> tuple[int, int]:
    """"أن جنديا قتل في ماردين": a person noun right before an outcome verb read as passive
    (what follows is a place, a time or a cause, not an object). Returns (people, where they
    are named)."""
    if ts - 1 < limit_lo or (te < limit_hi and tokens[te].norm not in _PASSIVE_NEXT
                             and not tokens[te].norm.startswith(("بجروح", "بطلق", "بجراح", "باصاب", "بالرصاص"))
                             and not (outcome_next and tokens[te].norm.startswith("و"))):
        return 0, ts
    nouns = person_nouns()
    p = ts - 1
    # "جوليو ريجيني الذي قتل في"، 'جمال خاشقجي، "قتل في': past a relative pronoun, a quote mark,
    # and a comma before a quote mark or after a given name, to the one it happened to (not past
    # a bare comma after a noun: "35 طفلا، قتلوا" counts no child)
    while p > limit_lo and ts - p <= 3:
        n = tokens[p].norm
        if n in _SINGLE_RELATIVES or n in _QUOTE_MARKS or (n in ("،", ",") and (
                tokens[p + 1].norm in _QUOTE_MARKS or _given_name(tokens[p - 1].norm)
                or (p - 2 >= limit_lo and _given_name(tokens[p - 2].norm)))):
            p -= 1
            continue
        break
    if not tokens[p].is_word:
        return 0, ts
    if p == ts - 1 and tokens[p].norm in _THAT_ONE and reads_as_passive(tokens, te, limit_hi):
        # "وأكدت مصادر أنه قُتل": the pronoun on أن is the one it happened to
        return _THAT_ONE[tokens[p].norm], p
    hit = next((nouns[f] for f in tokens[p].forms[:2] if f in nouns), None)
    if hit is None and (_given_name(tokens[p].norm) or tokens[p].norm in names
                        or (p != ts - 1 and _given_name(tokens[p - 1].norm))):
        return 1, p  # "أن صالح أصيب بطلقتين": a named person; "أن خاشقجي قتل": a surname the story gave
    if hit is None or hit[1] == "attacker":
        return 0, ts
    return {"sg": 1, "du": 2}.get(hit[0], 0), p


def reads_as_passive(tokens, te: int, limit: int, outcomes: dict | frozenset = frozenset()) -> bool:
    """Does the outcome verb ending at ``te`` read as passive? A place, a time or a cause follows
    it (_PASSIVE_NEXT) and no object does within six words: "قتل في هجوم"، not "قتلت في الاشتباك
    ثلاثة مسلحين". Shared by the count reader and the role reader. ``outcomes``: where outcome words
    stand; one right after ("قتلوا وجرح آخرون") is read the same way in turn, "others" after it
    being its own subject."""
    if te < limit and te in outcomes:
        return te + 1 == limit or _CUES[tokens[te + 1].norm] == "other" \
            or reads_as_passive(tokens, te + 1, limit, outcomes)
    if te < limit and tokens[te].norm not in _PASSIVE_NEXT:
        return False
    return not any(tokens[j].norm.isdigit() or tokens[j].norm in number_words()
                   or any(f in person_nouns() for f in tokens[j].forms[:2]) for j in range(te, min(limit, te + 6)))




def _subject_people(tokens, ts: int, te: int, lo_limit: int, hi_limit: int,
                    numbers_at: dict[int, Number], outcomes: dict | frozenset = frozenset()) -> tuple[int, int] | None:
    """"أن قائد تنظيم داعش في البلاد قتل في هجوم" (1)، "أن زعيم التنظيم و 10 مقاتلين آخرين قتلوا
    في غارة" (11): the people of a clause's subject, after أن/إن, when its outcome verb reads as
    passive (a place, time or cause follows, no object). (value, the subject's first token), or
    None."""
    if not reads_as_passive(tokens, te, hi_limit, outcomes):
        return None
    lo = next((j + 1 for j in range(ts - 1, max(lo_limit, ts - 14) - 1, -1) if tokens[j].norm in _COMPLEMENTIZERS), None)
    if lo is None or lo >= ts - 1:
        return None  # (the word right before is _people_before's)
    while lo < ts - 1 and lo not in numbers_at and tokens[lo].norm in _QUALIFIERS:
        lo += 1  # "أن ما لا يقل عن 25 عنصرا ... قتلوا"
    n = numbers_at.get(lo)
    if n is not None:
        total, k = n.value, n.tok_end
    else:
        hit = next((person_nouns()[f] for f in tokens[lo].forms[:2] if f in person_nouns()), None)
        if hit is None or hit[0] not in ("sg", "du"):
            return None
        total, k = (1 if hit[0] == "sg" else 2), lo + 1
    total += sum(value for value, *_ in _joined(tokens, k, ts, numbers_at, True))
    return total, lo


def _national(word: str) -> tuple[int, str]:
    """(how many people a nationality word names, its singular nisba), or (0, "")."""
    from ..recognize.places.demonyms import demonym_table

    table = demonym_table()
    if word.endswith("يا"):
        word = word[:-1]  # accusative: سوريا → سوري (the country سوريا is not a demonym)
    if word.endswith("ي") and word in table:
        return 1, word
    for suffix, n in (("يان", 2), ("يين", 3), ("يون", 3)):
        if word.endswith(suffix) and word[: -len(suffix)] + "ي" in table:
            return n, word[: -len(suffix)] + "ي"
    return 0, ""


def nationals(word: str) -> int:
    """People named by a nationality word: 1 for a singular (فلسطيني، سورياً), 2 for a dual
    (فلسطينيان), 3 for a plural (فلسطينيين، سوريون); 0 for any other word."""
    return _national(word)[0]


def nationality(word: str) -> str | None:
    """The country of the people a nationality word names ("فلسطينيان": Palestine), or None."""
    from ..recognize.places.demonyms import demonym_table

    n, nisba = _national(word)
    return demonym_table()[nisba][1] if n else None


def _given_name(word: str) -> bool:
    from ..recognize.names.features import given_names

    return word in given_names()


_GIVEN = WordMemo(_given_name)


_QUOTE_MARKS = {'"', "«", "»", "“", "”", "'"}
_PARTICLES = {fold(w) for w in ("في", "من", "على", "إلى", "عن", "أن", "إن", "الذي", "التي", "الذين", "قد", "لم",
                                 "لا", "ما", "مع", "بعد", "قبل", "عند", "كان", "كانت", "هو", "هي", "أو", "ثم")}


def surnames(tokens) -> frozenset[str]:
    """Words a document writes right after a given name ("جمال خاشقجي"): a later "مقتل خاشقجي"
    names that person (CODEBOOK 9: a named person killed is 1)."""
    out = set()
    norms = columns(tokens).norms
    for k, _ in _GIVEN.hits(norms, 0, len(norms) - 1):  # the few given names, found once per word
        t, nxt = tokens[k], tokens[k + 1]
        if nxt.sent == t.sent and len(nxt.norm) > 2 and nxt.norm.isalpha() and nxt.norm not in _PARTICLES \
                and nxt.norm not in _TIMES and nxt.norm not in _STOPS:
            out.add(nxt.norm)
    return frozenset(out)


_IN_IT = {fold(w) for w in ("فيه", "فيها", "بها", "به", "جراءه", "جراءها")}


def _people_after(tokens, pos: int, limit: int, numbers_at: dict[int, Number],
                  names: frozenset[str] = frozenset(), outcomes: dict | frozenset = frozenset()) -> tuple[int, bool]:
    """People named by nouns after an outcome word, و-joined groups added: "قتل شرطيان ومسلحان"
    = 4; a singular is 1, a dual 2, a plural with no number 3. Also whether the figure is only
    that guess for plurals ("قتل مدنيين": 3, vague). ``names``: the document's surnames.
    ``outcomes``: where the sentence's other outcome words stand; the people after one of them are
    its own ("قتلوا وجرح آخرون": the others were wounded)."""
    while pos < limit and tokens[pos].norm in _QUOTE_MARKS:
        pos += 1  # "لحظات مواجهة وقتل" خاشقجي: a closing quote stands between
    if pos + 1 < limit and tokens[pos].norm in _IN_IT:
        pos += 1  # "الهجوم الذي قتل فيه شخص واحد": the act the pronoun refers back to
    nouns = person_nouns()
    if pos < limit and any(f in _SUBSET for f in tokens[pos].forms[:2]):
        return 0, False  # "11 قتيلا بينهم ثلاثة أطفال": a part of a count already read
    if pos < limit and not any(f in nouns for f in tokens[pos].forms):
        if (_given_name(tokens[pos].norm) or tokens[pos].norm in names) and tokens[pos].norm not in _TIMES:
            return 1, False  # "قتل خالد محسود": a named person (not "قتلوا صباح الأحد"); "مقتل خاشقجي"
        n = nationals(tokens[pos].norm)
        if n:
            # "قتل فلسطيني برصاص الجيش": people named by nationality; "فلسطينيين اثنين": the
            # number after says how many
            after = numbers_at.get(pos + 1) if pos + 1 < limit else None
            return (after.value, False) if after is not None else (n, n == 3)
    total = 0
    guessed = True  # every group so far a plural with no number
    j = pos
    while j < min(limit, pos + 3 if not total else j + 1):
        hit = None
        if number_words().get(tokens[j].norm, (0, "teen_unit"))[1] != "teen_unit":
            break  # "قتل متظاهر واحد": واحد says how many, it is no one more (أحد is one of them)
        if tokens[j].norm in _STOPS or tokens[j].forms[-1] in _STOPS:
            break  # "قتل في هجوم انتحاري": the bomber is no victim here
        if j in numbers_at and not total:
            break  # "قتل وأصيب 55 عنصرا": the noun after a number is that number's
        if j in outcomes:
            break
        for f in tokens[j].forms:
            hit = nouns.get(f)
            if hit:
                break
        if hit is not None:
            total += {"sg": 1, "du": 2}.get(hit[0], 3)
            guessed = guessed and hit[0] not in ("sg", "du")
            if j + 1 < limit and tokens[j + 1].norm.startswith("و"):
                j += 1
                continue
            break
        if total:
            break
        j += 1
    return total, guessed and total > 0


_ONE_OF = {fold(w) for w in ("أحد", "إحدى")}  # "مع أحد مرافقيه": one of them
_THAT = {fold(w) for w in ("ذلك", "تلك")}  # "منذ ذلك اليوم"، "منذ ذلك الحين": since then
_TIMES = {fold(w) for w in ("صباح", "مساء", "فجر", "ظهر", "ليل", "ليلة", "عصر", "يوم", "صباحا", "مساء")}
ATTEMPT = {fold(w) for w in ("محاولة", "محاولات", "المحاولة", "لمحاولة", "بمحاولة", "محاولته", "محاولتها")}
_RANGE_TO = {fold(w) for w in ("إلى", "حتى", "-")}
_BETWEEN = {fold(w) for w in ("بين", "وبين")}


def _ranges(tokens, numbers: list[Number], tok_start: int, clauses: "_Clauses") -> list[Number]:
    """"بين 10 و15"، "من 5 إلى 7"، "ما بين 20 إلى 30": a range is one number, its lower bound
    (CODEBOOK 9); not "ارتفعت الحصيلة من 12 إلى 20", where the second is the toll."""
    out, k = [], 0
    while k < len(numbers):
        n = numbers[k]
        if k + 1 < len(numbers):
            m = numbers[k + 1]
            before = tokens[n.tok_start - 1].norm if n.tok_start > tok_start else ""
            gap = tokens[n.tok_end:m.tok_start]
            joined = m.tok_start == n.tok_end and tokens[m.tok_start].norm.startswith("و") and before in _BETWEEN
            to = len(gap) == 1 and gap[0].norm in _RANGE_TO and n.value < m.value \
                and clauses.clause(n.tok_start) not in clauses.update_from
            if joined or to:
                out.append(Number(n.tok_start, m.tok_end, n.value, n.vague))
                k += 2
                continue
        out.append(n)
        k += 1
    return out


class _SentenceFigures:
    """What a sentence says about counts whatever the trigger: its numbers, the counts read from
    count nouns, a massacre, its clauses. Worked out once per sentence (several mentions share a
    sentence)."""

    __slots__ = ("numbers_at", "numbers_by_end", "used", "adds", "nouns", "massacre", "clauses", "mixed")

    def __init__(self, tokens, tok_start: int, tok_end: int) -> None:
        # "عدد القتلى" (the number of the dead) is no number itself
        numbers = [n for n in find_numbers(tokens, tok_start, tok_end)
                   if not (n.vague and "عدد" in tokens[n.tok_start].forms[:2] and n.tok_end < tok_end
                           and tokens[n.tok_end].norm.startswith("ال"))]
        self.clauses = clauses = _Clauses(tokens, tok_start, tok_end)
        numbers = _ranges(tokens, numbers, tok_start, clauses)
        self.numbers_at: dict[int, Number] = {}
        for n in numbers:
            self.numbers_at.setdefault(n.tok_start, n)
        number_ends = {n.tok_end for n in numbers}
        self.numbers_by_end = {n.tok_end: n for n in numbers}
        adds: list[Figure] = []  # vague: a plural with no number (3)
        used: set[int] = set()
        nouns: set[int] = set()  # positions of the count nouns read
        # "11 قتيلا بينهم ثلاثة أطفال": a number after بينهم/منهم is a part of the total
        for n in numbers:
            if n.tok_start > tok_start and any(f in _SUBSET for f in tokens[n.tok_start - 1].forms[:2]):
                used.add(n.tok_start)
        marked = _MARKS.hits(columns(tokens).norms, tok_start, tok_end)
        # "60 شخصا بين قتيل وجريح": a toll of dead and wounded together counts neither
        mixed = set()
        for j, _ in marked:
            if j > tok_start and _cue(tokens[j - 1]) == "between":
                mixed.update((j, j + 1))
        # number + count noun: "15 قتيلا", "ثلاث جثث", "عشرات القتلى"
        for n in numbers:
            # not "ارتفع عدد القتلى إلى 10 والجرحى": a count noun with و starts a figure of its own
            if n.tok_end < tok_end and n.tok_start not in used and n.tok_end not in mixed \
                    and not (tokens[n.tok_end].norm.startswith("و") and tokens[n.tok_end].norm not in count_nouns()):
                marks = _MARKS[tokens[n.tok_end].norm]
                hit = marks[0] if marks else None
                if hit:
                    adds.append(clauses.read(Figure(
                        hit[0], n.value, n.tok_start, tokens[n.tok_start].start, tokens[n.tok_end].end,
                        f"number before count noun '{tokens[n.tok_end].norm}'",
                        side=_side(tokens, n.tok_end + 1, tok_end), approx=n.vague)))
                    used.add(n.tok_start)
                    nouns.add(n.tok_end)
        # count noun alone: "قتيلان", "سقوط قتلى" (not "دون وقوع إصابات")
        negated = {k for k, m in marked if m[2]}
        massacre = False
        for j, (hit, is_massacre, _) in marked:
            massacre = massacre or is_massacre
            if not hit or (negated and {j - 1, j - 2, j - 3} & negated) or j in mixed:  # "دون تسجيل أي إصابات"
                continue
            if j > 0 and tokens[j - 1].norm in _ANY:
                continue  # "ولم ينتج عن اعتراض الصاروخين أية إصابات": none
            role, value = hit
            # "حصيلة القتلى ... 11 قتيلا": the toll's head word is not a group of its own;
            # "جثث خمسة أشخاص": the number after the noun counts it
            after = self.numbers_at.get(j + 1)
            if after is not None and tokens[j + 1].norm.startswith("و") and tokens[j + 1].norm not in number_words():
                after = None  # "سقط قتيلان وثلاثة جرحى": a figure of its own follows (not "واحد")
            if after is not None and value > 0 and after.value == value:
                used.add(after.tok_start)  # "جريح واحد"، "قتيلان اثنان": the number agrees
                after = None
            if after is not None and value <= 0 and after.tok_start not in used:
                # "جثث خمسة أشخاص"، "راح ضحيتها 23 قرويا": the number after the noun counts it
                adds.append(clauses.read(Figure(
                    role, after.value, after.tok_start, tokens[j].start, tokens[after.tok_end - 1].end,
                    f"number after count noun '{tokens[j].norm}'", side=_side(tokens, after.tok_end, tok_end),
                    approx=after.vague)))
                used.add(after.tok_start)
                nouns.add(j)
                continue
            if after is None and value == 0 and j + 1 < tok_end:
                hit = next((person_nouns()[f] for f in tokens[j + 1].forms[:2] if f in person_nouns()), None)
                if hit is not None and hit[0] in ("sg", "du"):
                    # "راح ضحيتها عنصران بالشرطة": the person noun after the noun counts it
                    adds.append(clauses.read(Figure(
                        role, 1 if hit[0] == "sg" else 2, j + 1, tokens[j].start, tokens[j + 1].end,
                        f"person noun after count noun '{tokens[j].norm}'", side=_side(tokens, j + 1, tok_end))))
                    nouns.add(j)
                    continue
            if j not in number_ends and not (j > tok_start and tokens[j - 1].forms[-1] in _TOLL) \
                    and after is None:
                adds.append(clauses.read(Figure(
                    role, 3 if value < 0 else value, j, tokens[j].start, tokens[j].end,
                    f"count noun '{tokens[j].norm}'", vague=value < 0, side=_side(tokens, j + 1, tok_end))))
                nouns.add(j)
        # "ارتفع عدد القتلى إلى 10 والجرحى إلى 19": the figure an update sets, counting what the
        # toll word before it names
        for k, u in clauses.update_from.items():
            role = "death"
            for j in range(u, tok_end):
                if clauses.clause(j) != k:
                    break
                marks = _MARKS[tokens[j].norm]
                if marks and marks[0]:
                    role = marks[0][0]
                if _cue(tokens[j]) != "to":
                    continue
                n = _number_after(self.numbers_at, j + 1, tokens, tok_end)
                if n is not None and n.tok_start not in used and not any(
                        x in mixed for x in range(n.tok_end, n.tok_end + 4)):  # "إلى 60 شخصا بين قتيل وجريح"
                    nxt = _MARKS[tokens[n.tok_end].norm] if n.tok_end < tok_end \
                        and not tokens[n.tok_end].norm.startswith("و") else None
                    if not (nxt and nxt[0]):  # "إلى 20 قتيلا": the count noun's figure
                        adds.append(clauses.read(Figure(
                            role, n.value, n.tok_start, tokens[j].start, tokens[n.tok_end - 1].end,
                            "a raised toll", side=_side(tokens, n.tok_end, tok_end), approx=n.vague)))
                        used.add(n.tok_start)
        self.used, self.adds, self.nouns = used, adds, nouns
        self.massacre, self.mixed = massacre, mixed


def _word_marks(norm: str) -> tuple | None:
    """(the count noun a word reads as, or None; a massacre word?; a negation?), or None when it
    is none of them: a sentence's figures read only the marked words (``_MARKS.hits``), once
    per word kind rather than once per token per kind."""
    forms = cached_forms(norm)
    nouns = count_nouns()
    hit = next((nouns[f] for f in forms[:3] if nouns.get(f)), None)
    massacre, negation = not _MASSACRE.isdisjoint(forms[:2]), norm in _NEGATION
    return (hit, massacre, negation) if hit or massacre or negation else None


_MARKS = WordMemo(_word_marks)


def sentence_figures(tokens, tok_start: int, tok_end: int, outcome_positions: list[tuple[str, int, int]],
                     skip: frozenset[int] = frozenset(), memo: dict | None = None) -> dict[str, list[Figure]]:
    """The figures a mention's sentence gives, per role ('death', 'injury', 'arrest').

    ``outcome_positions`` are (role, tok_start, tok_end) of the mention's outcome triggers;
    ``memo``, a dict kept for one document, saves reading a sentence's figures twice. A plural
    with no number ("قتلى"، "إصابات مختلفة") is kept only when the sentence gives no figure of its
    own for that role, and two such plurals are one guess, not two.
    """
    names = memo.get("surnames") if memo is not None else None  # (the memo's one non-span key)
    if names is None:
        names = surnames(tokens)
        if memo is not None:
            memo["surnames"] = names
    figures = memo.get((tok_start, tok_end)) if memo is not None else None
    if figures is None:
        figures = _SentenceFigures(tokens, tok_start, tok_end)
        if memo is not None:
            memo[(tok_start, tok_end)] = figures
    numbers_at, numbers_by_end, clauses = figures.numbers_at, figures.numbers_by_end, figures.clauses
    found: dict[str, list[Figure]] = {}
    vague: dict[str, list[Figure]] = {}

    bare: set[int] = set()

    def add(fig: Figure) -> None:
        (vague if fig.vague else found).setdefault(fig.role, []).append(clauses.read(fig))
        bare.clear()  # the outcome word being read has a figure of its own

    for fig in figures.adds:
        (vague if fig.vague else found).setdefault(fig.role, []).append(fig)
    used_numbers = set(figures.used)

    def add_companions(role: str, j: int) -> None:
        """"اغتيل مسؤول محلي في حركة طالبان ومرافقه": each companion after the one named is one more."""
        k = clauses.clause(j)
        for x in range(j + 1, tok_end):
            if clauses.clause(x) != k:
                if x + 1 < tok_end and tokens[x + 1].norm == "مع" and not tokens[x].is_word:
                    k = clauses.clause(x + 1)  # "مصرعه، مع أحد مرافقيه،": an aside, the same act
                    continue
                break
            cue = clauses.cues[x - tok_start]
            if cue == "companion" or (cue == "companions" and tokens[x - 1].norm in _ONE_OF):
                # "ومرافقه"، "مع مرافقه"، "مع أحد مرافقيه"
                add(Figure(role, 1, x, tokens[x].start, tokens[x].end, f"companion '{tokens[x].norm}'"))

    def add_joined(role: str, j: int, after_people: bool) -> None:
        nouns = person_nouns()
        for value, a, b, is_vague in _joined(tokens, j, tok_end, numbers_at, True):
            if a in used_numbers or (after_people and a not in numbers_at
                                     and any(f in nouns for f in tokens[a - 1].forms[:2])):
                continue  # "شرطيان ومهاجم": _people_after has joined these
            used_numbers.add(a)
            add(Figure(role, value, a, tokens[a].start, tokens[b - 1].end, "joined by و",
                       side=_side(tokens, a + 1 if a not in numbers_at else numbers_at[a].tok_end, tok_end)
                       if a in numbers_at else _side(tokens, a, a + 1), approx=is_vague))
    # outcome trigger + number / person noun
    roles_at = {ts: role for role, ts, _ in outcome_positions}  # bare: outcome words with no figure
    for role, ts, te in outcome_positions:
        if ts in figures.mixed:
            continue  # "60 شخصا بين قتيل وجريح"
        if ts - 1 in bare and roles_at[ts - 1] != role and tokens[ts].norm.startswith("و"):
            continue  # "قتل وأصيب 55 عنصرا": the dead and the wounded together, neither alone
        bare.add(ts)
        if ts > tok_start and tokens[ts - 1].forms[-1] in ATTEMPT:
            continue  # "محاولة قتل"، "محاولة اغتيال": no one died
        verb_end = te
        if te + 2 < tok_end and tokens[te].norm == "في" and tokens[te + 1].norm.startswith("ال") \
                and _cue(tokens[te + 1]) != "period_noun":
            te += 2  # "وأصيب في الهجوم 36 شخصا"، "وأصيب في الهجوم شخص آخر"
        named_at = te
        te = _skip_actor(te, skip, tokens, tok_end)
        if te == named_at and te < tok_end and tokens[te].norm.startswith("ال") and te not in numbers_at:
            # "اعتقلت القوات الأمنية 7 مطلوبين": a force the recognisers did not name
            k = te
            while k < min(tok_end, te + 3) and tokens[k].norm.startswith("ال"):
                k += 1
            if k < tok_end and k in numbers_at and not tokens[k].norm.startswith("و"):
                te = k
        if te != named_at and ((n := _number_after(numbers_at, te, tokens, tok_end)) is None
                               or tokens[n.tok_start].norm.startswith("و")) \
                and not (te < tok_end and not tokens[te].norm.startswith("و")
                         and any(f in person_nouns() for f in tokens[te].forms[:2])):
            # "مقتل جندي"، "قتل جنديان وعشرة مسلحين": the force named is counted (not "أعدم مسلحو
            # الشباب رجلين": the people after it are)
            te = named_at
        met = _met_at(tokens, ts, tok_start)
        if met is not None:
            # "لقي ما بين 20 إلى 30 شخصا حتفهم"، "لقي ستة من مقاتلي الجيش وجندي واحد حتفهم"
            n = _number_after(numbers_at, met + 1, tokens, ts)
            if n is not None and n.tok_start not in used_numbers:
                add(Figure(role, n.value, n.tok_start, tokens[met].start, tokens[te - 1].end,
                           f"number after '{tokens[met].norm}'", side=_side(tokens, n.tok_end, ts),
                           approx=n.vague))
                used_numbers.add(n.tok_start)
                for value, a, b, is_vague in _joined(tokens, n.tok_end, ts, numbers_at, True):
                    if a not in used_numbers:
                        used_numbers.add(a)
                        add(Figure(role, value, a, tokens[a].start, tokens[b - 1].end, "joined by و",
                                   side=_side(tokens, a, b) if a not in numbers_at else _side(tokens, b, ts),
                                   approx=is_vague))
                continue
            people, guessed = _people_after(tokens, met + 1, ts, numbers_at, names)
            two = _pronoun_count(tokens[te - 1].norm)
            if two > people:
                people, guessed = two, False  # "لقي قائد ميداني ... ومرافقه حتفهما"
            if people and not guessed:
                add(Figure(role, people, met + 1, tokens[met].start, tokens[te - 1].end,
                           f"person noun after '{tokens[met].norm}'", side=_side(tokens, met + 1, ts)))
                if people == 1:
                    add_companions(role, te - 1)  # "لقي القيادي مصرعه مع أحد مرافقيه"
                continue
        n = _number_after(numbers_at, te, tokens, tok_end)
        if n is not None and n.tok_start not in used_numbers:
            add(Figure(role, n.value, n.tok_start, tokens[ts].start, tokens[n.tok_end - 1].end,
                       f"number after '{tokens[ts].norm}'", side=_side(tokens, n.tok_end, tok_end),
                       approx=n.vague))
            used_numbers.add(n.tok_start)
            add_joined(role, n.tok_end, False)
            continue
        n = _number_before(numbers_by_end, ts, tokens, tok_start, _plural_verb(tokens[verb_end - 1].norm))
        if n is not None and n.tok_start not in used_numbers and tokens[n.tok_start].norm.startswith("و"):
            # "ما لا يقل عن 7 جنود و8 مسلحين قتلوا": the group joined before it too
            first = next((m for end, m in sorted(numbers_by_end.items(), reverse=True)
                          if end <= n.tok_start and m.tok_start >= max(tok_start, n.tok_start - 4)), None)
            if first is not None and first.tok_start not in used_numbers:
                add(Figure(role, first.value, first.tok_start, tokens[first.tok_start].start,
                           tokens[n.tok_start - 1].end, f"number joined before '{tokens[ts].norm}'",
                           side=_side(tokens, first.tok_end, n.tok_start), approx=first.vague))
                used_numbers.add(first.tok_start)
        if n is not None and n.tok_start not in used_numbers:
            # "إن 19 شخصا على الأقل قتلوا": the count stands before a passive verb
            add(Figure(role, n.value, n.tok_start, tokens[n.tok_start].start, tokens[te - 1].end,
                       f"number before '{tokens[ts].norm}'", side=_side(tokens, n.tok_end, ts),
                       approx=n.vague))
            used_numbers.add(n.tok_start)
            continue
        if ts in figures.nouns:
            continue  # "15 قتيلا مدنيا"، "الطفل القتيل": the count noun has counted these people
        people, guessed = _people_after(tokens, te, tok_end, numbers_at, names, roles_at)
        if people:
            end = tokens[min(te, tok_end - 1)].end
            add(Figure(role, people, te, tokens[ts].start, end, f"person noun after '{tokens[ts].norm}'",
                       vague=guessed, side=_side(tokens, te, tok_end)))
            add_joined(role, te + 1, True)
            add_companions(role, te)
            continue
        # the word right after the verb itself says whether it reads as passive ("قتل في القنصلية")
        before, at = _people_before(tokens, ts, verb_end, tok_start, tok_end, verb_end in roles_at, names)
        if before:
            add(Figure(role, before, at, tokens[at].start, tokens[te - 1].end,
                       f"person noun before '{tokens[ts].norm}'", side=_side(tokens, at, at + 1)))
            continue
        subject = _subject_people(tokens, ts, te, tok_start, tok_end, numbers_at, roles_at)
        if subject is not None and subject[1] not in used_numbers:
            value, lo = subject
            # "قائد الشرطة ومدير المخابرات قتلا": a dual verb says two where the nouns say less
            value = max(value, _pronoun_count(tokens[te - 1].norm))
            add(Figure(role, value, lo, tokens[lo].start, tokens[ts].end,
                       f"subject of '{tokens[ts].norm}' read as passive", side=_side(tokens, lo, ts)))
            used_numbers.add(lo)
            continue
        one = _pronoun_count(tokens[te - 1].norm) or _one_by_verb(tokens, ts, te, tok_end)
        if one:
            # "لقي مصرعه"، "أعلنت مقتله"، "اعتقاله": the pronoun names the one (or two) it happened to
            add(Figure(role, one, te - 1, tokens[ts].start, tokens[te - 1].end,
                       f"pronoun of '{tokens[te - 1].norm}'"))
    # "استشهد عشرة من منسوبي القوات وثلاثة آخرون": people added to the figure before
    for j, n in numbers_at.items():
        if j in used_numbers or n.tok_end >= tok_end or _cue(tokens[n.tok_end]) != "other" \
                or not tokens[j].norm.startswith("و"):
            continue
        before = [f for figs in found.values() for f in figs if f.tok < j]
        if before:
            prev = max(before, key=lambda f: f.tok)
            add(Figure(prev.role, n.value, j, tokens[j].start, tokens[n.tok_end].end,
                       f"others added: '{tokens[n.tok_end].norm}'", side=prev.side))
            used_numbers.add(j)
    if figures.massacre:
        add(Figure("death", 10, tok_start, tokens[tok_start].start, tokens[tok_end - 1].end, "massacre",
                   approx=True))
    for role, items in vague.items():
        if role not in found:
            found[role] = [max(items, key=lambda f: f.value)]
    return found


_SINGULAR_PASSIVE = {fold(w) for w in ("قتل", "قتلت", "اغتيل", "اغتيلت", "استشهد", "استشهدت", "أصيب", "أصيبت",
                                       "جرح", "جرحت", "اعتقل", "اعتقلت", "أعدم", "أعدمت")}
_BY = {fold(w) for w in ("برصاص", "بالرصاص", "بنيران", "بطلق", "بطلقات", "على")}


def _one_by_verb(tokens, ts: int, te: int, tok_end: int) -> int:
    """"أن الفلسطيني الذي حاول عبور السياج قُتل بالرصاص": a singular verb read as passive (an
    agent after it) says one person, when nothing else counts them."""
    if te - ts != 1 or tokens[ts].forms[-1] not in _SINGULAR_PASSIVE or te >= tok_end:
        return 0
    return 1 if tokens[te].norm in _BY or tokens[te].forms[-1] in _BY else 0


def _pronoun_count(word: str) -> int:
    """An outcome word with an attached pronoun (count_cues.tsv: مصرعه، مقتلهما; a verb and its
    object, lexicons.object_pronoun_counts: اعتقلته): how many."""
    c = count_cues().get(word, "")
    if not c:
        # a verb with its object attached: "اعتقلته"، "وقتلوهما"
        objects = object_pronoun_counts()
        return objects.get(word) or (objects.get(word[1:], 0) if word[:1] in "وف" else 0)
    return {"one": 1, "two": 2}.get(c, 0)


def sentence_total(figs: list[Figure]) -> tuple[int, str]:
    """One sentence's figures for one role: distinct figures at distinct places add up
    ("3 militants and 4 policemen"); the same place read twice counts once."""
    by_pos: dict[int, Figure] = {}
    for f in figs:
        if f.tok not in by_pos or f.value > by_pos[f.tok].value:
            by_pos[f.tok] = f
    specific = list(by_pos.values())
    total = sum(f.value for f in specific) if len(specific) <= 5 else max(f.value for f in specific)
    return total, "; ".join(f.note for f in specific)
