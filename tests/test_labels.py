"""Topic labels: names and noun phrases, never verbs, figures or pieces of a longer name."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.labels import candidates, label_topics, lexicon
from app.model import Claim, Side


def claims(side: Side, *texts: str) -> list[Claim]:
    return [Claim(f"{side.value}{i}", side, 0, len(t), t, i) for i, t in enumerate(texts)]


def shown(text: str, context: Sequence[str] = (), people: frozenset[str] = frozenset()) -> set[str]:
    lex = lexicon([text, *context])
    return {p.text for p in candidates(text, lex, people)}


def test_a_verb_opening_a_sentence_is_not_a_name_nor_a_label() -> None:
    found = shown("Held in the capital, the talks lasted two hours.")
    assert "Held" not in found and "held" not in found
    assert not any("hour" in s for s in found)
    assert "capital" in found and "talks" in found


def test_verbs_are_recognised_from_the_texts_themselves() -> None:
    context = ["Both sides want to boost ties.", "The prime ministers set a goal."]
    found = shown("They will boost ties and the ministers set a goal.", context)
    assert "ties" in found and "goal" in found
    phrases = [s.split() for s in found if " " in s]
    assert not any(p[0] in ("boost", "set") or p[-1] in ("boost", "set") for p in phrases)
    # a word used as a verb may still name a topic on its own ("Visit")
    assert "visit" in shown("Xi invited him to visit the capital.")


def test_figures_and_spans_of_time_are_not_labels() -> None:
    found = shown("Esmere gave 4 million crowns over the next year to the Ostrel fund.")
    assert not {"million crowns", "million", "next year", "year"} & found
    assert "Ostrel" in found


def test_a_proper_name_is_kept_whole() -> None:
    found = shown("The ministers will meet at the Northern Rim Council in the Gulf of Serrin.")
    assert "Northern Rim Council" in found and "Gulf of Serrin" in found
    assert "Rim Council" not in found and "Rim" not in found


def test_people_and_titles_are_not_labels() -> None:
    found = shown(
        "Minister Edda Marlowe met Rustam Ilkhanov to discuss the gas interconnector.",
        people=frozenset({"Edda", "Marlowe", "Rustam", "Ilkhanov"}),
    )
    assert "gas interconnector" in found
    assert not any(name in s for s in found for name in ("Marlowe", "Ilkhanov", "Minister"))


def test_modifiers_and_adverbs_end_no_label() -> None:
    found = shown("Mutually respectful dialogue continued in a constructive manner.")
    assert "Mutually respectful" not in found and "mutually respectful" not in found
    assert "constructive manner" not in found
    assert "dialogue" in found


def test_a_word_inside_a_longer_phrase_scores_below_the_whole_phrase() -> None:
    texts = [
        "Direct passenger flights will resume in May.",
        "Airlines will add direct passenger flights to the capital.",
    ]
    labels = label_topics({0: claims(Side.A, *texts)}, {}, frozenset())
    assert labels[0] == "Direct passenger flights"


def test_labels_prefer_phrases_both_accounts_use_and_stay_unique() -> None:
    members = {
        0: claims(Side.A, "The grain corridor reopens in May.", "Ships carry grain.")
        + claims(Side.B, "The grain corridor will reopen soon."),
        1: claims(Side.A, "Forty fishermen will be released.")
        + claims(Side.B, "The fishermen return home in June."),
    }
    labels = label_topics(members, {}, frozenset())
    assert labels == {0: "Grain corridor", 1: "Fishermen"}
    fixed = label_topics(members, {1: "Detained fishermen"}, frozenset())
    assert fixed[1] == "Detained fishermen"


def test_meaning_reranks_close_phrases_when_an_embedder_is_given() -> None:
    members = {0: claims(Side.A, "The border crossing and the customs post reopen.")}

    def embed(texts: Sequence[str]) -> np.ndarray:
        # a toy space: "customs post" points where the topic does, the rest elsewhere
        return np.array([[1.0, 0.0] if "customs" in t else [0.0, 1.0] for t in texts])

    plain = label_topics(members, {}, frozenset())
    guided = label_topics(members, {}, frozenset(), {0: np.array([1.0, 0.0])}, embed)
    assert plain[0] == "Border crossing"
    assert guided[0] == "Customs post"


def test_no_label_runs_past_the_length_limit() -> None:
    run = "双方同意加强合作" * 8  # written without spaces: one "word" of 64 characters
    labels = label_topics({0: claims(Side.A, run + "。")}, {}, frozenset())
    assert labels[0] == "Topic 1"
