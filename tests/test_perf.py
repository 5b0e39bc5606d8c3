"""Speed work must not change results: each fast path is checked against the plain version."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rasid.model import Document
from rasid.recognize.dates import _scan, find_timex
from rasid.recognize.dates.patterns import TEXT_PROBES, needs, patterns
from rasid.recognize.lexicon import PhraseMatcher
from rasid.text import prepare
from rasid.text.normalize import DELETABLE_RE, FOLD_TABLE, fold, fold_chars, fold_with_map
from rasid.text.sentences import split_sentences
from rasid.text.tokens import TOKEN_RE, TokenList, clitic_forms, columns, tokenize, word_positions

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةئؤءء ً ٌ ٍ َ ُ ِ ّ ْـ٠١٢٣"
                                                "0123456789 .،؟!\n«»\"-_/AbZ\u200f\u202b")),
                max_size=120)

SENTENCES = [
    "قتل ثلاثة مدنيين في قصف على دمشق أمس الإثنين، وقال المرصد إن الحصيلة مرشحة للارتفاع.",
    "وفي 3 آذار/مارس 2016 سيطرت قسد على بلدة في ريف دير الزور الشرقي.",
    "اعتُقل خمسةُ أشخاصٍ ليلة الخميس الجمعة، ثم أُفرج عنهم في وقت سابق من هذا الأسبوع.",
    "قبل ثلاثة أيام، وخلال الأسبوعين الماضيين، منذ عام 2011 وحتى 15/04/2019.",
    "لليوم الثالث على التوالي تظاهر السكان في نفس اليوم من عام 2012 حاليا ومؤخرا.",
    "وصل الوفد عشية عيد الفطر، وفي يوم الأرض من عام 2018 خرجت مسيرات.",
]


def _naive_tokens(folded):
    """tokenize() as one step per token, the way it was first written."""
    out = []
    for i, m in enumerate(TOKEN_RE.finditer(folded.text)):
        fs, fe = m.span()
        s, e = folded.orig_span(fs, fe)
        out.append((i, s, e, fs, fe, m.group(), clitic_forms(m.group())))
    return out


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_fold_chars_equals_translate(text):
    assert fold_chars(text) == text.translate(FOLD_TABLE)
    assert fold(text) == DELETABLE_RE.sub("", text.translate(FOLD_TABLE))


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_fold_map_and_tokens_match_the_plain_version(text):
    folded = fold_with_map(text)
    assert folded.text == fold(text)
    if folded.index is not None:
        one = text.translate(FOLD_TABLE)
        # marks go one by one; a hamza on the line goes after ya (ىء written for ئ)
        kept = [i for i, ch in enumerate(one)
                if not DELETABLE_RE.match(ch) and not (ch == "ء" and i and one[i - 1] == "ي")]
        assert list(folded.index) == kept + [len(text)]
    tokens = tokenize(folded)
    assert [(t.i, t.start, t.end, t.fstart, t.fend, t.norm, t.forms) for t in tokens] == _naive_tokens(folded)
    for t in tokens:
        assert text[t.start:t.end].strip() != "" or t.start == t.end


@settings(max_examples=200, deadline=None)
@given(ARABIC)
def test_token_columns_equal_the_tokens(text):
    """The columns kept by tokenize() are what reading each token would give."""
    doc = Document(text=text)
    prepare(doc)
    toks = doc._tokens
    plain = columns(list(toks))  # a plain list: read off the tokens
    assert columns(toks) == plain
    assert plain == ([t.start for t in toks], [t.end for t in toks], [t.norm for t in toks],
                     [t.sent for t in toks])


@settings(max_examples=200, deadline=None)
@given(ARABIC)
def test_sentence_numbers_and_ranges(text):
    doc = Document(text=text)
    prepare(doc)
    sentences = split_sentences(text)
    si = 0
    for tok in doc._tokens:  # the original per-token walk
        while si < len(sentences) - 1 and tok.start >= sentences[si].end:
            si += 1
        assert tok.sent == si
    for s in doc._sentences:
        assert all(t.sent == s.i for t in doc._tokens[s.tok_start:s.tok_end])
        assert s.tok_end == len(doc._tokens) or doc._tokens[s.tok_end].sent > s.i


def test_word_positions_index_each_distinct_word_once():
    doc = Document(text="قصف على دمشق ثم قصف على حلب")
    prepare(doc)
    where = word_positions(doc._tokens)
    assert isinstance(doc._tokens, TokenList)
    assert where[doc._tokens[0].forms] == [0, 4]
    assert sorted(i for pos in where.values() for i in pos) == list(range(len(doc._tokens)))
    assert word_positions(doc._tokens) is where  # computed once per document
    doc._tokens.append(doc._tokens[0])
    assert word_positions(doc._tokens)[doc._tokens[0].forms] == [0, 4, 7]  # re-indexed


def test_phrase_matcher_cache_follows_new_phrases():
    doc = Document(text="وبالحسكة قصف الطيران الحربي")
    prepare(doc)
    pm = PhraseMatcher()
    pm.add("PLACE", "الحسكة")
    assert [(m.label, m.start) for m in pm.match(doc._tokens, doc._folded.orig_span)] == [("PLACE", 2)]
    pm.add("ACT", "الطيران الحربي")  # after a match: cached readings must not hide it
    got = [(m.label, doc.text[m.start:m.end]) for m in pm.match(doc._tokens, doc._folded.orig_span)]
    assert got == [("PLACE", "الحسكة"), ("ACT", "الطيران الحربي")]
    # plain lists (not from tokenize) work too
    assert len(pm.match(list(doc._tokens), doc._folded.orig_span)) == 2


def test_date_probes_never_skip_a_match():
    """Every match of a family contains one of each of its probes (needs())."""
    need = needs()
    seen = set()
    for sent in SENTENCES:
        ftext = fold(sent)
        for kind, rx in patterns():
            for m in rx.finditer(ftext):
                seen.add(kind)
                for probe in need.get(kind, ()):
                    assert probe.search(ftext, m.start(), m.end()), (kind, m.group())
    assert {"dmy", "night", "ago", "recent", "streak", "sameday", "earlier", "period", "weekday",
            "rel", "numeric", "bareyear", "now", "vague", "named", "year", "month"} <= seen


def test_word_probes_lie_inside_one_word():
    """A window's word probes are read from its words: each probe of a family (but those of
    TEXT_PROBES) must sit inside one word of every match of that family."""
    need = needs()
    for sent in SENTENCES:
        ftext = fold(sent)
        words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\w+", ftext)]
        for kind, rx in patterns():
            if kind in TEXT_PROBES:
                continue
            for m in rx.finditer(ftext):
                inside = [w for s, e, w in words if s < m.end() and e > m.start()]
                for probe in need.get(kind, ()):
                    assert any(probe.search(w) for w in inside), (kind, m.group(), probe.pattern)


DATE_TEXTS = st.lists(st.sampled_from(SENTENCES + ["كلام عادي بلا أي شيء", "في ٣/٤ أو 12-5-2019",
                                                  "كانون الثاني", "ليلة الأحد", "#وسم_2019"]),
                      min_size=1, max_size=6).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(DATE_TEXTS, ARABIC))
def test_skipping_families_by_probe_changes_no_date(text):
    """find_timex with the probes equals running every family in every window."""
    import rasid.recognize.dates as dates

    fast = find_timex(text, "2020-05-05")
    words, families, any_probe = dates._probes()
    plain = {kind: (0, ()) for kind in families}
    orig = dates._probes
    dates._probes = lambda: (words, plain, any_probe)
    try:
        slow = find_timex(text, "2020-05-05")
    finally:
        dates._probes = orig
    assert fast == slow


def test_windows_cover_anchor_words():
    ftext = fold(SENTENCES[1] + " " + "كلام " * 40 + SENTENCES[0])
    wins = [(a, b) for a, b, _ in _scan(ftext)]
    assert len(wins) == 2
    assert all(a < b for a, b in wins) and wins[0][1] < wins[1][0]
    assert "2016" in ftext[wins[0][0]:wins[0][1]] and "امس" in ftext[wins[1][0]:wins[1][1]]
    assert _scan(fold("كلام بلا تاريخ")) == []


def test_private_attributes_read_and_write():
    doc = Document(text="نص")
    assert doc._tokens == [] and doc._folded is None and doc._dateline == 0
    doc._dateline = 5
    other = doc.model_copy()
    other._dateline = 7
    assert (doc._dateline, other._dateline) == (5, 7)
    assert re.search("_dateline", repr(type(doc).__private_attributes__))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + ["كلام عادي بلا أي شيء", "#وسم_مع_شرطة", "٢٠١٩"]),
                max_size=6).map(" ".join))
def test_windows_from_tokens_equal_windows_from_text(text):
    doc = Document(text=text)
    prepare(doc)
    assert _scan(doc._folded.text, doc._tokens or None) == _scan(doc._folded.text)


def test_actors_read_through_hashtag_underscores():
    from rasid.recognize.actors import ActorRecognizer

    a = ActorRecognizer()
    plain, tagged = Document(text="قال الجيش السوري"), Document(text="قال #الجيش_السوري")
    for d in (plain, tagged):
        prepare(d)
        a(d)
    assert [e.canonical for e in plain.entities] == [e.canonical for e in tagged.entities]
    assert plain.entities


def _naive_match(pm, tokens, orig_span):
    """PhraseMatcher.match as first written: every entry a token's forms start, tried in turn."""
    from rasid.text.frequency import is_own_word

    pm.freeze()
    out = []
    for i, tok in enumerate(tokens):
        seen = set()
        cands = []
        for fi, form in enumerate(tok.forms):
            own = fi > 0 and is_own_word(tok.norm, form)
            stripped = len(tok.norm) - len(form)
            if not tok.norm.endswith(form):
                stripped += 1
            elif stripped >= 2 and tok.norm[stripped - 2:stripped] == "ال":
                stripped -= 2
            for rest, label, payload, strict in pm._index.get(form, ()):
                if not (fi and (strict or own)):
                    cands.append((rest, label, payload, stripped))
        for rest, label, payload, stripped in cands:
            if label in seen or i + len(rest) >= len(tokens):
                continue
            if all(tokens[j].norm in ((r, "ال" + r, r[2:]) if r[:2] == "ال" else (r, "ال" + r))
                   for j, r in enumerate(rest, i + 1)):
                start = orig_span(tok.fstart + stripped, tok.fend)[0] if stripped else tok.start
                out.append((label, i, i + len(rest) + 1, start, tokens[i + len(rest)].end, payload))
                seen.add(label)
    return out


PHRASES = ["قوات", "قوات النظام", "القوات الحكومية", "قوات سوريا الديمقراطية", "الجيش", "الجيش السوري",
           "الجيش السوري الحر", "دير الزور", "دير", "ريف دير الزور", "قصف", "الطيران الحربي", "طيران"]
WORDS = st.lists(st.sampled_from(["قوات", "والقوات", "بقوات", "النظام", "الحكومية", "حكومية", "سوريا",
                                  "الديمقراطية", "الجيش", "وللجيش", "السوري", "سوري", "الحر", "دير",
                                  "بدير", "الزور", "ريف", "وريف", "قصف", "الطيران", "الحربي", "،"]),
                 max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(PHRASES), st.booleans()),
                min_size=1, max_size=12), WORDS)
@example([("A", "قوات", False), ("A", "قوات النظام", False), ("B", "دير", True), ("B", "دير الزور", False)],
         ["بقوات", "النظام", "وريف", "دير", "الزور", "بدير", "الزور", "قوات"])
def test_phrase_matcher_equals_trying_every_entry(entries, words):
    pm = PhraseMatcher()
    for n, (label, phrase, strict) in enumerate(entries):
        pm.add(label, phrase, n, strict=strict)
    doc = Document(text=" ".join(words) or "-")
    prepare(doc)
    got = [(m.label, m.tok_start, m.tok_end, m.start, m.end, m.payload)
           for m in pm.match(doc._tokens, doc._folded.orig_span)]
    assert got == _naive_match(pm, doc._tokens, doc._folded.orig_span)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(PHRASES), st.booleans()),
                min_size=1, max_size=12),
       st.lists(st.sampled_from(["قوات", "النظام", "الحكومية", "سوريا", "الديمقراطية", "الجيش", "السوري",
                                 "الحر", "دير", "بدير", "الزور", "ريف", "قصف", "،", "_", "#"]), max_size=40),
       st.lists(st.booleans(), max_size=40))
@example([("A", "الجيش السوري الحر", False), ("B", "دير الزور", False)],
         ["#", "الجيش", "_", "السوري", "_", "الحر", "قصف", "بدير", "_", "الزور"], [])
def test_matches_skipping_a_token_equal_a_scan_without_it(entries, words, glued):
    """Read through "_" from the shared matches plus local rescans = a full scan of the tokens
    without "_"."""
    from rasid.recognize.lexicon import PhrasePass, phrase_matches_skipping

    pm = PhraseMatcher()
    for n, (label, phrase, strict) in enumerate(entries):
        pm.add(label, phrase, n, strict=strict)
    # "_" glued to its neighbours as in a hashtag, or standing alone
    text = "".join(w + ("" if (glued[k] if k < len(glued) else False) or w == "_" else " ")
                   for k, w in enumerate(words)) or "-"
    doc = Document(text=text)
    prepare(doc)
    PhrasePass([pm])(doc)
    kept, got = phrase_matches_skipping(doc, pm, "_")
    assert kept == [t for t in doc._tokens if t.norm != "_"]
    want = pm.match(kept, doc._folded.orig_span)
    key = lambda m: (m.label, m.tok_start, m.tok_end, m.start, m.end, m.payload, m.stripped)  # noqa: E731
    assert [key(m) for m in got] == [key(m) for m in want]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + [
    "قالت وزارة الدفاع إن قوات النظام قصفت مواقع لتنظيم داعش، واتهم المرصد السوري الطيران الروسي.",
    "وأفاد مصدر أمني بمقتل عنصرين من الجيش العراقي وإصابة ثلاثة من الحشد الشعبي في هجوم لمسلحين مجهولين."]),
    min_size=1, max_size=4))
def test_phrase_pass_gives_each_stage_its_own_matches(sentences):
    from rasid.events.lexicons import matcher as event_matcher
    from rasid.recognize.actors.recognizer import _matcher as actor_matcher
    from rasid.recognize.lexicon import PhrasePass, phrase_matches
    from rasid.recognize.quotes.lexicons import matcher as quote_matcher

    doc = Document(text=" ".join(sentences + ["وقال المرصد إن قوات النظام قصفت مواقع لداعش."]))
    prepare(doc)
    stages = [actor_matcher(), quote_matcher(), event_matcher()]
    PhrasePass(stages)(doc)
    assert any(doc._phrases[1].values())
    for pm in stages:
        shared = [(m.label, m.tok_start, m.tok_end, m.start, m.end, m.payload, m.stripped)
                  for m in phrase_matches(doc, pm)]
        own = [(m.label, m.tok_start, m.tok_end, m.start, m.end, m.payload, m.stripped)
               for m in pm.match(doc._tokens, doc._folded.orig_span)]
        assert shared == own


def test_document_line_equals_json_dumps():
    import json

    from rasid import extract
    from rasid.output.jsonl import document_line

    doc = extract("قتل 3 مدنيين في قصف على دمشق أمس، وقال المرصد إن \"الحصيلة\" مرشحة للارتفاع.",
                  published="2024-05-02")
    assert doc.events
    assert document_line(doc) == json.dumps(doc.output(), ensure_ascii=False)
    assert document_line(doc, explain=True) == json.dumps(doc.output(explain=True), ensure_ascii=False)


# -- modality cues: the indexed reading answers as the plain loop over every cue ---------------

from rasid.events import detect  # noqa: E402
from rasid.recognize.lexicon import Match  # noqa: E402


def _plain_blocked(trigger, modalities):
    for m in modalities:
        kind, scope = m.payload
        if kind in detect._NOT_BLOCKING or kind in detect._WEAKENING or (
                kind == "aggregate_plural" and not detect._countable(trigger)):
            continue
        if scope == "any":
            return kind
        if scope == "same":
            if m.tok_start == trigger.tok_start and m.tok_end > trigger.tok_end:
                return kind
            continue
        if scope == "after":
            if 0 <= m.tok_start - trigger.tok_end <= 1:
                return kind
            continue
        if m.tok_start >= trigger.tok_start:
            continue
        if scope == "near" and trigger.tok_start - m.tok_end > detect._NEAR:
            continue
        return kind
    return None


def _plain_weakened(t, modalities):
    return any(kind in detect._WEAKENING and m.tok_start < t.tok_start and (
        scope != "near" or t.tok_start - m.tok_end <= detect._NEAR) for m in modalities
        for kind, scope in [m.payload])


_KINDS = ["negation", "aggregate", "aggregate_plural", "accusation", "reference", "undisclosed",
          "new_act", "judicial", "future"]
_SCOPES = ["any", "same", "after", "near", "before"]


def _cue(draw_start, length, kind, scope):
    return Match("MODALITY", draw_start, draw_start + length, 0, 0, (kind, scope))


@st.composite
def cue_lists(draw):
    cues = draw(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 4), st.sampled_from(_KINDS),
                                   st.sampled_from(_SCOPES)), max_size=25))
    return [_cue(*c) for c in cues]  # in any order, as a matcher might give them


@st.composite
def triggers(draw):
    from rasid.events.lexicons import TriggerEntry
    start, length = draw(st.integers(0, 44)), draw(st.integers(1, 3))
    entry = TriggerEntry("x", draw(st.sampled_from(["kill", "attack", "protest", "air"])),
                         draw(st.integers(1, 2)), 1, draw(st.booleans()))
    return Match("TRIGGER", start, start + length, 0, 0, entry)


@settings(max_examples=3000)
@given(cues=cue_lists(), trigs=st.lists(triggers(), min_size=1, max_size=6))
def test_sentence_modality_answers_as_the_plain_loop(cues, trigs):
    index = detect.SentenceModality(cues)
    for t in trigs:
        assert index.blocked(t) == _plain_blocked(t, cues)
        assert index.weakened(t) == _plain_weakened(t, cues)


@pytest.fixture
def fresh_gc(monkeypatch):
    """Run with the collector as CPython starts it; put it back afterwards."""
    import gc

    import rasid.pipeline as pipeline

    saved = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, saved[1], saved[2])
    monkeypatch.setattr(pipeline, "_gc_settled", False)
    yield gc
    gc.unfreeze()
    gc.set_threshold(*saved)


def test_settle_gc_freezes_once_and_raises_the_young_threshold(fresh_gc):
    from rasid.pipeline import GC_GEN0_THRESHOLD, settle_gc

    settle_gc()
    assert fresh_gc.get_threshold()[0] == GC_GEN0_THRESHOLD
    frozen = fresh_gc.get_freeze_count()
    assert frozen > 0
    keep = [[i] for i in range(1000)]  # new objects, tracked by the collector
    settle_gc()  # a second call does nothing: the new objects stay in the young generation
    assert fresh_gc.get_freeze_count() == frozen and keep


def test_cli_batches_and_the_server_settle_the_collector(fresh_gc, tmp_path):
    from fastapi.testclient import TestClient

    from rasid.cli.extract import extract_documents
    from rasid.serve.api import create_app

    article = tmp_path / "a.txt"
    article.write_text("قتل ثلاثة مدنيين في قصف على دمشق أمس.", encoding="utf-8")
    docs = list(extract_documents([str(article)], "2020-01-02", None, []))
    assert len(docs) == 1 and fresh_gc.get_threshold()[0] > 700

    fresh_gc.unfreeze()
    fresh_gc.set_threshold(700, 10, 10)
    import rasid.pipeline as pipeline

    pipeline._gc_settled = False
    with TestClient(create_app(warm=True)):
        assert fresh_gc.get_threshold()[0] > 700 and fresh_gc.get_freeze_count() > 0


def _numbers_token_by_token(tokens, start, end):
    """find_numbers as it was before number_starts(): every token looked at in turn."""
    from rasid.recognize.numbers import number_at

    out, i = [], start
    while i < end:
        got = number_at(tokens, i, end)
        if got is not None:
            out.append(got)
            i = got.tok_end
        else:
            i += 1
    return out


NUMBER_WORDS = ["ثلاثة", "عشر", "وعشرين", "مئة", "ألف", "آلاف", "عشرات", "15", "و15", "ب3", "1", ",",
                "200", "مليون", "قتيلا", "جثث", "مجزرة", "دون", "إصابات", "بينهم", "أطفال", "في",
                "حصيلة", "القتلى", "خمسة", "شخصا", "اثنين"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_WORDS), min_size=1, max_size=25), st.data())
def test_numbers_from_their_possible_starts_equal_a_token_by_token_scan(words, data):
    """find_numbers looks only where number_starts() says a number can begin; the counts read
    count nouns, massacres and negations from per-word marks. Both give what reading every
    token gives."""
    from rasid.events.counts import _MARKS, _MASSACRE, _NEGATION
    from rasid.recognize.numbers import count_nouns, find_numbers, number_starts

    doc = Document(text=" ".join(words))
    prepare(doc)
    tokens = doc._tokens
    start = data.draw(st.integers(0, len(tokens) - 1))
    end = data.draw(st.integers(start, len(tokens)))
    assert find_numbers(tokens, start, end) == _numbers_token_by_token(tokens, start, end)
    assert set(number_starts(tokens, start, end)) >= {n.tok_start for n in find_numbers(tokens, start, end)}
    nouns = count_nouns()
    plain = []
    for k in range(start, end):
        forms = tokens[k].forms
        hit = next((nouns[f] for f in forms[:3] if nouns.get(f)), None)
        marks = (hit, not _MASSACRE.isdisjoint(forms[:2]), tokens[k].norm in _NEGATION)
        if marks != (None, False, False):
            plain.append((k, marks))
    assert _MARKS.hits([t.norm for t in tokens], start, end) == plain


def test_word_memo_works_a_word_out_once_and_stays_bounded():
    """The per-word memo the stages share: each word's value is computed on first use only,
    C-level reads (map over __getitem__) fill it too, and it never holds more than its limit."""
    from rasid.text.tokens import WordMemo

    calls = []

    def length(word):
        calls.append(word)
        return len(word)

    memo = WordMemo(length, limit=3)
    assert list(map(memo.__getitem__, ["قتل", "في", "قتل"])) == [3, 2, 3]
    assert calls == ["قتل", "في"]
    for w in ["حلب", "إدلب", "درعا", "حمص"]:
        assert memo[w] == len(w)
        assert len(memo) <= 3
    assert memo["حمص"] == 3 and calls.count("حمص") == 1


def test_word_memo_hits_are_the_positions_of_truthy_values_in_a_stretch():
    from rasid.text.tokens import WordMemo

    digits = WordMemo(lambda w: w if w.isdigit() else None)
    words = ["قتل", "15", "و", "3", "في", "2024"]
    assert digits.hits(words, 0, len(words)) == [(1, "15"), (3, "3"), (5, "2024")]
    assert digits.hits(words, 2, 5) == [(3, "3")]
    assert digits.hits(words, 4, 4) == []
