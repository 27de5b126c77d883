-- The application search (GET /api/applications?q=…, the desk's "Aanvraag zoeken") found the
-- resident's name without its diacritics ("Yildiz" finds "Ayşe Yıldız", migration 0039) but
-- compared the title with ILIKE, which ignores case and nothing else: "Yildiz" did not find
-- "Buurtfeest bij Ayşe Yıldız", and neither did "ayse". A title is now searched as a name is:
-- folded by search_fold (0039: lower case, no diacritics, ı ş ç ğ ë é ï … as i s c g e e i,
-- hyphens as word breaks, no apostrophes), each word typed folded the same way and looked for
-- anywhere in it (applications.list.ts).
--
-- Stored, as users.search_text is, and kept by the database: folding every title at each search
-- costs about 10 µs a row. Adding the column fills it for every existing application (PostgreSQL
-- rewrites the table once); a title written later is folded when its row is. No index, for the
-- reason 0039 gives: a word may sit anywhere in a title, which a b-tree cannot answer, and a
-- trigram index needs pg_trgm, which the embedded database does not load. The search's use of an
-- index is unchanged: the order's index (applications_next_deadline_idx and the others), with the
-- search as a filter, as the ILIKE was.
ALTER TABLE applications ADD COLUMN title_search text NOT NULL
  GENERATED ALWAYS AS (search_fold(title)) STORED;

COMMENT ON COLUMN applications.title_search IS
  'The title through search_fold, for the application search; kept by the database.';
