from portal.core.models import Topic
from portal.core.pagination import CappedPaginator
from portal.core.tests.factories import TopicFactory


class ThreeCapped(CappedPaginator):
    cap = 3


def test_capped_paginator_counts_no_further_than_its_cap(db):
    TopicFactory.create_batch(5)
    paginator = ThreeCapped(Topic.objects.order_by("pk"), 2)
    assert paginator.count == 3
    assert paginator.num_pages == 2
    assert len(paginator.page(2).object_list) == 1


def test_capped_paginator_counts_exactly_below_its_cap(db):
    TopicFactory.create_batch(2)
    assert ThreeCapped(Topic.objects.order_by("pk"), 2).count == 2
