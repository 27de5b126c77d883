-- A draft's deadlines now hold its regulation's last day for applications (the engine's
-- 'submission' deadline), so the resident's list shows by when to send it. Drafts stored before
-- have no next deadline: the deadlines job works theirs out on its next run.
update applications
   set deadlines_recompute_on = current_date
 where received_on is null
   and deadlines_recompute_on is null;
