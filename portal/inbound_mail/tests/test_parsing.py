"""Reading mail as mail programs write it: quotes, signatures, charsets, HTML, bounces."""

from email.message import EmailMessage

import pytest

from portal.inbound_mail import parsing

from .mails import dsn, html_mail, reply_mail

OWN_TEXT = "Hej Karen\n\nTak for svaret. Vi gør det samme hos os.\nDet virker fint."


@pytest.mark.parametrize(
    "quoted",
    [
        # Gmail, Danish
        "\n\nDen ons. 25. nov. 2026 kl. 10.14 skrev Karen Kollega <kollega@3f.example.dk>:\n"
        "> Hvordan gør I?\n>\n> Karen\n",
        # Apple Mail / iPhone, Danish: "Sendt fra min iPhone" then a quoted header
        "\n\nSendt fra min iPhone\n\n> Den 24. nov. 2026 kl. 10.14 skrev Karen Kollega "
        "<kollega@3f.example.dk>:\n>\n> Hvordan gør I?\n",
        # Gmail, Danish, header wrapped over two lines by the mail program
        "\n\nDen ons. 25. nov. 2026 kl. 10.14 skrev Karen Kollega <\n"
        "kollega@3f.example.dk>:\n\n> Hvordan gør I?\n",
        # Outlook, Danish
        "\n\nFra: Karen Kollega <kollega@3f.example.dk>\nSendt: 24. november 2026 10:14\n"
        "Til: Sofie <sagsbehandler@3f.example.dk>\nEmne: Rådighed ved deltid\n\nHvordan gør I?\n",
        # Old Outlook, Danish
        "\n\n-----Oprindelig meddelelse-----\nFra: Karen Kollega\nSendt: 24. november 2026\n"
        "Til: Sofie\nEmne: Rådighed\n\nHvordan gør I?\n",
        # Gmail, English
        "\n\nOn Wed, Nov 25, 2026 at 10:14 AM Karen Kollega <kollega@3f.example.dk> wrote:\n"
        "> How do you do it?\n",
        # Outlook, English
        "\n\nFrom: Karen Kollega <kollega@3f.example.dk>\nSent: Wednesday, November 25, 2026\n"
        "To: Sofie\nSubject: RE: Rådighed\n\nHow do you do it?\n",
        # Signature with the standard delimiter, then a quote
        "\n\n-- \nSofie Sagsbehandler\n3F A-kasse\nTlf. 12 34 56 78\n\n"
        "Den 24. nov. 2026 kl. 10.14 skrev Karen:\n> Hvordan?\n",
        # A closing and a short signature block
        "\n\nMed venlig hilsen\nSofie Sagsbehandler\n3F A-kasse, Aarhus\n",
        "\n\nMvh Sofie\n",
        "\n\nBest regards,\nSofie Sagsbehandler\n",
    ],
)
def test_reply_text_strips_quoted_messages_and_signatures_but_keeps_the_authors_text(quoted):
    assert parsing.reply_text(OWN_TEXT + quoted) == OWN_TEXT


def test_reply_text_keeps_lists_and_interleaved_quotes_of_the_author():
    text = (
        "> Hvordan gør I?\nSådan:\n- først ringer vi\n- så skriver vi\n\n"
        "> Og ved deltid?\nDet samme."
    )
    assert parsing.reply_text(text) == text


def test_reply_text_of_a_mail_that_only_quotes_is_empty():
    assert parsing.reply_text("\nDen 24. nov. 2026 kl. 10.14 skrev Karen:\n> Hvordan?\n") == ""


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-8"])
@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_body_text_decodes_danish_letters_in_every_charset_and_encoding(charset, cte):
    raw = reply_mail(
        to="x@y", sender="a@b", body="Rådighed, ærlig, øvelse. ÆØÅ", charset=charset, cte=cte
    )
    assert parsing.body_text(parsing.message_parse(raw)).strip() == "Rådighed, ærlig, øvelse. ÆØÅ"


def test_body_text_of_a_html_only_mail_keeps_paragraphs_and_marks_quotes():
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<div>Vi gør det samme &amp; det virker.</div><div><br></div>"
        "<p>Første afsnit<br>linje to</p>"
        '<div class="gmail_quote"><div>Den 24. nov. 2026 kl. 10.14 skrev Karen:</div>'
        "<blockquote>Hvordan gør I?</blockquote></div></body></html>"
    )
    text = parsing.body_text(parsing.message_parse(html_mail(to="x@y", sender="a@b", html=html)))
    assert "color:red" not in text
    assert "> Hvordan gør I?" in text
    assert parsing.reply_text(text) == ("Vi gør det samme & det virker.\n\nFørste afsnit\nlinje to")


def test_format_flowed_lines_are_joined():
    message = EmailMessage()
    message.set_content("En lang linje der \nfortsætter her.\n-- \nSofie\n")
    message.set_param("format", "flowed")
    assert parsing.body_text(message).startswith("En lang linje der fortsætter her.\n-- \n")


def test_attachments_are_listed_but_inline_parts_are_not():
    raw = reply_mail(to="x@y", sender="a@b", attachment=b"%PDF-1.4")
    assert parsing.attachment_names(parsing.message_parse(raw)) == ["notat.pdf"]


@pytest.mark.parametrize(
    ("headers", "envelope_from", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, "a@b.dk", "auto_submitted"),
        ({"Auto-Submitted": "auto-generated; owner-email=x@y"}, "a@b.dk", "auto_submitted"),
        ({"X-Autoreply": "yes"}, "a@b.dk", "autoreply"),
        ({"X-Autorespond": "Out of office"}, "a@b.dk", "autoreply"),
        ({"Precedence": "bulk"}, "a@b.dk", "precedence"),
        ({"Precedence": "auto_reply"}, "a@b.dk", "precedence"),
        ({"X-Auto-Response-Suppress": "All"}, "a@b.dk", "auto_response"),
        ({"List-Id": "<liste.example.dk>"}, "a@b.dk", "list"),
        ({"List-Unsubscribe": "<https://x/afmeld>"}, "a@b.dk", "list"),
        ({}, "", "null_sender"),
        ({}, "MAILER-DAEMON@mx.example.dk", "daemon"),
        ({"Subject": "Autosvar: Rådighed"}, "a@b.dk", "auto_subject"),
        ({"Subject": "Automatic reply: Rådighed"}, "a@b.dk", "auto_subject"),
        ({"Auto-Submitted": "no"}, "a@b.dk", ""),
        ({}, "a@b.dk", ""),
    ],
)
def test_automatic_mail_is_recognised(headers, envelope_from, reason):
    subject = headers.pop("Subject", "Re: Rådighed")
    raw = reply_mail(to="x@y", sender="a@b.dk", subject=subject, headers=headers)
    message = parsing.message_parse(raw)
    assert parsing.automatic_reason(message, envelope_from=envelope_from) == reason


def test_a_dsn_reports_a_hard_failure_with_its_status():
    report = parsing.bounce_parse(parsing.message_parse(dsn(to="x@y", failed="gone@b.dk")))
    assert (report.kind, report.status, report.recipient) == ("hard", "5.1.1", "gone@b.dk")


def test_a_delayed_dsn_is_a_soft_bounce():
    raw = dsn(
        to="x@y",
        failed="a@b.dk",
        action="delayed",
        status="4.2.2",
        diagnostic="smtp; 452 4.2.2 Mailbox full",
    )
    report = parsing.bounce_parse(parsing.message_parse(raw))
    assert (report.kind, report.status) == ("soft", "4.2.2")


def test_a_success_dsn_is_no_bounce():
    raw = dsn(to="x@y", failed="a@b.dk", action="delivered", status="2.0.0", diagnostic="")
    assert parsing.bounce_parse(parsing.message_parse(raw)).kind == ""


def test_a_non_standard_bounce_is_read_from_its_text():
    raw = (
        b"From: MAILER-DAEMON@mx.example.dk\r\nSubject: failure notice\r\n\r\n"
        b"Hi. This is the qmail-send program at mx.example.dk.\r\n<a@b.dk>:\r\n"
        b"Remote host said: 550 mailbox unavailable\r\n"
    )
    report = parsing.bounce_parse(parsing.message_parse(raw))
    assert (report.kind, report.status) == ("hard", "5.0.0")
    assert "mailbox unavailable" in report.diagnostic
