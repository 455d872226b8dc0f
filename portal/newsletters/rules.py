"""Who may write and send the newsletter: the editorial desk (and admins, who stand in for it).

Reading the archive needs nothing beyond being a signed-in portal member.
"""

import rules

from portal.core.rules import is_admin, is_editor

rules.add_perm("newsletters.manage", is_editor | is_admin)
