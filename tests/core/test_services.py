"""A report family in the core: names, overrides, per-service tables and subscriptions, each service's view,
validation per service, and the lossless paths (copdesk JSON, carry, merge, diff) keeping the family."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core.rules import services
from copdesk.core.errors import InputError
from copdesk.core.report.open_file import Report
from copdesk.core.rules.validate import validate

SOCIAL, VIDEO, CHAT = "Lumen Social", "Lumen Video", "Lumen Chat"
TABLE = [["Member State", "Removed"], ["Austria", "12"]]


@pytest.fixture
def family(new_report):
    return new_report(measures=["14.1", "17.1"], kind="platform", signatory="Lumen Group",
                      services=[SOCIAL, VIDEO, CHAT])


# -- codes and names -------------------------------------------------------------------------------------
codes_ = st.sampled_from(["QRE 12.1.1", "Crisis 1/SLI 16.1.1", "header.signatory", "Commitment 12 Q1",
                          "Crisis 2/title", "Measure 39.1"])
names = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters="@,"),
                min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@given(codes_, names)
@settings(max_examples=200, deadline=None)
def test_a_qualified_code_splits_back_into_its_code_and_service(code, name):
    name = services.check_name(name)
    assert services.split(services.qualify(code, name)) == (code, name)
    assert services.split(code) == (code, None) and services.qualify(code, None) == code


@given(st.dictionaries(codes_, st.text(max_size=5)), st.dictionaries(codes_, st.text(max_size=5)))
@settings(max_examples=200, deadline=None)
def test_a_view_is_the_shared_answers_with_the_service_own_in_their_place(shared, own):
    answers = {**shared, **{services.qualify(c, VIDEO): t for c, t in own.items()},
               **{services.qualify(c, CHAT): "chat" for c in own}}
    seen = services.project_answers(answers, VIDEO)
    assert seen == {**shared, **own}  # another service's never shows
    assert services.project_answers(answers, SOCIAL) == shared


@pytest.mark.parametrize("bad, says", [("", "needs a name"), ("a@b", "“@”"), ("a,b", "“,”"), ("x\ty", None),
                                       ("x" * 81, "81 characters")])
def test_bad_names_are_refused_with_what_to_change(bad, says):
    if says is None:  # a tab is folded into a space, like any run of spaces
        assert services.check_name(bad) == "x y"
        return
    with pytest.raises(InputError, match=says):
        services.check_name(bad)


def test_names_are_unique_whatever_their_case(family):
    with pytest.raises(InputError, match="already"):
        family.add_services(["lumen chat"])
    with pytest.raises(InputError, match="twice"):
        services.parse_names("A, b, B")
    assert family.service("  lumen   VIDEO ") == VIDEO


# -- writing ---------------------------------------------------------------------------------------------
def test_naming_services_hands_each_the_report_subscriptions_and_its_own_cover(new_report):
    r = new_report(measures=["14.1"], signatory="Lumen Group")
    r.set_text("QRE 14.1.1", "shared")
    assert r.add_services([SOCIAL, VIDEO]) == [SOCIAL, VIDEO]
    assert {services.split(c)[1] for c in r.subscriptions()} == {SOCIAL, VIDEO}  # no plain rows in a family
    for s in (SOCIAL, VIDEO):
        v = r.service_snapshot(s)
        assert v.subscriptions == {"Measure 14.1", "Commitment 14"} and v.text("QRE 14.1.1") == "shared"
        assert v.text("header.signatory") == s and v.text("header.services") == s
    assert r.text("header.signatory") == "Lumen Group" and r.text("header.services") == f"{SOCIAL}, {VIDEO}"
    assert r.add_services([CHAT]) == [CHAT] and r.service_subscriptions(CHAT) == set()  # named later: signs nothing yet


def test_an_override_its_removal_and_the_history(family):
    family.set_text("QRE 14.1.1", "shared")
    family.set_text("qre14.1.1 @ lumen video", "video")
    assert family.service_snapshot(VIDEO).text("QRE 14.1.1") == "video"
    assert family.service_snapshot(SOCIAL).text("QRE 14.1.1") == "shared"
    assert [h["code"] for h in family.history()][-1] == "QRE 14.1.1 @ Lumen Video"
    assert family.clear(f"QRE 14.1.1 @ {VIDEO}")
    assert family.service_snapshot(VIDEO).text("QRE 14.1.1") == "shared"
    family.set_text(f"QRE 14.1.1 @ {VIDEO}", "")  # an override may be blank on purpose
    assert family.service_snapshot(VIDEO).text("QRE 14.1.1") == ""
    with pytest.raises(InputError, match="no service has its own"):
        family.set_text(f"header.services @ {VIDEO}", "x")


def test_tables_are_per_service_and_a_shared_one_shows_where_none_is_own(family):
    family.set_table(f"SLI 14.1.1 @ {CHAT}", TABLE)
    assert family.service_snapshot(CHAT).tables["SLI 14.1.1"] == TABLE
    assert "SLI 14.1.1" not in family.service_snapshot(SOCIAL).tables
    family.set_table("SLI 14.1.1", [["Member State", "Removed"], ["Austria", "1"]])
    assert family.service_snapshot(SOCIAL).tables["SLI 14.1.1"][1] == ["Austria", "1"]
    assert family.service_snapshot(CHAT).tables["SLI 14.1.1"] == TABLE
    data = family.snapshot()
    assert services.storage_code(data, CHAT, "SLI 14.1.1", table=True) == f"SLI 14.1.1 @ {CHAT}"
    assert services.storage_code(data, SOCIAL, "SLI 14.1.1", table=True) == "SLI 14.1.1"  # the shared one
    assert services.storage_code(data, SOCIAL, "SLI 17.1.1", table=True) == f"SLI 17.1.1 @ {SOCIAL}"  # new: own
    assert services.specific(data, CHAT) == {"SLI 14.1.1", "header.signatory"}


def test_subscriptions_per_service(family):
    assert family.unsubscribe(["17"], service=CHAT) == [f"Commitment 17 @ {CHAT}", f"Measure 17.1 @ {CHAT}"]
    assert "Measure 17.1" not in family.service_snapshot(CHAT).subscriptions
    assert "Measure 17.1" in family.service_snapshot(VIDEO).subscriptions
    added = family.subscribe(["21.1"])  # every service
    assert added == [f"{c} @ {s}" for s in (SOCIAL, VIDEO, CHAT) for c in ("Measure 21.1", "Commitment 21")]
    assert family.unsubscribe(added) == added and family.subscribe(added) == added  # qualified items: undo and redo


def test_a_services_last_measure_takes_its_commitment_along(family):
    family.subscribe(["21.1"])
    assert family.unsubscribe(["21.1"], service=CHAT) == [f"Measure 21.1 @ {CHAT}", f"Commitment 21 @ {CHAT}"]
    assert "Commitment 21" not in family.service_snapshot(CHAT).subscriptions
    assert {"Commitment 21", "Measure 21.1"} <= family.service_snapshot(VIDEO).subscriptions


def test_validation_is_per_service(family):
    family.unsubscribe(["17"], service=CHAT)
    family.set_text("QRE 17.1.1", "shared")
    family.set_text(f"QRE 14.1.1 @ {VIDEO}", "video")
    issues = {s: {i.code for i in validate(family.template, family.service_snapshot(s)) if i.severity == "missing"}
              for s in (SOCIAL, VIDEO, CHAT)}
    assert "QRE 14.1.1" in issues[SOCIAL] and "QRE 14.1.1" not in issues[VIDEO]
    assert not any(c.startswith("Commitment 17") for c in issues[CHAT])
    assert "header.signatory" not in issues[SOCIAL]
    assert not [i for s in (SOCIAL, VIDEO, CHAT) for i in validate(family.template, family.service_snapshot(s))
                if "does not have" in i.message]  # no qualified code leaks into a view


def test_a_crisis_answer_of_one_service_shows_its_block_there_only(family):
    sid = family.add_crisis_section("Elections 2026")
    family.set_text(f"Crisis {sid}/QRE 16.1.1 @ {VIDEO}", "video only")
    family.set_text(f"Crisis {sid}/title @ {CHAT}", "Elections 2026 (chat)")
    video, social, chat = (family.service_snapshot(s) for s in (VIDEO, SOCIAL, CHAT))
    assert video.crisis[0].items == ("QRE 16.1.1",) and social.crisis[0].items == ()
    assert chat.crisis[0].title == "Elections 2026 (chat)" and social.crisis[0].title == "Elections 2026"


# -- the lossless paths --------------------------------------------------------------------------------
def _fill(r: Report) -> None:
    r.set_text("QRE 14.1.1", "shared")
    r.set_text(f"QRE 14.1.1 @ {VIDEO}", "video")
    r.set_table(f"SLI 14.1.1 @ {CHAT}", TABLE)
    r.unsubscribe(["17"], service=CHAT)


def test_copdesk_json_keeps_the_family(family, tmp_path):
    from copdesk.core.exports.copdesk_json import export_json
    from copdesk.core.imports.copdesk_json import import_json
    _fill(family)
    export_json(family.snapshot(with_history=True), tmp_path / "f.json")
    with import_json(tmp_path / "f.json", tmp_path / "again.copdesk") as again:
        assert again.services() == [SOCIAL, VIDEO, CHAT]
        for s in (SOCIAL, VIDEO, CHAT):
            assert again.service_snapshot(s).answers == family.service_snapshot(s).answers
            assert again.service_snapshot(s).tables == family.service_snapshot(s).tables
            assert again.service_subscriptions(s) == family.service_subscriptions(s)


def test_carry_keeps_the_family(family, tmp_path):
    from copdesk.core.review.carry import carry
    _fill(family)
    family.set_text(f"header.title @ {CHAT}", "Chat report March 2026")
    with carry(family.path, tmp_path / "next.copdesk", "Report September 2026") as nxt:
        assert nxt.services() == [SOCIAL, VIDEO, CHAT]
        video, chat = nxt.service_snapshot(VIDEO), nxt.service_snapshot(CHAT)
        assert video.answers["QRE 14.1.1"].text == "video" and video.answers["QRE 14.1.1"].status == "carried"
        assert chat.answers["header.signatory"].status == ""  # a fact, not text to review
        assert chat.text("header.title") == "Report September 2026"  # every title is new
        assert chat.tables["SLI 14.1.1"] == [["Member State", "Removed"], ["Austria", None]]
        assert "Measure 17.1" not in chat.subscriptions and "Measure 17.1" in video.subscriptions


def test_merge_takes_each_side_override(family, tmp_path):
    import shutil
    from copdesk.core.review.merge import merge
    _fill(family)
    family.close()
    shutil.copy(family.path, tmp_path / "theirs.copdesk")
    with Report.open(family.path, who="me") as mine:
        mine.set_text(f"QRE 14.1.1 @ {SOCIAL}", "social, mine")
    with Report.open(tmp_path / "theirs.copdesk", who="them") as theirs:
        theirs.set_text(f"QRE 14.1.1 @ {VIDEO}", "video, theirs")
        theirs.set_text(f"QRE 14.1.1 @ {CHAT}", "chat, theirs")
    result = merge(family.path, tmp_path / "theirs.copdesk", tmp_path / "merged.copdesk")
    assert sorted(result.from_theirs) == [f"QRE 14.1.1 @ {CHAT}", f"QRE 14.1.1 @ {VIDEO}"] and not result.conflicts
    with Report.open(tmp_path / "merged.copdesk") as merged:
        assert merged.services() == [SOCIAL, VIDEO, CHAT]
        assert [merged.service_snapshot(s).text("QRE 14.1.1") for s in (SOCIAL, VIDEO, CHAT)] == [
            "social, mine", "video, theirs", "chat, theirs"]


def test_diff_lists_shared_and_per_service_changes(family):
    from copdesk.core.template.codes import answer_codes
    from copdesk.core.review.diff import changes
    from copdesk.core.review.versions import Content
    before = Content.of(family.snapshot())
    _fill(family)
    found = changes(before, Content.of(family.snapshot()), answer_codes(family.template))
    assert [(c.code, c.field) for c in found if c.field != "subscription"] == [
        ("QRE 14.1.1", "text"), (f"QRE 14.1.1 @ {VIDEO}", "text"), (f"SLI 14.1.1 @ {CHAT}", "table")]


def test_what_is_missing_in_any_service(family):
    from copdesk.core.rules.family_checks import missing_anywhere
    family.unsubscribe(["17"], service=CHAT)
    family.set_text("QRE 14.1.1", "shared")
    family.set_text(f"QRE 14.1.1 @ {VIDEO}", "")  # Video's own, left blank
    found = {(f.issue.code, f.services, f.shared) for f in missing_anywhere(
        family.template, family.snapshot(), family.services())}
    assert ("QRE 14.1.1", (VIDEO,), False) in found  # Video alone: its own answer
    assert ("QRE 17.1.1", (SOCIAL, VIDEO), True) in found  # written once, fixed for both
    assert ("header.description", (SOCIAL, VIDEO, CHAT), True) in found
    assert not any(code == "QRE 14.1.1" and who != (VIDEO,) for code, who, _ in found)
