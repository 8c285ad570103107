-- A counted view can be given back when the page was not served (unknown code or release, upstream error). Only the
-- request that counted it may give it back: `reservation` names that request. It is cleared as soon as another request
-- relies on the view (the code was seen before this month), so a racing give-back can never leave a served page
-- uncounted.
alter table code_view add column reservation uuid;
