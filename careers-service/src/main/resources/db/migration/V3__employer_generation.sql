-- Search caches how postings are shown, including the employer's name, logo and verified flag: an employer change
-- moves the posting generation too.
create trigger employer_profile_generation after insert or update or delete or truncate on employer_profile
    for each statement execute function bump_posting_generation();
