from datetime import date

from hitouch.domain.records import ContactRef, LifeChangeRecord
from hitouch.domain.relationships.small_acts import suggestion_for, suggestion_for_all


def update(kind, old, new):
    return LifeChangeRecord(1, ContactRef(7, "Marcus O'Brien"), date(2026, 11, 20), kind, old, new)


def test_a_new_company_suggests_congratulations():
    assert suggestion_for(update("company", "Northwind", "Fjord Ventures")) == (
        "Marcus O'Brien moved to Fjord Ventures: send a note of congratulations"
    )


def test_a_new_position_suggests_congratulations_on_the_role():
    assert "is now Head of Sales" in suggestion_for(update("title", "Sales Lead", "Head of Sales"))


def test_a_new_company_and_position_together_are_one_move():
    both = [update("company", "Northwind", "Fjord Ventures"), update("title", "Sales Lead", "Partner")]
    assert (
        suggestion_for_all(both) == "Marcus O'Brien moved to Fjord Ventures as Partner: send a note of congratulations"
    )
