"""A long thread for the benchmarks: --posts posts (opening post included) by the demo people.

Made through the forum's own services (stored HTML, follows, notifications as in use), once per
database: a second run finds it by its title. Prints the thread's path. Needs the demo data and
DJANGO_SETTINGS_MODULE / DATABASE_URL in the environment (bench/front_page.py sets them).
"""

import argparse
import os
import sys
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Benchmark: en tråd med {posts} indlæg"
OPENING = "Hvordan tilrettelægger I **jobafklaringsforløb** for borgere med lange sygeforløb?"
REPLY = (
    "Svar {n}: hos os holder vi et *fælles møde* med a-kassen i uge {week}, og borgeren får "
    "referatet bagefter. Se også [vejledningen](https://www.retsinformation.dk/) om § 13."
)


def long_thread(posts: int) -> str:
    """The thread's path, made if missing."""
    from django.urls import reverse

    from portal.core.models import User
    from portal.forum import services
    from portal.forum.models import Thread, Topic

    title = TITLE.format(posts=posts)
    thread = Thread.objects.filter(title=title).first()
    if thread is not None:
        return reverse("forum:thread_detail", args=[thread.pk])
    people = list(
        User.objects.filter(
            is_active=True, approved_at__isnull=False, email__endswith="@demo.samarbejdsportalen.dk"
        ).order_by("pk")[:12]
    )
    thread = services.thread_create(
        author=people[0], topic=Topic.objects.order_by("pk").first(), title=title, body=OPENING
    )
    authors = cycle(people[1:] + people[:1])
    for n in range(1, posts):
        body = REPLY.format(n=n, week=n % 52 + 1)
        services.reply_create(author=next(authors), thread=thread, body=body)
    return reverse("forum:thread_detail", args=[thread.pk])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    print(long_thread(args.posts))


if __name__ == "__main__":
    main()
