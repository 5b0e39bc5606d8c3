"""The learned trigger classifier: shipped weights, sense pairs, training, and its place in the
detector. Sentences are written for the tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

import rasid
from rasid.events.trigger_model import MODEL_PATH, TriggerModel, trigger_model
from rasid.pipeline import Pipeline


def _pipe(model):
    from rasid.components import default_components

    return Pipeline(default_components(trigger_model=model))


def _kinds(text: str, pipe=None) -> list[str]:
    doc = (pipe or rasid.pipeline.default_pipeline())(text, published="2024-03-10")
    return [e.sub_event_type for e in doc.events]


def test_a_model_is_shipped_and_loads():
    assert MODEL_PATH.is_file()
    m = trigger_model()
    assert m is not None and 0.05 < m.threshold < 0.95
    assert len(m.features) > 1000 and "bias" in m.index
    assert "Air/drone strike" in m.classes and "Arrests" in m.classes


def test_shipped_weights_give_the_training_codes_probabilities():
    """The weights file holds held-out feature sets with scikit-learn's probabilities for them."""
    m = trigger_model()
    feats, p_event, p_type = m.probes
    assert len(feats) >= 10
    for f, pe, pt in zip(feats, p_event, p_type):
        assert m.prob(f) == pytest.approx(pe, abs=1e-9)
        got = m.type_probs(f)
        assert [got[c] for c in m.classes] == pytest.approx(pt, abs=1e-9)


# (the sense that is not an event, the sense that is) — CODEBOOK section 1 and the pairs
SENSE_PAIRS = [
    ("سجل اللاعب هدفين في المباراة النهائية وخطف الأضواء من زملائه.",
     "خطف مسلحون مجهولون ثلاثة مدنيين في مدينة بنغازي أمس."),
    ("نجحت شركة سبيس إكس في إطلاق أقوى صاروخ فضائي في العالم يحمل قمرا صناعيا إلى المدار.",
     "سقط صاروخ أطلقه الحوثيون على حي سكني في مدينة جازان أمس ما أدى إلى مقتل مدنيين."),
    ("قدم محامي اللاعب طعنا أمام المحكمة الرياضية في الحكم الصادر ضده.",
     "طعن فلسطيني جنديا إسرائيليا بسكين عند حاجز قرب نابلس أمس."),
    ("أقامت اليابان مسابقة قتال للروبوتات في طوكيو بمشاركة عشرات الفرق.",
     "اندلع قتال عنيف بين الجيش السوري ومسلحي تنظيم داعش في ريف دير الزور أمس."),
]


@pytest.mark.parametrize("other, event", SENSE_PAIRS, ids=["khatf", "sarukh", "taan", "qital"])
def test_sense_pairs(other, event):
    assert _kinds(other) == []
    assert _kinds(event) != []


def test_the_threshold_drops_a_candidate_the_rules_keep():
    """A model that sees a feature as strong evidence against an event removes the event; the
    same detector without a model keeps it."""
    text = "قتل ثلاثة مدنيين أمس في قصف جوي على مدينة إدلب."
    assert _kinds(text, _pipe(None))
    against = TriggerModel(["bias"], np.array([-5.0]), 0.0, ["Air/drone strike"], np.zeros((1, 1)),
                           np.zeros(1), 0.5)
    assert _kinds(text, _pipe(against)) == []
    accepting = TriggerModel(["bias"], np.array([5.0]), 0.0, ["Air/drone strike"], np.zeros((1, 1)),
                             np.zeros(1), 0.5)
    assert _kinds(text, _pipe(accepting)) == _kinds(text, _pipe(None))


def test_confidence_follows_the_probability():
    text = "قتل ثلاثة مدنيين أمس في قصف جوي على مدينة إدلب."
    low = TriggerModel(["bias"], np.array([0.2]), 0.0, ["x"], np.zeros((1, 1)), np.zeros(1), 0.5)
    high = TriggerModel(["bias"], np.array([4.0]), 0.0, ["x"], np.zeros((1, 1)), np.zeros(1), 0.5)
    c_low = _pipe(low)(text, published="2024-03-10").events[0].confidence
    c_high = _pipe(high)(text, published="2024-03-10").events[0].confidence
    assert c_high > c_low


def test_model_round_trip(tmp_path):
    m = TriggerModel(["a", "b", "bias"], np.array([1.0, -2.0, 0.5]), -0.25, ["X", "Y"],
                     np.array([[1.0, 0.0], [0.0, 1.0], [0.1, -0.1]]), np.array([0.0, 0.3]), 0.4, {"k": 1},
                     ([["a", "bias"]], [0.5], [[0.5, 0.5]]))
    m.save(tmp_path / "m.npz")
    back = TriggerModel.load(tmp_path / "m.npz")
    for f in (["a"], ["b", "b"], ["a", "b", "bias", "unknown"]):
        assert back.prob(f) == pytest.approx(m.prob(f))
        assert back.type_probs(f) == pytest.approx(m.type_probs(f))
    assert back.threshold == 0.4 and back.meta == {"k": 1}
    assert back.probes == ([["a", "bias"]], [0.5], [[0.5, 0.5]])
    assert m.prob(["b", "b"]) < m.prob(["b"])  # a repeated feature counts each time


# -- training -------------------------------------------------------------------------------

_EVENTS = ["قتل {n} مدنيين أمس في قصف جوي على مدينة {p}.", "اعتقلت الشرطة {n} متظاهرين أمس في {p}.",
           "قتل {n} جنود في هجوم مسلح على حاجز في {p} أمس."]
_NOTS = ["قال المدرب إن فريقه سيشن هجوما قويا في مباراة الغد في {p}.",
         "ارتفعت أسعار النفط بعد اتفاق بين الشركات في {p}.",
         "وصف الناقد الفيلم بأنه معركة فنية مع الجمهور في {p}."]
_TRIGGERS = {"قصف جوي": "Air/drone strike", "اعتقلت": "Arrests", "هجوم مسلح": "Armed clash",
             "هجوما": "", "اتفاق": "", "معركة": ""}


def _tiny_corpus(tmp_path):
    places = ["حلب", "إدلب", "الموصل", "صنعاء", "طرابلس", "بنغازي", "درعا", "الرقة"]
    docs, rows = [], ["doc\tstart\tend\tlabel\tsub_event_type\treason"]
    k = 0
    for i, p in enumerate(places):
        for j, tpl in enumerate(_EVENTS + _NOTS):
            text = tpl.format(n=i + 2, p=p)
            doc_id = f"T-test-{k}-20240301"
            k += 1
            docs.append({"id": doc_id, "published": "2024-03-01", "text": text})
            for w, typ in _TRIGGERS.items():
                s = text.find(w)
                if s >= 0:
                    label = "event" if j < len(_EVENTS) else "not"
                    rows.append(f"{doc_id}\t{s}\t{s + len(w)}\t{label}\t{typ if label == 'event' else ''}\t"
                                f"{'' if label == 'event' else 'other_sense'}")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus, labels


def test_training_on_a_tiny_fixture_is_reproducible(tmp_path):
    pytest.importorskip("sklearn")
    from rasid.events.train_triggers import featurize, read_jsonl, read_labels, train

    corpus, labels = _tiny_corpus(tmp_path)
    weights = []
    for run in range(2):
        data, tally = featurize(read_labels(labels), read_jsonl(corpus))
        assert tally["label without a candidate at its span"] == 0
        assert {x.label for x in data} == {"event", "not"}
        model, report = train(data, c_values=(1.0,))
        model.save(tmp_path / f"m{run}.npz")
        weights.append(TriggerModel.load(tmp_path / f"m{run}.npz"))
        assert report["heldout_instances"] + report["train_instances"] == len(data)
    a, b = weights
    assert a.features == b.features and a.threshold == b.threshold
    assert a.event == b.event
    np.testing.assert_array_equal(a.w_type, b.w_type)
    # and what it learned separates the two kinds on the training sentences themselves
    pf, pe, _ = a.probes
    for f, p in zip(pf, pe):
        assert a.prob(f) == pytest.approx(p, abs=1e-9)


def test_train_events_refuses_the_development_gold(tmp_path):
    from typer.testing import CliRunner

    from rasid.cli.main import app

    corpus, labels = _tiny_corpus(tmp_path)
    dev = tmp_path / "dev.jsonl"
    dev.write_text("{}\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["train-events", "--corpus", str(corpus), "--labels", str(labels),
                                 "--gold", str(dev), "-o", str(tmp_path / "m.npz")])
    assert r.exit_code != 0
    assert "never for training" in r.output
    assert not (tmp_path / "m.npz").exists()


def test_train_events_without_scikit_learn_says_what_to_install(tmp_path, monkeypatch):
    import sys

    from typer.testing import CliRunner

    from rasid.cli.main import app

    corpus, labels = _tiny_corpus(tmp_path)
    monkeypatch.setitem(sys.modules, "sklearn", None)  # import sklearn now raises ImportError
    r = CliRunner().invoke(app, ["train-events", "--corpus", str(corpus), "--labels", str(labels),
                                 "-o", str(tmp_path / "m.npz")])
    assert r.exit_code != 0
    assert "needs scikit-learn" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "m.npz").exists()


def test_a_later_rounds_labels_train_but_do_not_set_the_threshold(tmp_path):
    """Instances drawn where the model was unsure (a ``round<N>_`` file) are not the distribution of
    news: they train the model, but the threshold is chosen on the randomly drawn instances only."""
    pytest.importorskip("sklearn")
    from typer.testing import CliRunner

    from rasid.cli.main import app
    from rasid.events.train_triggers import UNCERTAIN, read_labels

    corpus, labels = _tiny_corpus(tmp_path)
    rows = labels.read_text(encoding="utf-8").splitlines()
    half = len(rows) // 2
    (tmp_path / "first.tsv").write_text("\n".join(rows[:half]) + "\n", encoding="utf-8")
    later = tmp_path / "round2_labels.tsv"
    later.write_text("\n".join(rows[:1] + rows[half:]) + "\n", encoding="utf-8")
    assert {x.origin for x in read_labels(tmp_path / "first.tsv")} == {"labels"}
    assert {x.origin for x in read_labels(later)} == {UNCERTAIN}
    # both files, given as a repeated --labels, train one model
    out = tmp_path / "m.npz"
    r = CliRunner().invoke(app, ["train-events", "--corpus", str(corpus), "--labels", str(tmp_path / "first.tsv"),
                                 "--labels", str(later), "-o", str(out)])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output[r.output.index("{"):r.output.rindex("}") + 1])
    assert report["instances"] == len(rows) - 1
    # the out-of-fold scores that chose the threshold count only the first file's training instances
    assert report["oof"]["n"] < report["train_instances"]


def test_a_revision_file_relabels_instances_and_keeps_where_they_were_drawn(tmp_path):
    """Re-judged instances (the old acts of rounds 1-3) replace the label of the same document and
    span; an instance drawn where the model was unsure stays out of the threshold's choice."""
    from typer.testing import CliRunner

    from rasid.cli.main import app
    from rasid.events.train_triggers import UNCERTAIN, Instance, revise

    drawn = [Instance("d1", 10, 15, "not", "", "historical", UNCERTAIN, "internationalNews"),
             Instance("d1", 40, 44, "event", "Attack", "", "labels", "middleEast"),
             Instance("d2", 0, 5, "not", "", "other_sense", "labels", "sport")]
    rejudged = [Instance("d1", 10, 15, "event", "Suicide bomb", "", "labels", ""),
                Instance("d2", 0, 5, "not", "", "other_sense", "labels", ""),
                Instance("d9", 1, 2, "event", "Attack", "", "labels", "")]  # no such instance: ignored
    out, changed = revise(drawn, rejudged)
    assert changed == 1
    assert [(x.label, x.sub_event_type, x.reason, x.origin) for x in out] == [
        ("event", "Suicide bomb", "", UNCERTAIN), ("event", "Attack", "", "labels"),
        ("not", "", "other_sense", "labels")]
    # a revision file that is not there is a clear error, not a traceback
    corpus, labels = _tiny_corpus(tmp_path)
    r = CliRunner().invoke(app, ["train-events", "--corpus", str(corpus), "--labels", str(labels),
                                 "--revisions", str(tmp_path / "nope.tsv"), "-o", str(tmp_path / "m.npz")])
    assert r.exit_code != 0 and "no such revisions file" in r.output and "Traceback" not in r.output


def test_the_threshold_is_the_top_of_the_smoothed_f1_curve():
    """A lone spike of out-of-fold F1 loses to the middle of a broad plateau; a threshold whose
    precision is under the floor loses to any above it."""
    from rasid.events.train_triggers import smoothed_threshold

    grid = [0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.32, 0.34, 0.36, 0.38, 0.4, 0.42]
    f1 = [0.70, 0.70, 0.81, 0.70, 0.70, 0.79, 0.80, 0.80, 0.80, 0.79, 0.75, 0.70]
    curve = [{"f1": f, "precision": 0.8} for f in f1]
    assert smoothed_threshold(grid, curve)[0] == 0.34
    curve[7]["precision"] = 0.5
    curve[8]["precision"] = 0.5
    assert smoothed_threshold(grid, curve, precision_floor=0.6)[0] == 0.32


def test_a_label_joins_the_longer_phrase_its_word_now_heads():
    """A label on «الهجوم» (9-15) joins the candidate «الهجوم الكيماوي» (9-24) the matcher now
    reads; a label with no candidate starting at its span joins none."""
    from rasid.events.train_triggers import features_at

    feats = {(9, 24): ["chemical"], (30, 35): ["attack"]}
    by_start = {s: f for (s, e), f in sorted(feats.items(), key=lambda kv: kv[0][1] - kv[0][0])}
    assert features_at(feats, by_start, 9, 15) == ["chemical"]
    assert features_at(feats, by_start, 30, 35) == ["attack"]
    assert features_at(feats, by_start, 12, 15) is None


def test_ruled_out_reads_the_rules_decision_from_the_features():
    """The report's detector-level scores count a trigger as dropped by the rules when its
    features hold a blocking modality, a cause, a future verb beside it or a background clause;
    a system that acts ("mod=weapons" on a strong interception word) is no block."""
    from rasid.events.train_triggers import ruled_out

    assert not ruled_out(["bias", "mod=none", "flag=dated"])
    assert ruled_out(["bias", "mod=aggregate"])
    assert ruled_out(["bias", "mod=none", "flag=background"])
    assert not ruled_out(["bias", "mod=weapons", "kind=disrupted", "str=2"])
    assert ruled_out(["bias", "mod=weapons", "kind=air", "str=2"])
