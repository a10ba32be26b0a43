"""The journal: interactions and the events where people are met."""
