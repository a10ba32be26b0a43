"""The fixed words of the journal: channels, kinds, statuses, sources."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    IN_PERSON = "in-person"
    COFFEE = "coffee"
    MEAL = "meal"
    EVENT = "event"
    CALL = "call"
    VIDEO = "video"
    EMAIL = "email"
    MESSAGE = "message"
    SOCIAL = "social"

    @property
    def face_to_face(self) -> bool:
        return self in FACE_TO_FACE

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


# CLI.md: "The first five are face to face." That list includes `call`; the contract is
# what scripts rely on, so it is kept here, in the one place that decides it.
FACE_TO_FACE: frozenset[Channel] = frozenset(
    {Channel.IN_PERSON, Channel.COFFEE, Channel.MEAL, Channel.EVENT, Channel.CALL}
)

CHANNEL_LABELS = {
    Channel.IN_PERSON: "In person",
    Channel.COFFEE: "Coffee",
    Channel.MEAL: "Meal",
    Channel.EVENT: "At an event",
    Channel.CALL: "Phone call",
    Channel.VIDEO: "Video call",
    Channel.EMAIL: "Email",
    Channel.MESSAGE: "Message",
    Channel.SOCIAL: "Social network",
}


class FollowUpKind(StrEnum):
    COFFEE = "coffee"
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    OTHER = "other"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"


class ReferralStatus(StrEnum):
    OPEN = "open"
    MET = "met"
    WON = "won"
    LOST = "lost"


class Source(StrEnum):
    """How we came to know a contact."""

    IN_PERSON = "in-person"
    LINKEDIN = "linkedin"
    ONLINE = "online"
    REFERRAL = "referral"
    IMPORT = "import"

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    Source.IN_PERSON: "Met in person",
    Source.LINKEDIN: "LinkedIn",
    Source.ONLINE: "Online",
    Source.REFERRAL: "Referral",
    Source.IMPORT: "Imported",
}
