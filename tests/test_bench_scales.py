"""`abr-db bench --scales`: the growth table and the plot from a report (the seeding and the
suite are the ones `seed --scale` and `bench` test; a run at 0.3/1/3 takes minutes)."""

from __future__ import annotations

import xml.dom.minidom

import pytest

from abr_db.bench_scales import ScalesReport, markdown, parse_scales, svg
from abr_db.errors import UsageError


def _report() -> ScalesReport:
    r = ScalesReport([0.3, 1.0, 3.0], people={0.3: 30_000, 1.0: 100_000, 3.0: 300_000})
    r.p50 = {"indexed [RLS only]": {0.3: 0.10, 1.0: 0.10, 3.0: 0.12},
             "a <scan> [explicit filter]": {0.3: 1.0, 1.0: 3.0, 3.0: 9.5}}
    return r


def test_scales_are_parsed_sorted_and_checked():
    assert parse_scales("3,0.3,1") == [0.3, 1.0, 3.0]
    for bad in ("1", "a,b", "0,1", "1,30"):
        with pytest.raises(UsageError):
            parse_scales(bad)


def test_the_table_names_what_grows_against_scale_1():
    text = markdown(_report())
    assert "| indexed [RLS only] | 0.100 | 0.100 | 0.120 | 1.20x | yes |" in text
    assert "| a <scan> [explicit filter] | 1.000 | 3.000 | 9.500 | 3.17x | **grows** |" in text
    assert "300,000 people" in text


def test_the_plot_is_an_svg_labelling_the_query_that_grows():
    doc = xml.dom.minidom.parseString(svg(_report()))
    assert doc.documentElement.tagName == "svg"
    labels = [t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild]
    assert any("a &lt;scan&gt;" in t or "a <scan>" in t for t in labels)
    assert not any(t.startswith("indexed") for t in labels)
    assert len(doc.getElementsByTagName("polyline")) == 2
