"""Reported speech: who said what (CODEBOOK section 10).

News Arabic reports speech mostly verb-first: ``[و]CUE SPEAKER [ROLE] [medium]، إن/أن CONTENT``
or ``CUE SPEAKER: «CONTENT»``; attribution phrases put the source after the content
(``… بحسب المرصد``) or before it (``وبحسب المرصد، فإن …``). A cue with no subject (وأضاف أن،
وتابع «…») or a subject that points back (وأكد البيان) continues the last named speaker. We read
each sentence's reporting clause left to right with a handful of word classes (data/quotes/) and
keep every offset in the original text.
"""

from __future__ import annotations

import re

from ...model import Document, Entity, Quote
from ...text.tokens import columns
from ..lexicon import Match, phrase_matches
from .lexicons import CueEntry, matcher

# quotation pairs; the ASCII double quote pairs with itself
_QUOTE_RE = re.compile(r'“[^“”\n]{0,3000}”|«[^«»\n]{0,3000}»|"[^"\n]{0,3000}"|„[^„“”\n]{0,3000}[“”]'
                       r"|‹[^‹›\n]{0,3000}›")
_OPENERS = frozenset('“«"„‹')
_TRIM = " \t\n.،,؛;:!؟?"
_MAX_SPEAKER = 12  # tokens: a longer "subject" is not a speaker
_MAX_NAME_IN_QUOTES = 4  # “مضر الأسعد”: a short quoted stretch followed by more words is a name
_SPEAKER_WORDS = ("ACTOR",)
_LAM_CUES = frozenset({"وفقا", "طبقا", "ووفقا", "وطبقا"})


def quote_pairs(text: str) -> dict[int, int]:
    """Opening-mark offset → closing-mark offset of each quotation in ``text``."""
    return {m.start(): m.end() - 1 for m in _QUOTE_RE.finditer(text)}


def cue_span(doc: Document, cue: Match) -> tuple[int, int]:
    """Original offsets of a cue without a leading conjunction written into the entry."""
    pre = getattr(cue.payload, "prefix", 0)
    if not pre:
        return cue.start, cue.end
    tok = doc._tokens[cue.tok_start]
    return doc._folded.orig_span(tok.fstart + pre, tok.fend)[0], cue.end


class _Speaker:
    __slots__ = ("text", "start", "end", "role")

    def __init__(self, text: str, start: int | None, end: int | None, role: str) -> None:
        self.text, self.start, self.end, self.role = text, start, end, role


class QuoteReader:
    """Finds the quotes of one prepared document (recognizer state for one document)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc._tokens
        self.matches = phrase_matches(doc, matcher(), self.tokens)
        self.at: dict[int, dict[str, Match]] = {}
        for m in self.matches:
            self.at.setdefault(m.tok_start, {})[m.label] = m
        self.pairs = quote_pairs(self.text)
        self.actor_at: dict[int, Entity] = {}
        # token index by original start offset (claims read it too)
        self.by_start = by_start = dict(zip(columns(self.tokens).starts, range(len(self.tokens))))
        for e in doc.entities:
            if e.type in _SPEAKER_WORDS and e.start in by_start:
                self.actor_at.setdefault(by_start[e.start], e)
        self.last: _Speaker | None = None
        self.cue_token: list[int] = []  # token where each quote's cue starts

    # -- helpers ---------------------------------------------------------------------------
    def _word(self, i: int) -> Match | None:
        c = self.at.get(i)
        if not c or "WORD" not in c:
            return None
        m = c["WORD"]
        if m.payload.startswith("comp") and self.tokens[i].norm in ("لان", "لانه", "لانها"):
            return None  # لأن = because
        return m

    def _opens(self, i: int, comp_extra: frozenset[str]) -> bool:
        """Token ``i`` is a preposition that opens this cue's content (أشار إلى)."""
        return bool(comp_extra) and any(f in comp_extra for f in self.tokens[i].forms[:2])

    def _is_quote_open(self, i: int) -> bool:
        t = self.tokens[i]
        return t.end - t.start == 1 and self.text[t.start] in _OPENERS and t.start in self.pairs

    def _close_token(self, i: int, limit: int) -> int:
        """Index of the token that closes the quotation opened at token ``i``."""
        close = self.pairs[self.tokens[i].start]
        j = i + 1
        while j < limit and self.tokens[j].start < close:
            j += 1
        return j

    def _span_text(self, s: int, e: int) -> tuple[int, int]:
        """Trim spaces and punctuation from both ends of text[s:e]."""
        text = self.text
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        # a closing mark whose opening is not inside the span
        if e > s and text[e - 1] in "”»\"›" and not any(s <= o < e - 1 for o in self.pairs):
            e -= 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
        return s, e

    def _speaker_from(self, a: int, b: int) -> _Speaker | None:
        """Speaker (and role) from tokens [a, b); quote marks around a name are dropped."""
        toks = self.tokens
        while a < b and not toks[a].is_word:
            a += 1
        while b > a and not toks[b - 1].is_word:
            b -= 1
        if a >= b or b - a > _MAX_SPEAKER:
            return None
        role_at = None
        for i in range(a, b):
            c = self.at.get(i)
            if c and "ROLE" in c and i > a:
                role_at = i
                break
        text = self.text
        if role_at is not None:
            ne = role_at
            while ne > a and not toks[ne - 1].is_word:
                ne -= 1
            s, e = toks[a].start, toks[ne - 1].end
            rs, re_ = toks[role_at].start, toks[b - 1].end
            return _Speaker(text[s:e], s, e, text[rs:re_])
        s, e = toks[a].start, toks[b - 1].end
        return _Speaker(text[s:e], s, e, "")

    def _backref(self, a: int, b: int) -> bool:
        words = [i for i in range(a, b) if self.tokens[i].is_word]
        if len(words) != 1:
            return False
        m = self._word(words[0])
        return m is not None and m.payload == "backref"

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> list[Quote]:
        quotes: list[Quote] = []
        covered_until = -1  # original offset: cues before it are inside an earlier quote
        for sent in self.doc._sentences:
            i, end = sent.tok_start, sent.tok_end
            while i < end:
                c = self.at.get(i)
                cue = None
                if c:
                    if "CUE" in c:
                        cue = c["CUE"]
                    elif "CLAIM" in c and c["CLAIM"].payload.speech:
                        cue = c["CLAIM"]
                if cue is None or self.tokens[i].start < covered_until:
                    i += 1
                    continue
                if isinstance(cue.payload, CueEntry) and cue.payload.kind == "prep":
                    q = self._prep(cue, sent)
                else:
                    q = self._verb(cue, sent)
                if q is None:
                    i += 1
                    continue
                quotes.append(q)
                self.cue_token.append(cue.tok_start)
                covered_until = max(covered_until, q.end, q.cue_end or 0)
                while i < end and self.tokens[i].start < covered_until:
                    i += 1
        return quotes

    def _resolve(self, sp: _Speaker | None, a: int, b: int) -> _Speaker | None:
        if sp is None or self._backref(a, b):
            if self.last is not None:
                return self.last
            return sp
        self.last = sp
        return sp

    def _quote(self, sp: _Speaker | None, cue: Match, s: int, e: int, direct: bool) -> Quote | None:
        s, e = self._span_text(s, e)
        if e - s < 2:
            return None
        text = self.text
        cs, ce = cue_span(self.doc, cue)
        return Quote(speaker=sp.text if sp else "", speaker_start=sp.start if sp else None,
                     speaker_end=sp.end if sp else None, speaker_role=sp.role if sp else "",
                     text=text[s:e], start=s, end=e, cue=text[cs:ce], cue_start=cs, cue_end=ce,
                     direct=direct)

    def _content_from(self, j: int, sent) -> tuple[int, int, bool]:
        """Span of the content that starts at token ``j`` (original offsets) and directness."""
        toks = self.tokens
        if self._is_quote_open(j):
            close = self.pairs[toks[j].start]
            after = self.text[close + 1:self.text_end(sent, close)]
            if not after.strip(_TRIM + "”»\"›"):
                return toks[j].start + 1, close, True
        return toks[j].start, self.text_end(sent, toks[j].start), False

    def text_end(self, sent, pos: int) -> int:
        """End of the sentence, or of the quotation the sentence ends inside."""
        e = sent.end
        for o, c in self.pairs.items():
            if o < e <= c and o >= sent.start:
                e = c + 1
        return max(e, pos)

    def _verb(self, cue: Match, sent) -> Quote | None:
        toks = self.tokens
        entry = cue.payload
        comp_extra = entry.comp if isinstance(entry, CueEntry) else frozenset()
        continues = isinstance(entry, CueEntry) and entry.continues
        j = cue.tok_end
        end = sent.tok_end
        sp_start = j
        sp_end = None
        content = None  # token index where the content starts
        limit = min(end, j + _MAX_SPEAKER + 8)
        relay = toks[cue.tok_start].norm.lstrip("وف").startswith("نقل")
        while j < limit:
            t = toks[j]
            if self._is_quote_open(j):
                k = self._close_token(j, end)
                inner = sum(1 for x in range(j + 1, k) if toks[x].is_word)
                nxt = k + 1
                if (sp_end is None and inner <= _MAX_NAME_IN_QUOTES and nxt < end
                        and toks[nxt].is_word and j == sp_start
                        and (self._word(nxt) is None or self._word(nxt).payload == "backref")):
                    j = nxt  # a quoted name
                    continue
                content = j
                break
            w = self._word(j)
            if w is not None and w.payload.startswith("comp"):
                content = j if w.payload == "comp+" else w.tok_end
                if sp_end is None:
                    sp_end = j
                break
            if t.norm == ":":
                content = j + 1
                if sp_end is None:
                    sp_end = j
                break
            if j > cue.tok_end and self._opens(j, comp_extra):
                w2 = self._word(j + 1)
                if w2 is not None and w2.payload.startswith("comp"):
                    content = j + 1 if w2.payload == "comp+" else w2.tok_end
                else:
                    content = j + 1
                if sp_end is None:
                    sp_end = j
                break
            if relay and t.norm == "عن" and sp_end is None:
                sp_start = j + 1  # نقلت الوكالة عن مصدر: the original source speaks
            elif t.norm in ("،", ","):
                nxt = j + 1
                if sp_end is None and nxt < end and "ROLE" in (self.at.get(nxt) or {}):
                    j += 1  # قال فلان، المتحدث باسم …: the role goes on
                    continue
                if sp_end is None:
                    sp_end = j
                if not (nxt < end and (self._word(nxt) or self._is_quote_open(nxt)
                                       or self._opens(nxt, comp_extra))):
                    content = nxt  # أعلن الجيش، مقتل …
                    break
            elif w is not None and w.payload in ("medium", "stop") and sp_end is None:
                sp_end = j
                j = w.tok_end
                continue
            j += 1
        if content is None:
            # أعلن الجيش مقتل …: a known party right after the cue, then the content
            if continues or sp_end is not None or not isinstance(entry, CueEntry):
                return None
            a = cue.tok_end
            ent = self.actor_at.get(a)
            src = (self.at.get(a) or {}).get("SOURCE")
            if ent is None and src is None:
                return None
            e_tok = src.tok_end if src is not None else a
            if ent is not None:
                e_tok = max(e_tok, next((k for k in range(a, end) if toks[k].start >= ent.end),
                                        end))
            if end - e_tok < 2:
                return None
            sp_end, content = e_tok, e_tok
        if sp_end is None:
            sp_end = content
        if not isinstance(entry, CueEntry) and entry.target == "object":
            # اتهم المتحدث باسم الجيش الحوثيين بأنهم …: the second party is the target
            for k in range(sp_start + 1, sp_end):
                if k in self.actor_at:
                    sp_end = k
                    break
        if content >= end and not self._is_quote_open(min(content, len(toks) - 1)):
            return None
        sp = self._speaker_from(sp_start, sp_end)
        if sp is None and sp_end - sp_start > 0 and any(
                toks[k].is_word for k in range(sp_start, sp_end)) and not self._only_medium(
                sp_start, sp_end):
            return None  # too long to be a speaker: not a reporting clause
        if self._only_medium(sp_start, sp_end):
            sp = None
        sp = self._resolve(sp, sp_start, sp_end)
        s, e, direct = self._content_from(content, sent)
        return self._quote(sp, cue, s, e, direct)

    def _only_medium(self, a: int, b: int) -> bool:
        if a >= b:
            return True
        w = self._word(a)
        return w is not None and w.payload in ("medium", "stop")

    def _prep(self, cue: Match, sent) -> Quote | None:
        toks = self.tokens
        j = cue.tok_end
        end = sent.tok_end
        # بحسب ما ذكرت الوكالة: skip the verb
        c = self.at.get(j)
        if c and "CUE" in c and c["CUE"].payload.kind == "verb":
            j = c["CUE"].tok_end
        # وفقاً لناشطين: the preposition is written onto the source
        lam = 0
        if cue.tok_end == j and j < end and self.tokens[cue.tok_end - 1].norm in _LAM_CUES \
                and toks[j].norm.startswith("ل") and not toks[j].norm.startswith("لل"):
            lam = 1
        sp_start = j
        sp_end = None
        while j < end and j - sp_start <= 8:
            t = toks[j]
            w = self._word(j)
            if t.norm in ("،", ",", ".", ":", "؛") or self._is_quote_open(j):
                sp_end = j
                break
            if w is not None and w.payload.startswith("comp"):
                sp_end = j
                break
            if w is not None and w.payload in ("medium", "stop"):
                sp_end = j
                break
            j += 1
        if sp_end is None:
            sp_end = j
        before = [k for k in range(sent.tok_start, cue.tok_start) if toks[k].is_word]
        if len(before) <= 1:
            # وبحسب المرصد، فإن …: the content follows
            k = sp_end
            while k < end and not toks[k].is_word and not self._is_quote_open(k):
                k += 1
            w = self._word(k) if k < end else None
            if w is not None and w.payload.startswith("comp"):
                k = k if w.payload == "comp+" else w.tok_end
            if k >= end:
                return None
            s, e, direct = self._content_from(k, sent)
        else:
            s, e, direct = toks[sent.tok_start].start, cue.start, False
        sp = self._speaker_from(sp_start, sp_end) if sp_end > sp_start else None
        if lam and sp is not None and sp.start == toks[sp_start].start:
            t = toks[sp_start]
            cut = self.doc._folded.orig_span(t.fstart + 1, t.fend)[0]
            sp = _Speaker(self.text[cut:sp.end], cut, sp.end, sp.role)
            cue = Match(cue.label, cue.tok_start, cue.tok_end, cue.start, cut, cue.payload)
        sp = self._resolve(sp, sp_start, sp_end)
        return self._quote(sp, cue, s, e, direct)
