from portal.core import analysis


def test_inflected_forms_share_a_term():
    assert analysis.analyse("sygedagpenge")[0] == analysis.analyse("sygedagpengene")[0]
    assert len({analysis.stem(w) for w in ("ledig", "ledige", "lediges")}) == 1


def test_danish_letters_fold_after_stemming_so_english_keyboards_match():
    assert analysis.stem("rådighed") == analysis.stem("raadighed") == "raad"
    assert analysis.fold("æblegrød") == "aeblegroed"


def test_compounds_also_yield_the_stems_of_their_parts():
    terms = analysis.word_terms("rådighedsvurderingen")
    assert terms[0] == "raadighedsvurdering"
    assert set(terms[1:]) == {analysis.stem("rådighed"), analysis.stem("vurdering")}
    assert analysis.stem("revalidering") in analysis.word_terms("revalideringsforløbet")


def test_short_and_unknown_words_are_not_split():
    assert analysis.compound_parts("ledig") == ()
    assert analysis.compound_parts("xyzqwertyuiop") == ()


def test_query_words_match_the_compounds_they_head():
    (term,) = analysis.parse_query("rådighed")
    assert term.matches("raadighedsvurdering")
    assert term.matches("raad")
    assert not term.matches("raadgivning")


def test_stop_words_are_dropped_from_queries_unless_nothing_else_is_left():
    assert [t.word for t in analysis.parse_query("hvad er rådighed")] == ["rådighed"]
    assert [t.word for t in analysis.parse_query("og")] == ["og"]
