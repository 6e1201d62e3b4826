"""Topic labels: names and noun phrases, never verbs, figures or pieces of a longer name."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.label_phrases import lexicon
from app.labels import candidates, label_topics
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
    # a title keeps a name out even when nobody told us it names a person
    titled = shown("They met Ambassador Orlo Fenn at the Kastren crossing.")
    assert not any("Fenn" in s or "Ambassador" in s for s in titled)
    assert "Kastren" in titled


def test_a_peoples_adjective_alone_is_no_label() -> None:
    found = shown("The Chinese side said that Kestrian fishermen may fish in the Gulf.")
    assert "Chinese" not in found and "Kestrian" not in found
    assert "Kestrian fishermen" in found
    # a sea that the texts also name on its own stays a label
    assert "Mediterranean" in shown("Boats crossed the Mediterranean.", ["Mediterranean ports."])
    assert "Kestria" in shown("They met in Kestria.", ["Kestria agreed to talk."])


def test_names_are_told_by_how_the_texts_write_them() -> None:
    # capitalised only at the start of a sentence: a common word
    assert "kessa" in shown("Kessa was discussed.")
    # also capitalised inside a sentence elsewhere: a name, shown capitalised
    assert "Kessa" in shown("Kessa was discussed.", ["They discussed Kessa at length."])
    # words in capitals for emphasis are common words; short ones are acronyms
    loud = shown("We had a GREAT call on the TRADE DEAL with NATO.")
    assert "trade deal" in loud and "NATO" in loud
    assert not any(s.isupper() and len(s) > 4 for s in loud)


def test_names_are_kept_whole_across_weak_words_and_stop_at_an_owner() -> None:
    found = shown("Talks were held with New Zealand and the Ministry of the Interior.")
    assert "New Zealand" in found and "Zealand" not in found
    assert "Ministry of the Interior" in found
    owned = shown("They visited Westmark's Port Authority.")
    assert "Westmark" in owned and "Port Authority" in owned
    assert "Westmark Port Authority" not in owned
    assert "Kestrian fishermen" in shown("Nine Kestrian fishermen were freed.")


def test_verbs_of_every_form_are_known() -> None:
    found = shown("The delegation discusses trade routes.")
    assert "trade routes" in found
    assert not any(s.startswith("discuss") for s in found)
    three = shown("The team accepted talks on Monday.")
    assert "team accepted talks" not in three


def test_modifiers_and_adverbs_end_no_label() -> None:
    found = shown("Mutually respectful dialogue continued in a constructive manner.")
    assert "Mutually respectful" not in found and "mutually respectful" not in found
    assert "constructive manner" not in found
    assert "dialogue" in found
    moods = shown("The atmosphere was harmonious and the outcome hopeful, even peaceful.")
    assert not {"harmonious", "hopeful", "peaceful"} & moods
    assert {"atmosphere", "outcome"} <= moods
    # how often is no topic: "catch data every" (QA), "meetings twice"
    often = shown("Both sides will share catch data every month and hold meetings twice a year.")
    assert not any(p.split()[-1] in ("every", "twice") for p in often)
    assert "catch data" in often


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
    # two topics whose best phrase is the same: the second takes its next best
    twins = {
        0: claims(Side.A, "The grain corridor reopens.", "The grain corridor is safe."),
        1: claims(Side.B, "The grain corridor needs ships.", "Insurers cover the ships."),
    }
    assert label_topics(twins, {}, frozenset()) == {0: "Grain corridor", 1: "Ships"}
    # a heading's label is taken too
    headed = {
        0: claims(Side.A, "Ports are ready."),
        1: claims(Side.B, "The grain corridor needs ships.", "The grain corridor needs cover."),
    }
    assert label_topics(headed, {}, frozenset())[1] == "Grain corridor"
    assert label_topics(headed, {0: "Grain corridor"}, frozenset())[1] != "Grain corridor"


def test_meaning_reranks_close_phrases_when_an_embedder_is_given() -> None:
    members = {0: claims(Side.A, "The border bridge and the customs post reopen.")}

    def embed(texts: Sequence[str]) -> np.ndarray:
        # a toy space: "customs post" points where the topic does, the rest elsewhere
        return np.array([[1.0, 0.0] if "customs" in t else [0.0, 1.0] for t in texts])

    plain = label_topics(members, {}, frozenset())
    guided = label_topics(members, {}, frozenset(), {0: np.array([1.0, 0.0])}, embed)
    assert plain[0] == "Border bridge"
    assert guided[0] == "Customs post"


def test_no_label_runs_past_the_length_limit() -> None:
    run = "双方同意加强合作" * 8  # written without spaces: one "word" of 64 characters
    labels = label_topics({0: claims(Side.A, run + "。")}, {}, frozenset())
    assert labels[0] == "合作"  # a few characters of it, never the run (see test_cjk.py)


def test_an_ing_word_names_a_topic_only_where_the_texts_use_it_as_a_noun() -> None:
    text = "Pilot training resumes, starting in May."
    assert "pilot training" in shown(text, ["They praised the training of pilots."])
    found = shown(text)
    assert "pilot training" not in found and "starting" not in found
