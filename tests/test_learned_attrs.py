"""The learned tagger's shared attribute strings (features._Attrs): the same string for every token that has
the attribute, built as the prefix and the value, and a bounded table."""

from __future__ import annotations

import pytest

from saidwhat.attribution.learned import features


def test_an_attribute_is_one_string_per_value() -> None:
    attrs = features._Attrs("-1w=")
    value = "".join(["th", "e"])  # a value built at run time, as a parse's column is
    first = attrs[value]
    assert first == "-1w=the"
    assert attrs["the"] is first


def test_the_table_is_cleared_past_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "_ATTR_CACHE", 3)
    attrs = features._Attrs("w=")
    for v in "abcd":
        assert attrs[v] == "w=" + v
    assert attrs["e"] == "w=e"
    assert len(attrs) <= 4


def test_cluster_attributes_cover_every_cluster() -> None:
    got = features._cluster_attrs("hc", 32)
    assert len(got) == 32 and got[0] == "hc32=0" and got[31] == "hc32=31"


def test_the_shared_suffix_position_and_head_attributes_are_the_strings_they_name() -> None:
    assert features._SUFFIX3["reported"] == "s3=ted" and features._SUFFIX3["of"] == "s3=of"
    assert features._DEP_HEAD_POS["nsubj"]["VERB"] == "dhp=nsubj|VERB"
    assert features._SENTENCE_INDEX[0] == "si=0" and features._SENTENCE_INDEX[4] == "si=3-5"
    assert features._SENTENCE_INDEX[11] == "si=11+"
    assert features._RELATIVE_POSITION == ("rp=0", "rp=1", "rp=2", "rp=3", "rp=4")
