"""The place-sense model: is a name spelled like a place the place here, or a word, a person, a
club? Shipped weights, sense pairs, the rules that keep a place from its veto, and training.
Sentences are written for the tests."""

from __future__ import annotations

import json

import pytest

import rasid
from rasid.recognize.places import PlaceRecognizer
from rasid.recognize.places import recognizer as recognizer_module
from rasid.recognize.places.sense_model import MODEL_PATH, SenseModel, sense_model


def _places(text: str) -> list[tuple[str, str]]:
    """Places as users get them: the whole pipeline (actors' and adjectives' countries vote)."""
    return [(e.text, e.canonical) for e in rasid.extract(text).entities if e.source == "places"]


def test_a_model_is_shipped_and_loads():
    assert MODEL_PATH.is_file()
    m = sense_model()
    assert m is not None and 0.05 <= m.threshold <= 0.5
    assert len(m.weights) > 300 and "p1prep" in m.weights
    assert m.meta["instances"] > 5000


def test_shipped_weights_give_the_training_codes_probabilities():
    m = sense_model()
    feats, probs = m.probes
    assert len(feats) >= 10
    for f, p in zip(feats, probs):
        assert m.prob(f) == pytest.approx(p, abs=1e-9)


@pytest.mark.parametrize("word,place", [
    # grey smoke / the city of Ramadi
    (("تصاعد الدخان الرمادي من المصنع بعد الانفجار", "الرمادي"),
     ("سيطرت القوات العراقية على الرمادي بعد معارك عنيفة مع التنظيم", "Ramadi")),
    # the verb "destroys" / Palmyra
    (("قال الخبراء إن الحرائق تدمر آلاف الهكتارات من الغابات", "تدمر"),
     ("سيطر الجيش السوري على تدمر بعد معارك عنيفة", "Tadmur")),
    # a coach called Justin (a small American town) / Boston
    (("أعلن المدرب جاستن أن فريقه جاهز للمباراة", "جاستن"),
     ("وصل الرئيس إلى بوسطن أمس في زيارة رسمية", "Boston")),
])
def test_the_model_tells_the_word_from_the_place(word, place):
    text, name = word
    assert all(name not in t for t, _ in _places(text))
    text, canonical = place
    assert canonical in [c for _, c in _places(text)]


def test_the_veto_is_the_models():
    """Without the model the same person's name is read as the town it is spelled like."""
    text = "قال المتحدث الأمريكي جاستن للصحفيين في واشنطن إن الإدارة سترد"
    assert "جاستن" not in [t for t, _ in _places(text)]
    original = recognizer_module.sense_model
    recognizer_module.sense_model = lambda: None
    try:
        assert "جاستن" in [t for t, _ in _places(text)]
    finally:
        recognizer_module.sense_model = original


def test_a_club_is_no_place_but_the_city_placed_by_a_compass_word_is():
    assert _places("فاز ليفربول على تشيلسي بهدفين في الدوري") == []
    assert ("ليفربول", "Liverpool") in _places("وقع انفجار في ليفربول شمال غرب إنجلترا")


@pytest.mark.parametrize("text,name", [
    ("أصدرت محكمة أدرنة حكما بسجن الجنديين", "Edirne"),  # a court named after its town
    ("اقتحمت قوة إسرائيلية حرم #جامعة_بيرزيت واعتقلت طالبا", "Bīr Zayt"),  # across a hashtag's joint
])
def test_a_body_named_after_its_town_sits_there(text, name):
    assert name in [c for _, c in _places(text)]


def test_a_definite_type_word_before_a_definite_name_is_no_construct():
    """"أمام مبنى المحافظة الأحد": the governorate building, on Sunday (الأحد is also a Yemeni
    village); "المنطقة الشرقية" is still Saudi Arabia's Eastern Province."""
    assert _places("أصيب 27 متظاهرا أمام مبنى المحافظة الأحد") == []
    assert ("المنطقة الشرقية", "Ash Sharqīyah") in _places("قتل جندي في المنطقة الشرقية بالسعودية")


def _tiny(tmp_path):
    """NER sentences (one a group), two news articles and their hand labels."""
    ner = tmp_path / "ner" / "anercorp"
    ner.mkdir(parents=True)
    places = ["وصل الوزير إلى {} أمس", "قتل ثلاثة في {} يوم الجمعة", "تظاهر المئات في {} ضد الحكومة"]
    words = ["قال الخبراء إن الحرائق {} الغابات", "ارتدى الجندي {} واقيا", "طلى العمال الجدار باللون {}"]
    lines = []
    for towns, frame in ((("حلب", "دمشق", "بغداد", "الموصل", "عدن", "صنعاء", "حمص"), places),):
        for k, town in enumerate(towns * 2):
            for tok in frame[k % 3].format(town).split():
                lines.append(f"{tok} {'B-LOC' if tok == town else 'O'}")
            lines.append("")
    for k, w in enumerate(("تدمر", "درعا", "الرمادي") * 5):
        for tok in words[k % 3].format(w).split():
            lines.append(f"{tok} O")
        lines.append("")
    (ner / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = tmp_path / "news.jsonl"
    docs = [{"id": "n1", "text": "قصفت الطائرات الرمادي أمس. وقال سكان إن الدخان الرمادي غطى السماء."},
            {"id": "n2", "text": "قال الخبراء إن الحرب تدمر البيوت. وسيطر الجيش على تدمر أمس."}]
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    rows = ["doc\tstart\tend\tname\tlabel\treason\torigin\tunsure"]
    for d, spans in (("n1", [("الرمادي", 0, "place"), ("الرمادي", 1, "not")]),
                     ("n2", [("تدمر", 0, "not"), ("تدمر", 1, "place")])):
        text = next(x["text"] for x in docs if x["id"] == d)
        at = -1
        for name, nth, label in spans:
            at = text.index(name, at + 1)
            rows.append(f"{d}\t{at}\t{at + len(name)}\t{name}\t{label}\t{'word' if label == 'not' else ''}\trandom\t")
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path / "ner", corpus, labels


def test_training_on_a_tiny_fixture_is_reproducible(tmp_path):
    pytest.importorskip("sklearn")
    from rasid.recognize.places.train_senses import labelled_instances, ner_instances, read_labels, train

    ner, corpus, labels = _tiny(tmp_path)
    rec = PlaceRecognizer()
    models = []
    for run in range(2):
        data = ner_instances(ner, rec, group=1)
        news, missing = labelled_instances(read_labels(labels), [corpus], rec)
        assert missing == 0 and len(news) == 4
        assert {x.label for x in data} == {0, 1}
        model, report = train(data + news, min_count=1, c_values=(1.0,))
        model.save(tmp_path / f"m{run}.npz")
        models.append(SenseModel.load(tmp_path / f"m{run}.npz"))
        assert report["train_instances"] + report["heldout_instances"] == len(data) + len(news)
    a, b = models
    assert a.weights == b.weights and a.bias == b.bias and a.threshold == b.threshold
    for f, p in zip(*a.probes):
        assert a.prob(f) == pytest.approx(p, abs=1e-9)


def test_train_places_says_what_is_missing(tmp_path):
    from typer.testing import CliRunner

    from rasid.cli.main import app

    r = CliRunner().invoke(app, ["train-places", "--ner", str(tmp_path / "nowhere"), "-o", str(tmp_path / "m.npz")])
    assert r.exit_code != 0 and "no such NER corpora folder" in r.output
    assert not (tmp_path / "m.npz").exists()
