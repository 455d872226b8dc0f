"""User Markdown to safe HTML: CommonMark via markdown-it-py, then an allow-list sanitiser (nh3).

Rendering happens once, when a text is written; the sanitised HTML is stored beside the source.
"""

import nh3
from markdown_it import MarkdownIt

# "js-default" escapes raw HTML in the source and refuses javascript: links; nh3 is the guarantee.
_markdown = MarkdownIt("js-default", {"linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody",
    "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


def sanitise_html(html: str) -> str:
    """Keep only harmless markup; links get rel="noopener noreferrer nofollow"."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(source: str) -> str:
    """The sanitised HTML of a Markdown text. Headings start at h2 (h1 is the page's title)."""
    html = _markdown.render(source or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitise_html(html)


def markdown_to_text(source: str) -> str:
    """What a Markdown text reads as, without its syntax: the words of headings, quotes, lists,
    emphasis and code, a link's text (not its address), an image's description. Blocks are
    separated by a blank line. For short excerpts (the search's snippets), not for display
    as HTML."""
    blocks: list[str] = []
    for token in _markdown.parse(source or ""):
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "image":
                    parts.append(child.content)
            blocks.append("".join(parts))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(block for block in blocks if block)
