"""Mail as mail programs write it, for the inbound tests."""

from email.message import EmailMessage
from email.mime.text import MIMEText
from email.utils import make_msgid

GMAIL_DA_QUOTE = (
    "\n\nDen ons. 25. nov. 2026 kl. 10.14 skrev Karen Kollega <kollega@3f.example.dk>:\n"
    "> Hvordan gør I med rådighed ved deltid?\n>\n> Karen\n"
)


def reply_mail(
    *,
    to: str,
    sender: str,
    body: str = "Vi gør det samme hos os.",
    subject: str = "Re: Rådighed ved deltid",
    message_id: str | None = None,
    headers: dict | None = None,
    charset: str = "utf-8",
    cte: str | None = None,
    attachment: bytes | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sofie Sagsbehandler <{sender}>"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = message_id or make_msgid(domain="mail.example.dk")
    for name, value in (headers or {}).items():
        message[name] = value
    if cte:
        message.set_content(body, charset=charset, cte=cte)
    else:
        message.set_content(body, charset=charset)
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="notat.pdf"
        )
    return wire(message)


def wire(message) -> bytes:
    """The message as it travels over SMTP: CRLF line ends (smtplib does not convert bytes)."""
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def html_mail(*, to: str, sender: str, html: str) -> bytes:
    message = MIMEText(html, "html", "utf-8")
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: Rådighed"
    message["Message-ID"] = make_msgid(domain="mail.example.dk")
    return wire(message)


def dsn(
    *,
    to: str,
    failed: str,
    action: str = "failed",
    status: str = "5.1.1",
    diagnostic: str = "smtp; 550 5.1.1 <x>: Recipient address rejected: User unknown",
) -> bytes:
    """A delivery status notification as Postfix writes it (RFC 3464)."""
    return (
        "From: MAILER-DAEMON@mx.example.dk (Mail Delivery System)\r\n"
        f"To: {to}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Auto-Submitted: auto-replied\r\n"
        f"Message-ID: {make_msgid(domain='mx.example.dk')}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
        "\r\n--B\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        "I'm sorry to have to inform you that your message could not be delivered.\r\n"
        "\r\n--B\r\n"
        "Content-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.dk\r\n\r\n"
        f"Final-Recipient: rfc822; {failed}\r\n"
        f"Action: {action}\r\n"
        f"Status: {status}\r\n"
        f"Diagnostic-Code: {diagnostic}\r\n"
        "\r\n--B--\r\n"
    ).encode()
