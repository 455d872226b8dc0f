import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from portal.core.links import link_builder


@pytest.mark.parametrize("thread_id", [1, 42, 987654321, 10**12])
def test_link_builder_gives_what_reverse_gives_for_an_id(thread_id):
    assert link_builder("forum:thread_detail")(thread_id) == reverse(
        "forum:thread_detail", args=[thread_id]
    )


@pytest.mark.parametrize(
    "token",
    ["abc:1x2Y-_:z9", "a b", "æblegrød", "100%", "a?b#c", "a&b=c;d", "~@!$'()*+,"],
)
def test_link_builder_quotes_a_token_as_reverse_does(token):
    assert link_builder("events:rsvp")(token) == reverse("events:rsvp", args=[token])


def test_link_builder_follows_the_script_prefix():
    bare = link_builder("forum:thread_detail")(7)
    set_script_prefix("/portal/")
    try:
        prefixed = link_builder("forum:thread_detail")(7)
        assert prefixed == reverse("forum:thread_detail", args=[7])
    finally:
        clear_script_prefix()
    assert prefixed == "/portal" + bare
    assert link_builder("forum:thread_detail")(7) == bare
