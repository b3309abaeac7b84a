/*
  Saved searches: run one through the same search as search_tribunal_cases,
  and the daily alert of new matching cases.

  saved_searches.filters (jsonb) holds the search form; every key optional:
    query text, lang 'en'|'fr' (default en), tribunals, outcomes,
    protected_grounds, discrimination_types, race_categories, precedent_values
    (each a string or an array of strings), year_from, year_to (integers),
    anti_black_only (boolean). The singular keys the data explorer used before
    (tribunal, outcome, protected_ground, race_category, precedent_value, and
    type for a discrimination type) are read too. Other keys are ignored.
    Checked on every write (028's trigger check_filters calls
    private.saved_search_filters_checked): a value of the wrong JSON type, a
    year that is not a whole number from 1900 to 2100, an unknown language,
    outcome, race category or precedent value, or a query with no searchable
    word is refused with 22023 naming the key; a search the alert job cannot
    run is never stored.

  run_saved_search(p_id): the owner only (another user's id is P0002, as if it
  did not exist); the first page (no p_cursor) counts a use (use_count + 1,
  last_used = now()).

  Alerts: private.notify_saved_search_results(), run daily by pg_cron
  (cron_jobs/notify_saved_search_results.sql), creates one notification per
  saved search with notify_on_new_results whose owner is not deleted and which
  has matching cases created after the search itself that it has not
  announced yet; private.saved_search_notified_cases remembers them, so a case
  is never announced twice by the same search. In the owner's language.
  Each search runs in its own subtransaction: one that fails, whatever the
  error (filters stored before they were checked on write, a notification
  refused), is logged as a WARNING naming the search and skipped with nothing
  of it written, and the job goes on: no user's data stops everyone's alerts.
*/

-- Filters of a saved search -------------------------------------------------------

-- A jsonb string or array of strings as text[]; null when absent; 22023 otherwise.
create or replace function private.saved_search_list(p_filters jsonb, p_keys text []) returns text []
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_key text;
  v_value jsonb;
begin
  foreach v_key in array p_keys loop
    v_value := p_filters -> v_key;
    continue when v_value is null or v_value = 'null'::jsonb;
    if pg_catalog.jsonb_typeof(v_value) = 'string' then
      return array[v_value ->> 0];
    end if;
    if
      pg_catalog.jsonb_typeof(v_value) = 'array'
      -- strict: lax mode would unwrap a nested list and take [["a"]] for ["a"].
      and not pg_catalog.jsonb_path_exists(v_value, 'strict $[*] ? (@.type() != "string")')
    then
      return array(select pg_catalog.jsonb_array_elements_text(v_value));
    end if;
    raise exception using errcode = '22023',
      message = pg_catalog.format('saved search filter %s must be a string or a list of strings', v_key),
      hint = 'Edit the saved search''s filters.';
  end loop;
  return null;
end;
$$;

comment on function private.saved_search_list(jsonb, text []) is
'Internal: the first present key of p_keys in saved-search filters as text[] (string or array of strings), or 22023.';

create or replace function private.saved_search_scalar(p_filters jsonb, p_key text, p_type text) returns text
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_filters -> p_key is null or p_filters -> p_key = 'null'::jsonb then
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p_filters -> p_key) <> p_type then
    raise exception using errcode = '22023',
      message = pg_catalog.format('saved search filter %s must be a %s', p_key, p_type),
      hint = 'Edit the saved search''s filters.';
  end if;
  return p_filters ->> p_key;
end;
$$;

comment on function private.saved_search_scalar(jsonb, text, text) is
'Internal: a saved-search filter of JSON type p_type (string, number, boolean) as text, or 22023.';

-- A year filter: null when absent; a whole JSON number from 1900 to 2100, else 22023.
create or replace function private.saved_search_year(p_filters jsonb, p_key text) returns integer
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_year numeric := private.saved_search_scalar(p_filters, p_key, 'number')::numeric;
begin
  if v_year is not null and (v_year <> pg_catalog.trunc(v_year) or v_year not between 1900 and 2100) then
    raise exception using errcode = '22023',
      message = pg_catalog.format('saved search filter %s must be a whole year from 1900 to 2100', p_key),
      hint = 'Edit the saved search''s filters.';
  end if;
  return v_year::integer;
end;
$$;

comment on function private.saved_search_year(jsonb, text) is
'Internal: the year_from / year_to filter of a saved search as an integer (1900-2100), or 22023.';

/*
  Every rule the filters are read by, applied at once: what the trigger
  check_filters (028) runs on each write. A rule of the search itself (a
  language, an outcome, a query of stop words) is re-raised naming the key.
*/
create or replace function private.saved_search_filters_checked(p_filters jsonb) returns void
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_lang text;
  v_message text;
begin
  if p_filters is null then
    return; -- the column's NOT NULL refuses it (23502)
  end if;
  if pg_catalog.jsonb_typeof(p_filters) <> 'object' then
    raise exception using errcode = '22023', message = 'saved search filters must be a JSON object',
      hint = 'For example {"query": "racial profiling", "year_from": 2015}.';
  end if;
  v_lang := coalesce(private.saved_search_scalar(p_filters, 'lang', 'string'), 'en');
  if v_lang not in ('en', 'fr') then
    raise exception using errcode = '22023', message = 'saved search filter lang must be en or fr',
      hint = 'Edit the saved search''s filters.';
  end if;
  begin
    perform private.case_tsquery(private.saved_search_scalar(p_filters, 'query', 'string'), v_lang);
    perform private.case_filters_checked(
      private.saved_search_list(p_filters, array['tribunals', 'tribunal']),
      private.saved_search_year(p_filters, 'year_from'),
      private.saved_search_year(p_filters, 'year_to'),
      private.saved_search_list(p_filters, array['outcomes', 'outcome']),
      private.saved_search_list(p_filters, array['protected_grounds', 'protected_ground']),
      private.saved_search_list(p_filters, array['discrimination_types', 'type']),
      coalesce(private.saved_search_scalar(p_filters, 'anti_black_only', 'boolean')::boolean, false),
      private.saved_search_list(p_filters, array['race_categories', 'race_category']),
      private.saved_search_list(p_filters, array['precedent_values', 'precedent_value'])
    );
  exception when sqlstate '22023' then
    get stacked diagnostics v_message = message_text;
    if v_message !~ '^saved search filter' then
      -- The search's own rule: its argument names (p_query, p_outcomes) become the filter keys.
      v_message := 'saved search filters: ' || pg_catalog.regexp_replace(v_message, '\mp_', '', 'g');
    end if;
    raise exception using errcode = '22023', message = v_message, hint = 'Edit the saved search''s filters.';
  end;
end;
$$;

comment on function private.saved_search_filters_checked(jsonb) is
'Internal: raises 22023 naming the key when saved-search filters cannot run (028''s trigger check_filters).';

-- run_saved_search --------------------------------------------------------------------

create or replace function private.run_saved_search(p_id uuid, p_limit integer, p_cursor text)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  protected_ground text [],
  discrimination_type text [],
  is_anti_black_specific boolean,
  precedent_value text,
  rank real,
  snippet text,
  total_count bigint,
  cursor text
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_filters jsonb;
begin
  if p_id is null then
    raise exception using errcode = '22023', message = 'p_id is required',
      hint = 'Pass the id of one of your saved searches.';
  end if;
  select s.filters into v_filters
  from public.saved_searches as s
  where s.id = p_id and s.user_id = (select private.current_user_id());
  if not found then
    raise exception using errcode = 'P0002', message = 'saved search not found',
      hint = 'Check p_id: it must be one of your own saved searches.';
  end if;

  return query
  select * from private.search_tribunal_cases(
    private.saved_search_scalar(v_filters, 'query', 'string'),
    coalesce(private.saved_search_scalar(v_filters, 'lang', 'string'), 'en'),
    private.saved_search_list(v_filters, array['tribunals', 'tribunal']),
    private.saved_search_year(v_filters, 'year_from'),
    private.saved_search_year(v_filters, 'year_to'),
    private.saved_search_list(v_filters, array['outcomes', 'outcome']),
    private.saved_search_list(v_filters, array['protected_grounds', 'protected_ground']),
    private.saved_search_list(v_filters, array['discrimination_types', 'type']),
    coalesce(private.saved_search_scalar(v_filters, 'anti_black_only', 'boolean')::boolean, false),
    private.saved_search_list(v_filters, array['race_categories', 'race_category']),
    private.saved_search_list(v_filters, array['precedent_values', 'precedent_value']),
    p_limit,
    p_cursor
  );

end;
$$;

create or replace function public.run_saved_search(p_id uuid, p_limit integer default 20, p_cursor text default null)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  protected_ground text [],
  discrimination_type text [],
  is_anti_black_specific boolean,
  precedent_value text,
  rank real,
  snippet text,
  total_count bigint,
  cursor text
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.run_saved_search(p_id, p_limit, p_cursor)
$$;

comment on function public.run_saved_search(uuid, integer, text) is
'Runs one of your saved searches (its filters: query, lang, tribunals, year_from, year_to, outcomes, '
'protected_grounds, discrimination_types, anti_black_only, race_categories, precedent_values) through '
'search_tribunal_cases. A read (STABLE: a read replica may serve it); record_saved_search_use counts a use. '
'Errors: 22023 invalid filters or parameter, P0002 not one of your saved searches.';

create or replace function private.record_saved_search_use(p_id uuid)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_count integer;
begin
  if p_id is null then
    raise exception using errcode = '22023', message = 'p_id is required',
      hint = 'Pass the id of one of your saved searches.';
  end if;
  update public.saved_searches as s
  set use_count = s.use_count + 1, last_used = pg_catalog.now()
  where s.id = p_id and s.user_id = (select private.current_user_id())
  returning s.use_count into v_count;
  if not found then
    raise exception using errcode = 'P0002', message = 'saved search not found',
      hint = 'Check p_id: it must be one of your own saved searches.';
  end if;
  return v_count;
end;
$$;

create or replace function public.record_saved_search_use(p_id uuid)
returns integer
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.record_saved_search_use(p_id)
$$;

comment on function public.record_saved_search_use(uuid) is
'Counts a use of one of your saved searches and stamps last_used (call it when you show its first page); '
'returns its use_count. A write: send it to the primary. Errors: 22023 missing p_id, P0002 not one of your saved '
'searches.';

-- Alerts: the daily job --------------------------------------------------------------

-- The live cases created after the saved search that match it and that it has
-- not announced: their ids, oldest first.
create or replace function private.saved_search_new_cases(p_search public.saved_searches) returns uuid []
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_filters jsonb := p_search.filters;
  v_lang text := coalesce(private.saved_search_scalar(v_filters, 'lang', 'string'), 'en');
  v_query tsquery := private.case_tsquery(private.saved_search_scalar(v_filters, 'query', 'string'), v_lang);
  v_case_filters private.case_filters := private.case_filters_checked(
    private.saved_search_list(v_filters, array['tribunals', 'tribunal']),
    private.saved_search_year(v_filters, 'year_from'),
    private.saved_search_year(v_filters, 'year_to'),
    private.saved_search_list(v_filters, array['outcomes', 'outcome']),
    private.saved_search_list(v_filters, array['protected_grounds', 'protected_ground']),
    private.saved_search_list(v_filters, array['discrimination_types', 'type']),
    coalesce(private.saved_search_scalar(v_filters, 'anti_black_only', 'boolean')::boolean, false),
    private.saved_search_list(v_filters, array['race_categories', 'race_category']),
    private.saved_search_list(v_filters, array['precedent_values', 'precedent_value'])
  );
  v_ids uuid [];
begin
  execute pg_catalog.format(
    $sql$
    select array_agg(c.id order by c.created_at, c.id)
    from public.tribunal_cases as c
    where c.deleted_at is null and c.created_at > $1 %1$s %2$s
      and not exists (
        select from private.saved_search_notified_cases as n
        where n.saved_search_id = $2 and n.case_id = c.id
      )
    $sql$,
    case when v_query is not null then pg_catalog.format('and c.%I @@ $3', 'search_' || v_lang) end,
    private.case_filters_sql(v_case_filters)
  ) into v_ids using p_search.created_at, p_search.id, v_query;
  return coalesce(v_ids, '{}');
end;
$$;

comment on function private.saved_search_new_cases(public.saved_searches) is
'Internal: live cases created after the saved search, matching it, not yet announced by it (oldest first).';

create or replace function private.notify_saved_search_results() returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_search record;
  v_case_ids uuid [];
  v_claimed uuid [];
  v_first_title text;
  v_notification_id uuid;
  v_count integer;
  v_notified integer := 0;
  v_error_state text;
  v_error text;
begin
  for v_search in
    select s as search, p.preferred_language as lang
    from public.saved_searches as s
    inner join public.profiles as p on p.id = s.user_id and p.deleted_at is null
    where s.notify_on_new_results
    order by s.id
  loop
    begin
      v_case_ids := private.saved_search_new_cases(v_search.search);
      continue when pg_catalog.cardinality(v_case_ids) = 0;

      -- Claim the cases first: a concurrent run announces none of them twice.
      with claimed as (
        insert into private.saved_search_notified_cases (saved_search_id, case_id)
        select (v_search.search).id, u.case_id from unnest(v_case_ids) as u (case_id)
        on conflict do nothing
        returning case_id
      )
      select array_agg(claimed.case_id) into v_claimed from claimed;
      continue when v_claimed is null;
      v_count := pg_catalog.cardinality(v_claimed);
      select c.title into v_first_title
      from public.tribunal_cases as c
      where c.id = any (v_claimed)
      order by c.created_at, c.id
      limit 1;

      insert into public.notifications (user_id, type, title, message, link_url, link_text)
      values (
        (v_search.search).user_id,
        'new_content',
        case v_search.lang
          when 'fr' then pg_catalog.format('Nouvelles décisions : %s', (v_search.search).name)
          else pg_catalog.format('New cases: %s', (v_search.search).name)
        end,
        case v_search.lang
          when 'fr' then pg_catalog.format(
            '%s nouvelle(s) décision(s) correspondent à votre recherche sauvegardée, dont « %s ».',
            v_count, v_first_title
          )
          else pg_catalog.format('%s new case(s) match your saved search, including "%s".', v_count, v_first_title)
        end,
        '/cases/search?saved=' || (v_search.search).id::text,
        case v_search.lang when 'fr' then 'Voir les décisions' else 'See the cases' end
      )
      returning id into v_notification_id;

      update private.saved_search_notified_cases as n
      set notification_id = v_notification_id
      where n.saved_search_id = (v_search.search).id and n.notification_id is null;
      v_notified := v_notified + 1;
    exception when others then
      -- This search only: its claims and notification are rolled back, the job goes on.
      get stacked diagnostics v_error_state = returned_sqlstate, v_error = message_text;
      raise warning using message = pg_catalog.format(
        'notify-saved-search-results: saved search %s skipped (%s: %s)', (v_search.search).id, v_error_state, v_error
      );
    end;
  end loop;
  return v_notified;
end;
$$;

comment on function private.notify_saved_search_results() is
'Job notify-saved-search-results: one notification per alerting saved search with new matching cases, '
'never twice for a case; a search that fails is logged (WARNING) and skipped, the others go on; returns how many '
'notifications were created.';

revoke all on function
private.saved_search_list(jsonb, text []),
private.saved_search_scalar(jsonb, text, text),
private.saved_search_year(jsonb, text),
private.saved_search_filters_checked(jsonb),
private.run_saved_search(uuid, integer, text),
public.run_saved_search(uuid, integer, text),
private.record_saved_search_use(uuid),
public.record_saved_search_use(uuid),
private.saved_search_new_cases(public.saved_searches),
private.notify_saved_search_results()
from public, anon, authenticated;

grant execute on function
private.run_saved_search(uuid, integer, text),
public.run_saved_search(uuid, integer, text),
private.record_saved_search_use(uuid),
public.record_saved_search_use(uuid)
to authenticated;
