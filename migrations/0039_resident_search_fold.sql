-- The desk's resident search ("Bewoner zoeken") compared lower(name) with what was typed, so
-- "Yildiz", "Celik" or "ayse yildiz" did not find "Ayşe Yıldız-Çelik": desk staff on a Dutch
-- keyboard concluded she had no account and registered her a second time. The search now
-- compares folded text: lower case, without diacritics, hyphens as word breaks, apostrophes left
-- out. The same function folds what staff type (users.repository.ts: searchUsers), so there is one
-- definition of "the same letters".
--
-- Plain built-ins only, no unaccent extension: the embedded database (PGlite) loads no
-- extensions, and unaccent() is not IMMUTABLE, so it could not fill the generated column below.
-- normalize() needs a UTF8 database, which both PostgreSQL and PGlite here are.
--   1. NFKD splits an accented letter into letter + combining mark (é, ç, ş, ğ, ž, å, İ, …), and
--      ligatures and compatibility forms into their letters (ĳ → ij, ﬁ → fi); the marks go.
--   2. Letters with no decomposition are mapped by hand: ı ł ø đ ð ħ ŧ → i l o d d h t, and
--      æ œ ß þ → ae oe ss th (also the capitals: lower() below only folds ASCII for certain).
--   3. Hyphens and dashes become spaces ('s-Gravendeel, Yıldız-Çelik: two words each);
--      apostrophes are dropped (O'Neil, O’Neil and ONeil are one name).
CREATE FUNCTION search_fold(s text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(
    replace(replace(replace(replace(replace(replace(replace(replace(
      translate(
        translate(
          translate(
            regexp_replace(normalize(s, NFKD), '[\u0300-\u036F]', '', 'g'),
            'ıŁłØøĐđÐðĦħŦŧ',
            'iLlOoDdDdHhTt'),
          '-‐‒–—―−',
          '       '),
        '''’‘ʼ`', ''),
      'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'),
      'ẞ', 'SS'), 'ß', 'ss'), 'Þ', 'TH'), 'þ', 'th'))
$$;

COMMENT ON FUNCTION search_fold(text) IS
  'Text as a search compares it: lower case, no diacritics (ı ł ø đ æ ß too), hyphens as spaces, no apostrophes.';

-- What a staff search looks in: name, e-mail and the postcode without its space ("3072AP"), folded
-- once when the row is written; each word typed must occur somewhere in it, in any order. Stored
-- rather than folded at each search: folding costs about 10 µs a row, so a search that folded
-- every row took seconds for 100,000 residents; matching the stored text costs about what the old
-- lower(name) LIKE did (a sequential scan of the table). No index: a typed word may sit anywhere
-- in a name ("celik" in "Yıldız-Çelik"), which a b-tree cannot answer, and a trigram index needs
-- pg_trgm, which the embedded database does not load.
-- Adding the column rewrites the users table once (tens of thousands of short rows).
ALTER TABLE users ADD COLUMN search_text text NOT NULL GENERATED ALWAYS AS (
  search_fold(name) || ' ' || coalesce(search_fold(email), '') || ' '
    || coalesce(search_fold(replace(postcode, ' ', '')), '')
) STORED;

COMMENT ON COLUMN users.search_text IS
  'Name, e-mail and postcode (without space) through search_fold, for staff searches; kept by the database.';
