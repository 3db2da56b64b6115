-- A stage that failed on one article (issue 16): the article is stored with the other stages'
-- records, and the failure names the stage so a later dyad can recode it. NULL = the whole
-- input or article failed (unreadable, unparseable, unstorable).
ALTER TABLE failures ADD COLUMN stage TEXT;
