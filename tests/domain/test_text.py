"""Matching keys: case- and accent-insensitive, and stable."""

from hypothesis import given
from hypothesis import strategies as st

from hitouch.domain.text import fold


def test_accents_case_and_spaces_do_not_matter():
    assert fold("  Zoë   MÜLLER ") == "zoe muller"
    assert fold("Straße") == "strasse"
    assert fold("Ǽsa Łukasz Ørsted") == "aesa lukasz orsted"


@given(st.text())
def test_folding_twice_is_folding_once(text):
    assert fold(fold(text)) == fold(text)
