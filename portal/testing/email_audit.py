"""A basic accessibility check of an email's HTML part, for tests.

Mail programs run no axe-core, so email tests check what matters most by hand: the language,
the heading structure, link texts that make sense alone, and alt text on every image.
"""

from html.parser import HTMLParser


class EmailAudit(HTMLParser):
    """Collects the language, headings, links (href, text) and images of an HTML email."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.headings: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.images: list[dict] = []
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag in ("h1", "h2", "h3"):
            self.headings.append(tag)
        elif tag == "a":
            self._link = [attrs.get("href", ""), ""]
        elif tag == "img":
            self.images.append(attrs)

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None


def email_audit(html: str) -> EmailAudit:
    audit = EmailAudit()
    audit.feed(html)
    audit.close()
    return audit
