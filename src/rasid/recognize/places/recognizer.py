"""PlaceRecognizer: find place mentions, pick the gazetteer entry each one means, resolve it.

Three passes over one document: (1) match every gazetteer name over tokens, seeing through the
proclitics و ف ب ل ك (never through ال: "السورية" is an adjective, not "سورية"), and read the cue
words before it (type word, ريف, direction, proximity); (2) gather the story's countries from
countries named, names that exist in one country only, and actor entities; (3) rank each mention's
candidates (story country, admin containment, kind, population) and emit one Entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from functools import cache

from ...model import Document, Entity
from ...text.frequency import is_own_word, word_freq
from ...text.normalize import fold
from ...text.tokens import WordMemo, columns, word_positions
from ..lexicon import DATA_DIR, read_tsv
from .demonyms import demonym_table
from .gazetteer import Place, gazetteer
from .resolve import place_fields, prior

_MAX_NAME_TOKENS = 6
_STRONG_POPULATION = 50_000
_MIN_FOREIGN_POPULATION = 5_000


@cache
def _cues() -> dict[str, tuple[str, str]]:
    return {fold(r["word"]): (r["kind"], r["value"]) for r in read_tsv(DATA_DIR / "places" / "cues.tsv")}


def _forms(word: str) -> tuple[tuple[str, int], ...]:
    """(form, chars stripped) readings of a word without و/ف and ب/ل/ك; لل read as ال."""
    out = [(word, 0)]
    w, k = word, 0
    if w[:1] in ("و", "ف") and len(w) > 3:
        w, k = w[1:], 1
        out.append((w, k))
    if w[:2] == "لل" and len(w) > 4:
        out.append(("ال" + w[2:], k + 1))
    elif w[:1] in ("ب", "ل", "ك") and len(w) > 3:
        out.append((w[1:], k + 1))
    return tuple(out)


def _first(pair):
    return pair[0]


def _find_cue(word: str) -> tuple[str, str, int] | None:
    """The cue a word is (kind, value, clitic chars)."""
    cues = _cues()
    for form, k in _forms(word):
        hit = cues.get(form) or (cues.get(form[2:]) if form.startswith("ال") else None)
        if hit:
            return hit[0], hit[1], k
    return None


_cue_of = WordMemo(_find_cue).__getitem__  # the cue a word is, worked out once per word


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
        cues = _cues()
        out = []
        for form, k in _forms(norm):
            if k and is_own_word(norm, form):
                continue  # كشفت is a verb, not ك + شفت
            # names by length, longest first; per length, rest of the name -> the first such name
            by_len: dict[int, dict[tuple[str, ...], str]] = {}
            for rest, name in first.get(form, ()):
                if (rest or name not in cues) and len(rest) <= _MAX_NAME_TOKENS:
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
        hc = _cues().get(head)
        if hc and hc[0] == "type":
            m["type"] = hc[1]
        if m["strip"] == 0 and i > 0:
            c = _cue_of(tokens[i - 1].norm)
            if c and c[0] == "type" and tokens[i - 1].is_word:
                m["type"], m["span_i"], m["span_strip"] = c[1], i - 1, c[2]
                i -= 1
        if i > 0 and m["strip"] == 0 or i < m["i"]:
            j = i - 1
            if j >= 0 and (f := _cue_of(tokens[j].norm)) and f[0] == "feature":
                m["feature"] = True  # "نهر النيجر"، "دلتا النيجر": the river, not the country
            if j >= 0:
                c = _cue_of(tokens[j].norm)
                if tokens[j].norm == "من" and j > 0:
                    c2 = _cue_of(tokens[j - 1].norm)
                    if c2 and c2[0] == "near":
                        m["modifier"] = c2[1]
                elif c and c[0] in ("rif", "near"):
                    m["modifier"] = c[1]
                elif c and c[0] == "direction":
                    d = c[1]
                    if j > 0:
                        c0 = _cue_of(tokens[j - 1].norm)
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
            if tokens[m["j"] - 1].end <= doc._dateline:
                m["cands"] = self._filter(m, gaz.candidates(m["name"])) if m["what"] != "demonym" else []
                continue
            if m["what"] == "demonym":
                vote(self.demonyms[m["name"]][0], 0.5)
                continue
            cands = self._filter(m, gaz.candidates(m["name"]))
            m["cands"] = cands
            m["doubtful"] = not (m["type"] or m["modifier"]) and _two_senses(m["name"], _after_locative(tokens, m))
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
                for p in cands:
                    if p.kind in ("adm1", "place", "adm2") and p.admin1:
                        admin_ctx.add((p.cc, p.admin1))
        weights = {cc: min(100.0, 40.0 + 20.0 * v) for cc, v in story.items()}
        top = max(story, key=story.get) if story else ""
        ents = [self._entity(doc, tokens, m, weights, admin_ctx, top) for m in matches]
        sure = [e for m, e in zip(matches, ents) if e is not None and not m.get("doubtful")]
        ents = [e if e is None or not m.get("doubtful") or _confirmed(doc, tokens, m, e, story, sure)
                else None for m, e in zip(matches, ents)]
        if story:
            ents.extend(_transliterated(doc, tokens, matches, actors, story))
        for ent in ents:
            if ent is not None:
                if ent.end <= doc._dateline or _byline(doc.text, ent.start, ent.end):
                    ent.data["locating"] = False  # where the outlet filed from
                    ent.data["dateline"] = True
                doc.entities.append(ent)
        _locate_country_directions(doc, tokens, top)

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
            data.update(locating=False, modifier="", geo_precision=3)
            return Entity(text=text, start=start, end=last.end, type="GPE", canonical=country,
                          id=c.place.id if c else None, source="places", data=data)
        cands = m.get("cands") or []
        if not cands:
            return None
        cue = bool(m["type"] or m["modifier"])
        best, best_s = None, -1e9
        for p in cands:
            if p.kind == "place" and p.population < _MIN_FOREIGN_POPULATION and p.cc not in weights \
                    and not cue:
                continue  # a small town abroad, named without مدينة/بلدة: likely a person or a word
            s = prior(p, weights, admin_ctx, m["type"])
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


_LOCATIVE = {"في", "قرب"}
_MAX_FREQ = 10  # a word seen this often in the news corpus is an Arabic word, not a foreign town
_LATIN_COUNTRIES = 2


def _latin_readings(norm: str) -> list[tuple[str, int]]:
    """The names a token may spell: the whole word, then without و/ف. A ب or ل attached is not
    read off (بيسكوف، لافروف are names; لترضية، بأسانيد are words: tried on 1,200 articles, such
    readings were mostly wrong); none for a word that cannot be a transliterated name (ال +
    noun, digits, two letters)."""
    out = []
    if len(norm) >= 3 and not norm.startswith("ال") and norm.isalpha():
        out.append((norm, 0))
    if norm[:1] in ("و", "ف") and len(norm) > 4 and not norm[1:].startswith("ال") \
            and not is_own_word(norm, norm[1:]):
        out.append((norm[1:], 1))  # but وصولا is a word
    return out


_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ات", "ين", "ون", "ان", "يه", "ي")


def _arabic_inflection(word: str, freq: dict[str, int]) -> bool:
    """Is the word a known Arabic word with a suffix (مكانها، بحثهم، تقويمات، عيادتين)? A
    pronoun, plural or dual ending on a stem the news uses is Arabic morphology, not a name."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[:-len(suf)]
            if stem in freq or (stem[-1] == "ت" and stem[:-1] + "ه" in freq):
                return True
    return False


_OTHER_SENSE_SHARE = 0.3


@cache
def _name_senses() -> dict[str, tuple[int, int]]:
    return {r["name"]: (int(r["loc"]), int(r["other"]))
            for r in read_tsv(DATA_DIR / "places" / "name_senses.tsv")}


_STRONG_OTHER_SHARE = 0.8
_LOCATIVES = {"في", "من", "الي", "قرب", "داخل"}


def _after_locative(tokens, m: dict) -> bool:
    """"في البصرة"، "بالبصرة"، "من الموصل": a preposition of place before the name."""
    i = m["i"]
    tok = tokens[i].norm
    return (m["strip"] and tok[m["strip"] - 1:m["strip"]] == "ب") or (
        i > 0 and tokens[i - 1].norm in _LOCATIVES)


def _two_senses(name: str, located: bool = False) -> bool:
    """Is the name used otherwise than as a place in the NER corpora at least 30% of the time
    (مالي "financial", الزاوية "the corner", الجزيرة the channel)? After في/من/ب that holds only
    for a name used otherwise 80% of the time, 4 times at least (المدينة "the city", الباب "the
    door"): "في البصرة" is the city. Data: name_senses.tsv."""
    loc, other = _name_senses().get(name, (0, 0))
    if located:
        return other >= 4 and other >= _STRONG_OTHER_SHARE * (loc + other)
    return other >= 2 and other >= _OTHER_SENSE_SHARE * (loc + other)  # one O tag is noise


def _confirmed(doc, tokens, m: dict, ent: Entity, story: dict, sure: list[Entity]) -> bool:
    """A name with two senses and no cue word is a place when the rest of the story is about its
    country (votes from other words) or it is coordinated with a place. (Asking the NER model
    as well changed nothing on the table, dev or train, at a tenth of the recogniser's time.)"""
    cc = ent.data.get("cc")
    if cc and story.get(cc, 0) > 0:
        return True
    # "بوركينا فاسو ومالي والنيجر"، "بين مكة والمدينة": coordinated with another place
    i, j = m["i"], m["j"]
    if (m["strip"] and tokens[i].norm[:1] == "و" and i > 0 and any(e.end == tokens[i - 1].end for e in sure)) \
            or (j < len(tokens) and tokens[j].norm[:1] == "و"
                and any(tokens[j].start <= e.start < tokens[j].end for e in sure)):
        return True
    return False


_PLACE_CLASS_SHARE = 0.3


@cache
def _place_classes() -> frozenset[str]:
    """Word classes (the NER's distributional clusters, learned from the news corpus) in which
    at least 30% of the words are gazetteer names: a frequent word there (تريب، كاركاسون) is
    used like a place name, one elsewhere (تصريحات، ماكرون) is not."""
    from ..names.features import clusters

    names = gazetteer().by_name
    total: dict[str, int] = {}
    places: dict[str, int] = {}
    for w, (fine, _, _) in clusters().items():
        total[fine] = total.get(fine, 0) + 1
        if w in names:
            places[fine] = places.get(fine, 0) + 1
    return frozenset(c for c, n in total.items() if places.get(c, 0) >= _PLACE_CLASS_SHARE * n)


_PRONOUNS = ("هما", "هم", "ها", "كم", "نا", "ه")


def _suffixed_cue(word: str) -> bool:
    for suf in _PRONOUNS:
        if word.endswith(suf) and len(word) > len(suf) + 2:
            stem = word[:-len(suf)]
            if _cue_of(stem) or (stem.endswith("ت") and _cue_of(stem[:-1] + "ه")):
                return True
    return False


def _place_class(word: str) -> bool:
    from ..names.features import clusters

    c = clusters().get(word)
    return c is not None and c[0] in _place_classes()


def _maybe_name(word: str, freq: dict[str, int]) -> bool:
    """Can a word after بلدة/مدينة be a town's name? Rare words can; a frequent one only if its
    word class is one of place names."""
    return _place_class(word) or freq.get(word, 0) < _MAX_FREQ


def _is_latin_cue(word: str) -> bool:
    if word in _LOCATIVE:
        return True
    cue = _cue_of(word)
    return bool(cue and (cue[0] in ("direction", "near", "rif") or cue[0] == "type" and cue[1] != "adm1"))


_latin_cue = WordMemo(_is_latin_cue).__getitem__


def _transliterated(doc, tokens, matches, actors, story) -> list[Entity]:
    """Towns the gazetteer has no Arabic name for, read through their Latin names
    (transliterated.py): a word after a type word (بلدة دامبوا) that is no common Arabic word, or
    after في/قرب or a direction that the news uses like a place name (its word class); matched
    in the story's two leading countries, the most populous town taken."""
    from .transliterated import arabic_skeleton, lookup

    freq = word_freq()
    covered = bytearray(len(tokens) + 1)
    for m in matches:
        covered[m["i"]:m["j"]] = b"\x01" * (m["j"] - m["i"])
    spans = [(a, b) for a, b in actors]
    countries = sorted(story, key=lambda cc: -story[cc])[:_LATIN_COUNTRIES]
    out: list[Entity] = []
    norms = columns(tokens).norms
    # only the words right after a cue are read: positions of the document's cue words, found
    # once per distinct word (a scan of every token cost a third of the recogniser)
    after_cue = sorted(i + 1 for forms, where in word_positions(tokens).items() if _latin_cue(forms[0])
                       for i in where if i + 1 < len(tokens))
    for i in after_cue:
        t = tokens[i]
        if covered[i] or not t.is_word or tokens[i - 1].sent != t.sent:
            continue
        readings = _latin_readings(norms[i])
        if not readings:
            continue
        prev = norms[i - 1]
        cue = _cue_of(prev) if tokens[i - 1].is_word else None
        typed = bool(cue and cue[0] == "type" and cue[1] != "adm1")
        cued = prev in _LOCATIVE or bool(cue and cue[0] in ("direction", "near", "rif"))
        if any(a <= t.start < b for a, b in spans):
            continue
        best, end, k = None, i + 1, 0
        nxt = _latin_readings(norms[i + 1]) if i + 1 < len(tokens) and not covered[i + 1] \
            and tokens[i + 1].sent == t.sent and tokens[i + 1].is_word else []
        nxt = nxt[0] if nxt and nxt[0][1] == 0 and _maybe_name(nxt[0][0], freq) else None
        for word, k in readings:
            if not (typed or cued) or _suffixed_cue(word) or _arabic_inflection(word, freq) \
                    or (word[0] in "بل" and word[1:] in freq):
                continue  # "في قريتهم"، "في مكانها"، "المدينة لدرء": Arabic words
            confirm = False
            if typed:
                if not _maybe_name(word, freq):
                    continue  # "قرية مجاورة": an adjective
            elif not _place_class(word):
                if word in freq:
                    continue  # after في a word of the news is a place only if used like one (تريب)
                confirm = True  # a word never seen in the news: the story's own country only
            if nxt is not None:
                best, end = lookup(word + " " + nxt[0], countries), i + 2  # سان دوني
            if best is None:
                n = len(arabic_skeleton(word))
                if n < 2 or n == 2 and (not typed or word in freq):
                    continue  # two consonants match too much: only an unknown word after بلدة
                best, end = lookup(word, countries), i + 1
            if best is not None and confirm and (len(arabic_skeleton(word)) < 3
                                                 or best.cc != countries[0]):
                best = None
            if best is not None:
                break
        if best is None:
            continue
        start = t.start
        if k:
            start = doc._folded.orig_span(t.fstart + k, t.fend)[0]
        c = gazetteer().country(best.cc)
        modifier = cue[1] if cue and cue[0] in ("direction", "near", "rif") else ""
        data = {"kind": best.kind, "cc": best.cc, "country": c.name if c else "",
                "iso": c.iso if c else None, "region": c.region if c else "",
                "admin1": best.admin1, "admin2": "", "admin3": "", "location": best.name,
                "lat": best.lat, "lon": best.lon, "population": best.population,
                "modifier": modifier, "locating": True,
                "geo_precision": 3 if best.kind == "adm1" else 2 if modifier else 1,
                "transliterated": True}
        out.append(Entity(text=doc.text[start:tokens[end - 1].end], start=start,
                          end=tokens[end - 1].end, type="GPE", canonical=best.name, id=best.id,
                          source="places", data=data))
        covered[i:end] = b"\x01" * (end - i)
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
        cue = _cue_of(tokens[k - 1].norm)
        if not cue or cue[0] != "direction":
            continue
        data = place_fields(c.place, cue[1])
        data.update(geo_precision=3, locating=True)
        doc.entities.append(Entity(text=doc.text[tokens[k].start:tokens[k].end],
                                   start=tokens[k].start, end=tokens[k].end, type="GPE",
                                   canonical=c.name, id=c.place.id, source="places", data=data))
