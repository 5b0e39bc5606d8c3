"""Tagging with the shipped CRF model, and the pipeline component that adds entities.

The model and the feature cache load once per process on first use.
"""

from __future__ import annotations

import functools

from ...model import Document, Entity
from .consistency import propagate
from .evaluation import chunks
from .features import FeatureCache, clusters
from .train import MODEL_PATH

ENTITY_TYPE = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_MAX_SENT = 200  # CRF items per call: very long "sentences" are tagged in windows


@functools.cache
def _tagger():
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(MODEL_PATH))
    return t


@functools.cache
def _features() -> FeatureCache:
    known = frozenset(attr for attr, _ in _tagger().info().state_features)
    return FeatureCache(known)


def tag(tokens: list[str]) -> list[str]:
    """IOB2 tags (PERS, LOC, ORG, MISC) for one sentence of tokens."""
    if not tokens:
        return []
    tg, fc = _tagger(), _features()
    out: list[str] = []
    for i in range(0, len(tokens), _MAX_SENT):
        out += tg.tag(fc.sentence(tokens[i:i + _MAX_SENT]))
    return out


def tag_document(sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 tags for the sentences of one document, repeats of found names tagged alike
    (see consistency.py)."""
    return propagate(sentences, [tag(s) for s in sentences])


WINDOW = 25  # sentences treated as one document when a CoNLL file has no document marks


def tag_sentences(sentences: list[list[str]], window: int = WINDOW) -> list[list[str]]:
    """Tag a run of sentences (a CoNLL file): consistency is enforced within windows of
    ``window`` sentences, about one news article."""
    out: list[list[str]] = []
    for i in range(0, len(sentences), window):
        out += tag_document(sentences[i:i + window])
    return out


def _proclitic_len(word: str) -> int:
    """Length of a leading و/ف + ب/ل/ك to leave out of an entity span.

    ANERcorp keeps proclitics on the token (وبغداد is tagged whole), but the entity is بغداد.
    A prefix is stripped only when the rest is a more frequent word in the news corpus than the
    whole token (so وليد, بلال, كمال keep their first letter).
    """
    cl = clusters()
    whole = cl.get(word)
    whole_rank = whole[2] if whole else 1 << 30
    n = 0
    if len(word) > 3 and word[0] in "وف":
        n = 1
    if len(word) - n > 3 and word[n] in "بلك":
        n2 = n + 1
        if word[n] == "ل" and word[n2:n2 + 1] == "ل":  # لل = ل + ال
            rest = "ا" + word[n2:]
        else:
            rest = word[n2:]
        got = cl.get(rest)
        if got is not None and got[2] < whole_rank:
            return n2
    if n:
        got = cl.get(word[n:])
        if got is not None and got[2] < whole_rank:
            return n
    return 0


class NameRecognizer:
    """Pipeline component: CRF names (PER, ORG, LOC, MISC) as ``Entity(source="ner")``.

    Needs ``rasid.text.prepare(doc)``. Spans exclude a leading conjunction/preposition
    (و ف ب ل ك) when the rest is the more common word; the article ال is kept. Untagged
    repeats of a name found elsewhere in the document are tagged too.
    """

    def __call__(self, doc: Document) -> None:
        tokens = doc._tokens
        if not tokens:
            return
        folded = doc._folded
        text = doc.text
        sents = [tokens[s.tok_start:s.tok_end] for s in doc._sentences]
        sents = [s for s in sents if s]
        all_tags = tag_document([[t.norm for t in toks] for toks in sents])
        for toks, tags in zip(sents, all_tags):
            for s, e, typ in chunks(tags):
                first, last = toks[s], toks[e - 1]
                k = _proclitic_len(first.norm)
                if k:
                    start = folded.orig_span(first.fstart + k, first.fend)[0]
                else:
                    start = first.start
                end = last.end
                doc.entities.append(Entity(text=text[start:end], start=start, end=end,
                                           type=ENTITY_TYPE.get(typ, typ), source="ner"))
