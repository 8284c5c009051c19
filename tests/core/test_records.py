"""@record behaves as @dataclass(frozen=True) does: the stdlib's frozen dataclass is the reference."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from copdesk.core.model import Answer
from copdesk.core.records import record


def _pair(cls_body):
    """The same class body as a frozen dataclass (the reference) and as a record."""
    return dataclass(frozen=True)(type("Point", (), dict(cls_body))), record(type("Point", (), dict(cls_body)))


BODY = {"__annotations__": {"x": "int", "label": "str", "note": "str"}, "label": "", "note": field(default="", compare=False)}


@pytest.mark.parametrize("args", [(1,), (1, "a"), (1, "a", "n"), (2, "b", "m")])
def test_equality_hash_and_repr_match_a_frozen_dataclass(args):
    ref, rec = _pair(BODY)
    others = [(1,), (1, "a"), (1, "a", "other note"), (3, "a")]
    for other in others:
        assert (rec(*args) == rec(*other)) == (ref(*args) == ref(*other))
        assert (rec(*args) != rec(*other)) == (ref(*args) != ref(*other))
        if ref(*args) == ref(*other):
            assert hash(rec(*args)) == hash(rec(*other))
    assert repr(rec(*args)) == repr(ref(*args))
    assert hash(rec(*args)) == hash(ref(*args))  # both hash the tuple of compared fields


def test_frozen_and_usable_with_the_dataclasses_functions():
    _, rec = _pair(BODY)
    p = rec(1, "a")
    with pytest.raises(FrozenInstanceError):
        p.x = 2
    with pytest.raises(FrozenInstanceError):
        del p.label
    assert dataclasses.replace(p, x=5) == rec(5, "a")
    assert dataclasses.asdict(p) == {"x": 1, "label": "a", "note": ""}
    assert [f.name for f in dataclasses.fields(p)] == ["x", "label", "note"]
    assert p != (1, "a", "") and (p == object()) is False  # another class is never equal


def test_subclasses_compare_by_class_and_inherit_fields():
    @record
    class Base:
        code: str
        title: str = ""

    @record
    class Child(Base):
        extra: tuple = ()

    assert Base("a") != Child("a") and Child("a", "t", (1,)) == Child("a", "t", (1,))
    assert repr(Child("a")) == "test_subclasses_compare_by_class_and_inherit_fields.<locals>.Child(code='a', title='', extra=())"
    assert {Child("a"), Child("a"), Base("a")} == {Child("a"), Base("a")}
    assert pickle.loads(pickle.dumps(Answer("QRE 1.1.1", "text"))) == Answer("QRE 1.1.1", "text")


def test_a_class_keeps_its_own_methods():
    @record
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>"

