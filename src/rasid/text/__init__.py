"""Text stage: folding with an offset map, sentences and tokens."""

from .dateline import dateline_end
from .normalize import Folded, fold, fold_with_map
from .sentences import Sentence, split_sentences
from .tokens import Token, tokenize

__all__ = ["Folded", "Sentence", "Token", "dateline_end", "fold", "fold_with_map", "prepare", "split_sentences",
           "tokenize"]


def prepare(doc) -> None:
    """Pipeline component: fill the document's folded text, sentences and tokens."""
    folded = fold_with_map(doc.text)
    sentences = split_sentences(doc.text)
    tokens = tokenize(folded)
    si = 0
    ns = len(sentences)
    for tok in tokens:
        while si < ns - 1 and tok.start >= sentences[si].end:
            si += 1
        tok.sent = si
    # token ranges per sentence
    ti = 0
    for s in sentences:
        while ti < len(tokens) and tokens[ti].sent < s.i:
            ti += 1
        s.tok_start = ti
        while ti < len(tokens) and tokens[ti].sent == s.i:
            ti += 1
        s.tok_end = ti
    doc._dateline = dateline_end(doc.text)
    doc._folded = folded
    doc._sentences = sentences
    doc._tokens = tokens
