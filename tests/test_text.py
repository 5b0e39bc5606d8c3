"""The text layer: folding, the offset map, sentences and clitic-aware tokens."""

import pytest
from hypothesis import given, settings, strategies as st

from rasid.model import Document
from rasid.text import fold, fold_with_map, prepare, split_sentences
from rasid.text.tokens import clitic_forms, without_enclitic


def test_fold_letters_and_digits():
    assert fold("أإآٱ") == "اااا"
    assert fold("مستشفى") == "مستشفي"
    assert fold("مدينة") == "مدينه"
    assert fold("١٢/٣/٢٠٢٤") == "12/3/2024"
    assert fold("۱۵") == "15"  # Persian digits
    assert fold("قُتِلَ") == "قتل"  # diacritics
    assert fold("قـــتل") == "قتل"  # tatweel
    assert fold("ISIS") == "isis"


def test_offset_map_after_deletions():
    text = "قُتِلَ الـــقائد\u200f في حلب"
    f = fold_with_map(text)
    assert f.text == "قتل القايد في حلب"  # ئ folds to ي
    i = f.text.index("حلب")
    s, e = f.orig_span(i, i + 3)
    assert text[s:e] == "حلب"
    i = f.text.index("القايد")
    s, e = f.orig_span(i, i + len("القايد"))
    assert text[s:e].replace("ـ", "") == "القائد"
    # a word keeps its trailing harakat
    s, e = f.orig_span(0, 3)
    assert text[s:e] == "قُتِلَ"


def test_identity_map_when_nothing_deleted():
    f = fold_with_map("غارة على إدلب")
    assert f.index is None
    assert f.orig_span(0, 4) == (0, 4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("قتلحبدير الزورأإآىة\u064e\u064f\u0650\u0651\u0640\u200f\u200d١٢3.،؟!\n«»\"")), max_size=80))
def test_token_and_sentence_spans_match_the_text(text):
    doc = Document(text=text)
    prepare(doc)
    for tok in doc._tokens:
        assert 0 <= tok.start <= tok.end <= len(text)
        assert fold(text[tok.start:tok.end]) == tok.norm
    for s in doc._sentences:
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        assert s.end > s.start


def test_sentences_survive_numbers_abbreviations_and_quotes():
    text = 'قال د. أحمد إن 3.5 مليون نزحوا. وأضاف: "لن نتراجع!" ثم غادر.\nسطر ثان؟ نعم'
    got = [text[s.start:s.end] for s in split_sentences(text)]
    assert got[0] == "قال د. أحمد إن 3.5 مليون نزحوا."
    assert got[1] == 'وأضاف: "لن نتراجع!"'
    assert got[-2:] == ["سطر ثان؟", "نعم"]


def test_clitic_forms():
    assert clitic_forms("بدير") == ("بدير", "دير")
    assert "قسد" in clitic_forms("وقسد")
    assert "التنظيم" in clitic_forms("للتنظيم")
    assert clitic_forms("وبالحسكه") == ("وبالحسكه", "بالحسكه", "الحسكه", "حسكه")
    assert clitic_forms("في") == ("في",)  # too short to strip


def test_tokens_carry_original_offsets():
    text = "وقـُتل ١٥ مدنياً بريف حلب"
    doc = Document(text=text)
    prepare(doc)
    words = [(text[t.start:t.end], t.norm) for t in doc._tokens]
    assert words[1] == ("١٥", "15")
    assert words[0][1] == "وقتل"
    assert "ريف" in doc._tokens[3].forms


def test_hamza_on_the_line_after_ya_folds_like_hamza_on_ya():
    from rasid.text.normalize import fold, fold_with_map

    assert fold("الطوارىء") == fold("الطوارئ") == "الطواري"
    assert fold("شاطىء") == fold("شاطئ")
    text = "قوات الطوارىء الخاصة"
    folded = fold_with_map(text)
    s, e = folded.orig_span(folded.text.index("الطواري"), folded.text.index("الطواري") + 7)
    assert text[s:e] == "الطوارىء"  # the hamza stays inside the original span


@pytest.mark.parametrize("word,future", [("سيؤدي", True), ("وسيؤدي", True), ("فستواصل", True),
                                         ("سيارة", False), ("وسيارة", False), ("وسيطرة", False), ("وسط", False), ("وسائل", False)])
def test_future_prefix_also_after_wa_and_fa(word, future):
    from rasid.text.frequency import is_future_verb
    assert is_future_verb(fold(word)) is future


@given(st.lists(st.integers(0, 400), max_size=60), st.lists(st.integers(1, 450), min_size=1, max_size=12))
def test_sentence_numbers_agree_with_a_bisect_per_token(starts, ends):
    """Each token's sentence is the count of sentence ends at or before its start, capped at the
    last sentence; worked out per sentence, it must equal the per-token reading."""
    from bisect import bisect_right

    from rasid.text.tokens import _sentence_numbers

    starts, ends = sorted(starts), sorted(ends)
    last = len(ends) - 1
    assert _sentence_numbers(starts, ends) == [min(bisect_right(ends, s), last) for s in starts]


def test_tokens_carry_their_sentence_numbers():
    doc = Document(id="d", text="قتل ثلاثة. وأصيب اثنان! هل انتهى؟ نعم")
    prepare(doc)
    assert [(t.norm, t.sent) for t in doc._tokens] == [
        ("قتل", 0), ("ثلاثه", 0), (".", 0), ("واصيب", 1), ("اثنان", 1), ("!", 1),
        ("هل", 2), ("انتهي", 2), ("؟", 2), ("نعم", 3)]


def test_tokens_keep_their_trailing_harakat_but_not_a_following_mark():
    text = "قُتِلَ الـــقائد\u200f في حلبَ"
    doc = Document(id="d", text=text)
    prepare(doc)
    assert [text[t.start:t.end] for t in doc._tokens] == ["قُتِلَ", "الـــقائد", "في", "حلبَ"]
    assert [t.norm for t in doc._tokens] == ["قتل", "القايد", "في", "حلب"]


@pytest.mark.parametrize("word,stem", [
    ("سكانها", "سكان"),  # her/its inhabitants
    ("قريتهم", "قريت"),  # their village: ta marbuta is ت before a pronoun
    ("عناصرنا", "عناصر"),
    ("جنودهما", "جنود"),  # هما before هم
    ("سكان", ""),  # no pronoun
    ("منه", ""),  # the stem left would be too short
])
def test_without_enclitic(word, stem):
    assert without_enclitic(word) == stem


@pytest.mark.parametrize("text, words", [
    # letters and digits typed together are two words; offsets still point into the text
    ("ما لا يقل عن17 عنصرا", ["ما", "لا", "يقل", "عن", "17", "عنصرا"]),
    ("قتل 5جنود والـ27 من العمر", ["قتل", "5", "جنود", "وال", "27", "من", "العمر"]),
    ("و١٧قتيلا", ["و17", "قتيلا"]),
    # a lone proclitic stays on its number, and Latin letters with digits stay one word
    ("بين 10 و15 بـ5 F16 وMH17", ["بين", "10", "و15", "ب5", "f16", "وmh17"]),
])
def test_arabic_letters_and_digits_written_together_are_two_words(text, words):
    doc = Document(text=text)
    prepare(doc)
    assert [t.norm for t in doc._tokens] == words
    for t in doc._tokens:
        assert fold(text[t.start:t.end]).replace("ـ", "") == t.norm


def test_a_toll_typed_against_its_preposition_is_read():
    import rasid

    [e] = rasid.extract("استهدفت مقاتلات التحالف أمس معسكرا للحوثيين في محافظة ذمار، وأسفرت الغارات عن مقتل "
                        "ما لا يقل عن17 عنصرا من الميليشيا.", published="2018-03-30").events
    assert e.fatalities == 17


def test_lines_that_point_to_other_stories():
    """"اقرأ أيضا: ..." and "قد يهمك: ..." lines, and a headline on the line after a bare "read
    also", point to other articles (their offsets, for the event detector to skip); an ordinary
    line that mentions reading is none."""
    from rasid.text import link_lines

    text = ("قتل ثلاثة جنود في هجوم على حاجز أمس.\nاقرأ أيضاً:\nمقتل 20 في غارة على إدلب\n"
            "وقال المرصد إن الهجوم نفذه مسلحون.\nقد يهمك.. اعتقال 5 في بغداد\nإقرأ أيضا: وزير: لا أوامر بالقتل\n"
            "وطالب الوزير المواطنين بأن يقرأوا أيضا البيان كاملا.")
    lines = [text[a:b] for a, b in link_lines(text)]
    assert lines == ["اقرأ أيضاً:", "مقتل 20 في غارة على إدلب", "قد يهمك.. اعتقال 5 في بغداد",
                     "إقرأ أيضا: وزير: لا أوامر بالقتل"]
    assert link_lines("") == [] and link_lines("اقرأ أيضا") == [(0, 9)]


def test_no_event_is_coded_from_a_line_pointing_to_another_story():
    import rasid

    doc = rasid.extract("قتل ثلاثة جنود في هجوم على حاجز في درعا أمس.\nاقرأ أيضاً:\nمقتل 20 مدنيا في غارة على إدلب\n"
                        "قد يهمك: اعتقال 5 مسلحين في بغداد", published="2018-04-15")
    assert [(e.location, e.fatalities) for e in doc.events] == [("Dar‘ā", 3)]


_PAGE = ("دبي، الإمارات العربية المتحدة (CNN)-- تابع وزير الداخلية السعودي، الإثنين، استعراض قوات أمن الحج في مكة المكرمة.\n"
         "وقال مساعد الوزير إن القوات باشرت مهامها في المدينة المنورة.\n"
         "ويشارك في الخطة آلاف العناصر من جماعة الإخوان المسلمين السابقين.\n"
         "أعلن الجيش الإسرائيلي، الثلاثاء، اعتقال 21 فلسطينيا في الضفة الغربية.\n"
         "كشفت المتحدثة باسم وزارة الدفاع الأمريكية، الإثنين، أن جنرالا ضغط من أجل تحقيق في استهداف حافلة مدرسية.\n")


def test_leads_of_other_stories_appended_to_a_page_are_found():
    from rasid.text import story_starts
    starts = story_starts(_PAGE)
    assert [_PAGE[s:s + 12] for s in starts] == ["أعلن الجيش ا", "كشفت المتحدث"]


@pytest.mark.parametrize("last", [
    "وأكد المصدر أن التحقيق جار.",        # a paragraph going on with و after the lead-like one
    "من جهته، أكد المصدر أن التحقيق جار.",  # or with an opener
])
def test_a_lead_like_paragraph_followed_by_the_story_splits_nothing(last):
    from rasid.text import story_starts
    text = ("قتل ثلاثة جنود في هجوم على حاجز قرب مدينة درنة.\n"
            "أعلنت وزارة الدفاع، الثلاثاء، أن المهاجمين فروا باتجاه الجنوب.\n" + last + "\n")
    assert story_starts(text) == []
    # a one-paragraph page, or a page with no lead at all, is one story
    assert story_starts("أعلن الجيش، الثلاثاء، اعتقال 21 شخصا.") == []
    assert story_starts("قتل ثلاثة جنود.\nأعلن الجيش اعتقال 21 شخصا.\n") == []
