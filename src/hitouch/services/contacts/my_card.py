"""My own card: my details from Preferences, each replaced by one given, as a ContactCard."""

from __future__ import annotations

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.text import split_name
from hitouch.services.errors import UserError
from hitouch.settings import Settings

NO_NAME = "your card has no name: set yours in Preferences (My Card) in the window, or give --name"


def my_card(
    settings: Settings,
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    company: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> ContactCard:
    """UserError when there is no name, neither in Preferences nor given."""

    def chosen(given: str | None, preference: str) -> str:
        return " ".join((preference if given is None else given).split())

    full_name = chosen(name, settings.my_name)
    if not full_name:
        raise UserError(NO_NAME)
    given, family = split_name(full_name)
    card = ContactCard(
        given=given,
        family=family,
        name=full_name,
        company=chosen(company, settings.my_company),
        title=chosen(title, settings.my_title),
    )
    card.emails = [Labelled(v) for v in [chosen(email, settings.my_email)] if v]
    card.phones = [Labelled(v) for v in [chosen(phone, settings.my_phone)] if v]
    card.urls = [Labelled(v) for v in [chosen(url, settings.my_url)] if v]
    return card
