"""Who did what to whom: choosing actor1, its associates, and actor2 for a mention.

Arabic news is mostly verb-first: the actor right after an active verb is its subject, the one
after ضد، على، استهداف، في صفوف، بحق is the target, the one after بالتعاون مع، بمساندة is an
associate, the one after أعلن، كشف، قال is whoever reports the act. Victims of killings, arrests
and abductions follow the outcome word ("مقتل قيادي في داعش"). Civilians are never actor1 of
violence; protesters are actor1 of protests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..model import Entity
from ..recognize.actors.recognizer import cue_rows
from ..recognize.actors.registry import UNARMED_KINDS
from ..recognize.numbers import number_words
from ..recognize.quotes.lexicons import complementisers
from ..text.normalize import fold
from ..text.tokens import WordMemo, cached_forms, columns, is_definite
from .counts import nationals, reads_as_passive, word_cue
from .lexicons import SUPPORT_MARKERS, SUPPORT_NOUNS, clause_openers, person_nouns, transitive_verbs

_TARGET = {fold(w) for w in (
    "ضد", "على", "علي", "استهدف", "استهدفت", "استهداف", "صفوف", "بحق", "مقتل", "قتل", "اعتقال",
    "القبض", "اصابة", "اختطاف", "خطف", "مهاجمة", "مواقع", "مقرات", "مقر", "نقطة", "حاجز",
    "دورية", "موكب", "تجمع", "معاقل", "تمركزات", "عناصر", "اغتيال", "إعدام", "تصفية", "استهدفوا",
    "لعناصر", "ومقتل", "توقيف", "احتجاز", "معسكر", "ثكنة", "قاعدة", "أهداف", "اهدافا", "جنود",
    "مبنى", "مقار")}
# "صاروخ أطلقته قوات حفتر": the verb of a relative clause that fired a projectile
_LAUNCHED_IT = ("أطلقه", "أطلقته", "أطلقها", "أطلقتها", "أطلقهما", "أطلقتهما", "أطلقوه", "أطلقوها")
_AGENT = {fold(w) for w in ("قبل", "نفذ", "نفذت", "شن", "شنت", "شنها", "نفذها", "فجر", "فجرت", "فجروا",
                            "تبنى", "تبنت", "طائرات", "طيران", "مقاتلات", "قوات", "نفذه",
                            # a relative clause on the act names its agent: "هجوم شنه مسلحون"،
                            # "صاروخ أطلقته قوات حفتر"، "غارة نفذتها طائرة إسرائيلية"
                            "شنه", "شنته", "شنوه", "شنتها", "نفذته", "نفذتها", "نفذوه", "نصبه", "نصبها",
                            "نصبته", "زرعه", "زرعها", "زرعته")} | {fold(w) for w in _LAUNCHED_IT}
# right before an actor, these name the one who fired whatever came before ("قتل فلسطيني برصاص
# الجيش"): they win over a victim marker further back
_BY = {fold(w) for w in ("برصاص", "بنيران", "ارتكبتها", "ارتكبها", "ارتكبه", "ارتكبته", "يد", "أيدي", "بواسطة")}
_ASSOC = SUPPORT_MARKERS
_BETWEEN = {fold("بين")}
_BLAME = {fold(w) for w in ("اللوم", "باللوم", "المسؤولية", "مسؤولية")}
_CLAIMED = {fold(w) for w in ("المسؤولية", "مسؤولية", "مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "مسؤوليتهما")}
_SUPPORT = SUPPORT_NOUNS | {fold(w) for w in ("جوي", "جوية")}  # "بإسناد جوي من مقاتلات"
_EXPEL = {fold(w) for w in ("تطهير", "تحرير", "طرد", "إخراج", "استعادة", "طهرت", "حررت", "طردت", "تطهيرها",
                             "تحريرها", "دحر")}
_TIME_LINKS = {fold(w) for w in ("غداة", "عقب", "إثر", "اثر", "بعيد", "أعقاب")}
_CLAIM_VERBS = {fold(w) for w in ("أعلن", "أعلنت", "أعلنوا", "تبنى", "تبنت", "يعلن", "تعلن")}
_BLAME_VERBS = {fold(w) for w in ("حمل", "يحمل", "تحمل", "حملت", "حملوا", "يحملون", "محملا", "محملة")}
_BLAME_TO = {fold(w) for w in ("إلى", "على", "الى")}
_TO = {fold(w) for w in ("إلى", "الى")}  # "أشار إلى أن": what follows is no speaker
_VERBS_WITH_SUBJECT = {fold(w) for w in ("قتل", "استهدف", "استهدفت", "استهدفوا", "اغتال", "خطف", "اختطف")}

_ON_PRONOUN = {fold(w) for w in ("عليه", "عليها", "عليهم", "عليهما", "عليهن")}
SUFFERED = {fold(w) for w in ("تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "تعرضا", "تعرضتا")}
ATTACK_NOUN_KINDS = {"air", "shelling", "attack", "chemical", "suicide", "operation"}
_WEAPON_WORDS = {fold(w) for w in ("جوية", "جوي", "صاروخية", "صاروخي", "مدفعية", "مدفعي", "بحرية",
                                   "عسكرية", "مسلحة", "انتحارية", "جديدة", "اخرى", "أخرى")}
# the craft or guns an act noun's owner fired with: "غارات من طائرات التحالف"
_CRAFT = {fold(w) for w in ("طائرات", "طائرة", "مقاتلات", "طيران", "مدفعية", "دبابات", "زوارق", "بوارج", "مروحيات")}
REMOTE_KINDS = {"suicide", "air", "ied", "shelling", "chemical", "grenade"}
_AIR_FORCES = {"state", "external"}  # actor kinds that fly aircraft
_AGENTIVE = {"air", "shelling", "operation", "arrest", "regain", "disrupted", "clash", "overtake", "change",
             "agreement"}
_PERSON_HEADS = {fold(w) for w in ("رجال", "أفراد", "منتسبي", "منسوبي", "منسوبو", "منتسبو", "عناصر", "جنود", "جندي", "جنديا",
                                   "جنديين", "عسكريين", "ضباط", "ضابط", "شرطي", "شرطيين", "حراس")}
_CROWD_KINDS = {"protesters", "rioters"}
# verbs of forces that answer an act at its scene (arrive, rush, cordon off, evacuate, treat)
_RESPONDS = {fold(w) for w in ("توجهت", "توجه", "توجهوا", "هرعت", "هرع", "هرعوا", "وصلت", "وصل", "وصلوا",
                               "انتقلت", "انتقل", "طوقت", "طوق", "طوقوا", "أخلت", "أخلى", "أسعفت", "أسعف",
                               "سارعت", "سارع", "حضرت")}
# acts a force does on arriving (arrest, raid, fight): there, whoever came is whoever acted
_FORCE_ACTS = {"arrest", "clash", "operation", "regain", "disrupted", "protest_force", "protest_intervention"}
_AFTER_REACH = 4  # an actor further than this after the trigger is in another clause
_PASSIVE_REACH = 4  # "قائد تنظيم داعش في البلاد قتل": the subject's last word this close to the verb
_MET_REACH = 8  # "القيادي الحوثي البارز المدعو حسين البكلي، لقي مصرعه": a name may stand between
VIOLENT_PATIENT_KINDS = {"kill", "injure", "arrest", "abduction", "vac", "sexual"}
RIVALS = "rival groups of one kind on both sides"
PROTEST_KINDS = {"protest", "protest_force", "protest_intervention", "riot", "mob"}


@dataclass(slots=True)
class ActorMention:
    ent: Entity
    tok_start: int
    tok_end: int
    role: str = ""  # agent | target | assoc | reporter | accuser | ""
    why: str = ""

    @property
    def name(self) -> str:
        return self.ent.canonical or ""

    @property
    def kind(self) -> str:
        return self.ent.data.get("kind", "")


def _has_object(tokens, pos: int) -> bool:
    """Is the word after an actor the object of a verb (a number or a noun for people)?"""
    for j in range(pos, min(pos + 3, len(tokens))):  # "قتل مسلح بسكين امرأة"
        forms = tokens[j].forms[:2]
        if BY_WORD[tokens[j].norm]:
            return False  # "قتل جندي برصاص قناص": the noun after برصاص is the killer
        if tokens[j].norm.isdigit() or any(f in person_nouns() or f in number_words() for f in forms):
            return True
        if nationals(tokens[j].norm):
            return True  # "قتلت القوات الإسرائيلية فلسطينيا": people named by their nationality
    return False


def _counted(tokens, a: "ActorMention", sent_start: int) -> bool:
    """"قتل 5 جنود": a number right before the actor counts it, so it is the victims, not the
    verb's subject."""
    for j in range(max(sent_start, a.tok_start - 2), a.tok_start):
        if tokens[j].norm.isdigit() or any(f in number_words() for f in tokens[j].forms[:2]):
            return True
    return False


def is_person_phrase(tokens, a: "ActorMention") -> bool:
    return any(f in _PERSON_HEADS for f in tokens[a.tok_start].forms[:3])


def _clause_between(norms: list[str], lo: int, hi: int) -> bool:
    """Does a new clause open between two tokens: a comma, then a word with و ("تفجير، الأحد،
    وقامت السلطات الأمنية بمعاينة ...": the authorities are the next clause's subject)?"""
    return any(norms[j] == "،" and norms[j + 1][:1] == "و" and len(norms[j + 1]) > 3
               for j in range(lo, hi - 1))


def _marker(tokens, start: int, sent_start: int, words: set[str], reach: int = 3) -> str | None:
    for j in range(start - 1, max(sent_start, start - reach) - 1, -1):
        for f in tokens[j].forms:
            if f in words:
                return tokens[j].norm
    return None


_HAND = {fold(w) for w in ("يد", "أيدي")}
_ON = {fold(w) for w in ("على", "علي")}


def _by_marker(tokens, start: int, sent_start: int) -> str | None:
    """The word right before an actor that names it as the one who fired ("برصاص الجيش"); يد and
    أيدي only after على ("على أيدي مسلحين", not "وصلت إلى أيدي الميليشيا")."""
    m = _marker(tokens, start, sent_start, _BY, 1)
    if m is not None and not _HAND.isdisjoint(tokens[start - 1].forms):
        if start - 2 < sent_start or _ON.isdisjoint(tokens[start - 2].forms):
            return None
    return m


def _same_force(a: "ActorMention", b: "ActorMention") -> bool:
    """The same actor, a generic one ("رجال أمن": Police Forces) matching any country's."""
    return a.name == b.name or b.name.startswith(a.name + " of ") or a.name.startswith(b.name + " of ")


def _owner_of_attack(tokens, a: "ActorMention", trigger_start: int, trigger_end: int) -> bool:
    """"غارة جوية للتحالف"، "غارات التحالف"، "قصف لقوات النظام": the actor the attack noun belongs
    to (ل, or a construct noun without ال followed by the actor) carried it out."""
    gap = range(trigger_end, a.tok_start)
    if gap and tokens[gap[-1]].norm == "من" and tokens[a.tok_start].norm in _CRAFT:
        gap = gap[:-1]  # "بغارات من طائرات التحالف"، "قصف من مدفعية النظام": whose craft
        if not all(tokens[j].norm in _WEAPON_WORDS for j in gap) or len(gap) > 1:
            return False
        return True
    if len(gap) > 2 or any(tokens[j].norm not in _WEAPON_WORDS for j in gap):
        return False
    tok = tokens[a.tok_start]
    if tok.norm[:1] == "ل" and a.ent.start > tok.start:
        return True
    last = tokens[trigger_end - 1].norm
    return not gap and trigger_end - trigger_start == 1 and not last.startswith(("ال", "وال", "بال", "لل"))


@cache
def verb_only(phrase: str) -> bool:
    """A trigger verb no noun is spelt like ("استهدفت"، "قصفوا"، "يستهدف", not "قصف"): the side
    after it is its subject or its object, not an attack noun's owner."""
    p = fold(phrase)
    return p in transitive_verbs() and (p.endswith("وا") or p.startswith("ي")
                                        or (p.endswith("ت") and not p.endswith("ات")))


_BEFORE_A_VERB = {fold(w) for w in ("ثم", "حيث", "عندما", "قد", "لقد", "وقد", "فقد")}


def _object_of_verb(tokens, a: "ActorMention", verb_start: int, sent_start: int) -> bool:
    """Is the side ``a`` after the verb at ``verb_start`` its object rather than its subject? One
    indefinite word is ("استهدفت متشددين"); so is any side after a verb that does not open its
    clause, whose subject a word before it names ("إن القوة الصاروخية استهدفت وزارة الدفاع"),
    unlike "واستهدفت ميليشيا الحوثي ..." (verb, then subject)."""
    if a.tok_end - a.tok_start == 1 and not is_definite(tokens[a.tok_start].norm) and not a.ent.data.get("person"):
        return True
    if verb_start == sent_start or tokens[verb_start].norm[:1] in "وف":
        return False
    prev = tokens[verb_start - 1]
    return prev.is_word and prev.norm not in _BEFORE_A_VERB and not (clause_openers() & set(prev.forms[:2]))


def _construct_agent(tokens, a: "ActorMention", trigger_start: int, trigger_end: int) -> bool:
    """"اعتقال الجيش الإسرائيلي لخمسة شبان"، "إعدام تنظيم داعش لأربعة مدنيين": a verbal noun in
    the construct state (no ال), its agent right after it, and the object after ل."""
    if trigger_end - trigger_start != 1 or tokens[trigger_start].norm.startswith(("ال", "وال", "بال", "لل")):
        return False
    nxt = tokens[a.tok_end].norm if a.tok_end < len(tokens) else ""
    return nxt[:1] == "ل" and not nxt.startswith("ال") and len(nxt) > 2


_BLAMES = WordMemo(lambda w: not _BLAME.isdisjoint(cached_forms(w)[:3]))  # "(بال)مسؤولية"
_SUFFERS = WordMemo(lambda w: not SUFFERED.isdisjoint(cached_forms(w)[:2]))  # "(و)تعرضت"
# a word naming who fired, clitics seen through ("(و)برصاص"، "بنيران"، "على يد"): the person noun
# after it is the killer, not a victim (the victims scan in arguments.py)
BY_WORD = WordMemo(lambda w: not _BY.isdisjoint(cached_forms(w)))


def _first_in(memo: WordMemo, norms: list[str], start: int, end: int) -> int | None:
    """Position of the first word of norms[start:end] that ``memo`` holds true, or None."""
    found = memo.hits(norms, start, end)
    return found[0][0] if found else None


# interception words ("اعترضت الدفاعات الجوية صاروخا"، "إسقاط طائرة مسيرة"): whoever stops a
# projectile acts; whoever fired it is the other side (ACLED's Disrupted weapons use)
_INTERCEPT_STEMS = tuple(fold(w) for w in ("اعترض", "اعتراض", "تعترض", "يعترض", "أسقط", "إسقاط", "تسقط",
                                            "يسقط", "تصدت", "تصدى", "التصدي"))
_BELONGS = {fold(w) for w in ("التابعة", "التابع", "تابعة", "تابع")}
_LAUNCH = {fold(w) for w in ("أطلق", "أطلقت", "أطلقوا", "أطلقا", "يطلقها", "تطلقها") + _LAUNCHED_IT}


_DEFENCE = fold("دفاع")
_AIR_ADJ = {fold(w) for w in ("الجوي", "الجوية", "جوي", "جوية")}  # not "وزارة الدفاع"


def _air_defence(tokens, a: ActorMention) -> bool:
    """"قوات الدفاع الجوي"، "الدفاعات الجوية": forces that stop missiles report them, never fire them."""
    return any(_DEFENCE in f for j in range(a.tok_start, a.tok_end - 1) for f in tokens[j].forms[:2]) \
        and any(f in _AIR_ADJ for j in range(a.tok_start + 1, a.tok_end) for f in tokens[j].forms[:2])


_OWN_SUFFIXES = ("ها", "هم", "ه")


@cache
def _force_heads() -> frozenset[str]:
    """Nouns for a side's men or arms (مقاتلي، عناصر، قوات، طائرات: member and state heads of
    the actor cues), folded and without ال."""
    return frozenset(w[2:] if w.startswith("ال") else w for w in (
        fold(r["phrase"]) for r in cue_rows() if r["role"] in ("member", "state"))
        if " " not in w)


def _own_men(tokens, reporter: ActorMention, trigger_start: int) -> bool:
    """"قالت حركة الشباب إن مقاتليها هاجموا قاعدة": the speaker's own men (a force noun with the
    pronoun, right after the complementiser of its statement) did the act."""
    comps = complementisers()
    for j in range(reporter.tok_end + 1, trigger_start):
        w = tokens[j].norm.lstrip("و")
        if tokens[j - 1].norm in comps and trigger_start - j <= 3 and any(
                w.endswith(suf) and w[:-len(suf)] in _force_heads() for suf in _OWN_SUFFIXES):
            return True
    return False


def _speaks_only(a: ActorMention, kinds: set[str]) -> bool:
    """An international organisation (the UN, the EU, the AU: kind "political") reports, counts or
    condemns acts; it is a side only of an agreement (or as an act's stated target)."""
    return a.kind == "political" and "agreement" not in kinds


def is_interception(tokens, tok_start: int) -> bool:
    """Does the word at ``tok_start`` stop a projectile (اعترضت، إسقاط، تصدت)?"""
    return any(f.startswith(_INTERCEPT_STEMS) for f in tokens[tok_start].forms[:3])


def interception_roles(actors: list[ActorMention], tokens, sent_start: int, stop: int,
                       reporters: list[ActorMention]) -> tuple[ActorMention | None, ActorMention | None, str]:
    """(actor1, actor2, rule) of a projectile stopped by the word at ``stop``: the side that
    fired it ("صاروخا أطلقه الحوثيون") is actor2; the one that stopped it is actor1: the subject
    after the verb ("اعترضت الدفاعات الجوية السعودية"), or before it ("منظومة القبة الحديدية
    اعترضت"), or the side announcing it ("أعلن التحالف اعتراض صاروخين")."""
    launcher = next((a for a in actors if _marker(tokens, a.tok_start, sent_start, _LAUNCH, 2)), None)
    armed = [a for a in actors if a is not launcher and a.kind not in UNARMED_KINDS]
    after = [a for a in armed if 0 < a.tok_start - stop <= 3 and a.role != "reporter"]
    before = [a for a in armed if a.tok_end <= stop and a.role != "reporter"]
    if after:
        a = after[0]
        # "الدفاعات الجوية التابعة للتحالف العربي"، "الدفاع الجوي للقوات الأمريكية": air defences
        # with no country are the named side's
        owner = next((b for b in armed if a.ent.data.get("needs_country") and 0 <= b.tok_start - a.tok_end <= 2
                      and (_marker(tokens, b.tok_start, a.tok_end, _BELONGS, 2)
                           or tokens[b.tok_start].norm.startswith("لل"))), None)
        return owner or a, launcher, "stopped the projectile (subject after the interception verb)"
    if before:
        return before[-1], launcher, "stopped the projectile (subject before the interception word)"
    announcer = next((a for a in reporters if a is not launcher), None)
    if announcer is not None:
        return announcer, launcher, "stopped the projectile (announced the interception)"
    return None, launcher, "the projectile's launcher is the other side"


def assign_roles(actors: list[ActorMention], tokens, sent_start: int, trigger_start: int,
                 trigger_end: int, kinds: set[str], reports: list[tuple[int, int]],
                 main_kind: str = "", outcome_starts: tuple[int, ...] = (),
                 attack_spans: tuple[tuple[int, int, bool], ...] = (), speaker: range = range(0),
                 beliefs: frozenset[int] = frozenset()
                 ) -> tuple[ActorMention | None, list[ActorMention], ActorMention | None, str]:
    """Return (actor1, associates, actor2, rule) for one mention. ``attack_spans``: the mention's
    other attack nouns ("قتل ثلاثة جنود في هجوم لحركة الشباب": whoever owns the هجوم acted), with
    whether each is a verb no noun is spelt like ("استهدفت متشددين": its object owns nothing).
    ``speaker``: the tokens of the speaker of the quote that tells the act (all its actors report).
    ``beliefs``: where the sentence's verbs of belief end (a reporting cue of kind belief)."""
    norms = columns(tokens).norms
    # the subject of a reporting verb stands in the two words after it, not past what opens the
    # words said ("وأشار إلى أن تنظيم القاعدة استخدم ...": the group is in what was said)
    comps = complementisers()
    after_report: dict[int, bool] = {}  # token -> after a verb of belief
    for _, re in reports:
        for k in range(re, min(re + 3, len(norms))):
            if norms[k] in comps or norms[k] in _TO:
                break
            after_report[k] = after_report.get(k, False) or re in beliefs
    blame = _first_in(_BLAMES, norms, sent_start, trigger_start + 1)
    attack_noun = main_kind in ATTACK_NOUN_KINDS
    trigger_verb = trigger_end - trigger_start == 1 and any(verb_only(f) for f in tokens[trigger_start].forms[:2])
    suffered = _first_in(_SUFFERS, norms, sent_start, trigger_start)
    blamed = None
    if blame is not None:
        # after حمّل: the last actor before المسؤولية bears it; any before it are the accusers
        verb = next((j for j in range(blame - 1, sent_start - 1, -1) if any(
            f in _BLAME_VERBS for f in tokens[j].forms[:3])), None)
        if verb is not None:
            blamed = next((a for a in reversed(actors) if verb < a.tok_start and a.tok_end <= blame), None)
    # "أعلن تنظيم الدولة الإسلامية مسؤوليته عنها": whoever claims the act, before or after the
    # words that tell it, carried it out; the claim's word is no blame laid on another
    claimer = next((a for a in actors if a.tok_end < len(tokens) and norms[a.tok_end] in _CLAIMED
                    and _marker(tokens, a.tok_start, sent_start, _CLAIM_VERBS, 2)), None)
    if claimer is not None:
        blame = blamed = None
    # an attack noun owns an actor at most two words after it: spans by their end, not a scan of
    # every span per actor (quadratic in a sentence of thousands)
    spans_ending: dict[int, list[tuple[int, int, bool]]] = {}
    for ts, te, verb in attack_spans:
        spans_ending.setdefault(te, []).append((ts, te, verb))
    for a in actors:
        if a is claimer:
            a.role, a.why = "agent", "claimed the act"
            continue
        if a.tok_end <= trigger_start and main_kind not in _FORCE_ACTS \
                and _marker(tokens, a.tok_start, sent_start, _RESPONDS, 2):
            # "وتوجهت فرق الشرطة ... إلى موقع تعرض فيه الرجلان للإصابة جراء تفجير": whoever came to
            # the scene, cordoned it off or treated the wounded answered the act; it did not do it
            a.role, a.why = "responder", "came to the scene of the act"
            continue
        if a.tok_start <= trigger_start < a.tok_end and (
                main_kind == "air" or not _marker(tokens, a.tok_start, sent_start, _ASSOC, 4)):
            # "مقاتلات التحالف"، "طيران التحالف": the trigger is inside the actor's own name (not
            # "بإسناد من طيران التحالف" read as someone else's act: air support for it; read as
            # the air strike, the aircraft's owner flew it)
            a.role, a.why = "agent", "the act's words name it"
            continue
        if attack_noun and a.tok_start >= trigger_end and _owner_of_attack(tokens, a, trigger_start, trigger_end) \
                and not (trigger_verb and _object_of_verb(tokens, a, trigger_start, sent_start)):
            a.role, a.why = "agent", f"the attack's owner ('{tokens[trigger_start].norm} ... {tokens[a.tok_start].norm}')"
            continue
        if a.tok_start == trigger_end and _construct_agent(tokens, a, trigger_start, trigger_end):
            a.role, a.why = "agent", f"the act's agent ('{tokens[trigger_start].norm} {tokens[a.tok_start].norm} ... ل')"
            continue
        owner = next(((ts, te) for k in range(3) for ts, te, verb in spans_ending.get(a.tok_start - k, ())
                      if _owner_of_attack(tokens, a, ts, te)
                      and not (verb and _object_of_verb(tokens, a, ts, sent_start))), None)
        if owner is not None:
            a.role, a.why = "agent", f"the attack's owner ('{tokens[owner[0]].norm} ... {tokens[a.tok_start].norm}')"
            continue
        if a.tok_start and norms[a.tok_start - 1] == "من" and _marker(tokens, a.tok_start - 1, sent_start, _EXPEL, 6) \
                and not _marker(tokens, a.tok_start - 1, sent_start, _ASSOC | _SUPPORT, 3):
            # "تطهير منطقة الحجر الأسود ومحيطها من تنظيم داعش": the side driven out is the target
            a.role, a.why = "target", "driven out ('من' after a clearing word)"
            continue
        if suffered is not None and suffered < a.tok_start and a.tok_end <= trigger_start:
            # "تعرضت دورية للجيش لهجوم": whoever suffered the attack is its target
            a.role, a.why = "target", f"subject of '{tokens[suffered].norm}'"
            continue
        if blame is not None and a.tok_start > blame and _marker(tokens, a.tok_start, blame, _BLAME_TO, 3):
            # "وجه الحوثيون اللوم في الغارة إلى التحالف": the one blamed carried it out
            a.role, a.why = "agent", "blamed for the act"
            continue
        if blame is not None and a.tok_end <= blame:
            if a is blamed:
                # "حمّلت الحكومة حركة الشباب مسؤولية التفجير": the one made to bear it
                a.role, a.why = "agent", "blamed for the act"
            elif a.kind != "civilians":
                # "وجه الحوثيون اللوم ...": the one who blames is a side, not the act's target
                a.role, a.why = "accuser", "lays the blame"
            continue
        if (m := _marker(tokens, a.tok_start, sent_start, _ASSOC, 4)):
            a.role, a.why = "assoc", f"after '{m}'"
        elif a.tok_start in after_report:
            a.role, a.why = "reporter", ("subject of a verb of belief" if after_report[a.tok_start]
                                         else "subject of a reporting verb")
        elif a.tok_start in speaker and a.tok_end <= trigger_start:
            a.role, a.why = "reporter", "among the speakers of the quote that tells the act"
        elif (m := _by_marker(tokens, a.tok_start, sent_start)):
            a.role, a.why = "agent", f"after '{m}'"
        elif (m := _marker(tokens, a.tok_start, sent_start, _TARGET, 3)):
            if m in _VERBS_WITH_SUBJECT and a.kind != "civilians" and _has_object(tokens, a.tok_end) \
                    and not _counted(tokens, a, sent_start):
                a.role, a.why = "agent", f"subject of '{m}' before its object"  # قتل مسلح امرأة
            else:
                a.role, a.why = "target", f"after '{m}'"
        elif (m := _marker(tokens, a.tok_start, sent_start, _AGENT, 2)):
            a.role, a.why = "agent", f"after '{m}'"
    protest = bool(kinds & PROTEST_KINDS) and not kinds & REMOTE_KINDS
    crowd = [a for a in actors if a.kind in _CROWD_KINDS]
    civ = [a for a in actors if a.kind == "civilians"]

    if kinds & {"clash", "agreement"}:
        # "اشتباكات بين ميليشيات متناحرة"، "هدنة بين الميليشيات المتحاربة": one unnamed group on
        # both sides
        rivals = next((a for a in actors if a.ent.data.get("rivals")), None)
        if rivals is not None:
            return rivals, [], rivals, RIVALS
    # "اشتباكات بين X و Y"
    if "clash" in kinds:
        for a in actors:
            if _marker(tokens, a.tok_start, sent_start, _BETWEEN, 2):
                others = [b for b in actors if b.tok_start >= a.tok_end and b is not a
                          and b.role not in ("reporter", "assoc")]  # "مسنودا بقوات التحالف" is a's ally
                if others:
                    b = others[0]
                    if b.kind in _CROWD_KINDS and a.kind not in _CROWD_KINDS:
                        a, b = b, a  # "بين قوات الأمن والمتظاهرين": the crowd is actor1 (CODEBOOK 8)
                    return a, [x for x in actors if x.role == "assoc"], b, "clash between X and Y"

    if protest:
        # the crowd acts; the forces that disperse or shoot at it are acted upon
        a1 = crowd[0] if crowd else None
        rest = [a for a in actors if a is not a1 and a.kind not in UNARMED_KINDS and a.role != "reporter"]
        return a1, [], (rest[0] if rest and kinds & {"protest_force", "protest_intervention", "riot",
                                                     "clash", "kill", "injure"} else None), \
            "protesters act in a protest"

    if kinds & {"kill", "injure"}:
        # "قائد تنظيم داعش في البلاد قتل في هجوم": the subject of an outcome verb read as passive
        # (a place, a time or a cause follows it, no object) is the victim; not armed men of no
        # name ("أربعة مسلحين قتلوا في مقر الجيش": the attackers, killed in their own attack)
        for ts in outcome_starts:
            # "لقي مصرعه"، "لقوا حتفهم": the one who met his death is its subject, whatever follows
            met = word_cue(tokens[ts].norm) == "met" or any(word_cue(f) == "met" for f in tokens[ts].forms[1:2])
            if ts + 1 < len(tokens) and (met or reads_as_passive(tokens, ts + 1, len(tokens))):
                for a in actors:
                    if not a.role and a.tok_end <= ts and ts - a.tok_end <= (_MET_REACH if met else _PASSIVE_REACH) \
                            and a.kind not in _CROWD_KINDS and a.kind != "unidentified" and not any(
                                b.tok_start >= a.tok_end and b.tok_end <= ts for b in actors):
                        a.role, a.why = "target", f"subject of '{tokens[ts].norm}' read as passive"
        # "قتل جنديان" / "رجال الأمن ... قتلوا": people named by a person noun are the victims
        for a in actors:
            if not a.role and is_person_phrase(tokens, a):
                a.role, a.why = "target", "people killed or wounded"
    if kinds & {"kill", "arrest", "abduction"}:
        # "قتل خالد محسود، أحد أعضاء حركة طالبان": a member named after the outcome is the victim
        for a in actors:
            if not a.role and a.ent.data.get("person") and any(
                    ts < a.tok_start for ts in outcome_starts):
                a.role, a.why = "target", "member of a group, killed or arrested"
    agents = [a for a in actors if a.role == "agent" and a.kind != "civilians"]
    targets = [a for a in actors if a.role == "target"]
    assocs = [a for a in actors if a.role == "assoc"]
    free = [a for a in actors if not a.role and a.kind not in UNARMED_KINDS]
    # who believes or suspects the act ("تعتقد السلطات الإسرائيلية أنه ...") tells of no act of its own
    reporters = [a for a in actors if a.role == "reporter" and a.why != "subject of a verb of belief"]

    patient_kind = bool(kinds & VIOLENT_PATIENT_KINDS)
    a1 = a2 = None
    rule = ""
    if agents:
        a1, rule = agents[0], f"agent {agents[0].why}"
    else:
        # an international organisation (the UN, the EU) that reports, counts or condemns an act
        # is never its author by position alone; it may still be its target or a party to a deal;
        # air defences that spotted or met a missile did not fire it ("رصدت قوات الدفاع الجوي الصواريخ")
        doers = [a for a in free if not _speaks_only(a, kinds)
                 and not (main_kind in ("shelling", "air") and _air_defence(tokens, a))]
        # "شددت السلطات الإجراءات غداة هجوم مسلح على مركز للشرطة": an act noun after غداة، عقب، إثر
        # is another clause's time; whoever the sentence began with did something else (not when
        # the clause before tells the act's toll: "قتل 28 من الفصائل وداعش إثر اشتباكات بينهما")
        framed = trigger_start > sent_start and (
            any(f in _TIME_LINKS for f in tokens[trigger_start - 1].forms[:2])
            or (norms[trigger_start - 1] == "من" and "بعد" in norms[max(sent_start, trigger_start - 4):trigger_start - 1])
        ) and not any(ts < trigger_start for ts in outcome_starts)  # "بعد يوم من هجوم"
        before = [a for a in doers if a.tok_end <= trigger_start and not framed]
        after = [a for a in doers if a.tok_start >= trigger_end and not _clause_between(norms, trigger_end, a.tok_start)]
        if before:
            # the subject of the sentence's verb: the first actor named (verb-subject order)
            a1, rule = before[0], "first actor before the trigger"
        elif after and after[0].tok_start - trigger_end <= _AFTER_REACH and (
                not (patient_kind and after[0].tok_start - trigger_end <= 2 and not targets)
                or _has_object(tokens, after[0].tok_end)
                or any(b.tok_start == after[0].tok_end for b in actors)):
            # "أعدم مسلحو الشباب رجلين"، "اعتقلت الشرطة المشتبه به": verb, subject, then the victims
            a1, rule = after[0], "actor after the trigger"
        elif reporters and (main_kind in _AGENTIVE or _own_men(tokens, reporters[0], trigger_start)) \
                and not any(_same_force(t, reporters[0]) for t in targets) \
                and not _speaks_only(reporters[0], kinds) \
                and not (reporters[0].kind in UNARMED_KINDS and main_kind != "agreement") \
                and not (main_kind in ("shelling", "air") and _air_defence(tokens, reporters[0])) \
                and (main_kind != "air" or reporters[0].kind in _AIR_FORCES) and suffered is None:
            # not when its own men are the victims ("أعلنت الداخلية مقتل ثلاثة رجال أمن") or the act
            # was suffered (تعرضت دورية لمقذوف), and an air strike only by a side that has aircraft
            # ("بحسب ما ذكرته الحركة" is the victim's); civilians who tell of an arrest or a clash
            # ("قال لاجئون إن ...") did not make it
            a1, rule = reporters[0], "the reporting actor (self-report)"
    if main_kind == "change":  # a change within a group has no other side
        return a1, [a for a in assocs if a1 is None or a.name != a1.name], None, rule
    persons = [a for a in actors if a.ent.data.get("person") and a is not a1
               and a.role not in ("reporter", "accuser")]
    if targets:
        cand = [t for t in targets if t is not a1]
        if cand:
            a2 = cand[0]
    if a2 is None and persons:
        a2 = persons[0]
    if crowd and not protest and (a2 is None or a2.kind == "civilians"):
        # "فجر انتحاري نفسه وسط حشد من المتظاهرين ... مقتل 19 شخصا": the people hit were the crowd
        a2 = crowd[0]
    if a2 is None and civ:
        a2 = civ[0]
    if a2 is None:
        after = [a for a in free if a.tok_start >= trigger_end and a is not a1
                 and not _clause_between(norms, trigger_end, a.tok_start)]
        if after and patient_kind:
            a2 = after[0]
    pronoun_target = any(tokens[j].norm in _ON_PRONOUN for j in range(trigger_end, min(trigger_end + 2, len(tokens))))
    if a2 is None and not pronoun_target:
        # the nearest other side the sentence names (not when the act's target is a pronoun,
        # "فتحوا النار عليه": someone the story named before, not whoever the sentence names next)
        rest = [a for a in free if a is not a1 and (a1 is None or a.name != a1.name) and not _speaks_only(a, kinds)]
        if rest:
            a2 = min(rest, key=lambda a: abs(a.tok_start - trigger_start))
    if a2 is None and a1 is not None and patient_kind and reporters and not _same_force(reporters[0], a1) \
            and reporters[0].kind not in ("civilians", "protesters", "rioters"):
        # "أعلن الحوثيون مقتل رئيس مجلسهم في غارة للتحالف": a side announcing its own losses
        a2 = reporters[0]
    if a2 is not None and _speaks_only(a2, kinds) and a2.role != "target":
        a2 = None  # "ناطق باسم الأمم المتحدة": it speaks of the act, it was not hit by it
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None  # one side named twice
    assoc = [a for a in assocs if a1 is None or a.name != a1.name]
    return a1, assoc, a2, rule
