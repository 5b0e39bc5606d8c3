"""Counting the dead, wounded and arrested in a sentence (CODEBOOK section 9).

A count attaches to an outcome word (a killing, wounding or arrest trigger, or a count noun such
as قتلى، جرحى): the number right after it ("مقتل 5 جنود", "إصابة 4 من جنودها") or right before
it ("15 قتيلا", "ثلاث جثث"). Without a number: a dual says 2, a singular person says 1
("مقتل قيادي"), a plural says 3 ("سقوط قتلى"), a massacre says 10.
"""

from __future__ import annotations


from ..recognize.numbers import Number, count_nouns, find_numbers
from ..text.normalize import fold
from ..text.tokens import WordMemo, cached_forms, columns
from .lexicons import person_nouns

_NEGATION = {fold(w) for w in ("دون", "بدون", "لا", "لم", "عدم", "ودون")}
_QUALIFIERS = {fold(w) for w in ("ما", "لا", "يقل", "عن", "نحو", "حوالي", "قرابة", "أكثر", "من",
                                   "أقل", "زهاء", "بين", "أزيد", "اكثر", "على", "الأقل",
                                   "عائلة", "أسرة", "واحدة",  # "أربعة أشخاص من عائلة واحدة قتلوا"
                                   "فيها", "فيه", "خلالها", "خلاله")}  # "معركة قتل فيها خمسة مسلحين"
_SUBSET = {fold(w) for w in ("بينهم", "منهم", "بينها", "بينهن", "منهن")}
_TOLL = {fold(w) for w in ("حصيلة", "عدد", "اعداد", "أعداد")}
_MASSACRE = {fold(w) for w in ("مجزرة", "مذبحة", "المجزرة", "المذبحة")}
_WINDOW = 5


def _skip_actor(pos: int, skip: frozenset[int]) -> int:
    """Past an actor named between the verb and its object ("أعدم مسلحو الشباب رجلين")."""
    while pos in skip:
        pos += 1
    return pos


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


def _number_before(by_end: dict[int, Number], pos: int, tokens, limit: int) -> Number | None:
    """A number and the people it counts right before an outcome verb: "19 شخصا على الأقل قتلوا"."""
    nouns = person_nouns()
    for end in range(max(limit, pos - 4), pos):
        n = by_end.get(end)
        if n is None or n.tok_start < limit:
            continue
        between = tokens[n.tok_end:pos]
        if between and any(f in nouns for f in between[0].forms[:2]) and all(
                t.norm in _QUALIFIERS or any(f in nouns for f in t.forms[:2]) for t in between):
            return n
    return None


_PASSIVE_NEXT = {fold(w) for w in ("في", "خلال", "جراء", "إثر", "اثر", "بعد", "برصاص", "بنيران", "بانفجار",
                                   "بقصف", "بغارة", "عندما", "حينما", "أثناء", "،", ",", ".")}


def _people_before(tokens, ts: int, te: int, limit_lo: int, limit_hi: int) -> int:
    """"أن جنديا قتل في ماردين": a person noun right before an outcome verb read as passive
    (what follows is a place, a time or a cause, not an object)."""
    if ts - 1 < limit_lo or (te < limit_hi and tokens[te].norm not in _PASSIVE_NEXT):
        return 0
    nouns = person_nouns()
    hit = next((nouns[f] for f in tokens[ts - 1].forms[:2] if f in nouns), None)
    if hit is None or hit[1] == "attacker":
        return 0
    return {"sg": 1, "du": 2}.get(hit[0], 0)


def _nationals(word: str) -> int:
    """People named by a nationality word: 1 for a singular (فلسطيني، سورياً), 2 for a dual
    (فلسطينيان), 3 for a plural (فلسطينيين، سوريون); 0 for any other word."""
    from ..recognize.places.demonyms import demonym_table

    table = demonym_table()
    if word.endswith("يا"):
        word = word[:-1]  # accusative: سوريا → سوري (the country سوريا is not a demonym)
    if word.endswith("ي") and word in table:
        return 1
    for suffix, n in (("يان", 2), ("يين", 3), ("يون", 3)):
        if word.endswith(suffix) and word[: -len(suffix)] + "ي" in table:
            return n
    return 0


def _given_name(word: str) -> bool:
    from ..recognize.names.features import cues  # the NER's list of common given names

    return "given" in cues().get(word, ())


def _people_after(tokens, pos: int, limit: int, numbers_at: dict[int, Number]) -> tuple[int, bool]:
    """People named by nouns after an outcome word, و-joined groups added: "قتل شرطيان ومسلحان"
    = 4; a singular is 1, a dual 2, a plural with no number 3. Also whether the figure is only
    that guess for plurals ("قتل مدنيين": 3, vague)."""
    nouns = person_nouns()
    if pos < limit and any(f in _SUBSET for f in tokens[pos].forms[:2]):
        return 0, False  # "11 قتيلا بينهم ثلاثة أطفال": a part of a count already read
    if pos < limit and not any(f in nouns for f in tokens[pos].forms):
        if _given_name(tokens[pos].norm):
            return 1, False  # "قتل خالد محسود": a named person
        n = _nationals(tokens[pos].norm)
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


class _SentenceFigures:
    """What a sentence says about counts whatever the trigger: its numbers, the counts read from
    count nouns, a massacre. Worked out once per sentence (several mentions share a sentence)."""

    __slots__ = ("numbers_at", "numbers_by_end", "used", "adds", "nouns", "massacre")

    def __init__(self, tokens, tok_start: int, tok_end: int) -> None:
        numbers = find_numbers(tokens, tok_start, tok_end)
        self.numbers_at: dict[int, Number] = {}
        for n in numbers:
            self.numbers_at.setdefault(n.tok_start, n)
        number_ends = {n.tok_end for n in numbers}
        self.numbers_by_end = {n.tok_end: n for n in numbers}
        # (role, value, position, note, vague), in order; vague: a plural with no number (3)
        adds: list[tuple[str, int, int, str, bool]] = []
        used: set[int] = set()
        nouns: set[int] = set()  # positions of the count nouns read
        # "11 قتيلا بينهم ثلاثة أطفال": a number after بينهم/منهم is a part of the total
        for n in numbers:
            if n.tok_start > tok_start and any(f in _SUBSET for f in tokens[n.tok_start - 1].forms[:2]):
                used.add(n.tok_start)
        # number + count noun: "15 قتيلا", "ثلاث جثث", "عشرات القتلى"
        for n in numbers:
            if n.tok_end < tok_end and n.tok_start not in used:
                marks = _MARKS[tokens[n.tok_end].norm]
                hit = marks[0] if marks else None
                if hit:
                    adds.append((hit[0], n.value, n.tok_start,
                                 f"number before count noun '{tokens[n.tok_end].norm}'", False))
                    used.add(n.tok_start)
                    nouns.add(n.tok_end)
        # count noun alone: "قتيلان", "سقوط قتلى" (not "دون وقوع إصابات")
        marked = _MARKS.hits(columns(tokens).norms, tok_start, tok_end)
        negated = {k for k, m in marked if m[2]}
        massacre = False
        for j, (hit, is_massacre, _) in marked:
            massacre = massacre or is_massacre
            if not hit or (negated and (j - 1 in negated or j - 2 in negated)):
                continue
            role, value = hit
            # "حصيلة القتلى ... 11 قتيلا": the toll's head word is not a group of its own;
            # "جثث خمسة أشخاص": the number after the noun counts it
            if j not in number_ends and not (j > tok_start and tokens[j - 1].forms[-1] in _TOLL) \
                    and j + 1 not in self.numbers_at:
                adds.append((role, 3 if value < 0 else value, j, f"count noun '{tokens[j].norm}'", value < 0))
                nouns.add(j)
        self.used, self.adds, self.nouns = used, adds, nouns
        self.massacre = massacre


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


def sentence_counts(tokens, tok_start: int, tok_end: int, outcome_positions: list[tuple[str, int, int]],
                    skip: frozenset[int] = frozenset(), memo: dict | None = None) -> dict[str, tuple[int, str]]:
    """Counts per role ('death', 'injury', 'arrest') with a note on how each was read.

    ``outcome_positions`` are (role, tok_start, tok_end) of outcome triggers in the sentence;
    ``memo``, a dict kept for one document, saves reading a sentence's figures twice.
    """
    figures = memo.get((tok_start, tok_end)) if memo is not None else None
    if figures is None:
        figures = _SentenceFigures(tokens, tok_start, tok_end)
        if memo is not None:
            memo[(tok_start, tok_end)] = figures
    numbers_at, numbers_by_end = figures.numbers_at, figures.numbers_by_end
    found: dict[str, list[tuple[int, int, str]]] = {}  # role -> [(value, position, note)]
    vague: dict[str, list[tuple[int, int, str]]] = {}  # the same, for plurals with no number

    def add(role: str, value: int, pos: int, note: str) -> None:
        found.setdefault(role, []).append((value, pos, note))

    for role, value, pos, note, is_vague in figures.adds:
        if is_vague:
            vague.setdefault(role, []).append((value, pos, note))
        else:
            add(role, value, pos, note)
    used_numbers = set(figures.used)
    # outcome trigger + number / person noun
    for role, ts, te in outcome_positions:
        te = _skip_actor(te, skip)
        n = _number_after(numbers_at, te, tokens, tok_end)
        if n is not None and n.tok_start not in used_numbers:
            add(role, n.value, n.tok_start, f"number after '{tokens[ts].norm}'")
            used_numbers.add(n.tok_start)
            continue
        n = _number_before(numbers_by_end, ts, tokens, tok_start)
        if n is not None and n.tok_start not in used_numbers:
            # "إن 19 شخصا على الأقل قتلوا": the count stands before a passive verb
            add(role, n.value, n.tok_start, f"number before '{tokens[ts].norm}'")
            used_numbers.add(n.tok_start)
            continue
        if ts in figures.nouns:
            continue  # "15 قتيلا مدنيا"، "الطفل القتيل": the count noun has counted these people
        people, guessed = _people_after(tokens, te, tok_end, numbers_at)
        if people:
            note = f"person noun after '{tokens[ts].norm}'"
            if guessed:
                vague.setdefault(role, []).append((people, te, note))
            else:
                add(role, people, te, note)
            continue
        before = _people_before(tokens, ts, te, tok_start, tok_end)
        if before:
            add(role, before, ts - 1, f"person noun before '{tokens[ts].norm}'")
    if figures.massacre:
        add("death", 10, tok_start, "massacre")
    # the most specific figure (CODEBOOK 9): a plural with no number ("قتلى"، "إصابات مختلفة")
    # counts only when the sentence gives no figure of its own for that role, and two such
    # plurals are one guess, not two ("مقتل هؤلاء الجنود … أحد القتلى": 3, not 6)
    for role, items in vague.items():
        found.setdefault(role, [max(items)])
    out: dict[str, tuple[int, str]] = {}
    for role, items in found.items():
        # distinct figures at distinct places add up ("3 militants and 4 policemen"); the same
        # place read twice counts once
        by_pos: dict[int, tuple[int, str]] = {}
        for value, pos, note in items:
            if pos not in by_pos or value > by_pos[pos][0]:
                by_pos[pos] = (value, note)
        specific = [v for v in by_pos.values()]
        total = sum(v for v, _ in specific) if len(specific) <= 3 else max(v for v, _ in specific)
        out[role] = (total, "; ".join(n for _, n in specific))
    return out
