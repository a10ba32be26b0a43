"""One rule for when a follow-up is due: the domain's Python and the queries' SQL agree."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from hitouch.domain.relationships.followups import effective_due
from hitouch.store.queries.followup_due import due_column, due_sql

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(due_on=DAYS, snoozed_until=st.none() | DAYS)
def test_the_sql_and_the_python_say_the_same_day(due_on, snoozed_until):
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE follow_up (due_on TEXT, snoozed_until TEXT)")
        db.execute(
            "INSERT INTO follow_up VALUES (?, ?)", (due_on.isoformat(), snoozed_until and snoozed_until.isoformat())
        )
        (plain,) = db.execute(f"SELECT {due_sql()} FROM follow_up").fetchone()
        (aliased,) = db.execute(f"SELECT {due_sql('f')} FROM follow_up f").fetchone()
    assert date.fromisoformat(plain) == date.fromisoformat(aliased) == effective_due(due_on, snoozed_until)


@pytest.mark.parametrize("days", [-3, 0, 4])
def test_a_snooze_moves_a_follow_up_later_never_earlier(days):
    due_on = date(2026, 11, 22)
    assert effective_due(due_on, due_on + timedelta(days=days)) == max(due_on, due_on + timedelta(days=days))
    assert effective_due(due_on, None) == due_on


def test_the_sqlalchemy_expression_is_the_same_sql():
    sql = str(select(due_column()).compile(compile_kwargs={"literal_binds": True}))
    assert "max(follow_up.due_on, coalesce(follow_up.snoozed_until, follow_up.due_on))" in sql
    assert due_sql("follow_up") in sql
