"""Phrases whose words stand apart: "أطلق الجنود الإسرائيليون النار"، "أضرم مستوطنون النار"،
"أطلق عليه النار"، "استعاد راولي الوعي". Arabic puts the subject (or an attached-pronoun object)
between a verb and its object, so a phrase listed as "أطلق … النار" in triggers.tsv or
modality.tsv is matched on its first word and completed by its last words when they follow within
a few words of the same clause."""

from __future__ import annotations

from ..recognize.lexicon import Match

GAP = 4  # words that may stand between the head and the rest: a subject of up to four words
_STOPS = {"،", ",", "؛", ";", ":", ".", "!", "؟", "?", "(", ")", '"', "«", "»"}


def join_split(matches: list[Match], tokens) -> list[Match]:
    """``matches`` with each SPLIT head made a match of the whole phrase's entry when the rest
    follows it (a TRIGGER on the head word alone; a MODALITY cue over the whole phrase, as a
    contiguous one would be), or dropped when it does not. A head where a whole
    phrase already starts ("أطلق النار") adds nothing, nor a rest that begins another phrase."""
    if not any(m.label == "SPLIT" for m in matches):
        return matches
    starts = {m.tok_start for m in matches if m.label == "TRIGGER"}
    # a word another trigger phrase holds stays that phrase's ("النار على المتظاهرين")
    held = {j for m in matches if m.label == "TRIGGER" for j in range(m.tok_start, m.tok_end)}
    out = [m for m in matches if m.label != "SPLIT"]
    for m in matches:
        if m.label != "SPLIT":
            continue
        rest, label, entry = m.payload
        if label == "TRIGGER" and m.tok_start in starts:
            continue
        sent, n = tokens[m.tok_start].sent, len(rest)
        for j in range(m.tok_end, min(len(tokens) - n + 1, m.tok_end + GAP + 1)):
            tok = tokens[j]
            if tok.sent != sent or tok.norm in _STOPS:
                break
            if all(_is(tokens[j + k], w) for k, w in enumerate(rest)):
                if label == "MODALITY":
                    out.append(Match(label, m.tok_start, j + n, m.start, tokens[j + n - 1].end, entry, m.stripped))
                    break
                if j in held:
                    break
                # the match is the head word alone: the subject between keeps its own readings
                # (an actor after its verb; "أضرم المتظاهرون النار": a crowd that is a trigger too)
                out.append(Match(label, m.tok_start, m.tok_end, m.start, m.end, entry, m.stripped))
                starts.add(m.tok_start)
                break
    out.sort(key=lambda x: x.tok_start)
    return out


def _is(tok, word: str) -> bool:
    """The word itself, with or without the article, and with no other clitic ("النار", "نار")."""
    bare = word[2:] if word.startswith("ال") else word
    return tok.norm in (word, bare, "ال" + bare)
