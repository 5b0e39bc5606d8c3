"""PlaceRecognizer: find place mentions, pick the gazetteer entry each one means, resolve it.

Three passes over one document: (1) match every gazetteer name over tokens, seeing through the
proclitics و ف ب ل ك (never through ال: "السورية" is an adjective, not "سورية"), and read the cue
words before it (type word, ريف, direction, proximity; cues.py); (2) gather the story's countries from
countries named, names that exist in one country only, and actor entities; (3) rank each mention's
candidates (story country, admin containment, kind, population) and emit one Entity. A name
that is also a common word needs the story's support (senses.py); towns with no Arabic name are
read through their Latin names last (transliterated.py).
"""

from __future__ import annotations

from ...text.normalize import fold

import re
from bisect import bisect_right
from functools import cache

from ...model import Document, Entity
from ...text.frequency import is_own_word
from ...text.tokens import WordMemo, columns, is_definite, word_positions
from .cues import clitic_lookup, clitic_readings, cue_of, cues
from .demonyms import demonym_table
from ..lexicon import read_tsv
from ..quotes.lexicons import accusation_words, complementisers, speech_verbs
from .gazetteer import PLACES_DIR, Place, gazetteer
from .resolve import capitals as resolve_capitals, place_fields, prior
from .sense_features import ARAB, sense_features
from .sense_model import sense_model
from .senses import confirmed, doubtful
from .transliterated import read_towns

_MAX_NAME_TOKENS = 6
_STRONG_POPULATION = 50_000
_MIN_FOREIGN_POPULATION = 5_000
_STORY_SUPPORT = 3  # other names pointing to a name's country that keep it from the sense model's veto
_SUPPORT_CAP = 4  # support is counted up to this (the features read 0-3)


def _first(pair):
    return pair[0]


_BYLINE_BEFORE = re.compile(r"[-–—|]\s*$")


def _byline(text: str, start: int, end: int) -> bool:
    """"تحليل: إلياس خان - بي بي سي - إسلام أباد": a town closing a credit line after a dash is
    where the writer is based, not where anything happened."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    return (not rest.strip() and bool(_BYLINE_BEFORE.search(text[line_start:start]))
            and text[line_start:start].count("-") + text[line_start:start].count("–") >= 1
            and len(text[line_start:end]) < 120)


_OUTLET_WORDS = {"صحيفة", "جريدة", "مجلة", "إذاعة", "اذاعة", "تلفزيون", "وكالة", "شبكة"}
_OUTLET_BEFORE = re.compile(r"([\w]+)[\s\"“”«]*$")


def _outlet_name(text: str, start: int) -> bool:
    """"صحيفة “واشنطن بوست”"، "وكالة الأناضول": a place that begins the name of a newspaper, a
    channel or an agency locates nothing (قناة is left out: قناة السويس is a canal)."""
    m = _OUTLET_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    return _outlet_word(m.group(1))


def _outlet_word(word: str) -> bool:
    return word in _OUTLET_WORDS or (word[:1] in "لبو" and word[1:] in _OUTLET_WORDS)


_OPEN_BRACKET_BEFORE = re.compile(r"[^()\n.!؟?]{0,60}\(\s*$")


def _outlet_acronym(text: str, start: int, end: int) -> bool:
    """"وكالة الأنباء الأردنية (بترا)"، "وكالة الأنباء الكويتية (كونا)": a name alone in brackets
    after an agency or a newspaper is the outlet's short name (Petra, Kuna, Qena are towns too):
    it neither places anything nor votes for a country."""
    if not text[end:end + 3].lstrip().startswith(")"):
        return False
    m = _OPEN_BRACKET_BEFORE.search(text, max(0, start - 80), start)
    return m is not None and any(_outlet_word(w) for w in text[m.start():start].split())


@cache
def _state_verbs() -> frozenset[str]:
    """Verbs whose subject named right after them, if a capital, is its state: the reporting
    verbs of the quotes lexicon and the stance verbs of data/places/state_verbs.tsv."""
    return speech_verbs() | frozenset(fold(r["word"]) for r in read_tsv(PLACES_DIR / "state_verbs.tsv"))


_PLACING = {"في", "من", "الي", "قرب", "داخل", "نحو", "عبر", "خارج"}


def _as_government(tokens, m: dict) -> bool:
    """"قالت موسكو إن"، "اتهمت واشنطن"، "أكدت أنقرة أن": a capital that is the subject of a verb
    of speech or stance, or that opens a clause of what it says, stands for its state and is not
    where anything happened ("شهدت طرابلس هجمات"، "استهدف صاروخ الرياض" stay places)."""
    i, j = m["i"], m["j"]
    if m["type"] or m["modifier"] or m["strip"]:
        return False
    prev = tokens[i - 1].norm if i > 0 and tokens[i - 1].sent == tokens[i].sent else ""
    if prev in _PLACING:
        return False  # "قال مسؤولون في واشنطن إن": officials in the town said
    if j < len(tokens) and tokens[j].sent == tokens[i].sent and tokens[j].norm in complementisers():
        return True
    verbs = _state_verbs()
    for verb in [prev] + ([prev[1:]] if prev[:1] in ("و", "ف") else []):
        # with an object pronoun too: "وهو ما تنفيه أنقرة"، "اتهمتها واشنطن"
        if verb in verbs or any(verb.endswith(p) and verb[:-len(p)] in verbs for p in _OBJECT_PRONOUNS):
            return True
    return False


_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")


_ADVERBS = {fold(w) for w in ("أيضا", "حاليا", "مؤخرا", "سابقا", "تقريبا", "أخيرا", "خصوصا", "تحديدا",
                              "عموما", "رسميا", "فعليا", "أساسا", "مجددا", "مبدئيا", "لاحقا", "دائما")}


_NOT_ACCUSATIVE = ("ها", "هما", "نا", "وا", "كما", "تما", "ما")


def _nisba_accusative(doc, tokens, m: dict, cc: str, table: dict) -> bool:
    """"جنديا روسيا"، "موقعاً سورياً"، "مواطنا ليبيا": a country name that is also its nisba in the
    accusative (روسي + ا) is the adjective after an indefinite accusative noun, or where the text
    writes the tanween (سورياً); it names a nationality, not a place."""
    i = m["i"]
    if m["strip"] or m["type"] or m["modifier"] or m["j"] != i + 1:
        return False
    word = tokens[i].norm
    if not word.endswith("يا") or table.get(word[:-1], ("",))[0] != cc:
        return False
    if "\u064b" in doc.text[tokens[i].start:tokens[i].end]:
        return True  # سورياً
    if i == 0 or tokens[i - 1].sent != tokens[i].sent or not tokens[i - 1].is_word:
        return False
    prev = tokens[i - 1].norm
    # not a verb's pronoun or ending ("اقترحتها روسيا"، "تعتبرهما تركيا"، "هاجموا روسيا"), nor
    # a conjunction in ما ("بينما روسيا")
    return prev.endswith("ا") and not prev.endswith(_NOT_ACCUSATIVE) and not prev.startswith("ال") \
        and len(prev) > 3 and prev not in _ADVERBS


_BLAME = {fold(w) for w in ("باللوم", "اللوم", "باللائمة", "اللائمة", "المسؤولية", "بالمسؤولية")}


def _blamed(tokens, m: dict) -> bool:
    """"تلقي ماي باللوم على روسيا"، "حمّل المسؤولية على"، "متهما إيران بإطلاق صواريخ": the state
    blamed or accused."""
    i = m["i"]
    if m["type"] or i == 0 or tokens[i - 1].sent != tokens[i].sent:
        return False
    if not m["strip"] and tokens[i - 1].norm in accusation_words():
        return True
    return i > 1 and tokens[i - 1].norm == "علي" and tokens[i - 2].norm in _BLAME


@cache
def _person_openers() -> frozenset[str]:
    """Words after which a town's name is a person's: the reporting verbs of the quotes lexicon
    (not titles: "محافظ البصرة"، "عمدة لندن" name the town an office is of)."""
    return speech_verbs() - _NOT_OPENERS


# homographs among those: بين (between / he showed), نقل (transport), رأى, ختم, مضى
_NOT_OPENERS = {fold(w) for w in ("بين", "نقل", "رأى", "ختم", "مضى")}


def _persons_out(tokens, matches: list[dict], ents: list) -> list:
    """One sense per document: a town's name that the document puts right after a reporting verb
    ("وأضاف تشيخوف") is a person's name there, and so wherever the same
    document writes it without a type word ("وقال فلاديمير تشيخوف" is not Chekhov, Russia)."""
    openers = _person_openers()
    capitals = resolve_capitals()  # "وأعلنت لندن": a capital speaks for its state (_as_government)
    persons = set()
    for m, e in zip(matches, ents):
        # a name the sense model already vetoed there counts too ("وأضاف تشيخوف")
        cands = m.get("cands") or m.get("vetoed") or []
        if m["type"] or m["modifier"] or m["strip"] or m["what"] == "demonym" or not cands \
                or (e is not None and (e.data.get("kind") != "place" or e.id in capitals)) \
                or (e is None and any(p.kind == "country" or p.id in capitals for p in cands)):
            continue
        i = m["i"]
        prev = tokens[i - 1].norm if i and tokens[i - 1].sent == tokens[i].sent else ""
        if prev in openers or (prev[:1] in ("و", "ف") and prev[1:] in openers):
            persons.add(" ".join(tokens[k].norm for k in range(m["i"], m["j"])))
    if not persons:
        return ents
    return [None if e is not None and e.data.get("kind") == "place" and not m["type"] and not m["modifier"]
            and " ".join(tokens[k].norm for k in range(m["i"], m["j"])) in persons else e
            for m, e in zip(matches, ents)]


@cache
def _patron_words() -> dict[str, str]:
    """Folded word -> its link (من, ل, في or - for none), from data/places/patron_words.tsv."""
    return {fold(r["word"]): fold(r["link"]) for r in read_tsv(PLACES_DIR / "patron_words.tsv")}


def _as_patron(tokens, m: dict) -> bool:
    """"المدعومة من إيران"، "التابعة لإيران"، "الموالية لتركيا"، "بقيادة الولايات المتحدة": a
    country named as a side's patron or leader, or where a body that tells of the act sits
    ("ومقره في بريطانيا"), is not where the act happened."""
    i = m["i"]
    if m["type"] or m["modifier"] or i == 0 or tokens[i - 1].sent != tokens[i].sent:
        return False
    words = _patron_words()
    prev = tokens[i - 1].norm
    if m["strip"] and tokens[i].norm.startswith("ل"):
        return words.get(prev) == "ل"
    if not m["strip"] and words.get(prev) == "-":
        return True  # "بقيادة الولايات المتحدة"
    return prev in ("من", "في") and i > 1 and words.get(tokens[i - 2].norm) == prev  # "ومقره في بريطانيا"


class PlaceRecognizer:
    """Pipeline component: appends one GPE/LOC Entity per place mention (source "places")."""

    def __init__(self) -> None:
        self.gaz = gazetteer()
        self.demonyms = demonym_table()
        self._cache = WordMemo(self._readings, 300_000)  # word -> _readings(word)

    # -- pass 1: names and their cues
    def _readings(self, norm: str) -> tuple:
        """What a word can start: per reading (form, chars stripped), the gazetteer names whose
        first word it is (longest first) and whether it is a demonym. Depends on the word only,
        so it is worked out once per distinct word and cached across documents."""
        if not norm[:1].isalnum():
            return ()
        first = self.gaz.first
        cue_words = cues()
        out = []
        for form, k in clitic_readings(norm):
            if k and is_own_word(norm, form):
                continue  # كشفت is a verb, not ك + شفت
            # names by length, longest first; per length, rest of the name -> the first such name
            by_len: dict[int, dict[tuple[str, ...], str]] = {}
            for rest, name in first.get(form, ()):
                if (rest or name not in cue_words) and len(rest) <= _MAX_NAME_TOKENS:
                    by_len.setdefault(len(rest), {}).setdefault(rest, name)
            groups = tuple(sorted(by_len.items(), key=lambda g: -g[0]))
            dem = bool(self.demonyms.get(form)) and form not in self.gaz.by_name
            if groups or dem:
                out.append((form, k, groups, dem))
        return tuple(out)

    def _match(self, tokens) -> list[dict]:
        cache = self._cache
        n = len(tokens)
        norms = columns(tokens).norms
        hits = []
        for where in word_positions(tokens).values():
            norm = norms[where[0]]
            readings = cache[norm]
            if readings:
                hits.extend([(i, readings) for i in where])
        hits.sort(key=_first)
        out: list[dict] = []
        free = 0  # the first token not inside a name already found
        for i, readings in hits:
            if i < free:
                continue
            best = None
            for form, k, groups, dem in readings:
                for m, names in groups:
                    if i + m >= n:
                        continue
                    name = names.get(tuple(norms[i + 1:i + 1 + m]) if m else ())
                    if name is not None:
                        if best is None or m + 1 > best[0]:
                            best = (m + 1, name, k, "place")
                        break
                if dem and best is None:
                    best = (1, form, k, "demonym")
            if best is None:
                continue
            length, name, k, what = best
            out.append({"i": i, "j": i + length, "name": name, "strip": k, "what": what})
            free = i + length
        return out

    def _context(self, tokens, m: dict) -> None:
        """Read the cue words before a name: type word, then ريف/direction/proximity."""
        i = m["i"]
        m.update(type="", modifier="", span_i=i, span_strip=m["strip"], country_dir=False)
        head = m["name"].split(" ", 1)[0]
        hc = cues().get(head)
        if hc and hc[0] == "type":
            m["type"] = hc[1]
        def before(k: int) -> int:
            # the word before, past a hashtag's mark ("ريف #حلب"، "شمال #سوريا")
            return k - 2 if k > 1 and tokens[k - 1].norm == "#" else k - 1

        if m["strip"] == 0 and i > 0:
            # (a type word only right before the name: the gazetteer holds "محافظة الجوف" as one
            # name, and "محافظة #الجوف" read as type and name went to another country's الجوف)
            c = cue_of(tokens[i - 1].norm)
            if c and c[0] == "type" and tokens[i - 1].is_word and not _definite_pair(tokens[i - 1].norm, m["name"]):
                m["type"], m["span_i"], m["span_strip"] = c[1], i - 1, c[2]
                i -= 1
        if i > 0 and m["strip"] == 0 or i < m["i"]:
            j = before(i)
            if j >= 0:
                c = cue_of(tokens[j].norm)
                if c and c[0] == "feature":
                    m["feature"] = True  # "نهر النيجر"، "دلتا النيجر": the river, not the country
                if tokens[j].norm == "من" and j > 0:
                    c2 = cue_of(tokens[j - 1].norm)
                    if c2 and c2[0] == "near":
                        m["modifier"] = c2[1]
                elif c and c[0] in ("rif", "near"):
                    m["modifier"] = c[1]
                elif c and c[0] == "direction":
                    d = c[1]
                    if j > 0:
                        c0 = cue_of(tokens[j - 1].norm)
                        if c0 and c0[0] == "direction" and c0[1] in ("north", "south") and d in ("east", "west"):
                            d = c0[1] + d
                    m["modifier"] = d

    # -- pass 2/3
    def __call__(self, doc: Document) -> None:
        tokens = doc._tokens
        if not tokens:
            return
        gaz = self.gaz
        matches = self._match(tokens)
        # a town inside an actor's name (فيلق القدس، سرايا القدس) is part of the name; a country
        # or a demonym is kept ("طالبان باكستان"، "المدفعية الإسرائيلية" still say where and whose)
        actors = sorted((e.start, e.end) for e in doc.entities if e.type == "ACTOR")
        if actors:
            starts = [a[0] for a in actors]  # actor mentions do not overlap: one can hold a match

            def in_actor(m: dict) -> bool:
                k = bisect_right(starts, tokens[m["i"]].start) - 1
                return k >= 0 and tokens[m["j"] - 1].end <= actors[k][1]

            matches = [m for m in matches if m["what"] == "demonym" or not in_actor(m)
                       or any(p.kind == "country" for p in gaz.candidates(m["name"]))]
        # "المدينة الشمالية"، "الحدود الشرقية"، "المحافظات الجنوبية": a compass adjective after a
        # definite noun describes it; it names a province (Sudan's الشمالية) only after an
        # administrative word (المنطقة الشرقية، الولاية الشمالية)
        matches = [m for m in matches if not _compass_adjective(tokens, m)]
        matches = [m for m in matches if m["what"] == "demonym"
                   or not _outlet_acronym(doc.text, tokens[m["i"]].start, tokens[m["j"] - 1].end)]
        story: dict[str, float] = {}

        def vote(cc: str, w: float) -> None:
            story[cc] = story.get(cc, 0.0) + w

        for e in doc.entities:
            cc = _actor_cc(e.data)
            if cc:
                vote(cc, 1.0)
        admin_ctx: set = set()
        for m in matches:
            self._context(tokens, m)
            m["cands"] = self._filter(m, gaz.candidates(m["name"])) if m["what"] != "demonym" else []
        senses = self._senses(tokens, matches)
        for m, sense in zip(matches, senses):
            if tokens[m["j"] - 1].end <= doc._dateline:
                continue
            if m["what"] == "demonym":
                vote(self.demonyms[m["name"]][0], 0.5)
                continue
            m["cands"] = cands = self._sense(tokens, m, m["cands"], sense)
            if m["doubtful"]:
                continue  # مالي، الزاوية with no cue: it must be confirmed, so it cannot vote
            ccs = {p.cc for p in cands if p.cc}
            named = [p.cc for p in cands if p.kind == "country"]
            if named:
                vote(named[0], 1.0)
            elif len(ccs) == 1 and (m["type"] or m["modifier"] or any(
                    p.kind != "place" or p.population >= _STRONG_POPULATION for p in cands)):
                # a lone small town with no type word is weak evidence (often a person's name:
                # جيرار، تريب): it neither votes for its country nor sets admin context
                vote(next(iter(ccs)), 1.0)
                held = [p for p in cands if p.kind in ("adm1", "place", "adm2") and p.admin1]
                if len({p.admin1 for p in held}) > 1:
                    # "واشنطن": towns of the name in a dozen states; only the likeliest one's
                    # province is the story's (or a Latin-read كاليفورنيا goes to Pennsylvania)
                    held = [max(held, key=lambda p: p.population)]
                admin_ctx.update((p.cc, p.admin1) for p in held)
        # "طرابلس اللبنانية"، "مدينة تريب الفرنسية": a demonym right after a place name says its
        # country; a name with no candidate there is left to the Latin-name reading
        adjectives = {m["i"]: self.demonyms[m["name"]][0] for m in matches if m["what"] == "demonym"
                      and m["j"] == m["i"] + 1 and _NISBA.fullmatch(tokens[m["i"]].norm)}
        contradicted = set()
        for k, m in enumerate(matches):
            said = adjectives.get(m["j"])
            if said and m["what"] != "demonym" and m.get("cands") and not any(p.kind == "country" for p in m["cands"]):
                kept = [p for p in m["cands"] if p.cc in (said, "")]
                if not kept:
                    contradicted.add(k)
                m["cands"] = kept
        placed_in = _country_after(tokens, matches)
        weights = {cc: min(100.0, 40.0 + 20.0 * v) for cc, v in story.items()}
        top = max(story, key=story.get) if story else ""
        ents = [self._entity(doc, tokens, m, weights, admin_ctx, top) for m in matches]
        sure = [e for m, e in zip(matches, ents) if e is not None and not m.get("doubtful")]
        ents = [e if e is None or not m.get("doubtful") or confirmed(tokens, m, e, story, sure)
                else None for m, e in zip(matches, ents)]
        ents = _persons_out(tokens, matches, ents)
        if story:
            # a name read under ك ("like") that came to nothing leaves the whole word to the Latin
            # reading: "بلدة كومبو" is Kumbo, not ك + ومبو (a village in Mauritania)
            kept = [m for k, m in enumerate(matches) if k not in contradicted
                    and not (m["strip"] and tokens[m["i"]].norm[m["strip"] - 1] == "ك" and ents[k] is None
                             and m["what"] != "demonym")]
            ents.extend(read_towns(doc, tokens, kept, actors, story, frozenset(admin_ctx), adjectives, placed_in))
        capitals = resolve_capitals()
        for m, ent in zip(matches, ents):
            if ent is not None and ((ent.id in capitals and _as_government(tokens, m))
                                    or (ent.data.get("kind") == "country" and _blamed(tokens, m))):
                # "قالت موسكو إن"، "تلقي باللوم على روسيا": a capital that speaks and a state that is
                # blamed are sides, not where anything happened; a country so named still says what
                # the story is about (document_country). Countries that speak were tried as sides
                # too: the stories' country then went to whichever state spoke most
                ent.data.update(locating=False, government=True)
                if ent.data.get("kind") == "country":
                    ent.data["story"] = True
            elif ent is not None and (ent.data.get("kind") == "country" or ent.id in capitals) \
                    and _as_patron(tokens, m):
                ent.data.update(locating=False, patron=True)
            elif ent is not None and ent.data.get("kind") == "country" \
                    and _nisba_accusative(doc, tokens, m, ent.data.get("cc", ""), self.demonyms):
                ent.data.update(locating=False, modifier="", demonym=True)
        vetoed = [self._entity(doc, tokens, {**m, "cands": m["vetoed"]}, weights, admin_ctx, top)
                  for m in matches if m.get("vetoed")]
        ents = _not_a_full_name(doc.text, ents, vetoed)
        for ent in ents:
            if ent is not None:
                if ent.end <= doc._dateline or _byline(doc.text, ent.start, ent.end):
                    ent.data["locating"] = False  # where the outlet filed from
                    ent.data["dateline"] = True
                elif _outlet_name(doc.text, ent.start):
                    ent.data["locating"] = False  # "صحيفة واشنطن بوست": a newspaper's name
                doc.entities.append(ent)
        _locate_country_directions(doc, tokens, top)
        _locate_the_kingdom(doc, tokens, story)
        _locate_the_capital(doc, tokens, top)
        _locate_the_seat(doc, tokens)

    def _senses(self, tokens, matches: list[dict]) -> list[tuple[float | None, int]]:
        """(P(place), support) of each name read with no type word; P is None for the others or
        where no model ships."""
        model = sense_model()
        out: list[tuple[float | None, int]] = []
        located = _located_by_direction(tokens, matches)
        for k, (m, n) in enumerate(zip(matches, _support(matches, self.demonyms))):
            p = None
            if model is not None and m["what"] == "place" and m["cands"] and not (m["type"] or m["modifier"]) \
                    and k not in located:
                p = model.prob(sense_features(tokens, m, m["cands"], n))
            out.append((p, n))
        return out

    def _sense(self, tokens, m: dict, cands: list[Place], sense: tuple[float | None, int]) -> list[Place]:
        """Is a name read with no type word a place here? Below the place-sense model's threshold
        it is something else ("دعم مالي"، "اللون الرمادي"، "جاستن"): no candidates, unless
        ``_STORY_SUPPORT`` other names of the story point to its country or a site or institution
        word names a body after it. A name the NER corpora tag otherwise is doubtful: the story
        must confirm it."""
        m["doubtful"] = bool(cands) and doubtful(tokens, m)
        p, support = sense
        if p is None or support >= _STORY_SUPPORT or _after_a_site(tokens, m):
            return cands
        if p >= sense_model().threshold:
            return cands
        m["vetoed"] = cands  # kept for the full-name check: "فريدريكا ويلسون" with ويلسون vetoed
        return []

    def sense_candidates(self, tokens):
        """(match, candidates, features) of every name read with no type word or modifier that
        the gazetteer's filters keep: the matches the place-sense model decides on."""
        matches = self._match(tokens)
        for m in matches:
            self._context(tokens, m)
            m["cands"] = self._filter(m, self.gaz.candidates(m["name"])) if m["what"] == "place" else []
        for m, n in zip(matches, _support(matches, self.demonyms)):
            if m["cands"] and not (m["type"] or m["modifier"]):
                yield m, m["cands"], sense_features(tokens, m, m["cands"], n)

    def _filter(self, m: dict, cands: list[Place]) -> list[Place]:
        cue = bool(m["type"] or m["modifier"])
        name = m["name"]
        if m.get("feature"):
            return []
        # a name that is also a common word needs a type word or ريف: "قرب القصر" is near
        # the palace, not near El Kseur
        if name in self.gaz.stop and not (m["type"] or m["modifier"] == "rif"):
            return []
        out = []
        for p in cands:
            if p.kind == "place" and not cue:
                if len(name) <= 3 and p.population < 100000:
                    continue
            out.append(p)
        return out

    def _entity(self, doc, tokens, m, weights, admin_ctx, top) -> Entity | None:
        folded = doc._folded
        first = tokens[m["span_i"]]
        last = tokens[m["j"] - 1]
        start = first.start
        if m["span_strip"]:
            start = folded.orig_span(first.fstart + m["span_strip"], first.fend)[0]
        text = doc.text[start:last.end]
        if m["what"] == "demonym":
            cc, country = self.demonyms[m["name"]]
            c = self.gaz.country(cc)
            data = place_fields(c.place) if c else {"cc": cc, "country": country}
            data.update(locating=False, modifier="", geo_precision=3, demonym=True)
            land = tokens[m["i"] - 1] if m["i"] > 0 and tokens[m["i"] - 1].sent == first.sent else None
            cue = _land_word(land.norm) if land is not None else None
            if cue is not None:
                # "داخل الأراضي السورية": the country's land, where it happened; the span takes the
                # land word (not its clitics), so the word before it tells where ("من الأراضي
                # اليمنية": fired from there)
                data.update(locating=True, territory=True)
                start = folded.orig_span(land.fstart + cue, land.fend)[0] if cue else land.start
                text = doc.text[start:last.end]
            return Entity(text=text, start=start, end=last.end, type="GPE", canonical=country,
                          id=c.place.id if c else None, source="places", data=data)
        cands = m.get("cands") or []
        if not cands:
            return None
        cue = bool(m["type"] or m["modifier"])
        best, best_s = None, -1e9
        capital = not any(p.kind == "country" for p in cands)
        for p in cands:
            if p.kind == "place" and p.population < _MIN_FOREIGN_POPULATION and p.cc not in weights \
                    and not cue:
                continue  # a small town abroad, named without مدينة/بلدة: likely a person or a word
            s = prior(p, weights, admin_ctx, m["type"], capital)
            if s > best_s:
                best, best_s = p, s
        if best is None:
            return None
        data = place_fields(best, m["modifier"])
        if m["modifier"] and best.kind == "adm1":
            data["geo_precision"] = 3
        data["locating"] = True
        return Entity(text=text, start=start, end=last.end,
                      type="LOC" if best.kind == "region" else "GPE", canonical=best.name,
                      id=best.id, source="places", data=data)


# an adjective after a place name: definite, singular, nothing else attached (الفرنسية، اللبناني;
# not للإيرانيين "for the Iranians")
_NISBA = re.compile(r"ال\w+(?:ي|يه)")


def _country_after(tokens, matches: list[dict]) -> dict[int, str]:
    """"طرابلس شمال لبنان"، "أدرنة شمال غرب تركيا"، "بلدة سالزبري بإنجلترا"، "طرابلس في لبنان":
    compass words, or في / ب, and a country (or a region of one) right after a name say its
    country, as an adjective after it does: only its towns there are kept (none there: the name
    keeps its others, the words may relate two places). Returns, for the Latin-name reading, the
    token right after a name -> the country so said."""
    said: dict[int, str] = {}
    for m in matches:
        cands = m.get("cands")
        if m["what"] != "place" or not cands:
            continue
        # a country's name (لبنان, whatever US towns share it), or a region of one country (إنجلترا)
        ccs = {p.cc for p in cands if p.kind == "country"} or (
            {p.cc for p in cands} if all(p.kind == "region" and p.cc for p in cands) else set())
        if len(ccs) != 1:
            continue
        i = m["i"]
        # the token right after the name it places: the ب-word itself, في, or the first compass word
        if m["strip"] == 1 and tokens[i].norm[:1] == "ب":
            k = i
        else:
            k = i
            while k > 0 and tokens[k - 1].sent == tokens[i].sent and i - k < 2 and \
                    (cue := cue_of(tokens[k - 1].norm)) and cue[0] == "direction":
                k -= 1
            if k == i:
                if not (i > 0 and tokens[i - 1].norm == "في" and tokens[i - 1].sent == tokens[i].sent):
                    continue
                k = i - 1
        said[k] = next(iter(ccs))
    for m in matches:
        cc = said.get(m["j"])
        cands = m.get("cands")
        if cc is None or m["what"] != "place" or not cands or any(p.kind == "country" for p in cands):
            continue
        kept = [p for p in cands if p.cc == cc]
        if kept:
            m["cands"] = kept
    return said


def _located_by_direction(tokens, matches: list[dict]) -> set[int]:
    """"في ليفربول شمال غرب إنجلترا"، "أدرنة شمال غرب تركيا": a name placed by a compass word
    against another place is a place, whatever else the word can be (a club, a person)."""
    starts = {m["i"] for m in matches if m["what"] == "place" and m["cands"]}
    out = set()
    for k, m in enumerate(matches):
        j = m["j"]
        steps = 0
        while j < len(tokens) and steps < 2 and tokens[j].sent == tokens[m["i"]].sent:
            cue = cue_of(tokens[j].norm)
            if not cue or cue[0] != "direction":
                break
            j, steps = j + 1, steps + 1
        if steps and j in starts and tokens[j].sent == tokens[m["i"]].sent:
            out.add(k)
    return out


def _after_a_site(tokens, m: dict) -> bool:
    """"مستشفى ذمار"، "جامعة بيرزيت"، "محكمة في أدرنة" is not this; "محكمة أدرنة" is: a building or
    body named after its town sits there."""
    i = m["i"]
    k = i - 1
    while k > 0 and tokens[k].norm in ("_", "#"):  # "#جامعة_بيرزيت"، "جامعة #بيرزيت": hashtags
        k -= 1
    if m["strip"] or k < 0 or tokens[k].sent != tokens[i].sent:
        return False
    cue = cue_of(tokens[k].norm)
    return bool(cue) and cue[0] in ("site", "institution")


def _support(matches: list[dict], demonyms: dict) -> list[int]:
    """For each match, how many other names in the article point to one of its countries: a
    country named, its adjective ("القوات العراقية"), or a name whose candidates all lie in one
    country ("سلفيت" in a story that names Ramallah and Palestine). A real town seldom comes
    alone; a person's name that happens to be a small American town does."""
    single: list[tuple[str, str]] = []  # (name, cc) of names that point to one country
    for m in matches:
        if m["what"] == "demonym":
            single.append((m["name"], demonyms[m["name"]][0]))
            continue
        ccs = {p.cc for p in m["cands"] if p.cc}
        if len(ccs) == 1 and (m["type"] or m["modifier"] or any(p.kind == "country" for p in m["cands"])
                              or len(m["name"]) > 3):
            single.append((m["name"], next(iter(ccs))))
    by_cc: dict[str, list[str]] = {}
    for name, cc in single:
        names = by_cc.setdefault(cc, [])
        if name not in names and len(names) <= _SUPPORT_CAP:  # a few names per country suffice
            names.append(name)
    out = []
    for m in matches:
        ccs = {p.cc for p in m["cands"] if p.cc}
        out.append(min(_SUPPORT_CAP, len({n for cc in ccs for n in by_cc.get(cc, ()) if n != m["name"]})))
    return out


def _actor_cc(data: dict) -> str:
    country = data.get("country") if data else None
    if not country:
        return ""
    c = gazetteer().by_country_name.get(str(country).lower())
    return c.cc if c else ""


def _locate_country_directions(doc, tokens, top: str) -> None:
    """"جنوب البلاد" (the south of the country): the story's main country, with a direction."""
    if not top:
        return
    c = gazetteer().country(top)
    if c is None:
        return
    norms = columns(tokens).norms
    k = 0
    while True:
        try:
            k = norms.index("البلاد", k + 1)  # C-speed scan for the next one
        except ValueError:
            break
        cue = cue_of(tokens[k - 1].norm)
        if not cue or cue[0] != "direction":
            continue
        data = place_fields(c.place, cue[1])
        data.update(geo_precision=3, locating=True)
        doc.entities.append(Entity(text=doc.text[tokens[k].start:tokens[k].end],
                                   start=tokens[k].start, end=tokens[k].end, type="GPE",
                                   canonical=c.name, id=c.place.id, source="places", data=data))


_CAPITAL = "العاصمه"
_A_CAPITAL = "عاصمه"  # "عاصمة البلاد": the country's capital


@cache
def _capital_of_country() -> dict:
    """cc -> the gazetteer place of its capital (data/places/capitals.tsv), save Israel's and
    Palestine's, whose capital the press does not agree on; looked up once."""
    ids = {r["id"]: r["cc"] for r in read_tsv(PLACES_DIR / "capitals.tsv") if r["cc"] not in ("IL", "PS")}
    return {ids[p.id]: p for p in gazetteer().places if p.id in ids}


def _name_follows(doc, tokens, j: int, sent: int) -> bool:
    """Does a place name start at token ``j`` (past a comma or a bracket)?"""
    while j < len(tokens) and tokens[j].sent == sent and not tokens[j].is_word:
        j += 1
    return j < len(tokens) and tokens[j].sent == sent and any(
        e.source == "places" and e.start <= tokens[j].start < e.end for e in doc.entities)


def _locate_the_capital(doc, tokens, top: str) -> None:
    """"تظاهر المئات في العاصمة"، "العاصمة الأردنية"، "عاصمة البلاد": the capital named by the word
    alone is the story's country's (the country of a demonym right after it), not read where a
    name follows ("العاصمة دمشق" is read by its name) or another adjective ("العاصمة الاقتصادية")."""
    norms = columns(tokens).norms
    table = demonym_table()
    capitals = _capital_of_country()
    hits = [i for forms, where in word_positions(tokens).items()
            if _CAPITAL in forms[:3] or _A_CAPITAL in forms[:3] for i in where]
    for k in sorted(hits):
        t = tokens[k]
        nxt = norms[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sent == t.sent else ""
        cc, end = top, t.end
        if _CAPITAL not in t.forms[:3]:
            if nxt != "البلاد":
                continue
            end = tokens[k + 1].end  # "عاصمة البلاد"
        elif nxt.startswith("ال") or nxt.startswith(("وال", "بال")):
            hit = table.get(nxt)
            if hit is None:
                continue  # "العاصمة الاقتصادية"، "العاصمة البريطانية لندن" below
            cc, end = hit[0], tokens[k + 1].end
            if _name_follows(doc, tokens, k + 2, t.sent):
                continue  # "العاصمة السورية دمشق"، "العاصمة السعودية، الرياض": read by its name
        elif _name_follows(doc, tokens, k + 1, t.sent):
            continue  # "العاصمة طرابلس"
        place = capitals.get(cc)
        if place is None or any(e.source == "places" and e.start < t.end and t.start < e.end for e in doc.entities):
            continue
        start = t.end - len("العاصمة") if doc.text[t.start:t.end].endswith(("العاصمة", "العاصمه")) else t.start
        doc.entities.append(_capital_entity(doc, place, start, end))


def _capital_entity(doc, place: Place, start: int, end: int) -> Entity:
    """A capital named by words, not by its name (العاصمة، وزارة الداخلية الأفغانية): it places
    the act, and yields to a town the story names by name (``capital_word``)."""
    data = place_fields(place, "")
    data.update(locating=True, story=True, capital_word=True)
    return Entity(text=doc.text[start:end], start=start, end=end, type="GPE",
                  canonical=place.name, id=place.id, source="places", data=data)


@cache
def _seat_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(r["word"]).split()) for r in read_tsv(PLACES_DIR / "seat_words.tsv"))


# words of where an act is at a building (not في or ب: "مسؤول في وزارة الدفاع" is where one works)
_SEAT_AT = {fold(w) for w in ("خارج", "أمام", "قرب", "داخل", "محيط", "مدخل", "بوابة", "مبنى", "مقر", "بالقرب",
                              "استهدف", "استهدفت", "اقتحم", "اقتحموا", "اقتحمت")}
# "في كلمة أمام البرلمان": speech given before it, nothing done at it
_SPOKEN = {fold(w) for w in ("كلمة", "كلمته", "كلمتها", "خطاب", "خطابه", "خطابها", "شهادة", "شهادته", "إفادة",
                             "تصريحات", "حديث", "حديثه", "إحاطة")}


def _locate_the_seat(doc, tokens) -> None:
    """"فجر انتحاري نفسه خارج وزارة الداخلية الأفغانية"، "تظاهروا أمام البرلمان العراقي": a state's
    institution that sits in its capital (data/places/seat_words.tsv), named with the state's
    adjective after it and a word of where before it, places the act in that capital."""
    seats = _seat_words()
    firsts = {words[0] for words in seats}
    hits = sorted(i for forms, where in word_positions(tokens).items() if forms[0] in firsts for i in where)
    if not hits:
        return
    norms = columns(tokens).norms
    table = demonym_table()
    capitals = _capital_of_country()
    for i in hits:
        t = tokens[i]
        for words in seats:
            n = len(words)
            if i + n > len(tokens) or any(norms[i + k] != words[k] for k in range(1, n)):
                continue
            prev = norms[i - 1] if i > 0 and tokens[i - 1].sent == t.sent else ""
            if t.norm != words[0] or prev not in _SEAT_AT or any(
                    norms[j] in _SPOKEN for j in range(max(0, i - 4), i - 1) if tokens[j].sent == t.sent):
                continue
            cc = end = None
            for k in range(i + n, min(i + n + 3, len(tokens))):
                if tokens[k].sent != t.sent:
                    break
                hit = table.get(norms[k]) if norms[k].startswith("ال") else None
                if hit is not None:
                    cc, end = hit[0], tokens[k].end
                    break
            place = capitals.get(cc) if cc else None
            if place is None or any(e.source == "places" and e.start < end and t.start < e.end
                                    and not e.data.get("demonym") for e in doc.entities):
                continue
            doc.entities.append(_capital_entity(doc, place, t.start, end))
            break


# the Arab monarchies the press calls "المملكة" on its own once the story has named them
_KINGDOMS = ("SA", "JO", "MA", "BH")
_KINGDOM = "المملكه"
_KINGDOM_AT = {fold(w) for w in ("في", "داخل", "باتجاه", "اتجاه", "تجاه", "نحو", "صوب", "على", "أجواء",
                                 "سماء", "أراضي", "وفي")}


def _locate_the_kingdom(doc, tokens, story: dict[str, float]) -> None:
    """"صواريخ أطلقت من اليمن باتجاه المملكة": "the Kingdom" alone is the monarchy the story is
    about (Saudi Arabia in a story that names it), not read when an adjective follows
    ("المملكة المتحدة"، "المملكة الأردنية" are names of their own)."""
    cc = max((k for k in _KINGDOMS if story.get(k, 0) > 0), key=lambda k: story[k], default=None)
    if cc is None:
        return
    c = gazetteer().country(cc)
    if c is None:
        return
    norms = columns(tokens).norms
    at_kingdom = sorted(i for forms, where in word_positions(tokens).items() if _KINGDOM in forms[:3]
                        for i in where)
    for k in at_kingdom:
        t = tokens[k]
        nxt = norms[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sent == t.sent else ""
        if nxt.startswith("ال"):
            continue  # "المملكة المتحدة"، "المملكة العربية السعودية"
        if any(e.source == "places" and e.start < t.end and t.start < e.end for e in doc.entities):
            continue
        # where an act happened or was aimed ("في المملكة"، "بالمملكة"، "باتجاه المملكة"), not
        # where someone was taken or sent ("إعادته إلى المملكة")
        prev = norms[k - 1] if k and tokens[k - 1].sent == t.sent else ""
        at = t.norm.startswith(("بال", "وبال")) or prev in _KINGDOM_AT
        data = place_fields(c.place, "")
        # either way it names the story's country ("المملكة تطرد السفير")
        data.update(geo_precision=3, locating=at, story=True)
        start = t.end - len("المملكة") if doc.text[t.start:t.end].endswith(("المملكة", "المملكه")) else t.start
        doc.entities.append(Entity(text=doc.text[start:t.end], start=start, end=t.end, type="GPE",
                                   canonical=c.name, id=c.place.id, source="places", data=data))


def _definite_pair(cue: str, name: str) -> bool:
    """"المحافظة الأحد" (the governorate building, on Sunday): a type word with the article before a
    name with the article is no "type + name" construct ("محافظة البصرة"), save for a province
    named by its compass point ("المنطقة الشرقية")."""
    return is_definite(cue) and name.startswith("ال") and name not in _COMPASS


_COMPASS = {fold(w) for w in ("الشمالية", "الجنوبية", "الشرقية", "الغربية", "الوسطى", "الشمالي", "الجنوبي",
                              "الشرقي", "الغربي")}
_ADMIN_HEADS = {fold(w) for w in ("المنطقة", "الولاية", "المحافظة", "الإقليم", "المديرية", "المقاطعة")}


def _compass_adjective(tokens, m: dict) -> bool:
    i = m["i"]
    if m["what"] != "place" or m["j"] - i != 1 or i == 0 or tokens[i].norm[m["strip"]:] not in _COMPASS:
        return False
    prev = tokens[i - 1]
    if not prev.is_word or prev.sent != tokens[i].sent:
        return False
    return any(f.startswith("ال") for f in prev.forms[:2]) and not any(f in _ADMIN_HEADS for f in prev.forms[:3])


def _not_a_full_name(text: str, ents: list, vetoed: list = ()) -> list:
    """"عضو الكونغرس فريدريكا ويلسون"، "مارلين مونرو": two small towns outside the Arab world named
    back to back, nothing between them but a space and no type word on either, are a person's
    given name and surname (Frederica, Delaware and Wilson, North Carolina), not two places. In the
    Arab world two names back to back are a construct ("قلعة بعلبك"، "مفرق زبيد": the citadel of
    Baalbek, the Zabid junction). A name the place-sense model vetoed (``vetoed``) still makes a
    pair with the town beside it."""
    towns = sorted((e for e in [*ents, *vetoed] if e is not None and e.data.get("kind") == "place"
                    and not e.data.get("modifier")
                    and (e.data.get("population") or 0) < _FULL_NAME_TOWN and e.data.get("cc") not in ARAB),
                   key=lambda e: e.start)
    drop = set()
    for a, b in zip(towns, towns[1:]):
        if text[a.end:b.start].strip() == "" and b.start > a.end \
                and not named_with_type_word(a) and not named_with_type_word(b):
            drop.update((id(a), id(b)))
    return [e for e in ents if e is None or id(e) not in drop]


_FULL_NAME_TOWN = 100_000  # a city bigger than this is named for itself


@cache
def _land_words() -> dict[str, bool]:
    return {fold(r["word"]): True for r in read_tsv(PLACES_DIR / "territory_words.tsv")}


def _land_word(word: str) -> int | None:
    """The clitic letters before a word for a country's land (الأراضي، بالأجواء), or None."""
    found = clitic_lookup(word, _land_words())
    return found[1] if found else None


def type_word_of(e) -> str:
    """The unit a place entity's own type word names (adm1 for محافظة، place for مدينة or
    العاصمة: cues.tsv), or "" when its text starts with none."""
    words = e.text.split()
    c = cue_of(fold(words[0])) if len(words) > 1 else None
    return c[1] if c and c[0] == "type" else ""


def named_with_type_word(e) -> bool:
    """Does the place entity's own text start with a type word (مدينة، بلدة ...)?"""
    return bool(type_word_of(e))
