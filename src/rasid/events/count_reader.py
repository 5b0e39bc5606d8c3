"""Giving each event its dead, wounded and arrested (CODEBOOK section 9).

Each sentence's figures are read once (counts.py); this links every figure to the one event it
belongs to, across the article, and decides each event's counts from its own figures:

- a figure in a sentence that reports one event belongs to that event; one read by two events
  of a sentence belongs to the event whose act is in the figure's clause, and a figure that two
  acts share ("قتل 28 إثر اشتباكات وتفجيرين") is divided among them, as ACLED does;
- a toll sentence with no act of its own ("غير أن عدد القتلى ارتفع إلى نحو 30") belongs to the
  event told last before it, when it gives no other day;
- a period's or campaign's toll ("منذ بداية العام") counts for no event; a figure the text
  doubts yields to a sure one; figures for different sides add up ("ثلاث جثث لمسلحين" ...
  "قتل أربعة من رجال الأمن"), and a later or larger figure for the same people replaces an
  earlier one;
- the attacker of a suicide attack is among the dead, unless the figure already counts him.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..model import Document
from ..text.tokens import is_definite
from .counts import Figure, _SentenceFigures, may_tell_a_toll, sentence_figures, sentence_total
from .mention import Mention

FIELDS = (("death", "fatalities"), ("injury", "injuries"), ("arrest", "arrests"))
WAR_TOLL = 1000  # deaths no single dated act reaches in the gold set (its largest is 512)
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _sentence_of(doc: Document, offset: int) -> int:
    lo, hi = 0, len(doc._sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc._sentences[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _reading(doc: Document, si: int) -> _SentenceFigures:
    """What sentence ``si`` says about counts, read once per document (arguments.py reads the
    mentions' sentences first)."""
    s = doc._sentences[si]
    sf = doc._figures.get((s.tok_start, s.tok_end))
    if sf is None:
        sf = doc._figures[(s.tok_start, s.tok_end)] = _SentenceFigures(doc._tokens, s.tok_start, s.tok_end)
    return sf


def _figures(doc: Document, si: int) -> dict[str, list[Figure]]:
    """A toll sentence's figures, read with every outcome word in it."""
    s = doc._sentences[si]
    outcomes = [(m.payload.outcome, m.tok_start, m.tok_end) for m in doc._matches
                if m.label == "TRIGGER" and getattr(m.payload, "outcome", "")
                and s.tok_start <= m.tok_start < s.tok_end]
    return sentence_figures(doc._tokens, s.tok_start, s.tok_end, outcomes, memo=doc._figures)


def _toll_sentences(doc: Document, events: list[Mention], sents_of: list[set[int]]):
    """Sentences that give a toll and report no event: (sentence, its figures, the events it
    belongs to: one, or two acts told together)."""
    taken = set().union(*sents_of) if sents_of else set()
    timex_by_sent = defaultdict(list)
    for t in doc.timex:
        timex_by_sent[_sentence_of(doc, t.start)].append(t)
    violent = [(min(ss), k) for k, (ev, ss) in enumerate(zip(events, sents_of))
               if ev.fields.get("event_type") in _VIOLENT and ss]
    if not violent:
        return
    # sentences that name an act told before ("وأفاد الدفاع المدني بأن الغارات أدت إلى مقتل سبعة")
    refers = {_sentence_of(doc, m.start) for m in doc._matches if m.label == "TRIGGER"
              and not getattr(m.payload, "outcome", "") and is_definite(doc._tokens[m.tok_start].norm)}
    duals, both = _dual_sentences(doc, definite=False), _dual_sentences(doc, definite=True)
    # not a series or a campaign ("عقب سلسلة من الغارات الجوية على دوما، قتل فيها 27"): its toll
    # is the series', no one act's
    refers -= {_sentence_of(doc, m.start) for m in doc._matches
               if m.label == "MODALITY" and m.payload[0] in ("aggregate", "aggregate_plural")}
    for si, s in enumerate(doc._sentences):
        if si in taken:
            continue
        if si not in refers and not may_tell_a_toll(doc._tokens, s.tok_start, s.tok_end):
            continue
        sf = _reading(doc, si)
        if (not sf.adds and not sf.clauses.toll and si not in refers) or sf.clauses.conflict:
            continue  # no toll; or a war's or conflict's toll ("أسفر النزاع عن 20 ألف قتيل")
        before = [k for first, k in violent if first < si]
        after = sorted(violent)
        last = {k: max(x for x in sents_of[k] if x < si) for k in before}
        if si in both and len(before) > 1:
            # "نقلنا 13 مصابا من موقع الانفجارين": the two acts told last before it share it
            ks = sorted(sorted(before, key=lambda k: (last[k], -k))[-2:])
        elif before:
            ks = [max(before, key=lambda k: last[k])]
        elif si in refers:
            ks = [after[0][1]]  # "دانت تركيا الهجوم الذي أسفر عن مقتل 40" told before the act itself
        elif si in duals and len(after) > 1:
            # "بعد يوم من هجومين ...، وخلفا 16 قتيلا و80 جريحا": the two acts told after share it
            ks = [after[0][1], after[1][1]]
        else:
            continue
        k = ks[0]
        ev = events[k]
        # a day of its own before the event's: an earlier act's toll (a later day is an update)
        days = {t.date_start for t in timex_by_sent.get(si, ()) if t.date_start and not t.future}
        date = ev.fields.get("event_date") or ""
        if days and date and date not in days and min(days) < date:
            continue
        figs = {role: [f for f in items if not f.period and not f.vague and f.value < WAR_TOLL]
                for role, items in _figures(doc, si).items()}
        figs = {role: items for role, items in figs.items() if items and role != "arrest"}
        if figs:
            yield si, figs, ks


def _owners(doc: Document, events: list[Mention], claims: dict) -> dict:
    """For a figure read by several events: the events it belongs to (those whose act word is in
    its clause, or all of them when none is)."""
    out = {}
    for key, ks in claims.items():
        if len(ks) < 2:
            continue
        si, tok = key[1], key[2]
        s = doc._sentences[si]
        clauses = _reading(doc, si).clauses
        k_clause = clauses.clause(tok)
        near = [k for k in ks if any(s.tok_start <= t.tok_start < s.tok_end
                                     and clauses.clause(t.tok_start) == k_clause
                                     for t in events[k].triggers if not t.payload.outcome)]
        out[key] = near or ks
    return out


def _dual_sentences(doc: Document, definite: bool) -> set[int]:
    """Sentences with a dual act noun: definite (الانفجارين، الهجومين) for two acts told before,
    indefinite (هجومين) for two acts told in it or after."""
    return {_sentence_of(doc, m.start) for m in doc._matches if m.label == "TRIGGER"
            and m.payload.events == 2 and is_definite(doc._tokens[m.tok_start].norm) == definite}


def _both_acts(doc: Document, events: list[Mention], sents_of: list[set[int]], own: list[dict],
               owners: dict) -> None:
    """"نقلنا 13 مصابا من موقع الانفجارين": a figure in a sentence that names two acts told
    together (a definite dual) belongs to both, as the first sentence's figure did."""
    duals = _dual_sentences(doc, definite=True)
    if not duals:
        return
    for k in range(len(events)):
        for key in own[k]:
            si = key[1]
            if si not in duals or key in owners:
                continue
            # the event told together with k: one that shares a sentence with it, before si
            twins = [j for j in range(len(events)) if j != k and sents_of[j] & sents_of[k]
                     and min(sents_of[j] & sents_of[k]) < si]
            if len(twins) == 1:
                holders = sorted([k, twins[0]], key=lambda j: (min(sents_of[j]), j))
                owners[key] = holders
                own[twins[0]].setdefault(key, own[k][key])


def _keep(pairs: list, test) -> list:
    """The pairs whose figure passes ``test``, when any does; else all of them."""
    kept = [p for p in pairs if test(p[0])]
    return kept or pairs


def _combine(figs: list[Figure], sents: list[int]) -> tuple[int, list[tuple[Figure, int]]]:
    """One event's figures for one role → its count and the figures it rests on, with their
    sentences."""
    pairs = [(f, si) for f, si in zip(figs, sents) if not f.period]
    pairs = _keep(pairs, lambda f: not f.doubt)  # a sure figure over one the text doubts
    pairs = _keep(pairs, lambda f: not f.vague)  # a number over "قتلى"
    pairs = _keep(pairs, lambda f: not f.approx)  # "قتل 4 مسلحين" over "بمقتل عدد من الجنود"
    if any(f.update for f, _ in pairs):
        # "ارتفعت الحصيلة إلى 20": the raised toll stands for the act, the first figures go
        pairs = [p for p in pairs if p[0].update]
    pairs = _keep(pairs, lambda f: not f.provisional)
    if not pairs:
        return 0, []
    by_sent: dict[int, list[Figure]] = defaultdict(list)
    for f, si in pairs:
        by_sent[si].append(f)
    best_si = max(by_sent, key=lambda si: sentence_total(by_sent[si])[0])
    best = sentence_total(by_sent[best_si])[0]
    # figures for different sides told apart add up; the largest for each side stands
    sides: dict[str, tuple[Figure, int]] = {}
    for f, si in pairs:
        if f.side and (f.side not in sides or f.value > sides[f.side][0].value):
            sides[f.side] = (f, si)
    by_side = sum(f.value for f, _ in sides.values())
    if len(sides) > 1 and by_side > best:
        return by_side, list(sides.values())
    return best, [(f, best_si) for f in by_sent[best_si]]


def _bombers(ev: Mention) -> int:
    """Suicide attackers who died in the act (CODEBOOK 9): two for a dual, else one."""
    words = [t for t in ev.triggers if t.payload.kind == "suicide"]
    return 2 if any(t.payload.events == 2 or t.payload.phrase.endswith(("يان", "يين", "تان", "تين"))
                    for t in words) else 1


def link_counts(doc: Document, events: list[Mention]) -> None:
    """Sets each event's fatalities, injuries and arrests, with the words they came from."""
    if not events:
        return
    sents_of = [{_sentence_of(doc, a) for a, _ in ev.evidence} for ev in events]
    # every figure an event's mentions read: (role, sentence, position) -> figure
    own: list[dict[tuple, Figure]] = []
    claims: dict[tuple, list[int]] = defaultdict(list)
    for k, ev in enumerate(events):
        figs = {}
        for si, role_figs in ev.figures:
            for role, items in role_figs.items():
                for f in items:
                    key = (role, si, f.tok)
                    if key not in figs:
                        figs[key] = f
                        claims[key].append(k)
        own.append(figs)
    owners = _owners(doc, events, claims)
    _both_acts(doc, events, sents_of, own, owners)
    for si, figs, ks in list(_toll_sentences(doc, events, sents_of)):
        for role, items in figs.items():
            for f in items:
                for k in ks:
                    own[k].setdefault((role, si, f.tok), f)
                if len(ks) > 1:
                    owners[(role, si, f.tok)] = ks
    for k, ev in enumerate(events):
        f, why = ev.fields, ev.explain
        for role, field in FIELDS:
            items, sents = [], []
            for key, fig in own[k].items():
                if key[0] != role:
                    continue
                holders = owners.get(key)
                if holders is not None:
                    if k not in holders:
                        continue
                    if len(holders) > 1:
                        fig = _share(fig, k, holders, events)
                items.append(fig)
                sents.append(key[1])
            value, used_at = _combine(items, sents)
            used = [g for g, _ in used_at]
            for _, si in used_at:
                if si not in sents_of[k]:  # the toll sentence a count came from is evidence too
                    sents_of[k].add(si)
                    ev.evidence.append((doc._sentences[si].start, doc._sentences[si].end))
            notes = [f"'{doc.text[g.start:g.end]}' ({g.note})" for g in used]
            # not to a stand-in (عشرات), nor to a toll the act shares with others (the whole fight's)
            if role == "death" and f.get("sub_event_type") == "Suicide bomb" \
                    and not any(g.with_bomber or g.side == "attacker" or g.vague or g.approx
                                or "shared by" in g.note for g in used):
                n = _bombers(ev)
                value += n
                notes.append(f"+{n}: the suicide attacker{'s' if n > 1 else ''} (CODEBOOK 9)")
            f[field] = value
            if notes:
                why[field] = "; ".join(notes)
            else:
                why.pop(field, None)


def _share(fig: Figure, k: int, holders: list[int], events: list[Mention]) -> Figure:
    """An event's share of a figure several events share: equal parts by the number of acts,
    the remainder to the first ones."""
    parts = [(h, events[h].multiplicity) for h in holders]
    total = sum(n for _, n in parts)
    base, rest = divmod(fig.value, total)
    done = 0
    for h, n in parts:
        share = sum(base + (1 if done + c < rest else 0) for c in range(n))
        if h == k:
            return replace(fig, value=share, note=fig.note + f"; shared by {total} acts")
        done += n
    return fig
