-- An application's row is about 3 kB (the snapshot 1.8 kB, the form's data 0.8 kB), a letter's
-- about 2.5 kB: just over the 2 kB at which PostgreSQL starts to compress and move values out of
-- line. Each command then compressed the snapshot again, wrote it to the TOAST table with an index
-- entry, deleted the old one, and every read fetched it back and decompressed it. Rows up to
-- 4 kB now stay whole in their page; larger ones are still compressed and moved as before.
ALTER TABLE applications SET (toast_tuple_target = 4096);
ALTER TABLE documents SET (toast_tuple_target = 4096);
