/*
  step: saved searches (a learner in five, half of them with alerts)

  English ("racial profiling") or French with a tribunal filter, as the data
  explorer saves them. Its own step (not the cases'): it reads the people of
  the first step (syn_users), so it runs in the seed's main transaction.
*/

insert into public.saved_searches (user_id, name, filters, notify_on_new_results, created_at)
select
  u.id,
  case when u.n % 10 = 0 then 'Racial profiling' else 'Profilage racial (TDPO)' end,
  case
    when u.n % 10 = 0 then '{"query": "racial profiling", "lang": "en"}'::jsonb
    else '{"query": "profilage racial", "lang": "fr", "tribunals": ["HRTO"]}'::jsonb
  end,
  u.n % 20 in (0, 5),
  now() - make_interval(days => u.n % 90)
from syn_users as u
where u.kind = 'learner' and u.n % 5 = 0;
