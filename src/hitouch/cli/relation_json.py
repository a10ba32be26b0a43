"""The relationship work as JSON documents (CLI.md): follow-ups, cadences, nudges, referrals."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from hitouch.cli.output import iso, ref_json
from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.agenda import Agenda, BirthdayRecord
from hitouch.domain.relationships.cadences import CadenceRecord
from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.domain.relationships.nudge_reasons import Nudge
from hitouch.domain.relationships.referrals import ReferralBalance, ReferralRecord
from hitouch.domain.relationships.small_acts import SmallAct

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace


def followup_json(f: FollowUpRecord, today: date) -> dict[str, Any]:
    return {
        "id": f.id,
        "contact": ref_json(f.contact),
        "title": f.title,
        "kind": f.kind,
        "due": iso(f.due),
        "status": str(f.status_on(today)),
        "time": f.due_time.strftime("%H:%M") if f.due_time else None,
        "minutes": f.minutes,
        "note": f.note,
        "snoozed_until": iso(f.snoozed_until) if f.snoozed_until and f.snoozed_until > today else None,
    }


def cadence_item_json(c: CadenceRecord) -> dict[str, Any]:
    return {"contact": ref_json(c.contact), "every": c.period, "due": iso(c.due), "last": iso(c.last)}


def birthday_json(b: BirthdayRecord) -> dict[str, Any]:
    return {"contact": ref_json(b.contact), "date": iso(b.on), "birthday": b.birthday.iso(), "age": b.age}


def nudge_json(n: Nudge) -> dict[str, Any]:
    return {"contact": ref_json(n.contact), "reason": n.reason, "score": n.score, "last_exchange": iso(n.last_exchange)}


def small_act_json(a: SmallAct) -> dict[str, Any]:
    u = a.change
    return {
        "id": u.id,
        "contact": ref_json(u.contact),
        "kind": u.kind,
        "from": u.old_value,
        "to": u.new_value,
        "noticed": iso(u.noticed_on),
        "suggestion": a.suggestion,
        "also": [{"id": o.id, "kind": o.kind, "from": o.old_value, "to": o.new_value} for o in a.also],
    }


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    today = agenda.today
    return {
        "today": iso(today),
        "days": agenda.days,
        "overdue": [followup_json(f, today) for f in agenda.overdue],
        "due": [followup_json(f, today) for f in agenda.due],
        "cadence": [cadence_item_json(c) for c in agenda.cadence],
        "birthdays": [birthday_json(b) for b in agenda.birthdays],
        "nudges": [nudge_json(n) for n in agenda.nudges],
        "updates": [small_act_json(a) for a in agenda.small_acts],  # the JSON key CLI.md keeps
    }


def _maybe_ref(ref: ContactRef | None) -> dict[str, Any] | None:
    return ref_json(ref) if ref else None


def referral_json(r: ReferralRecord) -> dict[str, Any]:
    """`from` and `to` are null where they are me; `contact` is always the other side."""
    return {
        "id": r.id,
        "date": iso(r.on),
        "direction": r.direction,
        "contact": ref_json(r.contact),
        "from": _maybe_ref(r.source),
        "to": _maybe_ref(r.target),
        "lead": _maybe_ref(r.lead),
        "lead_text": r.lead_text,
        "note": r.note,
        "status": r.status,
        "value": r.value_cents / 100 if r.value_cents is not None else None,
        "event": r.event or None,
    }


def balance_json(b: ReferralBalance) -> dict[str, Any]:
    return {"contact": ref_json(b.contact), "given": b.given, "received": b.received, "won": b.won, "owed": b.owed}


def relations_document(ws: Workspace, contact_id: int) -> dict[str, Any]:
    """What `contact show --json` adds: their follow-ups (done ones too), referrals and cadence."""
    today = ws.clock.today()
    cadence = ws.cadences.get(contact_id)
    return {
        "followups": [followup_json(f, today) for f in ws.followups.list(include_done=True, contact_id=contact_id)],
        "referrals": [referral_json(r) for r in ws.referrals.list(contact_id)],
        "cadence": {"every": cadence.period, "due": iso(cadence.due)} if cadence else None,
    }
