"""Linking a mention's arguments: actors, type, date, place, counts and source.

Each field records in ``mention.explain`` the rule or lexicon entry that decided it
(shown by ``rasid extract --explain``).
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date, timedelta

from ..recognize.places import named_with_type_word, type_word_of
from ..recognize.places.sense_features import ARAB, PREPOSITIONS
from ..model import Document, Entity, Timex
from ..text.normalize import fold
from ..text.tokens import WordMemo, cached_forms, columns, is_definite, is_elative, without_enclitic
from ..recognize.actors import with_country
from ..recognize.actors.registry import the
from ..recognize.dates import anniversary, event_date
from ..recognize.dates.lexicon import lexicon as date_lexicon
from ..recognize.places.cues import cue_of
from ..recognize.places import country_info
from ..recognize.quotes import source_label
from .counts import ATTEMPT, clause_numbers, nationality, sentence_figures, sentence_total
from .lexicons import (DEMONSTRATIVES, RELATIVE_PRONOUNS, civilian_targets, clause_openers, light_verbs,
                       person_nouns, transitive_verbs, kinds as kind_table)
from .mention import Mention
from .roles import (ATTACK_NOUN_KINDS, BY_WORD, PROTEST_KINDS, REMOTE_KINDS, RIVALS, SUFFERED, ActorMention,
                    assign_roles, interception_roles, is_interception, is_person_phrase, verb_only)
from .typing import DISORDER, decide_type

_PRECISION_RANK = {"place": 0, "adm3": 1, "adm2": 2, "adm1": 3, "region": 4, "country": 5}


class DocIndex:
    """Token lookups for entity spans, built once per document."""

    def __init__(self, doc: Document):
        self.doc = doc
        cols = columns(doc._tokens)
        self.starts, self.ends = cols.starts, cols.ends
        self.sent_starts = [s.start for s in doc._sentences]

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_right(self.starts, start) - 1 if self.starts else 0, bisect_left(self.ends, end) + 1

    def sentence_of(self, start: int) -> int:
        """Index of the last sentence starting at or before ``start``."""
        return max(0, bisect_right(self.sent_starts, start) - 1)


class SentenceEntities:
    """The document's actor and locating place entities, bucketed by sentence once."""

    def __init__(self, doc: Document, idx: "DocIndex"):
        self.actors: dict[int, list[Entity]] = {}
        self.places: dict[int, list[Entity]] = {}
        for e in doc.entities:
            if e.type == "ACTOR":
                self.actors.setdefault(idx.sentence_of(e.start), []).append(e)
            elif e.source == "places" and e.data.get("locating", True):
                self.places.setdefault(idx.sentence_of(e.start), []).append(e)

    def __call__(self, s, kind: str) -> list[Entity]:
        table = self.actors if kind == "ACTOR" else self.places
        return [e for e in table.get(s.i, ()) if s.start <= e.start < s.end]


def _place_weight(e: Entity) -> float:
    """A country or province named outright says more about the story than a small town
    (which may be a homonym: تريب, a French town, is also Tripp, South Dakota)."""
    kind = e.data.get("kind")
    if kind == "country":
        return 2.0
    if kind in ("adm1", "region") or (e.data.get("population") or 0) >= 100_000:
        return 1.5
    return 1.0 if (e.data.get("population") or 0) >= 10_000 else 0.5


def _weak_abroad(e: Entity, story_country: str | None) -> bool:
    """A small place abroad in a story about another country is more likely a homonym, a
    street name (طريق مكة المكرمة) or a person than where the act happened."""
    if not story_country or e.data.get("country") == story_country:
        return False
    # a province or a region named outright is no homonym ("الحدود الشرقية لقطاع غزة" in a story
    # told from Riyadh), nor is an Arab town named with its type word ("مدينة بيت لحم" in a story
    # told from Israel): its Arabic name is its own. A foreign town's is a spelling that other
    # towns share (مدينة تريب is Trèbes in France, not Tripp in South Dakota; ولاية شان is
    # Myanmar's Shan, not Schaan)
    return e.data.get("kind") not in ("country", "adm1", "region") and (e.data.get("population") or 0) < 200_000 \
        and not (named_with_type_word(e) and e.data.get("cc") in ARAB)



def placed_in_their_country(doc: Document) -> set[str]:
    """Ids of the towns the document places right away in their own province or country
    ("مدينة سالزبيري في إنجلترا"، "بلدة كوي سنجق في إقليم كردستان"): no homonyms, wherever the
    document names them again and in whatever country its story is told."""
    places = sorted((e for e in doc.entities if e.source == "places"), key=lambda e: e.start)
    out = set()
    for e, o in zip(places, places[1:]):
        if e.id and e.data.get("kind") not in ("country", "adm1", "region") and 0 <= o.start - e.end <= 12 \
                and o.data.get("cc") == e.data.get("cc") and o.data.get("kind") in ("country", "adm1", "region"):
            out.add(e.id)
    return out


_PARTICLES = {fold(w) for w in ("على", "من", "في", "إلى", "عن", "مع", "و")}


def _two_words(gap: str) -> bool:
    """At most two words between a place and an adjective, and those the rest of a name the
    gazetteer cut short ("مدينة ديرة إسماعيل خان الباكستانية"): no punctuation, no particle, no
    definite noun that the adjective would qualify instead ("من غزة على الأراضي الإسرائيلية")."""
    words = gap.split()
    return len(words) <= 2 and not any(c in gap for c in ".،,؛:()\"«»\n") and not any(
        fold(w) in _PARTICLES or fold(w).startswith(("ال", "لل", "بال", "وال")) for w in words)


def document_country(doc: Document, span: tuple[int, int] | None = None) -> tuple[str | None, str]:
    """The story's country: most frequent among located places, then actors' countries
    (``span``: of one story of the page only)."""
    places: Counter = Counter()
    ents = doc.entities if span is None else [e for e in doc.entities if span[0] <= e.start < span[1]]
    towns = [e for e in ents if e.source == "places" and e.data.get("kind") != "country" and e.data.get("country")]
    corrected = set()  # towns whose country an adjective after them contradicts: homonyms
    for e in ents:
        if e.source != "places" or not e.data.get("demonym"):
            continue
        for town in towns:
            if 0 <= e.start - town.end <= 40 and town.data["country"] != e.data.get("country") \
                    and _two_words(doc.text[town.end:e.start]):
                # "في مدينة ديرة إسماعيل خان الباكستانية": the adjective says the town's country
                # (Dubai's Deira is a homonym)
                places[e.data["country"]] += 2.0
                corrected.add(id(town))
    for e in ents:
        if e.source != "places" or not e.data.get("country") or id(e) in corrected:
            continue
        if (e.data.get("locating", True) or e.data.get("story")) \
                and not (e.data.get("kind") == "country" and _landmark(doc, e)) \
                and not (e.data.get("territory") and _fired_from(doc, e)):  # "من داخل الأراضي اليمنية"
            w = _place_weight(e)
            if e.data.get("kind") == "country" and not _placed_at(doc, e):
                w = 1.0  # "استدعت إسرائيل سفراء إسبانيا": a state named as a side, not where
            places[e.data["country"]] += w
    if places:
        return places.most_common(1)[0][0], "most frequent country among the document's places"
    actors = Counter(e.data.get("country") for e in ents
                     if e.type == "ACTOR" and e.data.get("country") and e.data.get("kind") != "external")
    if actors:
        return actors.most_common(1)[0][0], "most frequent country among the document's actors"
    return None, ""


def best_place(ents: list[Entity], trigger_pos: int, story_country: str | None = None,
               at: frozenset[int] = frozenset()) -> Entity | None:
    """The most precise place of the sentence, preferring one named where something is (``at``:
    the starts of places after في، على، قرب، with ب, or right after the act's word) and then the
    story's country (a city named in passing abroad, "قال لقناة في دبي", is not where a Yemeni
    strike happened; "اعتقال بوتينا في الولايات المتحدة ... لصالح روسيا" happened in the United
    States in a story told from Moscow)."""
    if not ents:
        return None

    def rank(e: Entity):
        kind = e.data.get("kind", "place")
        prec = e.data.get("geo_precision", 3)
        abroad = bool(story_country) and e.data.get("country") != story_country
        # at one precision, a unit named outright beats "south of" a town
        # a town read through its Latin name (a guess by spelling) yields to a gazetteer one
        return (bool(at) and e.start not in at, abroad, prec, bool(e.data.get("transliterated")),
                bool(e.data.get("modifier")), _PRECISION_RANK.get(kind, 3), abs(e.start - trigger_pos))

    return min(ents, key=rank)


def _in_clause(ents: list[Entity], trig, s, tokens, idx) -> list[Entity]:
    """The places of the trigger's own clause, when it names any: "غارات على أهداف في غزة، وأطلق
    مسلحون صواريخ في عمق إسرائيل" happened in Gaza, whatever country the story is told from."""
    if len(ents) < 2:
        return ents
    seg = clause_numbers(tokens, s.tok_start, s.tok_end)
    mine = seg[trig.tok_start - s.tok_start]
    own = [e for e in ents if seg[idx.tok_range(e.start, e.end)[0] - s.tok_start] == mine]
    if own and all(e.data.get("kind") in ("country", "region") for e in own):
        # the clause names only the country: a town of it the sentence names elsewhere is finer
        # ("أطلقت إسرائيل صاروخا على طائرة اقتربت من الجولان، قرب بحيرة طبريا")
        countries = {e.data.get("country") for e in own}
        own += [e for e in ents if e not in own and e.data.get("country") in countries]
    return own or ents


# what may stand between two places of one list: "في لندن وأدنبرة"، "في باريس وفي كورسيكا" (not
# "، وفي القاهرة ...": a comma before وفي opens another clause, often another act)
_LIST_JOINS = {"", "و", "،", ",", "، و", ", و", "وفي", "و في", "وكذلك في", "وب"}
_NOT_A_LIST = {fold(w) for w in ("بين", "من", "طريق", "الطريق", "حدود", "الحدود")}


def coordinated_places(doc: Document, place: Entity, ents: list[Entity]) -> list[Entity]:
    """The other places of the list that ``place`` stands in ("مسيرات في لندن وأدنبرة وجنيف"):
    CODEBOOK section 1 makes one act at several places one event per place. A place that
    contains another of the list ("في بيروت، لبنان") makes no list, nor a pair after بين or من
    ("بين حلب وإدلب", a road or a border), nor countries (states that act, or a scope)."""
    kind = place.data.get("kind")
    if kind in (None, "region", "country"):
        return []  # "شنتها أمريكا وبريطانيا وفرنسا"، "في العراق وسوريا": states acting, or a scope
    ordered = sorted({e.start: e for e in ents}.values(), key=lambda e: e.start)
    if place not in ordered:
        return []
    k = ordered.index(place)
    joined = lambda a, b: b.start >= a.end and " ".join(doc.text[a.end:b.start].split()) in _LIST_JOINS
    lo = k
    while lo > 0 and joined(ordered[lo - 1], ordered[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(ordered) and joined(ordered[hi], ordered[hi + 1]):
        hi += 1
    chain = ordered[lo:hi + 1]
    if len(chain) < 2:
        return []
    before = doc.text[max(0, chain[0].start - 12):chain[0].start].split()
    if before and fold(before[-1]).lstrip("و") in _NOT_A_LIST:
        return []
    if any(e.data.get("kind") != kind for e in chain):
        return []  # "في بيروت، لبنان": a town and its country
    if any(e.data.get("admin1") and e.canonical == e.data.get("admin1")
           and any(o is not e and o.data.get("admin1") == e.data.get("admin1") for o in chain) for e in chain):
        return []  # a town and its province
    names = set()
    out = []
    for e in chain:
        key = e.data.get("location") or e.canonical
        if key in names:
            return []
        names.add(key)
        if e is not place:
            out.append(e)
    return out


_STREET = {fold(w) for w in ("طريق", "شارع", "جادة", "ميدان", "مستشفى", "فندق", "جامعة")}
_LANDMARK = {fold(w) for w in ("المحاذية", "المحاذي", "المجاورة", "المجاور", "المتاخمة", "المتاخم",
                                "القريبة", "القريب", "محاذاة", "الحدود", "حدود")}
_FROM_FILLERS = {fold(w) for w in ("داخل", "فوق", "الأراضي", "أراضي", "الأجواء", "أجواء")}
# "مصدرها الأراضي اليمنية": a word that names where a projectile came from, with no من
_SOURCE_WORDS = {fold(w) for w in ("مصدره", "مصدرها", "مصدرهما", "مصدرهم")}


def _from_filler(word: str) -> bool:
    """What may stand between من and a launch site: "من داخل الأراضي اليمنية"، or a type word or a
    compass point the place mention does not hold, past a bracket ("من محافظة (صعدة)"، "(شمال
    عمران)"; places/cues.tsv)."""
    return word in _FROM_FILLERS or _unheld_cue(word)


def _unheld_cue(word: str) -> bool:
    """A type word or a compass point that a place mention may leave out of its span ("مدينة
    (جازان)"، "(شمال عمران)")."""
    cue = cue_of(word)
    return cue is not None and cue[0] in ("type", "direction")


def _words_before_fillers(doc: Document, e: Entity, n: int) -> list[str]:
    """The words before a place, those that may stand between a preposition and it dropped."""
    words = [t.norm for t in _words_before(doc, e, n)]
    while words:
        if _from_filler(words[-1]):
            words.pop()
        elif len(words) > 1 and words[-2] in _FROM_FILLERS and words[-1].endswith(("يه", "ي")):
            del words[-2:]  # "من داخل الأراضي اليمنية (شمال عمران)": the land's adjective too
        else:
            break
    return words

_TO = fold("إلى")
_DIRECTIONS = tuple(fold(w) for w in ("غرب", "شرق", "شمال", "جنوب"))
_FIRED = {"shelling", "air"}


def _words_before(doc: Document, e: Entity, n: int) -> list:
    """The last ``n`` word tokens before a place mention (folded, with their clitic readings):
    read from the document's tokens rather than by folding the raw text again."""
    tokens = doc._tokens
    i = bisect_left(columns(tokens).starts, e.start)
    out = []
    while i > 0 and len(out) < n:
        i -= 1
        if tokens[i].is_word:
            out.append(tokens[i])
    out.reverse()
    return out


_AT_WORDS = {fold(w) for w in ("في", "على", "قرب", "داخل", "بالقرب", "وفي", "عند")}


# nouns after which "على" marks whom a measure is laid on, not where: "فرض عقوبات على روسيا"
_LAID_ON = {fold(w) for w in ("عقوبات", "العقوبات", "ضغوط", "الضغوط", "ضغوطا", "حظر", "حظرا", "رسوم", "رسوما",
                              "قيود", "قيودا", "غرامة", "غرامات", "تعريفات", "اللوم", "باللوم", "المسؤولية")}


_EDGES = {fold(w) for w in ("حدود", "الحدود")}


def _placed_at(doc: Document, e: Entity) -> bool:
    """Is the place named after a word of where (في، على، قرب، داخل) or with ب on it (بالعراق)?"""
    if doc.text[max(0, e.start - 1):e.start] == "ب":
        return True
    before = _words_before(doc, e, 2)
    if len(before) > 1 and before[-2].norm in _AT_WORDS and (
            before[-1].norm in _EDGES or (cue := cue_of(before[-1].norm)) is not None and cue[0] in ("near", "direction")):
        return True  # "على حدود قطاع غزة"، "على أطراف المدينة"، "في شمال سيناء": where, past an edge word
    if not before or before[-1].norm not in _AT_WORDS:
        return False
    return not (before[-1].norm == "علي" and len(before) > 1 and before[-2].norm in _LAID_ON)


def _on_street(doc: Document, e: Entity) -> bool:
    """"طريق مكة المكرمة"، "شارع بغداد": a place name inside a street or building name."""
    return any(f in _STREET for t in _words_before(doc, e, 1) for f in t.forms)


_BETWEEN = fold("بين")


def _subject_end(actors: list[ActorMention], cue_end: int) -> int:
    """Where the subject named right after a reporting cue ends ("أعلن الحرس الثوري الإيراني،
    الأحد، ..."): the announcement's date follows it, not the cue."""
    return next((a.tok_end for a in actors if cue_end <= a.tok_start <= cue_end + 1), cue_end)


def _landmark(doc: Document, e: Entity) -> bool:
    """Is the place named as a reference point: "المحاذية للبصرة"، "القريبة من الحدود"، or the
    second side of a border ("على الحدود بين قطاع غزة وإسرائيل": both name the border)?"""
    words = _words_before(doc, e, 6)
    if any(f in _LANDMARK for t in words[-2:] for f in t.forms):
        return True
    if not doc.text[e.start - 1:e.start] == "و" and not doc.text[e.start:e.start + 1] == "و":
        return False
    return any(w.norm == _BETWEEN and any(f in _LANDMARK for f in p.forms) for p, w in zip(words, words[1:]))


def _fired_from(doc: Document, e: Entity) -> bool:
    """Is the place named as where a missile or shell was fired from ("من اليمن"، "من داخل
    الأراضي السورية"، "من فوق الأراضي اللبنانية"، "مصدرها الأراضي اليمنية")?"""
    words = _words_before_fillers(doc, e, 6)
    return bool(words) and (words[-1] == "من" or words[-1] in _SOURCE_WORDS)


_LAUNCH_STEMS = tuple(fold(w) for w in ("أطلق", "اطلق", "انطلق", "قادم", "صاروخ", "صواريخ", "قذيف", "قذائف"))


def _launch_site(doc: Document, e: Entity) -> bool:
    """"صاروخ أطلق من صعدة"، "صواريخ قادمة من اليمن": where a projectile was fired from is no
    place for the story's other acts either."""
    return _fired_from(doc, e) and any(f.startswith(_LAUNCH_STEMS) for t in _words_before(doc, e, 6)
                                       for f in t.forms[:3])


# someone coming, returning or fleeing from a place: "احتجزت المهدي لدى وصوله قادما من برلين"، "رجلا
# قادما من سوريا"، "نازحين فارين من الغوطة"
_COMING = {fold(w) for w in ("قادم", "قادما", "قادمة", "قادمين", "قادمون", "القادم", "القادمة", "القادمين",
                             "آتيا", "آتية", "آت", "عائدا", "عائدة", "عائدين", "العائدين", "وافدا", "وافدة",
                             "وافدين", "فارا", "فارة", "فارين", "الفارين", "هاربا", "هاربين", "نازحين", "نازحا",
                             "وصوله", "وصولها", "وصولهم", "عودته", "عودتها", "عودتهم")}


_GOING = {fold(w) for w in ("طريقه", "طريقها", "طريقهم", "متوجها", "متوجهة", "متوجهين", "متجها", "متجهة",
                            "متجهين")}  # "في طريقه إلى بلجيكا"، "متوجها إلى إسطنبول"


def _came_from(doc: Document, e: Entity) -> bool:
    """A place someone came, returned or fled from, or was on the way to, is no place of what
    happened to them on the way or where they arrived ("اعتقل ... لدى وصوله من فنلندا في طريقه
    إلى بلجيكا"). Not for projectiles: where one was aimed is where it fell (the caller asks only
    for other acts)."""
    words = _words_before_fillers(doc, e, 5)
    if len(words) < 2:
        return False
    return (words[-1] == "من" and any(w in _COMING for w in words[-3:-1])) or (words[-1] == _TO and words[-2] in _GOING)


def _country_of(e: Entity, origins: list[Entity]) -> bool:
    """The country written right after an origin names it, no other place: "قادما من برلين بألمانيا"."""
    return e.data.get("kind") == "country" and any(
        o.end <= e.start and e.start - o.end <= 3 and o.data.get("country") == e.data.get("country") for o in origins)


_PROJECTILES = {fold(w) for w in ("صاروخ", "صاروخا", "صواريخ", "قذيفة", "قذائف")}
_MAKE = {fold(w) for w in ("نوع", "طراز")}  # "صواريخ من نوع بدر-1"


def _weapon_name(doc: Document, e: Entity) -> bool:
    """"صاروخ بدر-1"، "صواريخ من نوع بدر-1": a name right after a projectile noun (no preposition
    between) or after نوع/طراز names the weapon, not a place."""
    before = _words_before(doc, e, 1)
    if not before or e.data.get("kind") == "country":
        return False
    forms = before[0].forms[:2]
    if any(f in _MAKE for f in forms):
        return True
    # not a place named with its type word: "استهدفت صواريخ مدينة حلب" (the rockets hit the city)
    return not named_with_type_word(e) and any(f in _PROJECTILES for f in forms)


_TOWARD = {fold(w) for w in ("باتجاه", "اتجاه", "تجاه", "نحو", "صوب", "فوق", "أجواء", "سماء")}


def _aimed_at(doc: Document, e: Entity) -> bool:
    """Is the place named as where a projectile was aimed or flew ("باتجاه جازان"، "فوق الجليل"،
    past a type word the mention does not hold: "باتجاه مدينة (جازان)")?"""
    words = _words_before(doc, e, 3)
    def toward(t) -> bool:
        return any(f in _TOWARD for f in t.forms[:3])

    while words and not toward(words[-1]) and _unheld_cue(words[-1].norm):
        words.pop()
    return bool(words) and toward(words[-1])


def _reference_point(doc: Document, e: Entity) -> bool:
    """"السلط إلى الغرب من العاصمة عمان": the place after "to the west of" only says where the
    place named before it lies."""
    words = [t.norm for t in _words_before(doc, e, 4)]
    for k in (len(words) - 1, len(words) - 2):  # "من" right before the place, or one word before
        if k >= 2 and words[k] == "من" and words[k - 2] == _TO \
                and words[k - 1].removeprefix("ال").startswith(_DIRECTIONS):
            return True
    return False


def _describes(doc: Document, e: Entity, others: list[Entity]) -> bool:
    """"مديرية نهم شرق صنعاء"، "مديرية #نهم، شرق العاصمة #صنعاء": a place after a direction word
    (and a type word) that follows another place only says where that place lies."""
    words = _words_before(doc, e, 3)
    if len(words) == 3 and (cue := cue_of(words[2].norm)) and cue[:2] == ("type", "place") \
            and e.start > words[2].end:
        # a town's type word, not in the name: "شرق العاصمة #صنعاء" (but "جنوب محافظة الحديدة" is
        # the province's south: the place lies in it)
        words = words[:2]
    else:
        words = words[-2:]
    if len(words) < 2 or not words[1].norm.removeprefix("ال").startswith(_DIRECTIONS):
        return False
    if type_word_of(e) not in ("", "place"):
        return False  # "الساحل الغربي جنوب محافظة الحديدة": the province's south, in it
    return any(o is not e and o.end == words[0].end and o.data.get("kind") != "country" for o in others)


class StoryPlaces:
    """The place the story is about, for a sentence that names none: the nearest town or
    province named earlier in the same country (or, with ``anywhere``, the first one named).
    The candidates are listed once per country for a document; several of its mentions ask."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._located: dict[tuple, list[Entity]] = {}

    def __call__(self, before: int, country: str | None, anywhere: bool = False,
                 span: tuple[int, int] = (0, 1 << 62)) -> Entity | None:
        """``span``: the story of the page the sentence is in (page_stories)."""
        located = self._located.get((country, span))
        if located is None:
            doc = self.doc
            places = [e for e in doc.entities if e.source == "places"]
            located = self._located[(country, span)] = [
                e for e in doc.entities if e.source == "places" and span[0] <= e.start < span[1]
                and e.data.get("locating", True)
                and e.data.get("kind") != "country"
                # a region as narrow as a town's surroundings (الغوطة الشرقية) is a story's place too
                and (e.data.get("kind") != "region" or (e.data.get("geo_precision") or 3) <= 2)
                and (not country or e.data.get("country") == country) and not _reference_point(doc, e)
                and not _describes(doc, e, places)
                and not any(lo <= e.start < hi for lo, hi in doc._links)  # another story's headline
                and not _launch_site(doc, e) and not _weapon_name(doc, e)]
            named = [e for e in located if not e.data.get("capital_word")]
            if named:
                # "في العاصمة" stands for the story's town only where it names no town by name
                # (a linked headline's "العاصمة الهندية" is not where Kathua's acts happened)
                located[:] = named
        if not located:
            return None
        earlier = [e for e in located if e.start < before]
        if earlier:
            return earlier[-1]
        return located[0] if anywhere else None


def place_fields(e: Entity) -> dict:
    d = e.data
    return {"country": d.get("country") or "", "iso": d.get("iso"), "region": d.get("region") or "",
            "admin1": d.get("admin1") or "", "admin2": d.get("admin2") or "",
            "admin3": d.get("admin3") or "", "location": d.get("location") or e.canonical or "",
            "latitude": d.get("lat"), "longitude": d.get("lon"),
            "geo_precision": d.get("geo_precision") or 1}


def country_fields(country: str) -> dict:
    info = country_info(country) or {}
    return {"country": country, "iso": info.get("iso"), "region": info.get("region") or "",
            "admin1": "", "admin2": "", "admin3": "", "location": country,
            "latitude": info.get("lat"), "longitude": info.get("lon"), "geo_precision": 3}


def actor_name(a: ActorMention | None, country: str | None) -> tuple[str, int]:
    if a is None:
        return "", 0
    data = a.ent.data
    inter = int(data.get("inter") or 0)
    name = a.name
    if not country:
        return name, inter
    # generic actors take the event's country; regional ones their branch (Al Qaeda → AQAP)
    return with_country(name, inter, data.get("kind", ""), country), inter


def _named_force(a: ActorMention | None, actors: list[ActorMention], tokens) -> ActorMention | None:
    """"أعلن الجيش الإسرائيلي مقتل فلسطينيين برصاص جنود في غزة": soldiers with no country are
    those of the force the sentence names, not the place's (but "الجيش" on its own beside a
    foreign force named as a reporter is another army)."""
    if a is None or not a.ent.data.get("needs_country") or a.kind != "state" \
            or not is_person_phrase(tokens, a):
        return a
    head = a.name  # "Military Forces" / "Police Forces"
    named = [b for b in actors if b.kind == "state" and not b.ent.data.get("needs_country")
             and b.name.startswith(head + " of ")]
    return named[0] if len({b.name for b in named}) == 1 else a


def _nationality_named(norms: list[str], s) -> str | None:
    """The country of the first people named by a nationality word in the sentence
    ("قتل فلسطينيان": Palestine), or None; not an adjective (الرئيس التركي)."""
    return next((c for j in range(s.tok_start, s.tok_end) if not is_definite(norms[j])
                 and (c := nationality(norms[j]))), None)


def generic_actor(kind: str, country: str | None) -> tuple[str, int]:
    names = {"unidentified": ("Unidentified Armed Group", 3), "police": ("Police Forces", 1),
             "military": ("Military Forces", 1),
             "civilians": ("Civilians", 7), "protesters": ("Protesters", 6), "rioters": ("Rioters", 5)}
    name, inter = names[kind]
    return (with_country(name, inter, kind, country) if country else name), inter


def _person_side(norm: str) -> str | None:
    """The side (civilian, security …) of the person noun a word reads as, or None; through an
    attached pronoun too ("تسعة من سكانها"، "أحد ركابها")."""
    nouns = person_nouns()
    hit = next((nouns[f] for f in cached_forms(norm)[:3] if f in nouns), None)
    if hit is None:
        stem = without_enclitic(norm)
        if stem:
            hit = next((nouns[f] for f in cached_forms(stem)[:3] if f in nouns), None)
    return hit[1] if hit else None


_PERSON_SIDE = WordMemo(_person_side)

_LOOKAHEAD = 2
_WEAPON_ADJ = {fold(w) for w in ("جوية", "جوي", "صاروخي", "صاروخية", "مدفعي", "مدفعية", "بحري",
                                 "بحرية", "عسكرية", "عسكري", "مسلح", "مسلحة", "انتحاري")}
# before a military post ("عند حاجز"، "قرب ثكنة"), these make it the scene, not the target
_AT_PLACE = {fold(w) for w in ("عند", "قرب", "أمام", "بالقرب", "بجوار", "محيط", "وعند", "وقرب")}
_BELONGS = {fold(w) for w in ("تابعة", "التابعة", "تابع", "التابع")}
# (not "chemical": "غاز أعصاب روسي" says where the agent was made, not who used it)
_FORCE_KINDS = {"state", "external"}  # actor kinds of a state's armed forces, at home or abroad
_REMOTE_KINDS = REMOTE_KINDS | {"explosion"}
_REMOTE_OR_ASSAULT = {"air", "shelling", "attack", "operation", "clash", "explosion"}
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
_BOMBING = {"suicide", "ied", "explosion", "grenade"}
_TWO_SIDED = {"Armed clash", "Disrupted weapons use"}  # acts that always have another side
_CAUSE = {fold(w) for w in ("تنديدا", "احتجاجا", "رفضا", "استنكارا", "تضامنا", "دعما")}
_NON_STATE = {"rebel", "militia", "identity"}
_ARMED_KINDS = _NON_STATE | {"state", "external"}  # actors that can take ground or fight
_MILITARY_ADJ = {fold(w) for w in ("عسكري", "عسكريا", "العسكري")}
_REGAINS = "Government regains territory"
_TERRITORY = {_REGAINS, "Non-state actor overtakes territory"}
_UNNAMED_ARMED = ("Unidentified Armed Group", "Sole Perpetrator")


def demonym_after(places_at: dict[int, Entity], tokens, trig) -> str | None:
    """"قصف تركي"، "غارات روسية": a nationality adjective right after the trigger names the
    attacking state's forces."""
    if trig.tok_end >= len(tokens):
        return None
    starts = {tokens[trig.tok_end].start}
    if trig.tok_end + 1 < len(tokens) and tokens[trig.tok_end].norm in _WEAPON_ADJ:
        starts.add(tokens[trig.tok_end + 1].start)  # "غارة جوية روسية"
    # "طائرة بلا طيار تابعة للولايات المتحدة": a country the weapon belongs to
    owned = {tokens[j + 1].start for j in range(trig.tok_end, min(trig.tok_end + 4, len(tokens) - 1))
             if any(f in _BELONGS for f in tokens[j].forms[:2])}
    owned |= {tokens[j].start + 1 for j in range(trig.tok_end, min(trig.tok_end + 5, len(tokens)))
              if tokens[j].norm[:1] == "ل" and any(f in _BELONGS for f in tokens[j - 1].forms[:2])}
    for start in sorted(starts | owned):
        e = places_at.get(start)
        if e is None:
            continue
        if start in starts and e.data.get("demonym"):
            # "غارة روسية"، "غارة جوية روسية" (not "الصواريخ التي استهدفت المملكة": the target)
            return e.data.get("country")
        if start in owned and e.data.get("kind") == "country":
            return e.data.get("country")
    return None


_AT_HOME = {"arrest", "abduction"}  # acts a state does on its own soil: its name may be the place too
_STATE_GAP = 8  # words between a light verb's subject and its act noun ("قامت الولايات المتحدة، بدعم من حلفائها، بقصف")


def _feminine(verb: str) -> bool:
    """A state takes a feminine verb ("قصفت إسرائيل"، "تشن روسيا"): a bare قصف is as often the
    verbal noun with its object ("قصف اليمن") as a verb."""
    return verb.endswith("ت") or verb.startswith("ت")


def _time_word(word: str) -> bool:
    """"السبت"، "الماضي": a definite word of a date (the dates lexicon), no subject of a verb."""
    lex = date_lexicon()
    return word in lex.weekdays or word in lex.modifiers


def state_subject(places_at: dict[int, Entity], places_end: dict[int, Entity], tokens, sent, trig) -> Entity | None:
    """A country named as the subject of the act: "قصفت الولايات المتحدة مواقع"، "شنت إسرائيل
    غارات على غزة"، "قامت الولايات المتحدة ... بقصف"، "إن إسرائيل شنت غارات"، "استهداف إسرائيل
    للمركز". The state acts
    through its forces; its name is no place of the act. ``places_end``: places by end offset."""
    def country(e: Entity | None) -> Entity | None:
        return e if e is not None and e.data.get("kind") == "country" and e.data.get("locating") is not False \
            and e.data.get("country") else None

    def no_subject_before(j: int) -> bool:  # the verb at j has no subject before it (not
        # "القذائف التي استهدفت إسرائيل"، "الصواريخ استهدفت إسرائيل": there the state is the object)
        if j == sent.tok_start or tokens[j].norm[:1] in "وف":
            return True
        prev = tokens[j - 1].norm
        return prev not in RELATIVE_PRONOUNS and not (is_definite(prev) and not _time_word(prev))

    def after(j: int) -> Entity | None:  # the subject right after the verb at j - 1
        return country(places_at.get(tokens[j].start)) if j < sent.tok_end and no_subject_before(j - 1) else None

    def before(j: int) -> Entity | None:  # the subject right before the verb at j, no
        # preposition's object ("إن إسرائيل شنت"; not "في سوريا وأطلقت")
        e = country(places_end.get(tokens[j - 1].end)) if j > sent.tok_start else None
        if e is None:
            return None
        k = bisect_left(starts, e.start)
        if k >= len(tokens) or tokens[k].start != e.start or tokens[k].norm[:1] in "بلك":
            return None
        return e if k == sent.tok_start or tokens[k - 1].norm not in PREPOSITIONS else None

    starts = columns(tokens).starts
    t0 = trig.tok_start
    if trig.tok_end - t0 == 1 and trig.tok_end < sent.tok_end and not is_definite(tokens[t0].norm) \
            and (e := country(places_at.get(tokens[trig.tok_end].start))) is not None:
        # "استهداف إسرائيل للمركز الثقافي": an act noun, the state as its agent, then its object
        # after ل
        k = bisect_left(starts, e.end)
        if k < sent.tok_end and tokens[k].norm[:1] == "ل" and not tokens[k].norm.startswith("ال") \
                and len(tokens[k].norm) > 3:
            return e
    transitive = any(f in transitive_verbs() and _feminine(f) for f in tokens[t0].forms[:2])
    if transitive and (e := after(trig.tok_end) or before(t0)):
        return e
    light = light_verbs()  # feminine forms only, as a state takes
    j = trig.tok_end
    if j + 2 < sent.tok_end and tokens[j].norm in RELATIVE_PRONOUNS \
            and any(without_enclitic(f) in light for f in tokens[j + 1].forms[:2]) \
            and (e := country(places_at.get(tokens[j + 2].start))) is not None:
        # "الغارات التي نفذتها أمريكا وبريطانيا وفرنسا": the subject of the act's relative clause
        return e
    for v in range(max(sent.tok_start, t0 - _STATE_GAP - 1), t0):
        if any(f in light for f in tokens[v].forms[:2]):
            e = after(v + 1) or (before(v) if t0 - v <= 2 else None)
            if e is not None and e.end <= trig.start:
                return e
    return None


def _start(t) -> int:
    return t.start


_POLICE_NOUN = re.compile(r"شرط|امن")


def _long_span(t: Timex, published: str | None) -> bool:
    """A span of more than a week counted back from the day of the news ("الأسابيع الماضية"،
    "الأشهر الأربعة الأخيرة"), not a day, a named week or a part of a named month ("مطلع أبريل")."""
    return t.precision == "range" and t.relative and bool(t.date_start and t.date_end and published) \
        and date.fromisoformat(t.date_end) >= date.fromisoformat(published) - timedelta(days=2) and (
        date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days > 7


_SINCE = fold("منذ")
_FIRST = {fold(w) for w in ("الأول", "الأولى", "أول")}
_WHEN = {fold(w) for w in ("عندما", "حين", "حينما", "حيث")}


def _yardstick(doc: Document, t: Timex) -> bool:
    """"أكبر هجوم صاروخي استهدفها منذ حرب عام 2014"، "الأعنف منذ 2011"، "الأول من نوعه منذ عام":
    a date after منذ that a superlative measures against dates no act of the sentence."""
    tokens = doc._tokens
    starts = columns(tokens).starts
    k = bisect_left(starts, t.start)
    if k >= len(tokens):
        return False
    # منذ right before the date, or before one word naming what began then ("منذ حرب عام 2014")
    since = next((j for j in range(k - 1, max(-1, k - 3), -1)
                  if tokens[j].sent == tokens[k].sent and _SINCE in tokens[j].forms[:2]), None)
    if since is None:
        return False
    units = date_lexicon().units
    end = bisect_left(starts, t.end)
    if any(tokens[j].norm in _WHEN for j in range(end, min(end + 2, len(tokens)))):
        return False  # "منذ أغسطس 2016، عندما قتل حافظ سعيد خان": the date of the act told next
    for j in range(since - 1, max(-1, since - 7), -1):
        if tokens[j].sent != tokens[since].sent:
            break
        w = tokens[j]
        if any(e.start < w.end and w.start < e.end for e in doc.entities) or w.norm.removeprefix("ال") in units:
            continue  # "في الأردن منذ يوم الأربعاء"، "عقب أشهر من الهدوء": a name or a unit of time spelt so
        if w.norm in _FIRST or is_elative(doc.text, w, 2 if w.norm.startswith("ال") else 0):
            return True
    return False


def _other_clauses(tokens, trig, s, sent_matches) -> int | None:
    """Where, after the trigger, a relative clause about another noun starts: "قتلت الناشطة في
    البصرة التي شهدت مؤخرا احتجاجات" (the city's clause). A clause on an act noun ("الهجوم الذي
    وقع أمس"), or on its adjective ("الغارات الجوية التي شنها التحالف الشهر الماضي"), is the
    act's own."""
    acts = {j for m in sent_matches if m.label == "TRIGGER" for j in range(m.tok_start, m.tok_end)}
    # "اعتقل الرجلان لصلتهما بهجوم ... في أكتوبر الماضي": what suspects are held for is another act
    # (an event of its own where detect._split_charge parts it), its date not the arrest's
    charge = next((m for m in sent_matches if m.label == "MODALITY" and m.payload[0] == "charge"
                   and m.tok_start >= trig.tok_end and any(
                       a.label == "TRIGGER" and not a.payload.outcome and a.tok_start >= m.tok_end
                       for a in sent_matches)), None)
    for j in range(trig.tok_end, s.tok_end if charge is None else charge.tok_start):
        if tokens[j].norm in RELATIVE_PRONOUNS and j - 1 not in acts \
                and not (j - 2 in acts and is_definite(tokens[j - 1].norm)) \
                and not (tokens[j - 1].norm in DEMONSTRATIVES and any(k in acts for k in range(s.tok_start, j - 1))):
            # ("هجمات ...، بينها تلك التي حدثت في باريس في عام 2015": "those" stands for the acts)
            return tokens[j].start
    return charge.start if charge is not None else None


def _stopped_projectile(tokens, men: Mention, sent_matches) -> int | None:
    """Where the interception word of a mention about a projectile stopped stands ("اعترضت
    الدفاعات الجوية صاروخا"، "أعلن التحالف اعتراض 7 صواريخ"), or None."""
    if not men.kinds & {"disrupted", "shelling", "air"}:
        return None
    mine = {t.tok_start for t in men.triggers}
    stops = [m for m in sent_matches if m.label == "TRIGGER" and m.payload.kind == "disrupted"
             and is_interception(tokens, m.tok_start)]
    for m in stops:
            # the projectile it stopped: the first one named after it ("اعترضت ... صاروخا أطلقه
            # الحوثيون"; not "في حين سقط صاروخ آخر", which fell)
            x = min((x for x in sent_matches if x.label == "TRIGGER" and x.payload.kind in _FIRED
                     and x.tok_start > m.tok_start), key=lambda x: x.tok_start, default=None)
            if x is not None and _words_between(tokens, m.tok_start, x.tok_start) < 12 \
                    and (m.tok_start in mine or x.tok_start in mine):
                return m.tok_start
    # "اعترضت صاروخا ...، واسقطت صاروخا آخر": in a sentence that tells of an interception, a verb
    # of stopping right before the mention's own projectile
    for t in men.triggers if stops else ():
        if t.payload.kind in _FIRED:
            for j in range(max(0, t.tok_start - 2), t.tok_start):
                if tokens[j].is_word and is_interception(tokens, j):
                    return j
    return None


def _remembers(tokens, after: int, trig: int) -> bool:
    """Is the act word at ``trig`` what the anniversary ending before ``after`` remembers: ل (or
    على) right after it, and the act within four words of that ("الذكرى الأولى لهجوم"، "الذكرى
    الرابعة لخطف تلميذات"، "الذكرى السابعة لمقتل زعيم تنظيم القاعدة")?"""
    if after >= len(tokens) or after > trig:
        return False
    first = tokens[after].norm
    if not (first.startswith("ل") or first == "علي"):
        return False
    return trig - after <= 4 and all(tokens[j].is_word for j in range(after, trig))


def _words_between(tokens, lo: int, hi: int) -> int:
    """Words strictly between two tokens, punctuation and quote marks not counted
    ('التابعة للتحالف العربي لـ"دعم الشرعية" في اليمن، صاروخا')."""
    return sum(1 for j in range(lo + 1, hi) if tokens[j].is_word)


_NEXT_DAY = {fold(w) for w in ("غداة", "وغداة", "بغداة")}


def _days_before(tokens, sent_start: int, trig_start: int) -> int:
    """"وذلك غداة المواجهات": the act named right after غداة is the day before the date that
    governs the sentence (1; 0 when there is no such word). ("بعد يوم من هجومين" is a date
    expression of its own, read by the date recogniser.)"""
    return int(any(tokens[j].norm in _NEXT_DAY for j in range(max(sent_start, trig_start - 2), trig_start)))


def _most_named(actors: list[ActorMention], exclude: str, accept) -> tuple[ActorMention | None, int]:
    """The actor the story names most often among those ``accept`` takes (ties: the first named),
    with its count; anaphors (الحركة، الميليشيات) refer back and do not count as naming."""
    counts: Counter = Counter()
    first: dict[str, ActorMention] = {}
    for a in actors:
        if a.name and a.name != exclude and not a.ent.data.get("anaphor") and accept(a):
            counts[a.name] += 1
            first.setdefault(a.name, a)
    if not counts:
        return None, 0
    name, n = counts.most_common(1)[0]  # equal counts keep document order: the first named
    return first[name], n


def story_air_force(actors: list[ActorMention], exclude: str) -> ActorMention | None:
    """The state or foreign force the story names most, for an air strike whose sentence names
    no author; None when the story names none."""
    return _most_named(actors, exclude, lambda a: not a.name.startswith("Police Forces") and (
        a.kind == "external" or (a.kind == "state" and a.ent.data.get("country"))))[0]


def claimed_actor(actors: list[ActorMention], exclude: str) -> ActorMention | None:
    """The armed non-state group a story is about, when a sentence names no perpetrator: the
    one named at least twice and most often (a claim of responsibility, the group blamed)."""
    group, n = _most_named(actors, exclude,
                           lambda a: a.kind in _NON_STATE and not a.ent.data.get("needs_country"))
    return group if n >= 2 else None


_PLACE_MARKERS = {fold(w) for w in ("على", "ضد", "استهدف", "استهدفت", "أمام", "قرب", "داخل", "في",
                                     "بالقرب", "من", "وسط")}


def civilian_place(tokens, trig, sent_end: int, actor_ends: set[int] = frozenset()) -> str:
    """The civilian place named right after the act ("هجوم على مكاتب ..."، "انفجار في سوق"), or
    after the verb's subject ("اقتحمت مجموعة مسلحة مقر المؤسسة")."""
    places = civilian_targets()
    for j in range(trig.tok_end, min(trig.tok_end + 6, sent_end)):
        forms = tokens[j].forms[:3]
        if any(f in places for f in forms) and (
                (j > trig.tok_end and tokens[j - 1].norm in _PLACE_MARKERS) or j in actor_ends
                or tokens[j].norm not in places):
            return tokens[j].norm  # after a marker word or the subject, or with a clitic (بسوق)
    return ""


def _suffering_post(tokens, sent_start: int, trigger_start: int) -> bool:
    """"تعرضت دورية / نقطة تفتيش لهجوم": the subject of تعرض, right after it, is a patrol or a
    post (a security noun of person_nouns.tsv)."""
    nouns = person_nouns()
    for j in range(sent_start, trigger_start - 1):
        if any(f in SUFFERED for f in tokens[j].forms[:2]):
            hit = next((nouns[f] for f in tokens[j + 1].forms[:3] if f in nouns), None)
            return hit is not None and hit[1] == "security"
    return False


def opponent(actors: list[ActorMention], taken: set[str], non_state: bool) -> ActorMention | None:
    """The other side of a clash or a foiled attack whose sentence names one side only: the
    armed actor the story names most (at least twice) apart from that side and its allies; a
    non-state group for a foiled attack (the missiles intercepted are the rebels')."""
    kinds = _NON_STATE if non_state else _ARMED_KINDS
    best, n = _most_named(actors, "", lambda a: a.name not in taken and a.kind in kinds
                         and not a.ent.data.get("needs_country"))
    return best if n >= 2 else None


class QuoteSpeakers:
    """The speaker of the quote that tells an act: "قالت الشرطة الأفغانية ومسؤولون في وزارة الداخلية
    إن 3 انفجارات هزت كابول": every actor of the speaker's words (not only the first, right after
    the cue) reports the act; none did it by standing first in the sentence."""

    def __init__(self, doc: Document, idx: "DocIndex"):
        quotes = sorted((q for q in doc.quotes if q.speaker_start is not None and q.speaker_end is not None
                         and q.speaker_end > q.speaker_start), key=lambda q: q.start)
        self.starts = [q.start for q in quotes]
        self.quotes = quotes
        self.idx = idx

    def tokens_of(self, start: int) -> range:
        """Token indices of the speaker of the quote whose words hold offset ``start``."""
        k = bisect_right(self.starts, start) - 1
        if k < 0 or not (self.quotes[k].start <= start < self.quotes[k].end):
            return range(0)
        q = self.quotes[k]
        return range(*self.idx.tok_range(q.speaker_start, q.speaker_end))


def _quote_over(doc: Document, s):
    """The quote whose words or cue lie in the sentence (the speaker reports the event)."""
    for q in doc.quotes:
        cue = q.cue_start if q.cue_start is not None else q.start
        if (q.start <= s.start < q.end) or (s.start <= cue < s.end) or (s.start <= q.start < s.end):
            return q
    return None


def page_stories(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) of each story of the page: one for most pages; an article and the leads
    of other stories appended after it for some (text/stories.py)."""
    bounds = [0, *doc._stories, len(doc.text)]
    return list(zip(bounds, bounds[1:]))


def story_span(stories: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return stories[bisect_right([a for a, _ in stories], pos) - 1]


def by_story(items: list, stories: list[tuple[int, int]], start) -> dict[tuple[int, int], list]:
    """The items (dates, actors) of each story of the page, in order; ``start`` gives an item's
    offset. A one-story page keeps its list as it is."""
    if len(stories) == 1:
        return {stories[0]: items}
    return {(lo, hi): [x for x in items if lo <= start(x) < hi] for lo, hi in stories}


class ArgumentLinker:
    """Component: fills each mention's fields from the document's recognised entities."""

    def __call__(self, doc: Document) -> None:
        if not doc._mentions:
            return
        idx = DocIndex(doc)
        ents_in = SentenceEntities(doc, idx)
        tokens = doc._tokens
        story_place = StoryPlaces(doc)
        placed_ids = placed_in_their_country(doc)
        cc_named = Counter(e.data.get("cc") for e in doc.entities if e.source == "places")
        stories = page_stories(doc)
        story_countries = {span: document_country(doc, span if len(stories) > 1 else None) for span in stories}
        timex = sorted((t for t in doc.timex if not t.future and t.date_start), key=lambda t: t.start)
        story_timex = by_story(timex, stories, _start)
        matches_by_sent: dict[int, list] = {}
        for m in doc._matches:
            matches_by_sent.setdefault(tokens[m.tok_start].sent, []).append(m)
        norms = columns(tokens).norms
        speakers = QuoteSpeakers(doc, idx)
        places_at: dict[int, Entity] = {}  # the first place mention starting at each offset
        places_end: dict[int, Entity] = {}  # and at each end (a state before its verb)
        for e in doc.entities:
            if e.source == "places":
                places_at.setdefault(e.start, e)
                places_end.setdefault(e.end, e)
        actors_by_doc = []
        for e in doc.entities:
            if e.type == "ACTOR":
                ts, te = idx.tok_range(e.start, e.end)
                actors_by_doc.append(ActorMention(e, ts, te))
        pending: list[tuple[Mention, str | None]] = []
        one_sided: list[tuple[Mention, str | None]] = []
        anchors_by_sent: dict[int, list] = {}
        for men in doc._mentions:
            s = doc._sentences[men.sent]
            f, why = men.fields, men.explain
            span = men.story = story_span(stories, s.start)
            story_country, country_why = story_countries[span]
            # a lead appended to the page is one paragraph: its "story country" is only its own
            # sentence's, too thin to rank the sentence's places by (مدينة صعدة اليمنية beside
            # المملكة العربية السعودية); it still stands in where the sentence names none
            doc_country = story_country if span[0] == 0 else None
            sent_matches = matches_by_sent.get(men.sent, [])
            trig = men.main
            # --- place
            subject = next((e for t in [trig] + [t for t in men.triggers if t is not trig]
                            if (e := state_subject(places_at, places_end, tokens, s, t)) is not None), None)
            stop = _stopped_projectile(tokens, men, sent_matches)
            fired = bool(men.kinds & _FIRED) or stop is not None
            # where a projectile was aimed is kept whatever country the story is told from
            cands = [e for e in ents_in(s, "PLACE") if (not _weak_abroad(e, doc_country) or fired and _aimed_at(doc, e)
                                                         or e.id in placed_ids)
                     and not _on_street(doc, e) and not _weapon_name(doc, e)
                     and (e is not subject or men.kinds & _AT_HOME)]
            origins = [] if fired else [e for e in cands if _came_from(doc, e)]
            if origins:
                cands = [e for e in cands if e not in origins and not _country_of(e, origins)]
            if fired and len(cands) > 1:
                # "إطلاق الصواريخ من اليمن على السعودية": where it was fired from is not where it hit
                landed = [e for e in cands if not _fired_from(doc, e)]
                cands = landed or cands
                # "صاروخا أطلقه الحوثيون باتجاه مدينة خميس مشيط": where it was aimed is where it
                # fell or was stopped, whatever country the story is told from
                aimed = [e for e in cands if _aimed_at(doc, e)]
                cands = aimed or cands
            if fired and cands and any(e.data.get("territory") for e in cands) \
                    and all(_fired_from(doc, e) for e in cands):
                # "اعتراض سبعة صواريخ مصدرها الأراضي اليمنية"، "من داخل الأراضي اليمنية (شمال
                # عمران)": the land it came from, named alone, is not where it fell; the story says
                cands = []
            if men.kinds & PROTEST_KINDS:
                # "تظاهر الآلاف في برلين تنديدا بالتدخل التركي في عفرين": the cause's place is not
                # where the crowd stood
                cause = next((tokens[j].start for j in range(trig.tok_end, s.tok_end)
                              if tokens[j].forms[-1] in _CAUSE), None)
                if cause is not None:
                    # and when the cause's place is the only one, the sentence does not say where
                    # the crowd stood ("خلال تظاهرات ... رفضا لافتتاح السفارة الأمريكية في القدس")
                    cands = [e for e in cands if e.start < cause]
            described = [e for e in cands if _describes(doc, e, cands)]
            if described and len(described) < len(cands):
                cands = [e for e in cands if e not in described]
            # "محافظة المثنى المحاذية للبصرة": Basrah is a landmark, not where it happened
            plain = [e for e in cands if not _landmark(doc, e)]
            if not plain and doc_country and cands and all(
                    e.data.get("kind") == "country" and e.data.get("country") != doc_country for e in cands):
                cands = []  # "قرب الحدود مع أفغانستان" in a story about Pakistan: the story's country
            pool = _in_clause(plain or cands, trig, s, tokens, idx)
            # where something is: after في، على، قرب، with ب, or right after an act word ("استهدف
            # بلدة خان شيخون"); a town abroad only if the document names its country elsewhere too
            # ("في مدينة ديرة إسماعيل خان" in a story of Pakistan is not Dubai's Deira)
            act_ends = {tokens[t.tok_end - 1].end for t in men.triggers}
            place = best_place(pool, trig.start, doc_country, frozenset(
                e.start for e in pool if (_placed_at(doc, e) or any(0 <= e.start - end <= 2 for end in act_ends))
                and (e.data.get("kind") in ("country", "adm1", "region") or cc_named[e.data.get("cc")] > 1)))
            finer = None
            if place is not None and place.data.get("kind") in ("country", "region"):
                # "في أفغانستان"، "شمال غربي اليمن": the story names the province or town elsewhere
                finer = story_place(s.start, place.data.get("country"), anywhere=True, span=span)
            if finer is not None:
                f.update(place_fields(finer))
                # the sentence itself only says the country or region: keep that precision
                f["geo_precision"] = max(f["geo_precision"] or 1, place.data.get("geo_precision") or 3)
                why["location"] = f"only '{place.text}' in the sentence: the story's place '{finer.text}'"
                place = finer
            elif place is not None:
                f.update(place_fields(place))
                why["location"] = f"place '{place.text}' in the sentence ({place.data.get('kind')}, {place.data.get('modifier') or 'no modifier'})"
                men.also_at = [(place_fields(e), e.text) for e in coordinated_places(doc, place, plain or cands)]
            country = f.get("country") or story_country
            # --- actors
            actors = []
            for e in ents_in(s, "ACTOR"):
                ts, te = idx.tok_range(e.start, e.end)
                actors.append(ActorMention(e, ts, te))
            reports = [(m.tok_start, m.tok_end) for m in sent_matches if m.label == "REPORT"]
            a1, assoc, a2, rule = assign_roles(actors, tokens, s.tok_start, trig.tok_start,
                                               trig.tok_end, men.kinds, reports, men.kind,
                                               tuple(t.tok_start for t in men.triggers if t.payload.outcome),
                                               tuple((t.tok_start, t.tok_end, verb_only(t.payload.phrase))
                                                     for t in men.triggers
                                                     if t is not trig and t.payload.kind in ATTACK_NOUN_KINDS),
                                               speakers.tokens_of(trig.start),
                                               frozenset(m.tok_end for m in sent_matches
                                                         if m.label == "REPORT" and m.payload == "belief"))
            if stop is not None:
                a1, a2, rule = interception_roles(actors, tokens, s.tok_start, stop,
                                                  [a for a in actors if a.role == "reporter"])
                assoc = []
            if not country:
                for a in (a1, a2):
                    if a is not None and a.ent.data.get("country") and a.kind not in ("external",):
                        country = a.ent.data["country"]
                        break
            extra_evidence = []
            if a2 is None and men.kinds & {"kill", "arrest", "abduction", "vac"} \
                    and men.sent + 1 < len(doc._sentences):
                # "... مقتل المدعو X." followed by "X هو أحد قادة داعش": the victim's group
                nxt = doc._sentences[men.sent + 1]
                for e in ents_in(nxt, "ACTOR"):
                    if e.data.get("person") and (a1 is None or e.canonical != a1.name):
                        ts, te = idx.tok_range(e.start, e.end)
                        a2 = ActorMention(e, ts, te, "target", "the victim's group, next sentence")
                        extra_evidence.append((nxt.start, nxt.end))
                        break
            a1 = _named_force(a1, actors, tokens)
            # "الهجمات التي شنتها إسرائيل ... واستخدمت فيها الطيران الحربي": a force with no country
            # of its own is the acting state's, not the place's
            f["actor1"], f["inter1"] = actor_name(a1, subject.data["country"] if subject is not None and a1 is not None
                                                  and a1.ent.data.get("needs_country") else country)
            f["assoc_actor_1"] = "; ".join(dict.fromkeys(actor_name(a, country)[0] for a in assoc))
            f["actor2"], f["inter2"] = actor_name(a2, country)
            men.rivals = rule == RIVALS
            if f["actor2"] and f["actor2"] == f["actor1"] and not men.rivals:  # one side named twice, in two forms
                f["actor2"], f["inter2"], a2 = "", 0, None
            why["actor1"] = f"{a1.ent.text!r}: {rule}" if a1 else "none found"
            why["actor2"] = f"{a2.ent.text!r}: {a2.why or 'victim/target'}" if a2 else "none found"
            # --- victims for typing
            # victims are named after the act ("قتل مسلح بسكين امرأة"); before it only in the
            # passive-like order ("أطفال قتلوا")
            side_counts = Counter()
            own = range(a1.tok_start, a1.tok_end) if a1 is not None else range(0)
            for lo, hi in ((trig.tok_end, s.tok_end), (s.tok_start, trig.tok_start)):
                at_place = -2
                for j, side in _PERSON_SIDE.hits(norms, lo, hi):
                    if j in own:
                        continue  # "هاجم مسلحون مجهولون حافلة ركاب": the actor's own words
                    if side == "security" and j > 0 and (norms[j - 1] in _AT_PLACE or at_place == j - 1):
                        at_place = j  # "قتل شاب عند حاجز عسكري": where it happened, not who was hit
                        continue
                    if side != "attacker" and not (j > 0 and BY_WORD[norms[j - 1]]):
                        side_counts[side] += 1  # not "على يد رجل مسلح"، "برصاص مسلحين": the killer
                if side_counts:
                    break
            a2_kind = a2.kind if a2 else ""
            victim_civilian = a2_kind == "civilians" or (
                side_counts["civilian"] > 0 and a2 is None) or (
                side_counts["neutral"] > 0 and not side_counts["security"] and not side_counts["combatant"]
                and a2 is None)
            victim_armed = (a2 is not None and a2_kind not in ("civilians", "protesters")) or bool(
                side_counts["security"] or side_counts["combatant"])
            # --- counts
            outcomes = [(t.payload.outcome, t.tok_start, t.tok_end) for t in men.counted or men.triggers
                        if t.payload.outcome]
            # the forces named after an outcome verb act, they are not counted (a named person is)
            skip = {j for a in actors if not a.ent.data.get("person")
                    and a.ent.data.get("kind") not in ("civilians", "protesters")
                    for j in range(a.tok_start, a.tok_end)}
            # so does a weapon or an attack named as the subject ("قتلت عبوة ناسفة ثلاثة مدنيين"،
            # "قتل قصف جوي، الأحد، خمسة مدنيين"), and a date set off after it
            skip.update(j for t in men.triggers if not t.payload.outcome for j in range(t.tok_start, t.tok_end))
            for t in timex[bisect_left(timex, s.start, key=_start):bisect_left(timex, s.end, key=_start)]:
                skip.update(range(*idx.tok_range(t.start, t.end)))
            skip = frozenset(skip)
            figs = sentence_figures(tokens, s.tok_start, s.tok_end, outcomes, skip, doc._figures)
            if men.clause is not None:
                # "هجوم ... وراح ضحيته 39، وتفجير ... أودى بحياة 12": a figure of another act's clause
                # is that act's (a count noun belongs to no trigger of its own)
                lo, hi = men.clause
                figs = {role: [g for g in items if lo <= g.tok < hi] for role, items in figs.items()}
            men.figures.append((men.sent, figs))
            for role, field in (("death", "fatalities"), ("injury", "injuries"), ("arrest", "arrests")):
                # the sentence's own reading, for typing; the count reader decides the event's
                items = [x for x in figs.get(role, ()) if not x.period]
                if items:
                    f[field], why[field] = sentence_total(items)
                else:
                    f[field] = 0
            if men.kinds <= {"kill", "injure"} and figs and all(x.period for items in figs.values() for x in items):
                # "وتقول المنظمة إن أكثر من 1300 شخص قتلوا منذ بداية العام": a period's toll, no act
                men.weak = True
            if men.kinds <= {"kill", "injure"} and not actors and not f["fatalities"] and not f["injuries"]:
                # "تغطي الجرح": a wound or a death with no one counted and no one named
                men.weak = True
            strengths = {}
            for t in men.triggers:
                strengths[t.payload.kind] = max(strengths.get(t.payload.kind, 0), t.payload.strength)
            if stop is not None:
                strengths["disrupted"] = 2  # a projectile stopped: disrupted weapons use
            et, st, trule = decide_type(men.kinds | ({"disrupted"} if stop is not None else set()),
                                        strengths, victim_civilian, victim_armed, f["fatalities"],
                                        arm=a1.ent.data.get("arm", "") if a1 is not None else "")
            crowd = st == "Armed clash" and "clash" in men.kinds and a2 is None and victim_civilian \
                and not victim_armed and f["fatalities"] and a1 is not None and a1.kind in _FORCE_KINDS \
                and not (men.kinds & _REMOTE_KINDS) and _nationality_named(norms, s)
            if crowd:
                # "قتل فلسطينيان بنيران الجيش الإسرائيلي في مواجهات قرب الحدود": a state's force
                # and the people it killed were the two sides of the confrontation: a crowd met
                # with lethal force, not a battle between armed sides
                et, st = "Protests", "Excessive force against protesters"
                trule = "confrontations of a state force with people it killed: excessive force against a crowd"
            if st == "Armed clash" and "clash" in men.kinds and not men.kinds & _REMOTE_KINDS \
                    and any(x is not None and x.kind in ("protesters", "rioters") for x in (a1, a2)):
                # "الاشتباكات ... بين متظاهرين مناهضين للحكومة وقوات الشرطة": a crowd that fights a
                # force is a violent demonstration, not a battle between armed sides (CODEBOOK 5)
                et, st = kind_table()["riot"]
                trule = "a crowd clashing with a force: a violent demonstration"
            if st in _TERRITORY:
                armed = [a for a in actors if a.kind in _ARMED_KINDS or a.kind == "unidentified"]
                if (a1 is not None and a1.kind not in _ARMED_KINDS) or (actors and not armed):
                    # "سيطرت قوات الدفاع المدني على حريق": ground changes hands between armed sides
                    men.weak = True
                elif a1 is not None and st != _REGAINS and a1.kind in ("state", "external"):
                    st = _REGAINS  # "سيطر النظام السوري على البوكمال": a state force took it back
            f["event_type"], f["sub_event_type"] = et, st
            f["disorder_type"] = DISORDER.get(et, "")
            why["event_type"] = trule
            if et == "Riots":
                for k, ik in (("actor1", "inter1"), ("actor2", "inter2")):
                    if f[k].startswith("Protesters"):  # a violent crowd is coded as rioters (CODEBOOK 8)
                        f[k], f[ik] = "Rioters" + f[k][len("Protesters"):], 5
            # civilians as target (or as the arrested: "اعتقال الجيش لخمسة شبان")
            if crowd and not f["actor2"]:
                f["actor2"], f["inter2"] = generic_actor("protesters", crowd)
                why["actor2"] = "the people the force killed in the confrontations"
            if victim_civilian and (et in ("Violence against civilians", "Explosions/Remote violence")
                                    or st == "Arrests") and not f["actor2"]:
                f["actor2"], f["inter2"] = generic_actor("civilians", country)
                why["actor2"] = "civilian victims named by person nouns"
            elif not f["actor2"] and not victim_armed and men.kinds & _BOMBING \
                    and (f["fatalities"] or f["injuries"]):
                # "تفجير انتحاري في بيروت أسقط عشرات القتلى": a bombing's dead, with no armed
                # side named as its target, are civilians
                f["actor2"], f["inter2"] = generic_actor("civilians", country)
                why["actor2"] = "casualties of a bombing with no armed target named: civilians"
            if not f["actor2"] and et in _VIOLENT and country and side_counts["security"] \
                    and not side_counts["civilian"] and not (a1 is not None and a1.kind in ("state", "police", "military")) \
                    and not _suffering_post(tokens, s.tok_start, trig.tok_start):
                # "أصيب شرطيان عراقيان برصاص مجهولين": the state's men named only by a noun
                police = any(_POLICE_NOUN.search(norms[j]) for j, side in _PERSON_SIDE.hits(
                    norms, max(s.tok_start, trig.tok_start - 12), min(s.tok_end, trig.tok_end + 12))
                    if side == "security")
                f["actor2"], f["inter2"] = generic_actor("police" if police else "military", country)
                why["actor2"] = "the state's men named by a noun: " + ("police" if police else "military")
            if not f["actor2"] and et in _VIOLENT and country and side_counts["combatant"] \
                    and a1 is not None and a1.kind in ("state", "police", "military"):
                # "قتل الجيش البوركيني عشرين مسلحا هاجموا مركزا عسكريا": the state's forces against
                # armed men of no named group (its own men named beside them are its losses)
                f["actor2"], f["inter2"] = generic_actor("unidentified", country)
                why["actor2"] = "armed men named only by a noun, against the state's forces: unidentified group"
            if not f["actor2"] and et in _VIOLENT and country and _suffering_post(tokens, s.tok_start, trig.tok_start):
                # "تعرضت دورية ... لمقذوف": an unnamed patrol or post of the state's forces suffered it
                f["actor2"], f["inter2"] = generic_actor("police", country)
                why["actor2"] = "a security patrol or post suffered the act, no force named: police"
            if not f["actor2"] and et in _VIOLENT and (place_hit := civilian_place(
                    tokens, trig, s.tok_end, {a.tok_end for a in actors if a.tok_start >= trig.tok_end})):
                # "الهجوم على مكاتب اللجان الانتخابية": a civilian place with no armed side named
                f["actor2"], f["inter2"] = generic_actor("civilians", country)
                why["actor2"] = f"a civilian place attacked: '{place_hit}'"
            positional = a1 is not None and rule == "first actor before the trigger" and subject is not None \
                and a1.ent.start > subject.start  # "قامت الولايات المتحدة بقصف منشآت القوات السورية"
            if subject is not None and (not f["actor1"] or f["actor1"].startswith("Unidentified") or positional
                                        or rule == "the reporting actor (self-report)") \
                    and (et in _VIOLENT or st == "Arrests"):
                # "شنت إسرائيل غارات على غزة": the state acts through its forces (police for arrests)
                if positional and not f["actor2"]:
                    f["actor2"], f["inter2"] = f["actor1"], f["inter1"]  # the forces it struck
                    why["actor2"] = f"{a1.ent.text!r}: named after the acting state"
                f["actor1"], f["inter1"] = generic_actor("police" if st == "Arrests" else "military",
                                                         subject.data["country"])
                why["actor1"] = f"the state named as the act's subject ('{subject.text}')"
                if f["actor1"] == f["actor2"]:
                    f["actor2"], f["inter2"] = "", 0
            if (not f["actor1"] or f["actor1"].startswith("Unidentified")) and et in _VIOLENT:
                # "قتل فلسطيني في قصف إسرائيلي": the adjective may follow any act word of the mention
                for t in [trig] + [t for t in men.triggers if t is not trig]:
                    adj = demonym_after(places_at, tokens, t) if t.payload.kind in _REMOTE_OR_ASSAULT else None
                    if adj and with_country("Military Forces", 1, "state", adj) != f"Military Forces of {the(adj)}":
                        adj = None  # "عملية دهس فلسطينية": a people with no army of its own
                    if adj:
                        f["actor1"], f["inter1"] = f"Military Forces of {the(adj)}", 1
                        why["actor1"] = f"nationality adjective after the trigger ('{tokens[t.tok_end].norm}')"
                        break
            if not f["actor1"] and et in _VIOLENT:
                pending.append((men, country))
            if st in _TWO_SIDED:
                one_sided.append((men, country))
            if not f["actor1"]:
                if et in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
                    f["actor1"], f["inter1"] = generic_actor("unidentified", country)
                    why["actor1"] = "no perpetrator named: unidentified armed group"
                elif et == "Strategic developments" and st == "Arrests":
                    f["actor1"], f["inter1"] = generic_actor("police", country)
                    why["actor1"] = "arrest with no named force: police"
                elif et == "Protests":
                    f["actor1"], f["inter1"] = generic_actor("protesters", country)
                    why["actor1"] = "protest with no named crowd"
                elif et == "Riots":
                    # "قتل 62 خلال تظاهرات ومواجهات مع القوات": a violent crowd no one names is
                    # coded as rioters of the country (CODEBOOK 8)
                    f["actor1"], f["inter1"] = generic_actor("rioters", country)
                    why["actor1"] = "riot with no named crowd: rioters"
                elif st == "Other" and (trig.tok_end < s.tok_end and tokens[trig.tok_end].forms[-1] in _MILITARY_ADJ
                                        or "other" in men.kinds and tokens[trig.tok_start].forms[-1] in ATTEMPT):
                    # "شهدت البلاد عام 2015 انقلابا عسكريا"، "محاولة الانقلاب الفاشلة": the country's
                    # army (a bare "الانقلاب" is also the Yemeni press's name for the Houthis' takeover)
                    f["actor1"], f["inter1"] = generic_actor("military", country)
                    why["actor1"] = "a military coup or coup attempt: the country's military forces"
            f["civilian_targeting"] = "Civilian targeting" if (
                f["actor2"].startswith("Civilians") or et == "Violence against civilians") else ""
            undisclosed = any(m.label == "MODALITY" and m.payload[0] == "undisclosed" for m in sent_matches)
            home = a1.ent.data.get("country") if a1 is not None and f["actor1"].startswith(
                ("Police Forces", "Military Forces")) else None
            fallback_why = country_why
            if place is None and st == "Arrests" and home and home != country:
                # "أعلنت السلطات البحرينية اعتقال 14 إيرانيا"، "الجيش الليبي ... القبض على الإرهابي
                # المصري": a state's forces arrest at home, not in the country the rest of the
                # story is about
                country, fallback_why = home, "the arresting state's own country"
            if place is None and not undisclosed:
                place = story_place(s.start, country, span=span)
                if place is not None:
                    f.update(place_fields(place))
                    why["location"] = f"no place in the sentence: the story's place '{place.text}'"
            if place is None:
                if country:
                    f.update(country_fields(country))
                    why["location"] = f"no place in the sentence: {fallback_why or 'an actor''s country'}"
                else:
                    why["location"] = "no place found"
            # --- date
            if men.sent not in anchors_by_sent:  # once per sentence: a huge one has many mentions
                anchors_by_sent[men.sent] = sorted(
                    [(tokens[m.tok_end - 1].end, "report", ()) for m in sent_matches if m.label == "REPORT"]
                    + [(tokens[m.tok_end - 1].end, "act", (m.tok_start, m.tok_end))
                       for m in sent_matches if m.label == "TRIGGER"]
                    # "انقلابا عسكريا، بدأت محاكمة الضالعين فيه مطلع هذا الأسبوع": a court step's
                    # date is its own, not the act's
                    + [(tokens[m.tok_end - 1].end, "court", ()) for m in sent_matches
                       if m.label == "MODALITY" and m.payload[0] == "judicial"])
            mine = {(t.tok_start, t.tok_end) for t in men.triggers} | {(trig.tok_start, trig.tok_end)}
            anchors = (anchors_by_sent[men.sent], mine)
            self._date(doc, men, s, story_timex[span], trig,
                       [(tokens[m.tok_end - 1].end, tokens[min(_subject_end(actors, m.tok_end) + 3, s.tok_end - 1)].end)
                        for m in sent_matches if m.label == "REPORT"],
                       _other_clauses(tokens, trig, s, sent_matches), anchors)
            # --- source
            srcs = [m for m in sent_matches if m.label == "SOURCE" and any(
                    -4 <= m.tok_start - re <= 3 or 0 <= rs - m.tok_end <= 3 for rs, re in reports)]
            if srcs:
                f["reported_by"] = srcs[0].payload
                why["reported_by"] = f"source '{srcs[0].payload}' named in the sentence"
            else:
                quote = _quote_over(doc, s)
                reporters = [a for a in actors if a.role == "reporter"]
                label = source_label(quote, doc) if quote is not None else ""
                if reporters:
                    f["reported_by"] = reporters[0].name
                    why["reported_by"] = "actor reporting the event"
                elif label and label.isascii():  # a known source or actor, not a bare Arabic name
                    f["reported_by"] = label
                    why["reported_by"] = f"the sentence is reported speech of '{quote.speaker}' ({quote.cue})"
                else:
                    f["reported_by"] = ""
            men.evidence = [(s.start, s.end)] + extra_evidence
        story_actors = by_story(actors_by_doc, stories, lambda a: a.ent.start)
        for men, country in pending:
            if men.kind == "air":
                # an air strike with no named author: the story's air force, never a rebel group
                flier = story_air_force(story_actors[men.story], men.fields.get("actor2", ""))
                if flier is not None and men.fields["actor1"].startswith("Unidentified"):
                    men.fields["actor1"], men.fields["inter1"] = actor_name(flier, country)
                    men.explain["actor1"] = f"air strike with no author in the sentence: '{flier.ent.text}', the air force the story names"
                continue
            claimed = claimed_actor(story_actors[men.story], men.fields.get("actor2", ""))
            if claimed is not None and claimed.kind == "militia" and claimed.ent.data.get("country") \
                    and country and claimed.ent.data["country"] != country:
                claimed = None  # a militia is local: the Muslim Brotherhood a Saudi story names did not strike Saada
            if claimed is not None and men.fields["actor1"].startswith("Unidentified"):
                men.fields["actor1"], men.fields["inter1"] = actor_name(claimed, country)
                men.explain["actor1"] = f"no perpetrator in the sentence: '{claimed.ent.text}', the armed group the story names"
        groups = {a.name for a in actors_by_doc if a.kind in _NON_STATE}
        for men, country in one_sided:
            # "اعترضت الدفاعات السعودية صاروخين"، "اشتباكات عند أطراف المدينة": the other side is
            # the armed actor the story is about. Gunmen or a lone attacker killed in a named
            # group's battle ("معركة ... قتل فيها خمسة مسلحين") are the group's own: the other
            # side is still to be found
            f = men.fields
            if f["actor2"] and (f["actor1"] not in groups or not f["actor2"].startswith(_UNNAMED_ARMED)):
                continue
            taken = {f["actor1"], *f.get("assoc_actor_1", "").split("; ")}
            other = opponent(story_actors[men.story], taken, non_state=f["sub_event_type"] == "Disrupted weapons use")
            if other is not None:
                f["actor2"], f["inter2"] = actor_name(other, country)
                men.explain["actor2"] = f"the other side the story names: '{other.ent.text}'"

    @staticmethod
    def _date(doc: Document, men: Mention, s, timex: list[Timex], trig,
              reports: list[tuple[int, int]] = (), other: int | None = None,
              anchors: tuple = ((), frozenset())) -> None:
        """``reports``: (end of a reporting cue, end of the 4th token after it), offsets;
        ``other``: where a relative clause about something else starts (its dates are not the
        act's); ``anchors``: the sentence's reporting cues, act words and court words as (end offset,
        "report" | "act" | "court", token span), and the spans of this mention's own act words.

        A date after a word is governed by the nearest such word before it (CODEBOOK 6: the
        expression that governs the clause): "قال مسؤول اليوم إن مسلحين قتلوا أمس الأول" gives
        the killing أمس الأول and the statement اليوم; "نددت ... بالغارة التي استهدفت أمس الأول"
        the same. A date governed by the act's own words wins; one governed by a report or by
        another act is not the act's."""
        f, why = men.fields, men.explain
        # timex is sorted by start: the sentence's dates are one slice (a huge sentence has many)
        in_sent = timex[bisect_left(timex, s.start, key=_start):bisect_left(timex, s.end, key=_start)]
        # "أعلن الحوثيون، الإثنين، عن ...": the date of an announcement (within its subject's
        # reach after the cue) is not the act's; among the others, the last one before the
        # trigger (or the first after it) governs it
        report_ends = [end for end, _ in reports]  # in text order; so are the limits

        def after_report(t: Timex) -> bool:
            k = bisect_right(report_ends, t.start) - 1  # the last cue before the date
            return k >= 0 and t.start < reports[k][1]

        if other is not None:
            in_sent = [t for t in in_sent if t.start < other]
        in_sent = [t for t in in_sent if not _yardstick(doc, t)]
        sent_anchors, mine = anchors

        def governor(t: Timex) -> str:
            k = bisect_right(sent_anchors, t.start, key=lambda a: a[0]) - 1
            if k < 0:
                return ""
            # "كما أنه في نفس اليوم من عام 1931 ألقت"، "قبل الانتخابات المقررة يوم الأحد": a
            # clause opener between the word and the date starts another clause
            end, label, span = sent_anchors[k]
            tok_starts = columns(doc._tokens).starts
            a, b = bisect_left(tok_starts, end), bisect_left(tok_starts, t.start)
            if b - a > 12 or any(f in clause_openers() for j in range(a, b) for f in doc._tokens[j].forms[:2]):
                return ""  # far from the word, or past a clause opener
            return "mine" if span in mine else "other" if label == "act" else label

        near = [t for t in in_sent if abs(t.start - trig.start) < 300]
        governed = [t for t in near if governor(t) == "mine" and not anniversary(t)]
        # an anniversary dates only the act it remembers, named right after it ("الذكرى الثالثة
        # لبدء عملية عاصفة الحزم"), never the news of the day around it
        tok_starts = columns(doc._tokens).starts
        remembered = [t for t in in_sent if anniversary(t) and t.end <= trig.start
                      and _remembers(doc._tokens, bisect_left(tok_starts, t.end), trig.tok_start)]
        in_sent = [t for t in in_sent if not anniversary(t)]
        own = [t for t in in_sent if not after_report(t)] or in_sent
        chosen = None
        if remembered:
            chosen = remembered[-1]
            why["event_date"] = f"the anniversary '{chosen.text}' of the act"
        elif governed:
            chosen = governed[0]
            why["event_date"] = f"date '{chosen.text}' in the sentence, after the act's words"
        elif own:
            before = [t for t in own if t.start <= trig.start]
            chosen = before[-1] if before else own[0]
            why["event_date"] = f"date '{chosen.text}' in the sentence"
        else:
            # not a span of weeks or months ("خلال الأسابيع الماضية"): it dates no one act after it
            earlier = [t for t in timex if t.start < s.start and t.precision != "year" and not anniversary(t)
                       and not _long_span(t, doc.published)]
            if earlier:
                chosen = earlier[-1]
                why["event_date"] = f"most recent date earlier in the story: '{chosen.text}'"
            else:
                # a lede with no date: the story's date is often given in the next sentences
                sents = doc._sentences
                limit = sents[min(men.sent + _LOOKAHEAD, len(sents) - 1)].end
                later = [t for t in timex if s.end <= t.start < limit and t.precision != "year" and not anniversary(t)]
                if later:
                    chosen = later[0]
                    why["event_date"] = f"no date before: the story's date given next, '{chosen.text}'"
        if chosen is not None:
            ed, ds, de, tp = event_date(chosen)
            back = _days_before(doc._tokens, s.tok_start, trig.tok_start)
            if back and chosen.end <= trig.start and tp == 1:
                # "وقالت في بيان اليوم السبت ... غداة المواجهات": the act is the day before the date
                ed = ds = de = (date.fromisoformat(ed) - timedelta(days=back)).isoformat()
                why["event_date"] += ", the act the day before it (غداة)"
            f.update(event_date=ed, date_start=ds, date_end=de, time_precision=tp)
            return
        if doc.published:
            f.update(event_date=doc.published, date_start=doc.published, date_end=doc.published,
                     time_precision=2)
            why["event_date"] = "no date in the text: publication date, precision 2"
            msg = "event dated by publication date (no date expression found)"
            if msg not in doc.warnings:
                doc.warnings.append(msg)
        else:
            f.update(event_date=None, date_start=None, date_end=None, time_precision=None)
            why["event_date"] = "no date and no publication date"
