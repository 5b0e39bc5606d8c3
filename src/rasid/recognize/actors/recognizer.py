"""Actor mentions in text: named aliases, state-forces phrases, members and persons of groups,
generic actors (civilians, protesters, gunmen), and anaphoric "the organisation".

All lexicons (aliases, cue words, country names and demonyms) go into one PhraseMatcher, so a
document is scanned once; a left-to-right pass then reads the phrase that starts at each token
and keeps the longest reading (a named alias wins ties: "قوات سوريا الديمقراطية" is the SDF, not
"forces of Syria").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...model import Document, Entity
from ...text.normalize import fold
from ..lexicon import Match, PhraseMatcher, phrase_matches_skipping, read_tsv
from .registry import ACTOR_DIR, GENERIC, Actor, nisba_forms, registry

# what التنظيم، الحركة، الميليشيات can refer back to: non-state armed groups (not the UN, the
# EU or a coalition named in between)
NAMED_GROUP_KINDS = {"rebel", "militia", "identity"}
_ARMED = {fold(w) for w in ("مسلحة", "المسلحة")}
_QUOTES = {'"', "«", "»", "“", "”", "'"}
_PRIO = {"block": 6, "actor": 5, "person": 4, "member": 4, "state": 3, "generic": 2,
         "anaphor": 1}


@dataclass(slots=True, frozen=True)
class Cue:
    role: str
    kind: str = ""
    standalone: bool = False
    weak: bool = False
    plural: bool = True
    arm: str = ""  # air | artillery: the arm a state head names (القوات الجوية، المدفعية)


@dataclass(slots=True, frozen=True)
class Alias:
    actor: Actor
    weak: bool
    homonym: str = ""  # the folded common word this alias also is (القاعده), if any


@dataclass(slots=True, frozen=True)
class CountryHit:
    country: str
    demonym: bool


@cache
def cue_rows() -> tuple[dict[str, str], ...]:
    """The rows of data/actors/cues.tsv (role, kind, standalone, plural, arm), read once."""
    return tuple(read_tsv(ACTOR_DIR / "cues.tsv"))


@cache
def _matcher() -> PhraseMatcher:
    reg = registry()
    pm = PhraseMatcher()
    seen: set[str] = set()
    def add(label: str, phrase: str, payload, definite: bool = True) -> None:
        # the matcher may refuse to strip ال from a common word (الحوثيون), so an
        # indefinite entry is also added with the article
        pm.add(label, phrase, payload)
        if definite and not fold(phrase).startswith("ال"):
            pm.add(label, "ال" + phrase, payload)

    for actor in reg.actors.values():
        for phrase, weak in actor.aliases:
            key = fold(phrase)
            if key in seen:  # first actor in registry order keeps a shared alias
                continue
            seen.add(key)
            add("actor", phrase, Alias(actor, weak, key if phrase in actor.homonyms else ""))
    for c in reg.countries.values():
        for n in c.names_ar:
            pm.add("country", n, CountryHit(c.name, False))
        for d in c.demonyms_ar:
            for f in nisba_forms(d):
                add("country", f, CountryHit(c.name, True))
    for r in cue_rows():
        flag = r.get("standalone", "")
        role = r["role"]
        add(role, r["phrase"], Cue(role, r.get("kind", ""), flag == "1", flag == "weak",
                                   r.get("plural", "1") != "0", r.get("arm", "")),
            definite=role in ("generic", "member", "state", "rival"))
    pm.freeze()
    return pm


@cache
def _places_demonym():
    """The places stage's demonym reader, when that stage is installed (more forms than ours)."""
    try:
        from ..places import country_from_demonym  # type: ignore
    except Exception:  # noqa: BLE001 - optional collaborator
        return None
    return country_from_demonym


_DEMONSTRATIVES = {fold(w) for w in ("هذه", "تلك", "هذا", "ذلك")}


def _common_senses(tokens, matches: list[Match], strong: set[str]) -> set[str]:
    """The homonym aliases (``!`` in actors.tsv) this document uses as common words: a group's
    name that is also a noun (القاعدة: al-Qaeda, or 'the base', 'the rule') is the noun when the
    document also has the noun with no article (قاعدة تياس، قاعدة عسكرية) or in a phrase that
    blocks the name (القاعدة الجوية), or after a demonstrative (هذه القاعدة), and no other alias
    names the group."""
    homs = {m.payload.homonym for m in matches if m.label == "actor" and m.payload.homonym
            and m.payload.actor.id not in strong}
    if not homs:
        return set()
    taken = {j for m in matches if m.label == "actor" and not m.payload.homonym
             for j in range(m.tok_start, m.tok_end)}  # "قاعدة الجهاد" is the group's own name
    blocked = {j for m in matches if m.label == "block" for j in range(m.tok_start, m.tok_end)}
    common = set()
    for h in homs:
        bare = h[2:] if h.startswith("ال") else h
        for j, tok in enumerate(tokens):
            if j in taken or bare not in tok.forms:
                continue
            if h not in tok.forms or j in blocked or (j and tokens[j - 1].norm in _DEMONSTRATIVES):
                common.add(h)
                break
    return common


class ActorRecognizer:
    """Pipeline component: appends one ACTOR entity per actor mention (after text.prepare)."""

    name = "actors"

    def __init__(self) -> None:
        self._reg = registry()
        self.matcher = _matcher()

    def __call__(self, doc: Document) -> None:
        if doc._folded is None:
            from ...text import prepare
            prepare(doc)
        doc.entities.extend(self.find(doc))

    # -- reading ---------------------------------------------------------------------------
    def find(self, doc: Document) -> list[Entity]:
        # "_" joins hashtag words (#الأمن_العام_اللبناني): read through it
        tokens, matches = phrase_matches_skipping(doc, self.matcher, "_")
        if not matches:
            return []
        at: dict[int, dict[str, Match]] = {}
        strong: set[str] = set()
        for m in matches:
            at.setdefault(m.tok_start, {})[m.label] = m
            if m.label == "actor" and not m.payload.weak and not m.payload.homonym:
                strong.add(m.payload.actor.id)
        common = _common_senses(tokens, matches, strong)
        if common:  # "استهدفت القاعدة" in a story of "قاعدة تياس الجوية": the base, not al-Qaeda
            for m in matches:
                if m.label == "actor" and m.payload.homonym in common:
                    del at[m.tok_start]["actor"]
        self._tokens, self._at, self._doc = tokens, at, doc
        out: list[Entity] = []
        last_group: Actor | None = None
        named: dict[str, int] = {}
        last_seen: dict[str, int] = {}
        i = 0
        for p in sorted(at):  # token positions where some phrase starts, in order
            if p < i:
                continue  # inside the entity just read
            i = p
            c = at[p]
            rivals = self._read_rivals(c)
            if rivals is not None:
                out.append(rivals[1])
                i = rivals[0]
                continue
            best = None  # (end, prio, entity)
            for label, m in c.items():
                got = self._read(label, m, strong, last_group)
                if got is None:
                    continue
                end, ent = got
                cand = (end, _PRIO[label], ent)
                if best is None or cand[:2] > best[:2]:
                    best = cand
            if best is None:
                i = p + 1
                continue
            end, _, ent = best
            if ent is not None and out and ent.data["kind"] == "unidentified" and not ent.data.get("person") \
                    and self._right_after(out[-1], p) and out[-1].data["kind"] in NAMED_GROUP_KINDS:
                # 'عناصر "بوكو حرام" المسلحون': an adjective of the group just named
                i = max(end, p + 1)
                continue
            if ent is not None:
                out.append(ent)
                if ent.data["kind"] in NAMED_GROUP_KINDS and not ent.data.get("anaphor"):
                    # the group an anaphor means: the one the story names most so far (the
                    # latest on a tie), not one named in passing ("الفصيل الأساسي لحركة طالبان")
                    named[ent.id] = named.get(ent.id, 0) + 1
                    last_seen[ent.id] = p
                    best_id = max(named, key=lambda k: (named[k], last_seen[k]))
                    last_group = self._reg.actors[best_id]
            i = max(end, i + 1)
        self._tokens = self._at = self._doc = None
        return out

    def _read(self, label: str, m: Match, strong: set[str], last_group: Actor | None):
        if label == "block":
            return m.tok_end, None
        if label == "actor":
            if m.payload.weak and m.payload.actor.id not in strong:
                return None
            ent = self._entity(m.payload.actor, self._start(m), m.tok_end, plural=True)
            head = self._at.get(m.tok_start, {}).get("state")
            if head is not None and head.payload.arm:  # "الطيران الروسي": an alias headed by an arm
                ent.data["arm"] = head.payload.arm
            return m.tok_end, ent
        if label == "state":
            return self._read_state(m, self._start(m))
        if label in ("member", "person"):
            return self._read_member(m, label == "person", last_group, strong)
        if label == "generic":
            cue: Cue = m.payload
            hit, end = self._country_at(m.tok_end, m.tok_start, demonym_only=True)
            gid, name, inter, kind = GENERIC[cue.kind]
            actor = self._reg.actors[gid]
            return end, self._entity(actor, self._start(m), end, plural=cue.plural, country=hit,
                                     weak=cue.weak)
        if label == "anaphor" and last_group is not None:
            return m.tok_end, self._entity(last_group, self._start(m), m.tok_end, anaphor=True)
        return None

    def _read_rivals(self, c: dict[str, Match]) -> tuple[int, Entity] | None:
        """"ميليشيات متناحرة"، "الجماعات المسلحة المتحاربة"، "فصائل ليبية متنافسة": unnamed groups
        fighting each other. Not an anaphor for the story's group: an unidentified armed group
        that stands on both sides of the act (``rivals``)."""
        for label in ("generic", "member", "anaphor"):
            m = c.get(label)
            if m is None or (label == "generic" and m.payload.kind != "unidentified"):
                continue
            j = m.tok_end
            if j < len(self._tokens) and self._tokens[j].norm in _ARMED:
                j += 1
            country, j = self._country_at(j, m.tok_start, demonym_only=True)
            r = self._at.get(j, {}).get("rival")
            if r is None or not self._same_sentence(j, m.tok_start):
                continue
            actor = self._reg.actors[GENERIC["unidentified"][0]]
            ent = self._entity(actor, self._start(m), r.tok_end, country=country)
            ent.data["rivals"] = True
            return r.tok_end, ent
        return None

    def _right_after(self, ent: Entity, p: int) -> bool:
        """Does token ``p`` follow the entity with nothing but a closing quote between?"""
        k = p - 1
        if k >= 0 and self._tokens[k].norm in _QUOTES:
            k -= 1
        return k >= 0 and self._tokens[k].start < ent.end <= self._tokens[k].end

    def _same_sentence(self, j: int, i: int) -> bool:
        return j < len(self._tokens) and self._tokens[j].sent == self._tokens[i].sent

    def _country_at(self, j: int, i: int, demonym_only: bool = False):
        """(country, end token) of a country name or demonym at token j, else (None, j)."""
        if not self._same_sentence(j, i):
            return None, j
        m = self._at.get(j, {}).get("country")
        if m is not None and (m.payload.demonym or not demonym_only):
            return m.payload.country, m.tok_end
        reader = _places_demonym()
        if reader is not None and self._tokens[j].is_word:
            try:
                country = reader(self._doc.text[self._tokens[j].start:self._tokens[j].end])
            except Exception:  # noqa: BLE001 - never let a collaborator break recognition
                country = None
            if country and country in self._reg.countries:
                return country, j + 1
        return None, j

    def _read_state(self, m: Match, start: int, person: bool = False):
        cue: Cue = m.payload
        kind, arm = cue.kind, cue.arm
        j = m.tok_end
        for _ in range(3):
            country, end = self._country_at(j, m.tok_start)
            if country:
                prefix = "mil_" if kind == "military" else "pol_"
                actor = self._reg.actors.get(prefix + self._reg.countries[country].iso2)
                if actor is None:
                    return None
                return end, self._armed(self._entity(actor, start, end, plural=cue.plural, person=person), arm)
            f = self._at.get(j, {}).get("filler")
            if f is None or not self._same_sentence(j, m.tok_start):
                break
            if f.payload.kind:
                kind = f.payload.kind
            arm = arm or f.payload.arm  # "قوات التحالف الجوية"
            j = f.tok_end
        if cue.standalone:
            gid = GENERIC["military" if kind == "military" else "police"][0]
            return m.tok_end, self._armed(self._entity(self._reg.actors[gid], start, m.tok_end,
                                                       plural=cue.plural, person=person), arm)
        return None

    @staticmethod
    def _armed(ent: Entity, arm: str) -> Entity:
        if arm:
            ent.data["arm"] = arm  # how these forces strike: typing reads it (events/typing.py)
        return ent

    def _read_member(self, m: Match, person: bool, last_group: Actor | None, strong: set[str]):
        cue: Cue = m.payload
        mstart = self._start(m)
        j = m.tok_end
        if j < len(self._tokens) and self._tokens[j].norm in _QUOTES:
            j += 1  # 'عناصر "بوكو حرام"'
        for _ in range(3):
            if not self._same_sentence(j, m.tok_start):
                break
            c = self._at.get(j, {})
            a = c.get("actor")
            # "عناصر داعش" but not "تصدت القوات للميليشيات": a group right after the cue
            # is in construct state and carries no preposition
            if a is not None and j == m.tok_end and self._has_proclitic(a):
                a = None
            if a is not None and (not a.payload.weak or a.payload.actor.id in strong):
                return a.tok_end, self._entity(a.payload.actor, mstart, a.tok_end,
                                               plural=cue.plural, person=person,
                                               person_span=(mstart, m.end) if person else None)
            s = c.get("state")
            if s is not None:
                got = self._read_state(s, mstart, person=person)
                if got is not None:
                    return got
            an = c.get("anaphor")
            if an is not None and last_group is not None:
                return an.tok_end, self._entity(last_group, mstart, an.tok_end, plural=cue.plural,
                                                person=person, anaphor=True,
                                                person_span=(mstart, m.end) if person else None)
            lk = c.get("link")
            if lk is None:
                break
            j = lk.tok_end
        if cue.kind and not person:
            hit, end = self._country_at(m.tok_end, m.tok_start, demonym_only=True)
            actor = self._reg.actors[GENERIC[cue.kind][0]]
            return end, self._entity(actor, mstart, end, plural=cue.plural, country=hit)
        return None

    def _has_proclitic(self, m: Match) -> bool:
        tok = self._tokens[m.tok_start]
        return self._start(m) > tok.start

    def _start(self, m: Match) -> int:
        """Where a match starts in the original text, keeping ال but not و ف ب ل ك."""
        if not m.stripped:
            return m.start
        tok = self._tokens[m.tok_start]
        keep = m.stripped
        if tok.norm[:keep].endswith("ال"):
            keep -= 2
        if keep == m.stripped:
            return m.start
        return self._doc._folded.orig_span(tok.fstart + keep, tok.fend)[0] if keep else tok.start

    def _entity(self, actor: Actor, start: int, end_tok: int, plural: bool = True,
                person: bool = False, country: str | None = None, weak: bool = False,
                anaphor: bool = False, person_span: tuple[int, int] | None = None) -> Entity:
        doc = self._doc
        end = self._tokens[end_tok - 1].end
        generic = actor.id.startswith("gen_")  # country comes from the event
        name = actor.name
        country = country or actor.country
        if generic and country:
            from .registry import with_country
            name = with_country(actor.name, actor.inter, actor.kind, country)
        data = {"inter": actor.inter, "country": country, "kind": actor.kind,
                "needs_country": generic and not country, "person": person, "plural": plural}
        if actor.kind == "state":
            data["inter_abroad"] = 8  # ACLED codes state forces acting abroad as external
        if weak:
            data["weak"] = True
        if actor.name in self._reg.by_country:
            data["by_country"] = True  # with_country(name, ...) gives the regional name
        if anaphor:
            data["anaphor"] = True
        if person and person_span is not None:
            ps, pe = person_span
            data["person_text"] = doc.text[ps:pe]
            data["person_start"], data["person_end"] = ps, pe
        resolved = self._reg.by_name(name) if generic and country else None
        return Entity(text=doc.text[start:end], start=start, end=end, type="ACTOR",
                      canonical=name, id=resolved.id if resolved else actor.id,
                      source="actors", data=data)
