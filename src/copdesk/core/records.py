"""`@record`: copdesk's immutable value classes, as @dataclass(frozen=True) but quicker to define.

A dataclass compiles each method it writes (__init__, __repr__, __eq__, __hash__, and for a frozen one
__setattr__ and __delattr__) from generated source when its class statement runs: about 0.5 ms a class on
Python 3.11, and the window's start-up defines some twenty of them (template, answers, review, locks) before
its first paint. `@record` lets dataclasses write only what depends on the fields (__init__ and the frozen
guards) and gives every record the same equality, hash and repr, written once here. Records behave as frozen
dataclasses do: equal when of the same class with equal compared fields, hashed on those fields, shown as
`Name(field=value, ...)`; dataclasses.fields, replace and asdict work on them as before.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


def record(cls: type) -> type:
    """Make `cls` a frozen dataclass with the shared __eq__, __hash__ and __repr__ (unless it defines its own)."""
    cls = dataclass(frozen=True, eq=False, repr=False)(cls)
    cls.__record_compared__ = tuple(f.name for f in fields(cls) if f.compare)
    cls.__record_shown__ = tuple(f.name for f in fields(cls) if f.repr)
    for name, method in (("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr)):
        if name not in cls.__dict__:
            setattr(cls, name, method)
    return cls


def _key(self) -> tuple:
    return tuple([getattr(self, name) for name in self.__record_compared__])


def _eq(self, other) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _key(self) == _key(other)


def _hash(self) -> int:
    return hash(_key(self))


def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"
