"""Names: Rasid's own CRF named-entity recogniser (PERS/PER, LOC, ORG, MISC).

Trained on ANERcorp (CC BY-SA 4.0) with word classes learnt from Arabic news and Rasid's name
lists; see ``src/rasid/data/ner/README.md``.
"""

from .evaluation import chunks, score
from .tagger import NameRecognizer, tag, tag_document, tag_sentences

__all__ = ["NameRecognizer", "chunks", "score", "tag", "tag_document", "tag_sentences"]
