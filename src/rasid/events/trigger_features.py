"""Features of one trigger word in its context, for the learned event classifier.

A trigger word fires wherever it appears ("خطف الأضواء" in a match report, "إطلاق صاروخ" into
space); whether it reports an act depends on its neighbours, its sentence and its article. The
classifier (``trigger_model.py``) reads these features; training (``train_triggers.py``) builds
them the same way, so a feature is a plain string and one function makes all of them.

What they describe, in the terms of the issue that asked for them:
- the trigger itself: lexicon phrase, kind, strength, plural, the clitics on its first word;
- the words around it (±5, with their side and, for the nearest two, their distance), as folded
  words, as stems with the proclitics removed, and as light stems (an ending off too);
- the sentence: modality cues (negation, threat, future, aggregate ...) as the detector reads
  them, past or future dates, numbers and count nouns, actors and places named, other triggers;
- the article: where the sentence stands, how many triggers, actors and places the article holds
  (a match report holds one trigger and no armed actor; a war report holds many).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from ..recognize.lexicon import Match
from ..recognize.numbers import count_nouns, number_words
from ..text.tokens import WordMemo

WINDOW = 5


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+"


def _stem(forms: tuple[str, ...]) -> str:
    return forms[-1] if forms else ""


MAX_WORDS = 60  # words of a sentence (or of the lead) read as its topic


def _words(tokens, sents) -> list[str]:
    """The distinct words (over two letters) of these sentences, in order, at most MAX_WORDS."""
    out: dict[str, None] = {}
    for s in sents:
        for j in range(s.tok_start, s.tok_end):
            t = tokens[j]
            if t.is_word and len(t.norm) > 2:
                out[t.norm] = None
                if len(out) >= MAX_WORDS:
                    return list(out)
    return list(out)


def _numberish(norm: str) -> str:
    """'d' for digits, 'w' for a number word, 'c' for a count noun, '' otherwise."""
    if norm[:1].isdigit():
        return "d"
    if norm in number_words():
        return "w"
    if norm in count_nouns():
        return "c"
    return ""


_NUMBERISH = WordMemo(_numberish)

_PROCLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_ENDINGS = ("ات", "ين", "ون", "ان", "ه", "ي")  # plural, dual, feminine (folded ة), nisba


def _light(norm: str) -> str:
    """A light stem: one proclitic and one ending off, a stem of three letters at least left.
    "عنيف" and "عنيفة", "الاشتباكات" and "اشتباك" read alike next to any trigger, so what the
    labels taught of one form holds for the others. One proclitic only, unlike the token's
    clitic readings (whose last one reads فلسطينيون as ف + ل + سطينيون)."""
    for p in _PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 3:
            norm = norm[len(p):]
            break
    for e in _ENDINGS:
        if norm.endswith(e) and len(norm) - len(e) >= 3:
            return norm[:-len(e)]
    return norm


_LIGHT = WordMemo(_light)


class DocContext:
    """What the features need of the whole document, computed once per document. The detector
    hands over the sentences it already knows to hold a past or a future date."""

    __slots__ = ("actor_sents", "place_sents", "past_sents", "future_sents", "lead", "_sent")

    def __init__(self, doc, past_sents: set[int], future_sents: set[int]) -> None:
        sents = doc._sentences
        starts = [s.start for s in sents]
        self.actor_sents: Counter = Counter()
        self.place_sents: Counter = Counter()
        for e in doc.entities:
            if e.type == "ACTOR":
                self.actor_sents[bisect_right(starts, e.start) - 1] += 1
            elif e.type in ("GPE", "LOC", "FAC"):
                self.place_sents[bisect_right(starts, e.start) - 1] += 1
        self.past_sents = past_sents
        self.future_sents = future_sents
        self.lead = ["D=" + w for w in _words(doc._tokens, sents[:2])]  # the lead's words, once each
        self._sent: dict[int, tuple] = {}

    def sentence(self, doc, si: int, sent_triggers: list[Match]) -> tuple[list[str], str, Counter]:
        """The sentence's own features, once per sentence: its first words (bounded, so that a
        sentence of 100,000 trigger words costs linear time), its numbers, its triggers' kinds."""
        got = self._sent.get(si)
        if got is None:
            tokens = doc._tokens
            sent = doc._sentences[si]
            nums = sum(1 for j in range(sent.tok_start, sent.tok_end) if _NUMBERISH[tokens[j].norm] in ("d", "w"))
            got = self._sent[si] = (["S=" + w for w in _words(tokens, [sent])], _bucket(nums),
                                    Counter(t.payload.kind for t in sent_triggers))
        return got


def trigger_features(doc, ctx: DocContext, si: int, trig: Match, sent_triggers: list[Match],
                     modality: str | None, extra: tuple[str, ...] = ()) -> list[str]:
    """The feature strings of trigger ``trig`` in sentence ``si``.

    ``modality`` is the detector's reading of the cues around it (the kind that would block it,
    or None); ``extra`` adds its other readings (future verb near, background, cause ...)."""
    tokens = doc._tokens
    sent = doc._sentences[si]
    p = trig.payload
    first = tokens[trig.tok_start]
    phrase = p.phrase
    f = ["bias", "ph=" + phrase, "kind=" + p.kind, f"str={p.strength}", f"pl={int(p.plural)}",
         f"kind_str={p.kind}_{p.strength}"]
    clitic = first.norm[:trig.stripped] if trig.stripped else ""
    f.append("clitic=" + clitic)
    f.append(f"ph_clitic={phrase}_{clitic}")
    if first.norm.startswith(("ال", "وال", "بال", "فال", "لل")):
        f.append("defin")
    # the words around it, on each side: L/R, their stems, the nearest two by distance, numbers
    lo, hi = max(sent.tok_start, trig.tok_start - WINDOW), min(sent.tok_end, trig.tok_end + WINDOW)
    for side, js in (("L", range(trig.tok_start - 1, lo - 1, -1)), ("R", range(trig.tok_end, hi))):
        for d, j in enumerate(js, 1):
            t = tokens[j]
            f.append(f"{side}=" + t.norm)
            f.append(f"{side}s=" + _stem(t.forms))
            light = _LIGHT[t.norm]
            f.append(f"{side}l=" + light)
            if d <= 2:
                f.append(f"{side}{d}=" + t.norm)
                f.append(f"{side}{d}l=" + light)
                # the same neighbour beside any trigger of this kind: "قتال عنيف" reads as
                # "اشتباكات عنيفة" does, whatever the labels said of قتال alone
                f.append(f"k{side}{d}l={p.kind}_{light}")
            kind = _NUMBERISH[t.norm]
            if kind:
                f.append(f"{side}num=" + kind)
    # the trigger with its nearest neighbours (a sense is often fixed by one word: خطف الأضواء)
    if trig.tok_start > sent.tok_start:
        f.append(f"ph_L1={phrase}_{_stem(tokens[trig.tok_start - 1].forms)}")
    if trig.tok_end < sent.tok_end:
        f.append(f"ph_R1={phrase}_{_stem(tokens[trig.tok_end].forms)}")
    if trig.tok_end + 1 < sent.tok_end:
        f.append(f"ph_R2={phrase}_{_stem(tokens[trig.tok_end + 1].forms)}")
    # the sentence's words, and the article's lead: what the story is about (a match, a market)
    words, nums, kinds = ctx.sentence(doc, si, sent_triggers)
    f.extend(words)
    f.extend(ctx.lead)
    if trig.tok_start == sent.tok_start or (trig.tok_start == sent.tok_start + 1 and not tokens[sent.tok_start].is_word):
        f.append("sent_first")
    # the sentence
    f.append("mod=" + (modality or "none"))
    f.extend("flag=" + x for x in extra)
    f.append("s_actors=" + _bucket(ctx.actor_sents.get(si, 0)))
    f.append("s_places=" + _bucket(ctx.place_sents.get(si, 0)))
    f.append(f"s_past={int(si in ctx.past_sents)}")
    f.append(f"s_future={int(si in ctx.future_sents)}")
    f.append("s_nums=" + nums)
    f.extend("co=" + k for k in kinds if k != p.kind or kinds[k] > 1)
    f.append(f"kind_actor={p.kind}_{min(ctx.actor_sents.get(si, 0), 2)}")
    f.append(f"kind_past={p.kind}_{int(si in ctx.past_sents)}")
    # the same readings per trigger phrase: "قتال" is mostly generic, "قتال ... أمس" is not
    f.append(f"ph_past={phrase}_{int(si in ctx.past_sents)}")
    f.append(f"ph_actors={phrase}_{min(ctx.actor_sents.get(si, 0), 2)}")
    f.append(f"ph_places={phrase}_{min(ctx.place_sents.get(si, 0), 2)}")
    f.append(f"ph_mod={phrase}_{modality or 'none'}")
    # the article
    pos = "0" if si == 0 else "1" if si == 1 else "2-4" if si <= 4 else "5+"
    f.append("pos=" + pos)
    return f

