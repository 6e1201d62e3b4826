"""Re-align in the window: engine and edited text, edits and notes kept, one undo step."""

from __future__ import annotations

import pytest

from app.comparison import CompareOptions, compare
from app.documents import DocumentError, from_text
from app.edits import Edit, EditKind
from app.review import claim_target
from ui.realign_dialog import RealignDialog, edited_document
from ui.selection import Selection

LEXICAL = CompareOptions(engine="lexical")

TEXT_A = (
    "The two ministers spoke by telephone on Monday. They discussed the grain corridor in "
    "detail. The minister stressed that the ceasefire must hold. Both sides agreed to meet "
    "again in March.\n\nThe call lasted two hours."
)
TEXT_B = (
    "Minister Voss called her counterpart on Monday. The grain corridor was discussed at "
    "length. Voss raised the fate of the detained journalists. The sides agreed to meet "
    "again in April."
)
# the first sentence reworded, one sentence inserted (so the ids after it shift), the last
# paragraph deleted
EDITED_A = (
    "The two ministers spoke by video link on Monday. They discussed the grain corridor in "
    "detail. Officials gave no further details. The minister stressed that the ceasefire "
    "must hold. Both sides agreed to meet again in March."
)


def note(window, claim_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    window.select(Selection((claim_id,)))
    panel = window.sessions.notes
    panel.editor.setPlainText(text)
    panel.commit_text()


@pytest.fixture
def reviewed(window):  # type: ignore[no-untyped-def]
    """A small comparison with a manual link (a2 ↔ b2) and notes on a1 and a4."""
    cmp = compare(from_text(TEXT_A, "Ministry"), from_text(TEXT_B, "Press office"), LEXICAL)
    window.show_comparison(cmp)
    assert window.apply_edit(Edit(EditKind.LINK, ("a2",), ("b2",)))
    note(window, "a1", "Corridor: check the map.")
    note(window, "a4", "Two hours? The other side says nothing.")
    window.reported = []
    window.alignment.report_realign = window.reported.append  # no modal box in tests
    return window


def realign_with(window, qtbot, monkeypatch, text_a: str | None) -> None:  # type: ignore[no-untyped-def]
    """Trigger Edit > Re-align, type ``text_a`` into the dialog, wait for the result."""

    def run(dialog: RealignDialog) -> int:
        assert dialog.side_a.text.toPlainText() == TEXT_A
        if text_a is not None:
            dialog.side_a.text.setPlainText(text_a)
        dialog.engine.setCurrentIndex(dialog.engine.findData("lexical"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RealignDialog, "exec", run)
    before = window.comparison
    with qtbot.waitSignal(window.review_changed, timeout=10000):
        window.action_set.realign.trigger()
    assert window.comparison is not before


def test_realign_after_editing_keeps_link_and_note_and_reports_the_rest(  # type: ignore[no-untyped-def]
    reviewed, qtbot, monkeypatch
) -> None:
    window = reviewed
    old_state = window.review_state()
    realign_with(window, qtbot, monkeypatch, EDITED_A)
    state = window.state
    cmp = state.comparison
    assert cmp.doc_a.text == EDITED_A and cmp.doc_a.label == "Ministry" and not cmp.doc_a.sha256
    assert cmp.claim_by_id["a3"].text == "The minister stressed that the ceasefire must hold."
    # the manual link followed its claims to their new ids
    assert state.edits == (Edit(EditKind.LINK, ("a3",), ("b2",)),)
    link = cmp.links[cmp.links_of["a3"][0]]
    assert link.b == ("b2",) and link.manual
    # the note on the unchanged claim is kept, the one on the deleted claim is reported
    assert state.note_for(claim_target("a1")).text == "Corridor: check the map."
    assert len(state.notes) == 1
    assert window.reported == [window.alignment.last_realign_messages]
    (message,) = window.alignment.last_realign_messages
    assert "The call lasted two hours." in message and "dropped" in message
    assert window.isWindowModified()
    assert window.sessions.notes.notes_list.count() == 1
    # one undo step puts back the whole previous review, notes included
    window.undo_stack.undo()
    assert window.comparison is old_state.comparison
    assert window.state.notes == old_state.notes and window.state.edits == old_state.edits
    assert window.sessions.notes.notes_list.count() == 2
    assert "The call lasted two hours." in window.view.pane_a.toPlainText()
    window.undo_stack.redo()
    assert window.comparison is cmp
    assert "video link" in window.view.pane_a.toPlainText()


def test_realign_keeping_everything_says_so(reviewed, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = reviewed
    realign_with(window, qtbot, monkeypatch, None)
    assert window.reported == [] and window.alignment.last_realign_messages == []
    assert window.statusBar().currentMessage() == "Re-aligned; all edits and notes kept"
    assert len(window.state.notes) == 2 and len(window.state.edits) == 1
    assert window.comparison.doc_a.text == TEXT_A


def test_closing_while_realigning_drops_the_result(reviewed, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = reviewed
    cmp = window.comparison
    window.alignment.start_realign(cmp.doc_a, cmp.doc_b)
    window.undo_stack.clear()  # nothing to ask about on close
    window.close_comparison()
    window.alignment.runner.wait(5000)
    qtbot.wait(50)  # let any late signal arrive
    assert window.state is None and window.undo_stack.count() == 0


def test_edited_document_rebuilds_blocks_and_keeps_provenance() -> None:
    doc = from_text("One claim here.\n\nAnother claim there.", "Ministry")
    doc = doc.__class__(doc.text, doc.blocks, "Ministry", "a.txt", "https://x", "2024-03-14", "ab")
    assert edited_document(doc, doc.text) is doc
    new = edited_document(doc, "Only one paragraph now.")
    assert (new.label, new.source, new.url, new.date) == (
        "Ministry",
        "a.txt",
        "https://x",
        "2024-03-14",
    )
    assert new.sha256 == "" and len(new.blocks) == 1 and new.blocks[0].end == len(new.text)
    with pytest.raises(DocumentError, match="empty"):
        edited_document(doc, "   ")


def test_a_note_does_not_follow_into_another_comparison(reviewed, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window = reviewed  # a4 is selected and its note is in the editor
    window.undo_stack.clear()
    window.show_comparison(sample_cmp)
    assert window.state.notes == () and not window.isWindowModified()
    assert window.sessions.notes.editor.toPlainText() == ""
