"""The window in the user's language: HiTouch's own translations from hitouch.resources, Qt's for
its standard buttons and dialogs. English, the source language, needs no file."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator

from hitouch.ui.common.theme import application

TRANSLATIONS = files("hitouch.resources") / "translations"


def _candidates(locale: QLocale) -> list[str]:
    """'de-AT' -> ['de_AT', 'de'], for every language the user lists, most wanted first."""
    names: list[str] = []
    for language in locale.uiLanguages():
        parts = language.replace("-", "_").split("_")
        for n in range(len(parts), 0, -1):
            name = "_".join(parts[:n])
            if name not in names:
                names.append(name)
    return names


class _Translation(QTranslator):
    """A translator and the .qm bytes it was loaded from: Qt reads them in place, so they live with it."""

    def __init__(self, qm_data: bytes, parent: QObject) -> None:
        super().__init__(parent)
        self.qm_data = qm_data


def install_translations(locale: QLocale | None = None, folder: Traversable = TRANSLATIONS) -> QTranslator | None:
    """Installs the best HiTouch translation for `locale` (default: the system's) and Qt's own.
    Returns HiTouch's translator, or None when there is none for that language."""
    locale = locale or QLocale()
    app = application()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    for name in _candidates(locale):
        qm = folder / f"hitouch_{name}.qm"
        if qm.is_file():
            translator = _Translation(qm.read_bytes(), app)
            if translator.load(translator.qm_data):
                app.installTranslator(translator)
                return translator
    return None
