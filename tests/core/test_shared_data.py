"""The shared evaluation data and BBC corpus: robustness and accuracy floors (skipped without ../shared)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.helpers import shared_path
from tui.corpus import load_corpus

# Floors on the three shared sets (every change is checked on all three): raise them as the parser improves.
GGT_FLOORS = {
    "direct@0.3": 0.953,
    "direct_speaker_acc": 0.965,
    "direct_attributed_f1": 0.924,
    "all@0.3": 0.864,
    "people": 0.924,
}
POLNEAR_FLOORS = {"direct@0.3": 0.757, "direct_mention_acc": 0.954}
# PolNeAR's train split, 840 articles from seven outlets: the widest set, to check that a rule is general.
POLNEAR_TRAIN_FLOORS = {"direct@0.3": 0.742, "direct_mention_acc": 0.948, "all@0.3": 0.587}


def _score(name: str) -> dict:
    scorer_path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = [json.loads(line) for line in shared_path("eval", name, "gold.jsonl").open(encoding="utf-8") if line.strip()]
    corpus = load_corpus(shared_path("eval", name, "texts"))
    predictions = [json.loads(json.dumps(a.model_dump(mode="json"))) for a in corpus.articles]
    tally, _ = scorer.score(gold, predictions)
    return scorer.summary(tally)


def _figure(summary: dict, key: str) -> float:
    value = summary[key]
    return value[2] if isinstance(value, (tuple, list)) else value


@pytest.mark.parametrize(
    "name,floors", [("ggt", GGT_FLOORS), ("polnear", POLNEAR_FLOORS), ("polnear-train", POLNEAR_TRAIN_FLOORS)]
)
def test_accuracy_floors(name, floors):
    summary = _score(name)
    below = {k: round(_figure(summary, k), 3) for k, floor in floors.items() if _figure(summary, k) < floor}
    assert below == {}, f"below the floor on {name}: {below}"


@pytest.mark.slow
def test_every_bbc_file_loads():
    corpus = load_corpus(shared_path("corpora", "bbc"))
    assert corpus.report.problems == []
    assert len(corpus.articles) == 2225
    latin = [a for a in corpus.articles if "\u00a3" in a.text]
    assert latin, "pound signs decode"
