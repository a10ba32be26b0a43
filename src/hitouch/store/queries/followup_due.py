"""When a follow-up is due, in SQL: the day it was set for, or the day it is snoozed until when
that is later. The one SQL spelling of `domain.relationships.followups.effective_due`, shared by
every query that sorts, counts or finds follow-ups by the day they are due (a test keeps the two
in step). Plain text, no SQLAlchemy import: the command line's quick read uses it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy import ColumnElement


def due_sql(table: str = "") -> str:
    """The expression over follow_up's columns, qualified by `table` (an alias) when given."""
    prefix = f"{table}." if table else ""
    return f"max({prefix}due_on, coalesce({prefix}snoozed_until, {prefix}due_on))"


def due_column() -> ColumnElement[date]:
    """The same expression for SQLAlchemy queries on `FollowUp`."""
    from sqlalchemy import func

    from hitouch.store.models import FollowUp

    return func.max(FollowUp.due_on, func.coalesce(FollowUp.snoozed_until, FollowUp.due_on))
