"""Text stage: folding with an offset map, sentences and tokens."""

from bisect import bisect_left, bisect_right

from .dateline import dateline_end
from .links import link_lines
from .normalize import Folded, fold, fold_with_map
from .sentences import Sentence, split_sentences
from .stories import story_starts
from .tokens import Token, columns, tokenize

__all__ = ["Folded", "Sentence", "Token", "dateline_end", "fold", "fold_with_map", "link_lines", "prepare",
           "split_sentences", "story_starts", "tokenize"]


def prepare(doc) -> None:
    """Pipeline component: fill the document's folded text, sentences and tokens."""
    folded = fold_with_map(doc.text)
    sentences = split_sentences(doc.text)
    tokens = tokenize(folded, [s.end for s in sentences])
    # token ranges per sentence (token sentence numbers ascend)
    sents = columns(tokens).sents
    for s in sentences:
        s.tok_start = bisect_left(sents, s.i)
        s.tok_end = bisect_right(sents, s.i)
    doc._dateline = dateline_end(doc.text)
    doc._links = link_lines(doc.text)
    doc._stories = story_starts(doc.text, doc._dateline)
    doc._folded = folded
    doc._sentences = sentences
    doc._tokens = tokens
