-- Decision 0043: the creators of a member-created organisation hear when an admin verifies it. Its own migration,
-- so parallel additions to the enum merge without rewriting the type.
ALTER TYPE "NotificationKind" ADD VALUE 'ORGANIZATION_VERIFIED';
