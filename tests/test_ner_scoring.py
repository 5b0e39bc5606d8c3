"""conlleval's chunk rule and the entity-level scores, on hand-made tag sequences."""

from rasid.recognize.names.evaluation import chunks, score


def test_chunks_basic():
    assert chunks(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]


def test_i_after_o_starts_entity():
    assert chunks(["O", "I-ORG", "I-ORG", "O"]) == [(1, 3, "ORG")]


def test_type_change_splits():
    assert chunks(["B-PERS", "I-LOC", "I-LOC"]) == [(0, 1, "PERS"), (1, 3, "LOC")]


def test_b_after_b_same_type_splits():
    assert chunks(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]


def test_entity_at_end():
    assert chunks(["O", "B-MISC", "I-MISC"]) == [(1, 3, "MISC")]


def test_scores_micro_and_per_type():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-LOC"]]
    s = score(zip(gold, pred))
    p, r, f = s.overall()
    # correct: LOC, ORG; wrong boundary PERS; spurious LOC
    assert (round(p, 4), round(r, 4)) == (0.5, round(2 / 3, 4))
    assert abs(f - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-9
    per = s.per_type()
    assert per["PERS"][2] == 0.0
    assert per["ORG"][2] == 1.0
    assert per["LOC"][:2] == (0.5, 1.0)


def test_i_after_o_counts_as_match():
    # gold written with a stray I- start equals a B- start under conlleval's rule
    s = score([(["O", "I-LOC"], ["O", "B-LOC"])])
    assert s.overall() == (1.0, 1.0, 1.0)


def test_consistency_pass_tags_repeats():
    from rasid.recognize.names.consistency import propagate

    sents = [["وصل", "فينغر", "إلى", "الملعب"], ["وقال", "فينغر", "إن", "الفريق", "جاهز"]]
    tags = [["O", "B-PERS", "O", "O"], ["O", "O", "O", "O", "O"]]
    out = propagate(sents, tags)
    assert out[1][1] == "B-PERS"
    assert out[0] == tags[0]
    assert sum(t != "O" for t in out[1]) == 1


def test_consistency_pass_skips_common_words():
    from rasid.recognize.names.consistency import propagate

    sents = [["في", "الملعب"], ["في", "المدينة"]]
    tags = [["B-LOC", "O"], ["O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "O"]


def test_consistency_pass_family_name_and_proclitic():
    from rasid.recognize.names.consistency import propagate

    sents = [["التقى", "أرسين", "فينغر", "اللاعبين"], ["وأكد", "وفينغر", "أن", "الفريق", "جاهز"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "O", "O"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-PERS", "O", "O", "O"]
