"""Finding event mentions: sentences whose trigger words report a past, specific act.

A sentence is a mention when it holds a trigger that names an act on its own (strength 2), or a
generic one (killing, attack, operation) with support: a count, a death, an actor. Triggers
under negation, denial, threat, plan, future, hypothesis, or in generic and aggregate statements
are dropped (CODEBOOK section 1).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from ..model import Document
from ..recognize.actors.registry import UNARMED_KINDS
from ..recognize.dates import anniversary
from ..recognize.lexicon import Match, longest_non_overlapping, phrase_matches, read_tsv
from ..recognize.numbers import count_nouns
from ..recognize.quotes.lexicons import complementisers, speech_verbs
from ..text.frequency import is_future_verb
from ..text.normalize import fold
from ..text.tokens import columns, is_definite
from .counts import word_cue
from .lexicons import (EVENTS_DIR, RELATIVE_PRONOUNS, SUPPORT_MARKERS, SUPPORT_NOUNS, TriggerEntry, clause_openers,
                       matcher)
from .mention import Mention
from .split import join_split
from .trigger_features import DocContext, trigger_features
from .trigger_model import TriggerModel, trigger_model

# Kinds that name a violent act or a development strongly enough to stand alone.
_SUPPORT_KINDS = {"kill", "injure"}
# Generic violent kinds that count when the sentence also names an actor.
_NEEDS_SUPPORT = {"attack", "operation", "explosion", "shelling", "protest", "overtake"}
_HAPPENED = {fold("و" + w) for w in ("حدث", "حدثت", "وقع", "وقعت", "اندلع", "اندلعت", "جرى", "جرت", "دار",
                                      "دارت", "شهد", "شهدت")}
_NEW_WORDS = {fold(w) for w in ("جديدة", "جديد", "أخرى", "آخر", "ثانية", "ثان", "ثالثة")}
_ORDINALS = {**{fold(w): 1 for w in ("الأول", "الأولى")}, **{fold(w): 2 for w in ("الثاني", "الثانية")},
             **{fold(w): 3 for w in ("الثالث", "الثالثة")}}
_NEXT_WORDS = {fold(w) for w in ("الثاني", "الثانية", "الثالث", "الثالثة", "الآخر", "الأخرى", "آخر", "أخرى",
                                  "ثان", "ثانية")}
_NEAR = 3
# the main clause's stance towards what it tells (not what kind of thing it is: an accident, a sense)
_STANCES = {"plan", "demand", "threat", "denial", "judicial", "release", "hypothetical", "future", "negation"}
_FRAME_REACH = 3  # a period cue within the first words of a sentence frames it (وفي السنوات الأخيرة)


def _countable(t: Match) -> bool:
    """Does "عشرات/مئات/بعض" before this trigger make it a tally of many acts? Yes for plural
    acts and generic outcomes ("مئات القتلى" in a war summary), not for crowds ("مئات المتظاهرين")."""
    p = t.payload
    return p.plural or (p.strength < 2 and p.kind not in _CROWD)


class SentenceModality:
    """The modality cues of one sentence, indexed so that asking about each trigger costs a
    bisection, not a pass over every cue (a sentence of 2,000 clauses full of لم ... ولا made
    the plain loop quadratic). Answers exactly as ``_blocked`` / ``_weakened`` over the list:
    the kind of the first cue in list order that qualifies."""

    __slots__ = ("any_plain", "any_plural", "any_acts", "acts_at", "same", "after", "before", "near", "near_starts",
                 "near_reach", "weak_before", "weak_near", "weak_near_starts", "weak_reach", "found")

    def __init__(self, modalities: list[Match]) -> None:
        inf = len(modalities)
        self.any_plain = self.any_plural = self.any_acts = (inf, "")
        self.acts_at = 0  # where the first aggregate_acts cue starts
        self.same: dict[int, list[tuple[int, Match]]] = {}
        self.after: dict[int, list[tuple[int, Match]]] = {}
        before: list[tuple[int, int, str, bool]] = []  # (tok_start, index, kind, aggregate_plural)
        near: list[tuple[int, int, int, str, bool]] = []  # (tok_start, tok_end, index, kind, ...)
        weak_near: list[tuple[int, int]] = []  # (tok_start, tok_end)
        self.weak_before = None  # earliest start of a weakening cue of any scope but "near"
        self.found = None  # earliest start of a "weapons found" cue
        for i, m in enumerate(modalities):
            kind, scope = m.payload
            if kind == "found" and (self.found is None or m.tok_start < self.found):
                self.found = m.tok_start
            if kind in _WEAKENING:
                if scope == "near":
                    weak_near.append((m.tok_start, m.tok_end))
                elif self.weak_before is None or m.tok_start < self.weak_before:
                    self.weak_before = m.tok_start
                continue
            if kind in _NOT_BLOCKING:
                continue
            if kind == "aggregate_acts":  # scope "any" only: stops plural act nouns and fighting alone
                if self.any_acts[0] == inf:
                    # its own name: the sentence's other acts stand ("قتل 7 جنود في كمين ... ليرتفع
                    # عدد الذين قتلوا في هجمات منذ مطلع الشهر")
                    self.any_acts = (i, "aggregate_acts")
                    self.acts_at = m.tok_start
                continue
            plural = kind == "aggregate_plural"
            if scope == "any":
                if plural and self.any_plural[0] == inf:
                    self.any_plural = (i, kind)
                elif not plural and self.any_plain[0] == inf:
                    self.any_plain = (i, kind)
            elif scope == "same":
                self.same.setdefault(m.tok_start, []).append((i, m))
            elif scope == "after":
                self.after.setdefault(m.tok_start, []).append((i, m))
            elif scope == "near":
                near.append((m.tok_start, m.tok_end, i, kind, plural))
            else:
                before.append((m.tok_start, i, kind, plural))
        # cues starting before a position: the first in list order, with and without the plural
        # aggregates (those block only countable triggers)
        before.sort()
        self.before = ([b[0] for b in before], _prefix_first(before, False), _prefix_first(before, True))
        near.sort()
        self.near = near
        self.near_starts = [n[0] for n in near]
        self.near_reach = max((n[1] - n[0] for n in near), default=0) + _NEAR
        weak_near.sort()
        self.weak_near = weak_near
        self.weak_near_starts = [w[0] for w in weak_near]
        self.weak_reach = max((w[1] - w[0] for w in weak_near), default=0) + _NEAR

    def blocked(self, trigger: Match) -> str | None:
        countable = _countable(trigger)
        best = min(self.any_plain, self.any_plural) if countable else self.any_plain
        if trigger.payload.plural or trigger.payload.kind in ("clash", "operation"):
            # fighting since a month ago goes on: no one battle; nor is an operation run since
            # January one act ("تنفذ القوات التركية عملية عسكرية ... منذ يناير": a campaign)
            best = min(best, self.any_acts)
        t = trigger.tok_start
        for i, m in self.same.get(t, ()):
            if m.tok_end > trigger.tok_end and i < best[0] and (countable or m.payload[0] != "aggregate_plural"):
                best = (i, m.payload[0])
        for d in (0, 1):
            for i, m in self.after.get(trigger.tok_end + d, ()):
                if m.payload[0] == "metaphor" and trigger.payload.outcome:
                    continue  # speech is an attack's metaphor, not a death's: "قتل قيادي سياسي"، "اغتيال سياسي"
                if i < best[0] and (countable or m.payload[0] != "aggregate_plural"):
                    best = (i, m.payload[0])
        starts, first_plain, first_all = self.before
        k = bisect_left(starts, t)  # cues starting before the trigger
        if k:
            cand = (first_all if countable else first_plain)[k - 1]
            if cand < best:
                best = cand
        lo = bisect_left(self.near_starts, t - self.near_reach)
        for j in range(lo, bisect_left(self.near_starts, t)):
            start, end, i, kind, plural = self.near[j]
            if t - end <= _NEAR and i < best[0] and (countable or not plural):
                best = (i, kind)
        return best[1] or None

    def found_before(self, trigger: Match) -> bool:
        """"عثرت القوات على صواريخ": weapons found or seized before this weapon noun."""
        return self.found is not None and self.found < trigger.tok_start

    def weakened(self, trigger: Match) -> bool:
        t = trigger.tok_start
        if self.weak_before is not None and self.weak_before < t:
            return True
        lo = bisect_left(self.weak_near_starts, t - self.weak_reach)
        return any(t - end <= _NEAR for start, end in self.weak_near[lo:bisect_left(self.weak_near_starts, t)])


def _prefix_first(cues: list[tuple[int, int, str, bool]], with_plural: bool) -> list[tuple[int, str]]:
    """For each prefix of the cues (sorted by start), the cue first in list order: (index, kind)."""
    out, best = [], (len(cues) + 10**9, "")
    for start, i, kind, plural in cues:
        if (with_plural or not plural) and i < best[0]:
            best = (i, kind)
        out.append(best)
    return out


_SEPARATE = {"air", "shelling", "suicide", "ied", "chemical", "grenade", "clash", "change"}
_COMMAS = {"،", ","}
_BOMBS = {"ied", "suicide", "explosion"}
_COUNTED_ACTS = _BOMBS | {"attack", "air", "shelling"}  # acts a story numbers: the first, the second


def _people_counts_out(mods: list[Match], trig: list[Match], tokens) -> list[Match]:
    """Without the plural cues that count the dead or wounded, not acts: "قتل مئات المدنيين في
    هجوم"، "أصيب العشرات في هجوم"، "عشرات القتلى" (but "عشرات الغارات" stays an aggregate)."""
    if not any(m.payload[0] == "aggregate_plural" for m in mods):
        return mods
    outcome_ends = {t.tok_end for t in trig if t.payload.outcome}
    outcome_starts = {t.tok_start for t in trig if t.payload.outcome}
    counted = count_nouns()

    def people(m: Match) -> bool:
        # next to a killing or wounding, or before a count noun (not "مئات المتظاهرين": a crowd)
        if m.tok_start in outcome_ends or m.tok_end in outcome_starts or m.tok_end + 1 in outcome_starts:
            return True  # "... وعددا من مرافقيه قتلوا": the counted are the dead
        return m.tok_end < len(tokens) and any(f in counted for f in tokens[m.tok_end].forms[:3])

    return [m for m in mods if m.payload[0] != "aggregate_plural" or not people(m)]


def _is_update(tok) -> bool:
    return word_cue(tok.norm) in ("update", "rise")


_CLAUSE_OPENERS = {fold(w) for w in ("فيما", "بينما", "كما", "وفيما", "وبينما")}
_SEPARATE_WORDS = {fold(w) for w in ("منفصل", "منفصلة", "آخر", "أخرى", "مماثل", "مماثلة")}
_OUTCOME_KINDS = {"kill", "injure"}
_NOT_A_CLAUSE = {fold(w) for w in ("يشتبه", "يبدو", "يعتقد", "يرجح", "بدا", "وصف", "وصفه", "وصفته", "يخص", "يتعلق")}
_AT = {fold(w) for w in ("في", "وفي", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
                         "غربي", "داخل", "على", "أمام")}


def _split_clauses(live: list[Match], tokens, sent_start: int, sent_end: int,
                   places: set[int], years: dict[int, str] | None = None) -> list[tuple[list[Match], int, int]]:
    """"قتل 5 في غارة على إدلب، فيما اعتقلت الشرطة 3 في عفرين": a clause opened by فيما، بينما،
    كما، في حين or "، وفي" that tells an act of its own at a place of its own (or "في هجوم
    منفصل") is another event: (its triggers, the clause's first and end token). Not "، فيما
    أصيب 3 آخرون" (the same act's wounded), nor a definite act noun ("بينما وقع الانفجار الثاني").
    ``places``: token positions where a place name starts; ``years``: token positions where a
    date written out with its year starts -> the year ("، وتفجير في قلب المدينة ... عام 2016" after an
    act of 2017 is another act)."""
    whole = [(live, sent_start, sent_end)]
    if len(live) < 2:
        return whole
    bounds = []
    # "...، وحدث انقلاب عسكري بتركيا"، "، واندلعت اشتباكات": a comma, then a verb of happening
    # before an act noun, opens a clause too; so does a comma before an act noun joined by و
    # ("هجوم على ملهى في إسطنبول راح ضحيته 39، وتفجير في أنقرة أودى بحياة 12")
    act_starts = {t.tok_start for t in live}
    # not an outcome ("مقتل 6 مسلحين، وإصابة 4 من جنوده، في هجمات": the same act's wounded)
    own_starts = {t.tok_start for t in live if t.payload.kind not in _OUTCOME_KINDS
                  and not is_definite(tokens[t.tok_start].norm)}
    for j in range(live[0].tok_end, live[-1].tok_start):
        w = tokens[j].norm
        nxt = tokens[j + 1].norm if j + 1 < sent_end else ""
        if (w in _CLAUSE_OPENERS and nxt not in _NOT_A_CLAUSE) or (w == "في" and nxt == "حين") or (
                w in _COMMAS and (nxt == "وفي" or (nxt in _HAPPENED and j + 2 in act_starts)
                                  or (nxt.startswith("و") and j + 1 in own_starts))):
            bounds.append(j)
    if not bounds:
        return whole
    edges = [sent_start] + bounds + [sent_end]
    out: list[tuple[list[Match], int, int]] = []
    for lo, hi in zip(edges, edges[1:]):
        part = [t for t in live if lo <= t.tok_start < hi]
        # (ألقت القبض is always definite: an arrest is an act of its own)
        own = [t for t in part if t.payload.kind not in _OUTCOME_KINDS
               and (t.payload.kind == "arrest" or not is_definite(tokens[t.tok_start].norm))]
        # a place of its own: "في مدينة كسلا"، "بمحافظة نينوى" (not "الرئيس الفرنسي")
        apart = any(lo <= p < hi and (tokens[p - 1].norm in _AT or tokens[p].norm[:1] == "ب"
                                      or tokens[p].norm[:2] == "وب") for p in places) \
            or any(tokens[j].norm in _SEPARATE_WORDS for j in range(lo, hi))
        if not apart and years and out:
            # a year of its own, where the clause before gave another
            mine = {y for p, y in years.items() if lo <= p < hi}
            before = {y for p, y in years.items() if out[-1][1] <= p < lo}
            apart = bool(mine and before and not mine & before)
        if out and (not part or not own or not apart):
            out[-1] = (out[-1][0] + part, out[-1][1], hi)  # the same act's toll, or a reference back
        elif part:
            out.append((part, lo, hi))
    return out


def _split_ordinal(live: list[Match], tokens) -> list[list[Match]]:
    """"الانفجار الأول ... بينما وقع الانفجار الثاني": an act noun followed by "second", "other"
    after another act in the sentence starts a second act."""
    for k, t in enumerate(live):
        if k and t.tok_end < len(tokens) and tokens[t.tok_end].norm in _NEXT_WORDS \
                and t.payload.kind in _COUNTED_ACTS and any(u.payload.kind in _COUNTED_ACTS for u in live[:k]):
            return [live[:k], live[k:]]
    return [live]


def _split_acts(live: list[Match], tokens) -> list[list[Match]]:
    """"اشتباكات بين الطرفين وتفجيرين انتحاريين": two named acts of different kinds joined by و
    are two events; each takes the generic triggers (killing, wounding) of the sentence."""
    specific = [t for t in live if t.payload.strength == 2 and t.payload.kind in _SEPARATE]
    kinds = []
    for t in specific:
        if t.payload.kind not in kinds:
            kinds.append(t.payload.kind)
    if len(kinds) < 2:
        return [live]
    second = next(t for t in specific if t.payload.kind == kinds[1])
    first_end = min(t.tok_end for t in specific if t.payload.kind == kinds[0])
    # joined by و on the second act's word, or a change in a group in a clause of its own
    # ("قتل في غارة ...، وكشفوا أنه تم تعيين X خلفا له")
    clause = "change" in kinds[:2] and any(tokens[j].norm in _COMMAS and tokens[j + 1].norm.startswith("و")
                                           for j in range(first_end, second.tok_start - 1))
    if not tokens[second.tok_start].norm.startswith("و") and not clause:
        return [live]
    shared = [t for t in live if t not in specific]
    groups = []
    for k in kinds:
        # a change in a group does not take the sentence's killings and woundings
        groups.append(sorted([t for t in specific if t.payload.kind == k] + (shared if k != "change" else []),
                             key=lambda t: t.tok_start))
    return groups


def _split_charge(group: list[Match], charges: list[int], lo: int, hi: int
                  ) -> list[tuple[list[Match], int, int, bool]]:
    """"اعتقال عدد من المشتبه بتفجير عبوة ناسفة"، "مداهمة لمجموعة من المشتبه بهم بتفجير عبوة": an
    arrest or a raid and the act its suspects are held for (a charge cue of modality.tsv between
    them) are two events, the arrest or raid and the act
    it names (an event of its own date, CODEBOOK 1: a past act told as background); each counts
    only the figures of its own part of the sentence. (group, first, end token, split?) each."""
    for c in charges:
        before = [t for t in group if t.tok_start < c]
        after = [t for t in group if t.tok_start > c]
        if any(t.payload.kind == "arrest" or not t.payload.outcome for t in before) \
                and any(not t.payload.outcome for t in after):
            return [(before, lo, c, True), (after, c, hi, True)]
    return [(group, lo, hi, False)]


_CROWD = {"protest", "protest_force", "protest_intervention", "riot", "mob"}
_WEAKENING = {"accusation", "reference"}  # the mention only supports an act told elsewhere
# read elsewhere: the place was not disclosed (argument linker); a new act is told (below)
_NOT_BLOCKING = {"undisclosed", "new_act", "found", "charge"}
_FOUND_WEAPONS = {"shelling", "ied", "grenade"}  # kinds whose munitions can be found, not fired
# the munitions themselves (not the acts: "قصف" found in a sentence about bodies is still shelling)
_MUNITIONS = ("صاروخ", "صواريخ", "قذيف", "قذائف", "لغم", "الغام", "عبوه", "عبوات", "قنبل", "متفجرات",
              "ذخائر", "راجمات", "مقذوف", "مفخخ")


def _found_munition(t: Match, tokens, modality: "SentenceModality") -> bool:
    """"عثرت القوات على صواريخ"، "تدمير 3 سيارات مفخخة": a munition named after a find, a seizure
    or a clearance."""
    return t.payload.kind in _FOUND_WEAPONS and modality.found_before(t) and any(
        f.startswith(_MUNITIONS) for k in range(t.tok_start, t.tok_end) for f in tokens[k].forms)


def _as_found(t: Match) -> Match:
    """A weapon noun after "found / seized / cleared": a disrupted weapons use."""
    p = t.payload
    return replace(t, payload=TriggerEntry(p.phrase, "disrupted", 2, 1, p.plural))


_BACKGROUND = {fold(w) for w in ("أعقاب", "عقب", "إطار", "خلفية", "ردا", "رداً", "ذكرى", "أثناء",
                                  "غمرة", "سياق", "ظل")}


def _future_near(t: Match, tokens, sent_start: int, sent_end: int) -> bool:
    """"سيتم إعدام ..."، "مقتل الجبوري سيوقف قدرة التنظيم": a future verb next to the trigger."""
    lo, hi = max(sent_start, t.tok_start - _NEAR), min(sent_end, t.tok_end + 5)
    return any(is_future_verb(tokens[j].norm) for j in range(lo, hi) if not t.tok_start <= j < t.tok_end)


_CAUSE = {fold(w) for w in ("احتجاجا", "تنديدا", "رفضا", "استنكارا")}


def _a_cause(t: Match, tokens, sent_start: int) -> bool:
    """"تظاهروا احتجاجا على الغارات": the strikes are what the protest is about."""
    return any(f in _CAUSE for j in range(max(sent_start, t.tok_start - 3), t.tok_start)
               for f in tokens[j].forms[:2])


def _in_background(t: Match, tokens, sent_start: int) -> bool:
    for j in range(max(sent_start, t.tok_start - 3), t.tok_start):
        if any(f in _BACKGROUND for f in tokens[j].forms[:3]):
            return True
    return False


_SUPPORT_WORDS = SUPPORT_MARKERS | SUPPORT_NOUNS


_GROUND_KINDS = {"regain", "overtake", "clash", "attack", "operation"}


def _air_support(t: Match, tokens, sent_start: int) -> bool:
    """"حقق الجيش بدعم طيران التحالف تقدما"، "تمكنت وبإسناد جوي لطيران التحالف من اقتحام الموقع":
    aircraft named as support for someone else's act are no act of their own (the act is the
    advance or the storming, the aviation its associate)."""
    return t.payload.kind == "air" and any(
        f in _SUPPORT_WORDS for j in range(max(sent_start, t.tok_start - 3), t.tok_start) for f in tokens[j].forms[:2])


def _system_acts(t: Match, blocked: str) -> bool:
    """"منظومة القبة الحديدية اعترضت صاروخين": a weapons system named as the subject of an
    interception verb acts; it is no object only (as in "صفقة منظومة صواريخ")."""
    return blocked == "weapons" and t.payload.kind == "disrupted" and t.payload.strength == 2


class EventMentionDetector:
    """Component: fills ``doc._matches`` (event lexicons) and ``doc._mentions``."""

    def __init__(self, model: TriggerModel | None | bool = True) -> None:
        """``model``: the trigger classifier (True: the shipped one, where there is one; None or
        False: rules only)."""
        self.matcher = matcher()
        self.model = trigger_model() if model is True else (model or None)
        self.collect = False  # keep every candidate's features in doc._trigger_features (training)

    def __call__(self, doc: Document) -> None:
        tokens = doc._tokens
        matches = _no_ta_marbuta_pronouns(join_split(phrase_matches(doc, self.matcher, tokens), tokens), doc.text)
        doc._matches = matches
        by_sent: dict[int, dict[str, list[Match]]] = {}
        for m in matches:
            by_sent.setdefault(tokens[m.tok_start].sent, {}).setdefault(m.label, []).append(m)
        starts = [s.start for s in doc._sentences]
        future_sents = _timex_sentences(doc, starts, future=True)
        dated_sents = _timex_sentences(doc, starts, future=False)
        # "شهدت مؤخرا احتجاجات": a vague date does not make a plural of acts one event
        firmly_dated = _timex_sentences(doc, starts, future=False, vague=False)
        actor_sents = {bisect_right(starts, e.start) - 1 for e in doc.entities if e.type == "ACTOR"}
        triggers = {si: t for si, groups in by_sent.items() if (t := longest_non_overlapping(groups.get("TRIGGER", [])))}
        place_starts: dict[int, set[int]] = {}  # sentence -> token positions where a place starts
        tok_ends, tok_starts = columns(tokens).ends, columns(tokens).starts
        year_starts: dict[int, dict[int, str]] = {}  # sentence -> token position -> a year written out
        for t in doc.timex:
            if t.date_start and not t.relative and not t.future:
                k = bisect_right(tok_ends, t.start)
                if k < len(tokens):
                    year_starts.setdefault(tokens[k].sent, {})[k] = t.date_start[:4]
        for e in doc.entities:
            if e.source == "places":
                k = bisect_right(tok_ends, e.start)  # the token holding the start ("بمحافظة")
                if k < len(tokens):
                    place_starts.setdefault(tokens[k].sent, set()).add(k)
        model, collect = self.model, self.collect
        ctx = DocContext(doc, dated_sents, future_sents) if model or collect else None
        if collect:
            doc._trigger_features = {}
        mentions: list[Mention] = []
        # "وفي السنوات الأخيرة، شهدت سيناء هجمات ... . وقتل المئات ...": a sentence opened by a
        # period cue sets a frame the next one, undated and joined by و, stays in
        frames = {si for si, groups in by_sent.items() if any(
            m.payload[0] == "aggregate" and m.tok_start - doc._sentences[si].tok_start <= _FRAME_REACH
            and any(_is_period(tokens[j]) for j in range(m.tok_start, m.tok_end))
            for m in groups.get("MODALITY", []))}
        listed = _listed_under(doc)
        accident = _accident_story(doc)
        armed_sents = {bisect_right(starts, e.start) - 1 for e in doc.entities
                       if e.type == "ACTOR" and e.data.get("kind") not in UNARMED_KINDS}
        # "اقرأ أيضا: ..." lines point to other stories: none of their acts is this article's (their
        # labelled triggers still train the classifier, which reads the words, not the page)
        link_sents = set() if collect else {
            si for lo, hi in doc._links for si in range(max(0, bisect_right(starts, lo) - 1), bisect_left(starts, hi))}
        for si, trig in sorted(triggers.items()):
            if si in link_sents:
                continue
            groups = by_sent[si]
            sent = doc._sentences[si]
            if si - 1 in frames and si not in dated_sents and tokens[sent.tok_start].norm[:1] == "و" \
                    and not (mentions and mentions[-1].sent == si - 1) \
                    and not any(m.payload[0] == "new_act" for m in groups.get("MODALITY", [])):
                continue
            mods = _people_counts_out(groups.get("MODALITY", []), trig, tokens)
            modality = SentenceModality(mods)
            read = _read_all(trig, tokens, sent, mods, modality)
            prob = {}
            if ctx is not None:
                # the rules' readings are features too: the classifier learns how far to trust them
                dated = "dated" if si in firmly_dated else "vaguely_dated" if si in dated_sents else "undated"
                for t in trig:
                    r = read[t.start]
                    flags = [dated] + [name for name, on in zip(_Reading._fields[1:], r[1:]) if on]
                    if t.payload.plural and si not in firmly_dated:
                        flags.append("plural_undated")
                    if si in future_sents:
                        flags.append("future_sent")
                    feats = trigger_features(doc, ctx, si, t, trig, r.blocked, flags)
                    if collect:
                        doc._trigger_features[(t.start, t.end)] = feats
                    if model:
                        prob[t.start] = model.prob(feats)
            live = [t for t in trig if not ((read[t.start].blocked and not _system_acts(t, read[t.start].blocked))
                                            or read[t.start].cause or read[t.start].future_near)]
            # the words that count the dead, wounded and arrested, whatever the classifier says of
            # them as acts: "قتل 4 وجرح 9 في هجوم" counts the 9 even when "جرح" is no act alone
            counted = [t for t in live if t.payload.outcome and not read[t.start].background]
            ruled = live  # the rules' acts, before the classifier's say
            if model:
                live = [t for t in live if prob[t.start] >= model.threshold]
            if si in future_sents:
                times = _sentence_times(doc, tok_starts, sent)
                live = [t for t in live if not _future_governed(t, times, tokens)]
            if not live:
                continue
            # found munitions are foiled, not fired (unless aircraft struck them: "دمرت مقاتلات
            # التحالف منصة إطلاق صواريخ" is a strike)
            if not any(t.payload.kind == "air" for t in live):
                live = [_as_found(t) if read[t.start].found else t for t in live]
            if si not in dated_sents and all(t.payload.strength < 2 for t in live) and any(
                    read[t.start].blocked in ("aggregate", "aggregate_plural") for t in trig):
                continue  # "أودت بعض غاراته إلى قتل مئات المدنيين": the toll of an aggregate
            # "في أعقاب اشتباكات"، "في إطار عملية عسكرية": context, not the news; the sentence's
            # other acts stand ("قتل خمسة في أعقاب اشتباكات")
            live = [t for t in live if not read[t.start].background]
            backing = [t for t in live if _air_support(t, tokens, sent.tok_start)]
            if backing:
                # the aircraft back a ground act: that act (an advance, a storming) is the news,
                # even where the classifier did not take its generic word alone
                live = [t for t in live if t not in backing]
                live += [t for t in ruled if t.payload.kind in _GROUND_KINDS and t not in live
                         and not read[t.start].background]
                live.sort(key=lambda t: t.tok_start)
            if not live:
                continue
            kinds = {t.payload.kind for t in live}
            main = max(live, key=lambda t: (t.payload.strength, -t.tok_start))
            # a killing or wounding word supports the act word beside it even when the classifier
            # does not take it for an act of its own ("قصف إسرائيلي ... يقتل مزارعا")
            support = kinds | {t.payload.kind for t in counted}
            weak = main.payload.strength < 2 and not (support & _SUPPORT_KINDS) and not (
                kinds & _NEEDS_SUPPORT and si in actor_sents) and not backing  # a generic word needs a named actor
            # a line listed under a header of history's events, with no date of its own, names an
            # old act: evidence for one the page dates ("في 13 سبتمبر من عام 1970 اندلعت ..."), no
            # act of its own
            weak = weak or read[main.start].weakened or (si in listed and si not in dated_sents)
            if main.payload.plural and si not in firmly_dated \
                    and not any(not t.payload.plural and t.payload.strength == 2 for t in live):
                # "غارات"، "هجمات" with no date of their own: an aggregate; an act told before it
                # stands ("قتلت الناشطة في البصرة التي شهدت مؤخرا احتجاجات")
                live = [t for t in live if t.tok_start < main.tok_start and t.payload.outcome]
                if not live:
                    continue
                kinds = {t.payload.kind for t in live}
                main = max(live, key=lambda t: (t.payload.strength, -t.tok_start))
            clauses = _split_clauses(live, tokens, sent.tok_start, sent.tok_end, place_starts.get(si, set()),
                                     year_starts.get(si))
            charges = [m.tok_start for m in mods if m.payload[0] == "charge"]
            for group, later, lo, hi, charged in (
                    (g, k > 0, glo, ghi, c) for k, (clause, lo, hi) in enumerate(clauses)
                    for part in _split_ordinal(clause, tokens) for g0 in _split_acts(part, tokens)
                    for g, glo, ghi, c in _split_charge(g0, charges, lo, hi)):
                gmain = max(group, key=lambda t: (t.payload.strength, -t.tok_start))
                gkinds = {t.payload.kind for t in group}
                # "تفجيران بسيارتين مفخختين": a dual explosion noun beside the weapon counts the acts
                # "قتل 13 شخصا في هجومين": a dual act noun beside the killing counts the acts
                # (not "في صلة بالهجومين": a definite dual refers back to acts told already)
                acts = [t for t in group if not t.payload.outcome and not is_definite(tokens[t.tok_start].norm)]
                mult = max(t.payload.events for t in acts) if acts else gmain.payload.events
                if gmain.payload.kind in _BOMBS:
                    mult = max(t.payload.events for t in group if t.payload.kind in _BOMBS)
                after = tokens[gmain.tok_end].norm if gmain.tok_end < len(tokens) else ""
                # "وردت القوات السعودية على مواقع إطلاق القذائف"، "من جهة أخرى، ...": an act of its own
                own_act = any(m.payload[0] == "new_act" and m.tok_start < gmain.tok_start for m in mods)
                ordinal = next((_ORDINALS[tokens[t.tok_end].norm] for t in group if t.tok_end < len(tokens)
                                and tokens[t.tok_end].norm in _ORDINALS), 0)
                # "وفي حصيلة جديدة، قالت مصادر إن عدد القتلى ارتفع إلى 11": a toll raised for an act
                # told before, no act of its own
                gweak = weak or (bool(mentions) and all(t.payload.kind in _OUTCOME_KINDS for t in group)
                                 and any(_is_update(tokens[j]) for j in range(sent.tok_start, sent.tok_end)))
                # each clause's own counting words: "قتل 5 ...، فيما اعتقلت الشرطة 3"
                counted_here = [t for t in counted if lo <= t.tok_start < hi]
                if gkinds <= _OUTCOME_KINDS | {"attack"} and gkinds & _OUTCOME_KINDS:
                    # "مقتل فلسطيني ... في سلسلة غارات إسرائيلية"، "قتل 45 ... في غارات جوية": the
                    # weapon the killing was done with is part of the act, though not an act of its
                    # own (an undated plural, a weak score); a generic strike word beside it too
                    # ("قتل وأصيب 6 في سلسلة من الغارات الجوية ضربت إدلب")
                    means = _means(trig, group, tokens, lo, hi, protests=gkinds <= _OUTCOME_KINDS)
                    if means:
                        group = sorted(group + means, key=lambda t: t.tok_start)
                        gmain = max(group, key=lambda t: (t.payload.strength, -t.tok_start))
                        gkinds = {t.payload.kind for t in group}
                if accident and gkinds <= _OUTCOME_KINDS and si not in armed_sents:
                    continue  # "بمقتل 6 أشخاص ... في حصيلة أولية للحادث": the accident's toll
                mentions.append(Mention(si, group, gmain, gkinds, mult, after in _NEW_WORDS or own_act or later,
                                        weak=gweak,
                                        ordinal=ordinal, prob=max((prob.get(t.start, 0.0) for t in group), default=0.0),
                                        counted=sorted({t.start: t for t in counted_here + group if t.payload.outcome}.values(),
                                                       key=lambda t: t.tok_start),
                                        clause=(lo, hi) if len(clauses) > 1 or charged else None))
        doc._mentions = mentions


_REMOTE_KINDS = {"air", "shelling", "chemical", "ied", "suicide", "grenade"}
_MEANS_WORDS = {fold(w) for w in ("في", "جراء", "إثر", "بسبب", "نتيجة", "خلال", "بفعل", "عبر", "بعد")}
# "قتل شاب بنيران إسرائيلية خلال التظاهرات": a protest the killing happened during
_DURING_WORDS = {fold(w) for w in ("خلال", "أثناء", "اثناء", "في")}


def _means(trig: list[Match], group: list[Match], tokens, lo: int, hi: int, protests: bool = True) -> list[Match]:
    """The weapons named after a killing or wounding through في/جراء/إثر/بعد or ب (a word such as
    سلسلة، موجة may stand between, with its من: "في سلسلة من الغارات الجوية"): "مقتل فلسطيني ...
    في سلسلة غارات إسرائيلية"; and a protest
    named right after خلال/أثناء/في, the crowd the dead were in."""
    first = min(t.tok_start for t in group)
    out: list[Match] = []
    for t in trig:
        if t in group or not (first < t.tok_start and lo <= t.tok_start < hi):
            continue
        before = [tokens[j].norm for j in range(max(first + 1, t.tok_start - 3), t.tok_start)]
        if t.payload.kind == "protest":
            if protests and tokens[t.tok_start - 1].norm in _DURING_WORDS:
                out.append(t)  # "مقتل شاب ... خلال التظاهرات": killed at a protest
            continue
        if t.payload.kind not in _REMOTE_KINDS or t.payload.strength < 2:
            continue
        if (t.stripped and tokens[t.tok_start].norm[:1] == "ب") or any(w in _MEANS_WORDS for w in before):
            out.append(t)
    return out


class _Reading(NamedTuple):
    """The rules' reading of one trigger in its sentence (the field names are also the
    classifier's flag features)."""

    blocked: str | None  # the modality cue that stops it (negation, threat, aggregate ...)
    cause: bool  # "احتجاجا على الغارات": what a protest is about
    future_near: bool  # a future verb next to it
    background: bool  # "في أعقاب اشتباكات": context, not the news
    weakened: bool  # an accusation or a reference: supports an act told elsewhere
    found: bool  # a munition found or seized, not fired


def _read_all(trig: list[Match], tokens, sent, mods: list[Match], modality: SentenceModality) -> dict:
    """Each trigger's reading (by start offset), with only the cues of its own clause where a
    clause is put first or the trigger opens a relative clause."""
    fronted = _fronted_clause_end(tokens, sent.tok_start, sent.tok_end)
    if fronted is not None and any(m.tok_start < fronted for m in mods):
        # "رغم دعوات التهدئة ...، قصفت قوات النظام أمس": the fronted clause's cues are not the
        # main clause's
        main = SentenceModality([m for m in mods if m.tok_start > fronted])
        read = {t.start: _read(t, tokens, sent, main if t.tok_start > fronted else modality) for t in trig}
    else:
        read = {t.start: _read(t, tokens, sent, modality) for t in trig}
    for t in trig:
        r = t.tok_start - 1
        if r > sent.tok_start and tokens[r].norm in RELATIVE_PRONOUNS and read[t.start].blocked in _STANCES \
                and any(m.tok_start < r for m in mods):
            # "طالبت منظمات بالإفراج عن الصحفيين الذين اعتقلوا في 2 شباط": what a relative clause
            # tells happened; the main clause's demand, plan or denial is not its stance
            read[t.start] = _read(t, tokens, sent, SentenceModality([m for m in mods if m.tok_start > r]))
    return read


_RELATIVES = RELATIVE_PRONOUNS | {fold(w) for w in ("وهي", "وهو", "حيث")}


def _read(t: Match, tokens, sent, modality: SentenceModality) -> _Reading:
    blocked = modality.blocked(t)
    if blocked == "aggregate_acts" and any(
            tokens[j].norm in _RELATIVES for j in range(t.tok_end, min(modality.acts_at, sent.tok_end))):
        # "على شاحنات في منطقة البوكمال، وهي المنطقة التي تسيطر عليها فصائل منذ أواخر 2017":
        # the span belongs to a relative clause about something else
        blocked = None
    return _Reading(blocked, _a_cause(t, tokens, sent.tok_start),
                    _future_near(t, tokens, sent.tok_start, sent.tok_end),
                    _in_background(t, tokens, sent.tok_start), modality.weakened(t),
                    _found_munition(t, tokens, modality))


_VAGUE_DATES = {fold(w) for w in ("مؤخرا", "مؤخراً", "في الآونة الأخيرة", "قبل أيام", "منذ أيام")}


def _is_period(tok) -> bool:
    """A noun for a span of time (سنوات، أعوام، بداية ...: count_cues.tsv, period_noun)."""
    return any(word_cue(f) == "period_noun" for f in tok.forms[:2])


def _no_ta_marbuta_pronouns(matches: list[Match], text: str) -> list[Match]:
    """Without verb-and-pronoun readings of a word ending in ة: folding writes "قتلة" (killers)
    as "قتله" (killed him), so a verb with an attached pronoun (triggers.tsv, column object) is
    checked against the original letter."""
    return [m for m in matches if not (m.label == "TRIGGER" and m.end > m.start and text[m.end - 1] == "ة"
                                       and not m.payload.phrase.endswith("ة") and " " not in m.payload.phrase)]


def _fronted_clause_end(tokens, sent_start: int, sent_end: int) -> int | None:
    """Where a clause put before the main one ends: a sentence opened by رغم، وسط، بعد، قبل،
    منذ ... (``clause_openers.tsv``), up to its first comma ("وسط دعوات للتهدئة أطلقها زعماء
    العشائر، اندلعت مواجهات"); None when the sentence does not open so."""
    if sent_start >= sent_end or clause_openers().isdisjoint(tokens[sent_start].forms[:2]):
        return None
    return next((j for j in range(sent_start + 1, min(sent_end, sent_start + 30)) if tokens[j].norm in _COMMAS), None)


def _sentence_times(doc: Document, tok_starts, sent) -> list[tuple[int, int, bool]]:
    """The sentence's resolved date expressions as (first token, end token, future?)."""
    out = []
    for t in doc.timex:
        if sent.start <= t.start < sent.end and (t.future or t.date_start):
            out.append((bisect_right(tok_starts, t.start) - 1, bisect_left(tok_starts, t.end), t.future))
    return out


def _future_governed(t: Match, times: list[tuple[int, int, bool]], tokens) -> bool:
    """Is the trigger in the clause of a future date? "ستنظر المحكمة الأحد المقبل في الهجوم":
    yes. "هاجم مسلحون مركزا للشرطة أمس قبل يومين من الانتخابات المقررة الأحد المقبل": no, a
    clause opener (قبل، فيما، وسط ..., ``clause_openers.tsv``) or a comma lies between them, and
    a past date (أمس) is nearer the act than the future one."""
    openers = clause_openers()

    def dist(lo: int, hi: int) -> int:
        return t.tok_start - hi if hi <= t.tok_start else lo - t.tok_end if lo >= t.tok_end else 0

    def separated(lo: int, hi: int) -> bool:
        between = range(hi, t.tok_start) if hi <= t.tok_start else range(t.tok_end, lo)
        return any(tokens[j].norm in _COMMAS or not openers.isdisjoint(tokens[j].forms[:2]) for j in between)

    future = [dist(lo, hi) for lo, hi, fut in times if fut and not separated(lo, hi)]
    if not future:
        return False
    return not any(dist(lo, hi) < min(future) for lo, hi, fut in times if not fut)


@cache
def _accident_cues() -> tuple[str, ...]:
    """The accident cues of modality.tsv (floods, crashes, a train that overturned), folded."""
    return tuple(fold(r["phrase"]) for r in read_tsv(EVENTS_DIR / "modality.tsv") if r["kind"] == "accident")


def _accident_story(doc: Document) -> bool:
    """Does the headline or the lead tell of an accident ("7 قتلى في حادث انقلاب قطار")? A toll told
    in a later sentence with no armed side named ("أن 7 جرحى نقلوا إلى المستشفى"، "في حصيلة أولية
    للحادث") is then the accident's, no act of violence."""
    lead = (doc.title or "") + " " + (doc.text[doc._sentences[0].start:doc._sentences[0].end] if doc._sentences else "")
    folded = " " + " ".join(fold(lead).split()) + " "
    return any(" " + c + " " in folded or " و" + c + " " in folded or " ب" + c + " " in folded
               for c in _accident_cues())


@cache
def _history_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words of history, words of a list) of data/events/history_markers.tsv."""
    rows = read_tsv(EVENTS_DIR / "history_markers.tsv")
    return tuple(tuple(" ".join(fold(r["marker"]).split()) for r in rows if r["role"] == role)
                 for role in ("history", "list"))


def _listed_under(doc: Document) -> set[int]:
    """The lines listed under a header of history's events ("وفيما يلي تسلسل لأبرز الأحداث
    التاريخية في 3 سبتمبر:", then one line per old act, data/events/history_markers.tsv): each
    following sentence on a line of its own, up to one dated against the publication (today's news
    again). Such a line with no date of its own is a weak mention: it may only add evidence to an
    act the page dates."""
    sents, text = doc._sentences, doc.text
    history, listing = _history_markers()
    whole = " ".join(doc._folded.text.split())
    if not any(m in whole for m in history):
        return set()
    folded = [" ".join(fold(text[s.start:s.end]).split()) for s in sents]
    starts = [s.start for s in sents]
    relative = {bisect_right(starts, t.start) - 1 for t in doc.timex if t.relative}
    out: set[int] = set()
    for si, words in enumerate(folded):
        if not any(m in words for m in history) or not (
                any(m in words for m in listing) or words.rstrip().endswith((":", "："))):
            continue
        k = si + 1
        while k < len(sents) and "\n" in text[sents[k - 1].end - 1:sents[k].start + 1] and k not in relative \
                and not _reports(doc, sents[k]):
            out.add(k)
            k += 1
    return out


def _reports(doc: Document, sent) -> bool:
    """Does the sentence report what someone said ("قال بن والاس ... إن")? A list of history's events
    does not ("الشيخ خليفة يعلن استقلال قطر" is an act): a line that does is news again (a page whose
    list the scraper lost)."""
    verbs, that = speech_verbs(), complementisers()
    tokens = doc._tokens
    said = [j for j in range(sent.tok_start, sent.tok_end) if not verbs.isdisjoint(tokens[j].forms[:2])]
    return bool(said) and any(tokens[j].norm in that for j in range(said[0] + 1, sent.tok_end))


def _timex_sentences(doc: Document, starts: list[int], future: bool, vague: bool = True) -> set[int]:
    """Sentences holding a resolved past (or, with ``future``, a future) date expression
    (``vague=False``: not counting مؤخرا، قبل أيام)."""
    sents = doc._sentences
    out = set()
    for t in doc.timex:
        if (not vague and " ".join(fold(t.text).split()) in _VAGUE_DATES) or anniversary(t):
            continue  # (an anniversary dates what it remembers, not the sentence's news)
        if t.future == future and (future or t.date_start):
            i = bisect_right(starts, t.start) - 1
            if i >= 0 and t.start < sents[i].end:
                out.add(i)
    return out
