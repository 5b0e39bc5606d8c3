"""Claims: accusations, threats, rejections, denials and claims of responsibility.

A claim cue (data/quotes/claims.tsv) is read with the quote it sits in (its source is the
quote's speaker) or, outside quotes, with the parties of its sentence (اتهم الجيش الحوثيين:
the first party is the source, the next the target). Parties are ACTOR and GPE entities and
cited sources; when none is there, the few words next to the cue name the target (نظام الأسد
له يد). Claims of responsibility later set their event's actor1 (``link_claims``).
"""

from __future__ import annotations

import bisect

from ...model import Claim, Document, Quote
from ..actors.registry import UNARMED_KINDS
from .recognizer import QuoteReader, cue_span

_PARTY_TYPES = ("ACTOR", "GPE")
_WINDOW = 12  # tokens between a cue and its target
_NP_STOP = frozenset({"ان", "انه", "انها", "بان", "الذي", "التي", "الذين", "كما", "،", ",", ".",
                      ":", "؛", "و", "في", "من", "الي", "علي", "عن", "ب", "ل", "بعد", "قبل", "ضد",
                      "مع", "لا", "هو", "هي", "هم"})
_NP_MAX = 4
_CLAUSE_BREAK = frozenset({"ان", "انه", "انها", "بان", "الذي", "التي", "الذين", ".", "؛", "،", ",", ":"})
_SENTENCE_BREAK = frozenset({"ان", ".", "؛"})


class _Party:
    __slots__ = ("start", "end", "label", "tok", "armed")

    def __init__(self, start: int, end: int, label: str, tok: int, armed: bool = False) -> None:
        self.start, self.end, self.label, self.tok = start, end, label, tok
        self.armed = armed  # an ACTOR that can carry out an attack (not civilians, a country ...)


def _near_before(parties: list[_Party], cue: int, toks, breaks: frozenset[str]) -> list[_Party]:
    """Parties at most four tokens before the cue with none of ``breaks`` between."""
    return [p for p in parties if cue - p.tok <= 4
            and all(toks[k].norm not in breaks for k in range(p.tok + 1, cue))]


def _parties(reader: QuoteReader) -> list[_Party]:
    doc = reader.doc
    by_start = reader.by_start
    out: list[_Party] = []
    taken: set[int] = set()
    # taken spans never overlap, so sorted by start their ends are sorted too: one bisect finds
    # the only candidate overlap (a linear scan here was quadratic on very long documents)
    spans: list[tuple[int, int]] = []
    ends: list[int] = []
    for e in sorted(doc.entities, key=lambda e: e.type != "ACTOR"):
        k = bisect.bisect_left(spans, (e.end, -1))  # spans starting before e ends
        if k and ends[k - 1] > e.start:
            continue  # العراقي inside الجيش العراقي
        if e.type == "GPE" and e.data.get("kind") not in ("country", None):
            continue  # a town is no party; a country is (its government)
        if e.type in _PARTY_TYPES and e.start in by_start:
            i = by_start[e.start]
            if i not in taken:
                taken.add(i)
                k = bisect.bisect_right(spans, (e.start, e.end))
                spans.insert(k, (e.start, e.end))
                ends.insert(k, e.end)
                armed = e.type == "ACTOR" and e.data.get("kind") not in UNARMED_KINDS
                out.append(_Party(e.start, e.end, e.canonical or e.text, i, armed))
    for m in reader.matches:
        if m.label == "SOURCE" and m.tok_start not in taken:
            taken.add(m.tok_start)
            out.append(_Party(m.start, m.end, m.payload, m.tok_start))
    out.sort(key=lambda p: p.tok)
    return out


def speaker_party(q: Quote, parties: list[_Party]) -> str:
    if q.speaker_start is None:
        return ""
    for p in parties:
        if p.start < q.speaker_end and q.speaker_start < p.end:
            return p.label
    return q.speaker


def _np(reader: QuoteReader, i: int, step: int, lo: int, hi: int) -> str:
    """A few words from token ``i`` going ``step`` (±1) until a function word or punctuation."""
    toks = reader.tokens
    got: list[int] = []
    while lo <= i < hi and len(got) < _NP_MAX:
        t = toks[i]
        if t.norm in _NP_STOP or not t.is_word or (step < 0 and t.norm.startswith("و") and got):
            break
        got.append(i)
        if step > 0 and t.norm.startswith("و") and len(got) > 1:
            got.pop()
            break
        i += step
    if not got:
        return ""
    a, b = min(got), max(got)
    return reader.text[toks[a].start:toks[b].end]


def find_claims(reader: QuoteReader, quotes: list[Quote]) -> list[Claim]:
    toks = reader.tokens
    parties = _parties(reader)
    sents = reader.doc._sentences
    out: list[Claim] = []
    seen: set[tuple] = set()
    cue_quote = {tok: qi for qi, tok in enumerate(reader.cue_token)}
    for m in reader.matches:
        if m.label != "CLAIM" or m.payload.type == "SENSE":
            continue  # "يتبنى فكر داعش": adopts its ideas, claims nothing
        entry = m.payload
        sent = sents[toks[m.tok_start].sent]
        qi = cue_quote.get(m.tok_start)
        if qi is None:
            qi = next((k for k, q in enumerate(quotes) if q.start <= m.start < q.end), None)
        if entry.in_quote_only and (qi is None or cue_quote.get(m.tok_start) is not None):
            continue
        q = quotes[qi] if qi is not None else None
        lo, hi = sent.tok_start, sent.tok_end
        if q is not None and q.start <= m.start < q.end:
            # inside the quote: stay inside it
            lo = max(lo, next((t.i for t in toks[lo:hi] if t.start >= q.start), lo))
            hi = min(hi, next((t.i for t in toks[lo:hi] if t.start >= q.end), hi))
            lo, hi = _widen(toks, q, lo, hi)
        in_range = [p for p in parties if lo <= p.tok < hi]
        after = [p for p in in_range if m.tok_end <= p.tok < m.tok_end + _WINDOW]
        before = [p for p in in_range if m.tok_start - _WINDOW <= p.tok < m.tok_start]
        source = speaker_party(q, parties) if q is not None else ""
        target = ""
        if entry.target == "object":
            if q is not None and cue_quote.get(m.tok_start) is not None:
                rest = [p for p in after if not (q.speaker_start is not None
                                                 and p.start < q.speaker_end
                                                 and q.speaker_start < p.end)]
            elif q is None and after and after[0].tok == m.tok_end:
                source, rest = after[0].label, after[1:]  # the subject follows the verb
            else:
                rest = after
            if not source and before:
                source = before[-1].label
            target = rest[0].label if rest else ""
        elif entry.target == "after":
            target = after[0].label if after else _np(reader, m.tok_end, 1, lo, hi)
        elif entry.target == "before":
            # the party of this clause: nothing but words between it and the cue
            near = _near_before(before, m.tok_start, toks, _SENTENCE_BREAK)
            target = near[-1].label if near else _np(reader, m.tok_start - 1, -1, lo, hi)
        if entry.type == "CLAIM" and _denied(reader.matches, m, toks):
            continue  # "نفت وزارة الدفاع الأمريكية الاتهامات حول مسؤوليتها عن الهجوم": no claim
        if entry.type == "CLAIM":
            # "أعلن تنظيم داعش مسؤوليته عن ..."، "قال الجيش إن داعش تبنى ...": the party of this
            # clause right before the cue claims, then the subject after the verb ("تبنى داعش
            # الهجوم"); a quote's speaker only reports the claim
            near = [p for p in _near_before(before, m.tok_start, toks, _CLAUSE_BREAK) if p.armed]
            # the subject right after the verb, not the victims further on
            subject = [p for p in after if p.armed and p.tok - m.tok_end <= 2]
            cand = near[-1:] or subject[:1] or ([] if source else before[-1:])
            source = cand[0].label if cand else source
        cs, ce = cue_span(reader.doc, m)
        if q is not None:
            s, e = q.start, q.end
        else:
            s, e = reader._span_text(cs, sent.end)
        key = (entry.type, qi, target) if qi is not None else (entry.type, m.tok_start)
        if key in seen:
            continue
        seen.add(key)
        out.append(Claim(type=entry.type, source_actor=source, target_actor=target,
                         text=reader.text[s:e], start=s, end=e,
                         cue=reader.text[cs:ce], quote_index=qi))
    return out


def _denied(matches, m, toks) -> bool:
    """A denial or an accusation cue before a claim's words in the same sentence, past no
    complementiser or full stop ("نفى البنتاغون الاتهامات ... حول مسؤوليتها عن"): the party
    denies the act or is accused of it, it claims nothing."""
    for d in matches:
        if d.label != "CLAIM" or d.payload.type not in ("DENY", "ACCUSE") or d.tok_end > m.tok_start \
                or m.tok_start - d.tok_end > _WINDOW + 4:
            continue
        if toks[d.tok_start].sent == toks[m.tok_start].sent and not any(
                toks[j].norm in _SENTENCE_BREAK for j in range(d.tok_end, m.tok_start)):
            return True
    return False


def _widen(toks, q: Quote, lo: int, hi: int) -> tuple[int, int]:
    """Quotes may run past their sentence (a closing mark after the end mark)."""
    while lo > 0 and toks[lo - 1].start >= q.start:
        lo -= 1
    while hi < len(toks) and toks[hi].start < q.end:
        hi += 1
    return lo, hi


_PRONOUN_OBJECT = ("عنه", "عنها", "عنهما", "عنهم")


def link_claims(doc: Document) -> None:
    """After events: point claims at their event; a claim of responsibility sets actor1.

    A claim refers to the event whose evidence overlaps its span or its sentence; a claim of
    responsibility with none there refers to the latest event reported before it.
    """
    if not doc.claims or not doc.events:
        return
    from ...events.finalize import interaction

    sents = doc._sentences
    for c in doc.claims:
        sent = next((s for s in sents if s.start <= c.start < s.end), None)
        lo, hi = (min(c.start, sent.start), max(c.end, sent.end)) if sent else (c.start, c.end)
        idx = next((k for k, ev in enumerate(doc.events)
                    if any(sp.start < hi and lo < sp.end for sp in ev.evidence)), None)
        if idx is None and c.type == "CLAIM" and not c.cue.endswith(_PRONOUN_OBJECT):
            # (not "وأعلن تنظيم الدولة مسؤوليته عنها": the pronoun's act is in the claim's own
            # sentence, and if no event is told there, it was another, older act)
            earlier = [(max(sp.start for sp in ev.evidence), k) for k, ev in enumerate(doc.events)
                       if ev.evidence and min(sp.start for sp in ev.evidence) < c.start]
            idx = max(earlier)[1] if earlier else None
        c.event_index = idx
        if idx is None or c.type != "CLAIM" or not c.source_actor:
            continue
        actor = next((e for e in doc.entities
                      if e.type == "ACTOR" and e.canonical == c.source_actor), None)
        if actor is None:
            continue
        ev = doc.events[idx]
        if c.source_actor == ev.actor2:
            # no group claims an act against itself: the victim read was the claimer named again
            # ("ادعى تنظيم داعش مسؤوليته عن الهجوم، وقالت وكالة أعماق التابعة للتنظيم إن الهجوم استهدف")
            ev.actor2, ev.inter2 = "", 0
            if ev.explain is not None:
                ev.explain["actor2"] = "none: the one read as the target claimed the act"
        ev.actor1 = c.source_actor
        ev.inter1 = int(actor.data.get("inter") or ev.inter1 or 0)
        ev.interaction = interaction(ev.inter1, ev.inter2)
        if ev.explain is not None:
            ev.explain["actor1"] = f"claim of responsibility: '{c.cue}'"
