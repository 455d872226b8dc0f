"""Hooks the debate offers other apps (search, hotline, guides, insights, notifications by email).

Sent by forum services inside their transaction; receivers that do slow work defer it with
transaction.on_commit.
"""

from django.dispatch import Signal

# post=Post; sent after a thread's opening post or a reply is created.
post_created = Signal()
# post=Post; sent after a post's text was edited (a revision has been stored).
post_edited = Signal()
# thread=Thread, post=Post, by=User; sent when an answer is accepted.
answer_accepted = Signal()
# thread=Thread; sent when a thread is moved, merged, hidden, shown, pinned, closed or reopened.
thread_changed = Signal()
# thread_id=int; sent when someone opens a thread's page (insights counts it for "most read").
thread_viewed = Signal()
# user_id=int; sent when the person's read mark of a thread moves (services.thread_read_record).
thread_read = Signal()
