"""Loading the event lexicons (data/events/*.tsv) into one phrase matcher, once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..recognize.lexicon import DATA_DIR, PhraseMatcher, phrase_tokens, read_tsv
from ..recognize.quotes.lexicons import speech_verbs
from ..text.normalize import fold

EVENTS_DIR = DATA_DIR / "events"
RELATIVE_PRONOUNS = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                                                "اللواتي", "اللاتي"))
# "بإسناد من طيران التحالف"، "بالتعاون مع": the words that name a side backing another's act
# (roles.py: its associate; detect.py: aircraft so named are no act of their own)
SUPPORT_MARKERS = frozenset(fold(w) for w in ("بالتعاون", "بمساندة", "بدعم", "بمشاركة", "بالاشتراك", "بإسناد",
                                              "وبمساندة", "وبدعم", "بالتنسيق", "مسنودا", "مسنودة", "مسنودين",
                                              "مدعوما", "مدعومة", "مدعومين", "بغطاء", "وبإسناد", "وبغطاء"))
SUPPORT_NOUNS = frozenset(fold(w) for w in ("إسناد", "دعم", "مساندة", "غطاء"))  # "وبإسناد جوي من مقاتلات"
SPLIT_MARK = "…"  # in triggers.tsv: the verb's subject or a pronoun may stand here
# "هذه الاحتجاجات"، "تلك التي": a demonstrative (with its clitics) pointing back at something told
DEMONSTRATIVES = frozenset(fold(p + w) for w in ("هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "هذان", "هاتان",
                                                 "أولئك")
                           for p in ("", "و", "ب", "ل", "وب", "ول"))


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    phrase: str
    kind: str
    strength: int
    events: int
    plural: bool = False
    outcome: str = ""  # death | injury | arrest: what a number after the trigger counts


@cache
def kinds() -> dict[str, tuple[str, str]]:
    return {r["kind"]: (r["event_type"], r["sub_event_type"])
            for r in read_tsv(EVENTS_DIR / "kinds.tsv")}


@cache
def person_nouns() -> dict[str, tuple[str, str]]:
    """folded noun -> (number sg|du|pl, side). A singular noun also stands in the indefinite
    accusative, written with a final alif ("يقتل مزارعا"، "اختطفوا صحفيا"), unless it ends in a
    letter that takes no such alif (ة ى ا ء) or the file lists that form itself."""
    nouns = {fold(r["word"]): (r["number"], r["side"]) for r in read_tsv(EVENTS_DIR / "person_nouns.tsv")}
    for word, (number, side) in list(nouns.items()):
        if number == "sg" and not word.startswith("ال") and word[-1:] not in ("ه", "ى", "ا", "ء") \
                and " " not in word:
            nouns.setdefault(word + "ا", (number, side))
    return nouns


@cache
def civilian_targets() -> frozenset[str]:
    """Folded single words for civilian places (a market, offices, a school): see the TSV."""
    words = [fold(r["word"]) for r in read_tsv(EVENTS_DIR / "civilian_targets.tsv")]
    if any(" " in w for w in words):
        raise ValueError("civilian_targets.tsv: one word per line")
    return frozenset(words)


OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")


def with_object_pronouns(verb: str) -> list[str]:
    """A perfect verb with each attached object pronoun: اعتقلت -> اعتقلته، اعتقلتهم ...; the
    alif of وا drops before one (قتلوا -> قتلوه)."""
    stem = verb[:-1] if verb.endswith("وا") else verb
    return [stem + p for p in OBJECT_PRONOUNS]


def _adjective(word: str) -> bool:
    """A nisba (صاروخي، انتحاري), a participle (مسلح، مفخخ) or a فاعل (ناسف): the adjectives of
    a trigger's noun phrase."""
    return word.endswith("ي") or (word[:1] == "م" and len(word) >= 4) or (len(word) == 4 and word[1] == "ا")


def indefinite_accusative(phrase: str) -> str | None:
    """"هجوم صاروخي" -> "هجوما صاروخيا": an indefinite noun and its adjective as the object of a
    verb (شن هجوما صاروخيا، فجر حزاما ناسفا) both take the accusative alif; None for phrases of
    another shape (a definite word, a dual, a verb, a word that takes no alif)."""
    words = phrase.split()
    if len(words) != 2 or any(w.startswith("ال") or w[-1:] in "ةىاءهت" for w in words):
        return None
    noun, adj = words
    if noun.endswith(("ين", "ان")) or not _adjective(adj):
        return None
    return f"{noun}ا {adj}ا"


@cache
def _trigger_rows() -> tuple[dict[str, str], ...]:
    """triggers.tsv, read once for the matcher and the object-pronoun counts."""
    return tuple(read_tsv(EVENTS_DIR / "triggers.tsv"))


@cache
def object_pronoun_counts() -> dict[str, int]:
    """Folded verb forms with an attached object pronoun -> the people it names (ه، ها: 1; هما:
    2; هم، هن: 0, a group of unknown size): "اعتقلته الشرطة" arrested one."""
    out = {}
    for r in _trigger_rows():
        if r.get("object") == "1":
            for form, p in zip(with_object_pronouns(r["phrase"]), OBJECT_PRONOUNS):
                out[fold(form)] = {"ه": 1, "ها": 1, "هما": 2}.get(p, 0)
    return out


@cache
def transitive_verbs() -> frozenset[str]:
    """Folded one-word trigger verbs that take an object (triggers.tsv, object 1: قصفت، اعتقلت):
    the word right after one is its subject when it names a state ("قصفت الولايات المتحدة")."""
    return frozenset(fold(r["phrase"]) for r in _trigger_rows() if r.get("object") == "1" and " " not in r["phrase"])


@cache
def light_verbs() -> frozenset[str]:
    """Folded verbs that take an act noun as their object (light_verbs.tsv: شنت، نفذت، قامت ب)."""
    return frozenset(fold(r["word"]) for r in read_tsv(EVENTS_DIR / "light_verbs.tsv"))


@cache
def clause_openers() -> frozenset[str]:
    """Folded words that open another clause (قبل، بعد، فيما، وسط ...): a date after one is not
    the date of an act told before it."""
    return frozenset(fold(r["word"]) for r in read_tsv(EVENTS_DIR / "clause_openers.tsv"))


@cache
def matcher() -> PhraseMatcher:
    """Triggers, modality cues and cited sources in one matcher (labels TRIGGER, MODALITY, SOURCE,
    REPORT, and SPLIT: the first word of a trigger phrase whose words may stand apart)."""
    m = PhraseMatcher()
    known = kinds()
    for r in _trigger_rows():
        if r["kind"] not in known:
            raise ValueError(f"triggers.tsv: unknown kind {r['kind']!r} for {r['phrase']!r}")
        head, gap, tail = r["phrase"].partition(SPLIT_MARK)
        phrase = " ".join((head + " " + tail).split())
        entry = TriggerEntry(phrase, r["kind"], int(r["strength"]), int(r.get("events") or 1),
                             r.get("plural") == "1", r.get("outcome", ""))
        if gap:
            # "أطلق … النار": the head is matched here, its object found after it (events/split.py)
            if not head.strip() or not tail.strip():
                raise ValueError(f"triggers.tsv: {SPLIT_MARK} needs words on both sides in {r['phrase']!r}")
            m.add("SPLIT", head, (phrase_tokens(tail), "TRIGGER", entry))
        else:
            m.add("TRIGGER", r["phrase"], entry)
            accusative = indefinite_accusative(r["phrase"])
            if accusative:
                m.add("TRIGGER", accusative, entry)
            if r.get("object") == "1":
                for form in with_object_pronouns(r["phrase"]):
                    m.add("TRIGGER", form, entry)
    for r in read_tsv(EVENTS_DIR / "modality.tsv"):
        head, gap, tail = r["phrase"].partition(SPLIT_MARK)
        if gap:  # "استعاد … الوعي": the words may stand apart too
            m.add("SPLIT", head, (phrase_tokens(tail), "MODALITY", (r["kind"], r["scope"])))
        else:
            m.add("MODALITY", r["phrase"], (r["kind"], r["scope"]))
    for r in read_tsv(EVENTS_DIR / "sources.tsv"):
        m.add("SOURCE", r["phrase"], r["reported_by"])
    reporting = {fold(r["phrase"]): r.get("kind") or "report" for r in read_tsv(EVENTS_DIR / "report_cues.tsv")}
    for verb in speech_verbs():  # the quotes lexicon's speech verbs (قال، أضاف، أشار ...) report too
        reporting.setdefault(verb, "report")
    for phrase, kind in reporting.items():
        if kind != "none":
            m.add("REPORT", phrase, kind)
    m.freeze()
    return m
