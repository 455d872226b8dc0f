"""The register's pages (thin: reads from selectors, writes through services)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def item_list(request):
    items = selectors.items_visible(user=request.user).order_by("section", "main_topic", "pk")
    return render(request, "register/item_list.html", {"items": items[:200]})


@login_required
def item_detail(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    return render(request, "register/item_detail.html", {"item": item})
