"""Dates and small phrases as a person reads them, through QLocale."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from hitouch.domain.birthday import Birthday


def tr(text: str) -> str:
    """Translate user-visible text. pyside6-lupdate files plain tr("...") calls under the empty
    context, so that is the context looked up here too."""
    return QCoreApplication.translate("", text)


def plural(n: int, one: str, many: str) -> str:
    """The text for `n`, to be formatted: plural(n, tr("1 contact"), tr("{n} contacts")).format(n=n)."""
    return one if n == 1 else many


def number(value: int) -> str:
    """12,345 / 12.345 / 12 345, as the user's locale writes it."""
    return QLocale().toString(value)


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def medium_date(day: date) -> str:
    """The locale's long date without the weekday: '10 November 2026', 'November 10, 2026'."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd ", ", dddd", "dddd"):
        pattern = pattern.replace(weekday, "")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern.strip())


def short_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def short_time(at: time) -> str:
    """A time of day as the locale writes it: '08:30', '8:30 AM'."""
    return QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def hour_of_day(hour: int) -> str:
    """An hour as the locale writes it: '09:00', '9:00 AM'."""
    return QLocale().toString(QTime(hour, 0), QLocale.FormatType.ShortFormat)


def relative_day(day: date, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'in 2 weeks', '4 months ago'."""
    delta = (day - today).days
    if delta == 0:
        return tr("today")
    if delta == -1:
        return tr("yesterday")
    if delta == 1:
        return tr("tomorrow")
    days = abs(delta)
    if days < 14:
        amount, unit = days, tr("days")
    elif days < 60:
        amount, unit = days // 7, tr("weeks")
    elif days < 730:
        amount, unit = days // 30, tr("months")
    else:
        amount, unit = days // 365, tr("years")
    return (
        tr("in {n} {unit}").format(n=amount, unit=unit)
        if delta > 0
        else tr("{n} {unit} ago").format(n=amount, unit=unit)
    )


def birthday_text(birthday: Birthday) -> str:
    """'15 March 1990', or 'March 15' when the year is not known."""
    if birthday.year is not None:
        return long_date(date(birthday.year, birthday.month, birthday.day))
    return f"{QLocale().monthName(birthday.month)} {birthday.day}"


def day_of(qdate: QDate) -> date:
    """A QDate as the date it is (PySide types QDate.toPython() as any object)."""
    return date(qdate.year(), qdate.month(), qdate.day())
