/*
  010_indexes: the spec's "Critical Indexes", reconciled with the indexes it
  already defines beside each table.

  Already created, and not again:
    idx_profiles_email   (001) the unique key on profiles.email
    idx_profiles_org     (001) identical definition
    idx_tribunal_tags    (004) identical definition
  Reconciled here:
    idx_progress_user_recent  the spec's idx_progress_user under another
                              name, same columns: created once, with this name.
    idx_progress_completion   defined twice, as (completion_percentage) and as
                              (user_id, completion_percentage) where < 100.
                              The second serves the real query, a learner's
                              unfinished courses; the first, a scan of all
                              learners by percentage, serves no query of the
                              product. The second is kept.
  Every foreign key already has an index whose leading columns are its own
  (created with each table); `abr-db verify` checks that this stays so.
*/

-- Progress: a learner's recent and unfinished courses.
create index idx_progress_user_recent on public.progress (user_id, last_accessed desc);
create index idx_progress_completion on public.progress (user_id, completion_percentage)
where completion_percentage < 100;

-- Tribunal case search over title and English summary (idx_tribunal_fts,
-- in 004, also covers the full text).
create index idx_tribunal_search on public.tribunal_cases using gin (
  to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, ''))
);

-- Leaderboard.
create index idx_achievements_leaderboard on public.user_achievements (total_points desc, level desc);

-- Billing renewals.
create index idx_subscriptions_renewal on public.subscriptions (next_payment_date, status)
where status = 'active' and cancel_at_period_end = false;
