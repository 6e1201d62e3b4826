"""Chinese, Japanese and Korean accounts: words without spaces between them are compared
by pairs of characters, their figures read like English ones, their topics labelled with
a few characters (see app/cjk.py)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.brief_marks import mark_fragments
from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.engines import bag_cosine, lexical_bags
from app.labels import label_topics
from app.model import Claim, Relation, Side
from app.relations import differences, unmatched_share
from app.segment import segment
from app.text import content_terms, people_names

LEXICAL = CompareOptions(engine="lexical")

ZH_A = """2025年3月14日，北岚外交部长林启明与南川外交部长陈安华通电话。

双方就两国关系和地区局势交换了意见。双方同意在4月举行第三轮经贸磋商。

林启明强调，港口协议必须尽快执行。双方同意将边境口岸的停火延长30天。

通话持续了两个小时。双方还讨论了渔业纠纷问题，同意成立联合工作组。"""

ZH_B = """3月15日，南川外交部长陈安华应约与北岚外交部长林启明通电话。

双方就两国关系和地区形势交换了意见。双方同意于4月举行第三轮经贸磋商。

陈安华指出，只要北岚撤回关税措施，南川愿意执行港口协议。双方同意将边境口岸停火延长60天。

通话持续约2小时。"""


def kinds(a: str, b: str) -> dict[str, list[tuple[str | None, str | None]]]:
    out: dict[str, list[tuple[str | None, str | None]]] = {}
    for d in differences(a, b, people_names([a, b])):
        out.setdefault(d.kind, []).append((d.a, d.b))
    return out


# --- lexical overlap ----------------------------------------------------------------


def test_chinese_claims_that_share_most_words_overlap_lexically() -> None:
    a, b = "双方同意将边境口岸的停火延长30天。", "双方同意将边境口岸停火延长60天。"
    bags = lexical_bags([a, b, "双方同意保持密切沟通。"])
    assert bag_cosine(bags[0], bags[1]) > 0.6
    assert bag_cosine(bags[0], bags[1]) > 2 * bag_cosine(bags[0], bags[2])
    assert "停火" in content_terms(a) and "延长" in content_terms(a)


def test_pairs_of_kana_alone_are_no_terms() -> None:
    terms = content_terms("会談は約2時間にわたった。")
    assert "会談" in terms and "わた" not in terms and "った" not in terms


def test_korean_words_meet_across_their_particles() -> None:
    a = "임 장관은 항만 협정이 이행되어야 한다고 말했다."
    b = "진 장관은 항만 협정을 이행할 것이라고 말했다."
    assert unmatched_share(a, b) < 0.5
    assert "phrase" not in kinds(a, b)


# --- one-sided phrases ---------------------------------------------------------------


def test_a_one_sided_phrase_is_a_short_run_of_characters() -> None:
    a = "林启明强调，港口协议必须尽快全面执行。"
    b = "林启明强调，港口协议必须执行。"
    assert kinds(a, b) == {"phrase": [("尽快全面", None)]}


def test_japanese_phrases_are_trimmed_of_particles() -> None:
    a = "林大臣は、港湾協定を早期に完全履行すべきだと強調した。"
    b = "林大臣は、港湾協定を履行すべきだと強調した。"
    assert kinds(a, b) == {"phrase": [("早期に完全", None)]}


def test_a_paraphrase_shows_its_words_not_its_sentences() -> None:
    k = kinds(
        "陈安华表示，南川欢迎北岚扩大农产品进口，愿加强经贸合作。",
        "林启明表示，北岚愿同南川加强经贸合作，扩大农产品贸易。",
    )
    phrases = [p for pair in k["phrase"] for p in pair if p]
    assert "进口" in phrases and "贸易" in phrases
    assert all(len(p) <= 6 for p in phrases)
    assert k["actor"] == [("陈安华", "林启明")]


PIECES = ["双方", "同意", "将", "停火", "延长", "30天", "60天", "的", "无条件", "在", "4月", "举行",
          "经贸磋商", "，", "。", "会談", "は", "約2時間", "で", "合意", "した", "、", "APEC", " ",
          "3月14日", "两个小时", "林启明", "表示"]  # fmt: skip
cjk_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)


@given(cjk_text, cjk_text)
def test_every_difference_is_found_in_its_claim_and_marked_there(a: str, b: str) -> None:
    for d in differences(a, b, people_names([a, b])):
        for text, part in ((a, d.a), (b, d.b)):
            if part is None:
                continue
            assert part in text, (d, text)
            fragments = mark_fragments(text, [part])
            assert "".join(f.text for f in fragments) == text
            assert part in "".join(f.text for f in fragments if f.marked)


def test_a_mark_stays_on_the_differing_characters() -> None:
    fragments = mark_fragments("林启明强调，港口协议必须无条件执行。", ["无条件"], ["30天"])
    assert [f.text for f in fragments if f.marked] == ["无条件"]
    fragments = mark_fragments("双方同意将边境口岸的停火延长30天。", [], ["30天"])
    assert [(f.text, f.strong) for f in fragments if f.marked] == [("30天", True)]


# --- figures ------------------------------------------------------------------------


def test_dates_in_chinese_japanese_and_korean() -> None:
    assert kinds("3月14日，双方通电话。", "3月15日，双方通电话。")["date"] == [
        ("3月14日", "3月15日")
    ]
    assert "date" not in kinds("2025年3月14日，双方通电话。", "3月14日，双方通电话。")
    assert "date" not in kinds("14日，双方通电话。", "3月14日，双方通电话。")
    assert "date" not in kinds("三月十四日，双方通电话。", "3月14日，双方通电话。")
    assert kinds("3月14日に電話会談を行った。", "3月16日に電話会談を行った。")["date"] == [
        ("3月14日", "3月16日")
    ]
    assert kinds("2025년 3월 14일 통화했다.", "3월 15일 통화했다.")["date"] == [
        ("2025년 3월 14일", "3월 15일")
    ]
    assert "date" not in kinds("会谈于3月14日至16日举行。", "会谈于3月14-16日举行。")


def test_relative_days_are_read_against_the_day_of_issue() -> None:
    a, b = "昨天，双方通电话。", "3月14日，双方通电话。"
    days = (date(2025, 3, 15), None)
    assert not [d for d in differences(a, b, days=days) if d.kind == "date"]
    assert [d.kind for d in differences(a, b) if d.kind == "date"] == ["date"]


def test_durations_compare_across_numerals_and_units() -> None:
    assert kinds("停火延长30天。", "停火延长60天。")["duration"] == [("30天", "60天")]
    assert "duration" not in kinds("通话持续了两个小时。", "通话持续约2小时。")
    assert "duration" not in kinds("通话持续了一个半小时。", "通话持续了90分钟。")
    assert kinds("停戦を30日間延長する。", "停戦を60日間延長する。")["duration"] == [
        ("30日間", "60日間")
    ]
    assert kinds("휴전을 30일 연장하기로 했다.", "휴전을 60일 연장하기로 했다.")["duration"] == [
        ("30일", "60일")
    ]
    assert "duration" not in kinds("통화는 두 시간 이어졌다.", "통화는 약 2시간 이어졌다.")
    assert "duration" not in kinds("这十分重要。", "这十分重要。")


def test_times_and_numbers() -> None:
    assert "time" not in kinds("双方于下午3点会见记者。", "双方于15:00会见记者。")
    assert kinds("双方于下午3点会见记者。", "双方于下午4点会见记者。")["time"] == [
        ("下午3点", "下午4点")
    ]
    assert kinds("释放了150名渔民。", "释放了200名渔民。")["number"] == [("150名", "200名")]
    assert "number" not in kinds("举行第三轮磋商。", "举行第3轮磋商。")
    assert "number" not in kinds("提出三点建议。", "提出3点建议。")


def test_a_figure_that_differs_makes_the_link_differ() -> None:
    cmp = compare(from_text(ZH_A), from_text(ZH_B), LEXICAL)
    texts = {c.id: c.text for c in cmp.claims}
    by_a = {texts[link.a[0]]: link for link in cmp.links}
    truce = by_a["双方同意将边境口岸的停火延长30天。"]
    assert truce.relation is Relation.DIFFERS
    assert [(d.kind, d.a, d.b) for d in truce.differences] == [("duration", "30天", "60天")]
    call = by_a["2025年3月14日，北岚外交部长林启明与南川外交部长陈安华通电话。"]
    assert ("date", "2025年3月14日", "3月15日") in [(d.kind, d.a, d.b) for d in call.differences]
    assert by_a["通话持续了两个小时。"].relation is Relation.SAME


def test_a_condition_set_on_one_side_only() -> None:
    k = kinds("林启明强调，港口协议必须无条件执行。", "林启明强调，港口协议必须执行。")
    assert k == {"condition": [("无条件执行", None)]}  # the phrase "无条件" repeats it
    assert kinds("港湾協定を無条件で履行する。", "港湾協定を履行する。") == {
        "condition": [("無条件", None)]
    }
    k = kinds("港口协议必须尽快执行。", "只要北岚撤回关税措施，南川愿意执行港口协议。")
    assert k["condition"] == [(None, "只要北岚撤回关税措施")]
    k = kinds("港湾協定を履行する。", "北嶺が関税措置を撤回すれば、港湾協定を履行する。")
    assert k["condition"] == [(None, "北嶺が関税措置を撤回すれば")]
    k = kinds("항만 협정을 이행하겠다.", "북령이 관세 조치를 철회하면 항만 협정을 이행하겠다.")
    assert k["condition"] == [(None, "북령이 관세 조치를 철회하면")]


# --- whole comparisons ------------------------------------------------------------------


def test_a_chinese_pair_links_its_points_and_leaves_out_the_omitted_one() -> None:
    cmp = compare(from_text(ZH_A), from_text(ZH_B), LEXICAL)
    only_a = [c.text for c in cmp.omissions(Side.A)]
    assert only_a == ["双方还讨论了渔业纠纷问题，同意成立联合工作组。"]
    assert not cmp.omissions(Side.B)
    assert len(cmp.links) == 6


def test_people_named_in_chinese_japanese_and_korean() -> None:
    assert people_names(["外交部长林启明与陈安华通电话。陈安华表示，中方支持。"]) == {
        "林启明",
        "陈安华",
    }
    assert people_names(["北嶺の林外務大臣は、ブリンケン国務長官と会談した。"]) == {
        "林",
        "ブリンケン",
    }
    assert people_names(["임 외교장관은 양 장관과 통화했다."]) == {"임"}
    k = kinds("임 장관은 통화를 진행했다.", "임 장관은 통화를 마쳤다.")
    assert "actor" not in k  # no "진" in "진행"


def test_a_chinese_topic_is_labelled_with_a_few_characters() -> None:
    texts = ["双方同意在4月举行第三轮经贸磋商。", "双方同意于4月举行第三轮经贸磋商。",
             "双方同意保持密切沟通。", "双方同意保持密切沟通。"]  # fmt: skip
    claims = [Claim(f"c{i}", Side.A if i % 2 else Side.B, 0, len(t), t, i)
              for i, t in enumerate(texts)]  # fmt: skip
    labels = label_topics({0: claims[:2], 1: claims[2:]}, {}, frozenset())
    assert labels == {0: "经贸磋商", 1: "密切沟通"}


def test_japanese_and_korean_topics_get_words_not_sentences() -> None:
    texts = ["両大臣は、国境検問所での停戦を30日間延長することで合意した。",
             "両外相は、国境検問所での停戦を60日間延長することで合意した。",
             "양 장관은 국경 검문소의 휴전을 30일 연장하기로 합의했다.",
             "양측은 국경 검문소의 휴전을 60일 연장하기로 합의했다."]  # fmt: skip
    claims = [Claim(f"c{i}", Side.A if i % 2 else Side.B, 0, len(t), t, i)
              for i, t in enumerate(texts)]  # fmt: skip
    labels = label_topics({0: claims[:2], 1: claims[2:]}, {}, frozenset())
    assert labels == {0: "国境検問所", 1: "국경 검문소"}


def test_a_full_width_semicolon_splits_a_claim() -> None:
    doc = from_text("双方同意将停火延长30天；南川将释放被扣押的渔船和船员。")
    assert [c.text for c in segment(doc, Side.A)] == [
        "双方同意将停火延长30天",
        "南川将释放被扣押的渔船和船员。",
    ]
