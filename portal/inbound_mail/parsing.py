"""Reading mail: is it automatic, what did the person write, what does a bounce say.

Pure functions over `email.message.EmailMessage`; no database. Mail programs differ wildly, so
every step falls back rather than fails: an unknown charset is decoded with replacement
characters, an HTML-only mail is turned into text, a bounce that is not a DSN is searched for a
status code.
"""

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from html import unescape
from html.parser import HTMLParser

from mailparser_reply.parser import EmailMessage as ReplyParserMessage

# --- Parsing and headers ------------------------------------------------------------------


def message_parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def header(message: EmailMessage, name: str) -> str:
    """A header as text; "" when missing or so malformed that the parser gives up."""
    try:
        value = message.get(name)
    except Exception:  # a malformed header must not stop the mail from being judged
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def from_addresses(message: EmailMessage) -> list[str]:
    """The addresses in From (normally exactly one)."""
    values = [str(v) for v in (message.get_all("From") or [])]
    return [address for _name, address in getaddresses(values) if address]


def message_id(message: EmailMessage) -> str:
    return header(message, "Message-ID")[:300]


def local_part(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[0].lower() or address.strip("<> ").lower()


_DAEMONS = {"mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"}
_AUTO_PRECEDENCE = {"bulk", "junk", "auto_reply", "list"}
# Out-of-office subjects of mail programs that send no headers saying so (old Exchange, webmail).
_AUTO_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto(matisk)?[ -]?svar|autoreply|auto-reply|out of (the )?office|"
    r"fraværende|fravær|ikke på kontoret|abwesenheitsnotiz)\b",
    re.IGNORECASE,
)


def is_daemon(address: str) -> bool:
    return local_part(address) in _DAEMONS


def automatic_reason(message: EmailMessage, *, envelope_from: str) -> str:
    """Why this mail was sent by a machine ("" when a person sent it). Such mail is never
    answered (RFC 3834) and never posted: an out-of-office reply is not a contribution."""
    auto_submitted = header(message, "Auto-Submitted").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return "auto_submitted"
    if any(header(message, name) for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponse")):
        return "autoreply"
    if header(message, "Precedence").lower() in _AUTO_PRECEDENCE:
        return "precedence"
    suppress = header(message, "X-Auto-Response-Suppress").lower()
    if suppress and suppress != "none":
        return "auto_response"
    if header(message, "List-Id") or header(message, "List-Unsubscribe"):
        return "list"
    if not envelope_from.strip("<> "):
        return "null_sender"
    if is_daemon(envelope_from) or any(is_daemon(a) for a in from_addresses(message)):
        return "daemon"
    if _AUTO_SUBJECT.match(header(message, "Subject")):
        return "auto_subject"
    return ""


# --- Text of the message --------------------------------------------------------------------


def _decode(part: EmailMessage) -> str:
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, KeyError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, errors="replace")
        except LookupError:
            text = payload.decode("utf-8", errors="replace")
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unflow(text: str, *, delsp: bool) -> str:
    """RFC 3676 format=flowed: a line ending in a space continues on the next line."""
    lines, current = [], ""
    for line in text.split("\n"):
        if line.startswith(" "):  # space-stuffed
            line = line[1:]
        if line != "-- " and line.endswith(" "):
            current += line[:-1] if delsp else line
            continue
        lines.append(current + line)
        current = ""
    if current:
        lines.append(current)
    return "\n".join(lines)


class _HtmlToText(HTMLParser):
    """HTML mail as text: block elements become line breaks, quotes get "> " like plain mail."""

    _BLOCKS = {
        "p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "ul", "ol", "section", "article", "header", "footer",
    }  # fmt: skip
    _SKIP = {"style", "script", "head", "title", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.quote_depth = 0
        self.skip_depth = 0
        self.pre_depth = 0

    def _break(self):
        line = "".join(self.current)
        if not self.pre_depth:
            line = " ".join(line.split())
        self.lines.append(("> " * self.quote_depth) + line if line else "")
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag in self._BLOCKS:
            self._break()
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag == "pre":
                self.pre_depth += 1
            elif tag == "li":
                self.current.append("- ")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr", "p", "div"):
            self._break()

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self._BLOCKS:
            self._break()
            if tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
            elif tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
            elif tag in ("p", "table", "ul", "ol", "blockquote"):
                self.lines.append("")

    def handle_data(self, data):
        if not self.skip_depth:
            self.current.append(data)

    def text(self) -> str:
        self._break()
        text = "\n".join(self.lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    parser = _HtmlToText()
    parser.feed(html)
    parser.close()
    return unescape(parser.text()).replace("\xa0", " ")


def body_text(message: EmailMessage) -> str:
    """The message's text: the text/plain part, else the HTML part as text ("" if neither)."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = _decode(plain)
        if plain.get_param("format", "").lower() == "flowed":
            text = _unflow(text, delsp=plain.get_param("delsp", "").lower() == "yes")
        if text.strip():
            return text
    html = message.get_body(preferencelist=("html",))
    # Some mail programs send an empty text part next to the real HTML one.
    return html_to_text(_decode(html)) if html is not None else ""


def attachment_names(message: EmailMessage) -> list[str]:
    """Files attached to the mail (not inline images such as a logo in a signature)."""
    return [
        part.get_filename() or "?"
        for part in message.walk()
        if part.get_content_disposition() == "attachment"
    ]


# --- Stripping quotes and signatures ---------------------------------------------------------

# Headers above quoted text that mail-parser-reply does not know: one-line separators and
# "wrote" lines that a mail program wrapped over two lines.
_SEPARATORS = re.compile(
    r"^\s*(-{2,}\s*(oprindelig meddelelse|original message|videresendt meddelelse|"
    r"forwarded message|begin forwarded message)\s*-{2,}|_{20,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_WROTE_TAIL = re.compile(r"(skrev|wrote|schrieb)\b[^\n]*:\s*$", re.IGNORECASE)
_WROTE_START = re.compile(r"^(den|on|am|man|tir|ons|tor|fre|lør|søn|\d)", re.IGNORECASE)
_SENT_FROM = re.compile(
    r"^(sendt fra min|sendt fra outlook|sent from my|sent from outlook|hent outlook til|"
    r"get outlook for)\b",
    re.IGNORECASE,
)
# A closing on a line of its own, optionally with a name: "Mvh Ole", "Venlig hilsen,".
# Words such as "Tak" are left alone: "Tak for svaret" opens a sentence as often as it closes.
_CLOSING = re.compile(
    r"^(med venlig hilsen|venlig hilsen|venligst|mvh\.?|vh\.?|hilsen|bedste hilsner|"
    r"de bedste hilsner|best regards|kind regards|regards|best wishes|cheers)"
    r"[ ,.!]*([A-ZÆØÅ][\w.-]*( [A-ZÆØÅ][\w.-]*){0,3})?[ ,.!]*$",
    re.IGNORECASE,
)
_SIGNATURE_MAX_LINES = 8


def _reply_header_start(text: str) -> int:
    """Where the first quoted message starts (len(text) when nothing is quoted)."""
    starts = [len(text)]
    parser = ReplyParserMessage(text="", languages=["da", "en"], keep_hyphen_lists=True)
    found = parser.HEADER_REGEX.search(text)
    if found:
        starts.append(found.start())
    separator = _SEPARATORS.search(text)
    if separator:
        starts.append(separator.start())
    # A quoted block (">") that runs to the end, with its attribution line(s) just above it
    # ("Den 24. nov. ... skrev Karen <" / "karen@x.dk>:" when the mail program wrapped it).
    # Quotes with the author's answers in between are kept: Markdown shows them as quotes.
    lines = text.split("\n")
    tail = len(lines)
    while tail > 0 and (not lines[tail - 1].strip() or lines[tail - 1].startswith(">")):
        tail -= 1
    if any(line.startswith(">") for line in lines[tail:]):
        first = tail
        for back in (1, 2):
            above = " ".join(lines[tail - back : tail]).strip()
            if tail - back >= 0 and _WROTE_TAIL.search(above) and _WROTE_START.match(above):
                first = tail - back
                break
        starts.append(sum(len(line) + 1 for line in lines[:first]))
    return min(starts)


def _strip_signature(text: str) -> str:
    lines = text.rstrip().split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped in ("--", "-- ", "__") and index > 0:
            return "\n".join(lines[:index])
        if _SENT_FROM.match(stripped) and len(lines) - index <= 3:
            return "\n".join(lines[:index])
    # A closing near the end, followed only by a short signature block.
    for index in range(len(lines) - 1, 0, -1):
        if len(lines) - index > _SIGNATURE_MAX_LINES:
            break
        if _CLOSING.match(lines[index].strip()):
            tail = [ln for ln in lines[index + 1 :] if ln.strip()]
            if all(len(ln) <= 80 for ln in tail):
                return "\n".join(lines[:index])
    return "\n".join(lines)


def reply_text(text: str) -> str:
    """What the author wrote: without the quoted earlier messages and without the signature.

    mail-parser-reply recognises the quote headers of Danish and English mail programs ("Den
    24. nov. 2026 kl. 10.14 skrev …:", "On … wrote:", Outlook's "Fra:/Sendt:/Til:" block);
    everything from the first such header on is the quoted conversation. Lines quoted with
    ">" at the end go too. The author's own text is kept as written (line breaks included).
    """
    text = text.replace("\r\n", "\n").replace("\u200b", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = text[: _reply_header_start(text)]
    text = _strip_signature(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --- Bounces (RFC 3464 delivery status notifications) ----------------------------------------

_STATUS = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
_STATUS_PARTS = ("message/delivery-status", "message/global-delivery-status")
_SMTP_CODE = re.compile(r"(?<!\d)([45])\d\d(?!\d)[ -]")


@dataclass(frozen=True)
class BounceReport:
    kind: str  # "hard", "soft" or "" (a success notice or nothing recognisable)
    status: str  # "5.1.1"
    recipient: str  # the Final-Recipient as reported (may differ from ours after forwarding)
    diagnostic: str


def _kind(action: str, status: str) -> str:
    if action in ("delivered", "relayed", "expanded"):
        return ""
    if action == "delayed" or status.startswith("4"):
        return "soft"
    if status.startswith("5") or action == "failed":
        return "hard"
    return ""


def _field_value(value) -> str:
    text = " ".join(str(value or "").split())
    return text.split(";", 1)[1].strip() if ";" in text else text


def bounce_parse(message: EmailMessage) -> BounceReport:
    """The worst per-recipient result of a DSN, or the status found in a non-standard bounce."""
    reports = []
    for part in message.walk():
        if part.get_content_type() not in _STATUS_PARTS:
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            blocks = [message_parse(str(blocks).encode("utf-8", "replace"))]
        for block in blocks[1:] if len(blocks) > 1 else blocks:
            action = header(block, "Action").lower()
            status_match = _STATUS.search(header(block, "Status"))
            status = ".".join(status_match.groups()) if status_match else ""
            diagnostic = _field_value(header(block, "Diagnostic-Code"))
            if not status and diagnostic:
                found = _STATUS.search(diagnostic)
                status = ".".join(found.groups()) if found else ""
            if not action and not status:
                continue
            reports.append(
                BounceReport(
                    kind=_kind(action, status),
                    status=status,
                    recipient=_field_value(header(block, "Final-Recipient")),
                    diagnostic=diagnostic[:500],
                )
            )
    if reports:
        for wanted in ("hard", "soft", ""):
            for report in reports:
                if report.kind == wanted:
                    return report
    # Not a DSN (qmail, old Exchange, some webmail): the first status code in the text.
    text = body_text(message)
    found = _STATUS.search(text)
    if found:
        status = ".".join(found.groups())
        line = next((ln for ln in text.split("\n") if status in ln), status)
        return BounceReport(
            kind=_kind("", status), status=status, recipient="", diagnostic=line.strip()[:500]
        )
    code = _SMTP_CODE.search(text)
    if code:
        status = f"{code.group(1)}.0.0"
        line = next((ln for ln in text.split("\n") if code.group(0) in ln), status)
        return BounceReport(
            kind=_kind("", status), status=status, recipient="", diagnostic=line.strip()[:500]
        )
    return BounceReport(kind="", status="", recipient="", diagnostic="")


def is_delivery_report(message: EmailMessage) -> bool:
    return message.get_content_type() == "multipart/report" and (
        (message.get_param("report-type") or "").lower()
        in ("delivery-status", "global-delivery-status")
    )
