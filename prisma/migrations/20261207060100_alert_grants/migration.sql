-- Saved-search alerts also name new grants (decision 0043): ids only, read through the visibility rule when shown.
-- Nullable like the other alert id lists: Prisma declares scalar lists without NOT NULL.
ALTER TABLE "Notification" ADD COLUMN "alertGrantIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
