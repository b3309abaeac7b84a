/*
  The clear 23505 for a slug the caller can see taken: by a published (live)
  row, which everyone reads, or by another live draft of the same author.
  SECURITY DEFINER to see past RLS, but it answers only about rows every
  author reads anyway; the partial unique indexes above are the guarantee
  (two concurrent writers get their plain 23505).
*/
create or replace function private.check_catalog_slug() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  live boolean := coalesce((pg_catalog.to_jsonb(new) ->> 'deleted_at') is null, true);
  kind text := case tg_table_name when 'courses' then 'course' else 'learning path' end;
  taken boolean;
begin
  if not live or new.slug is null then
    return new;
  end if;
  -- A signed-in user the policies refuse this row (not an author, or an educator writing
  -- another author's row) gets their 42501, never first a word about the slug.
  if (select private.current_user_id()) is not null and not (select private.is_super_admin())
    and not coalesce((select private.is_educator()) and new.created_by = (select private.current_user_id()), false)
  then
    return new;
  end if;
  if tg_table_name = 'courses' then
    select exists (
      select from public.courses as c
      where c.slug = new.slug and c.id <> new.id and c.deleted_at is null
        and (c.is_published or (not new.is_published and c.created_by = new.created_by))
    ) into taken;
  else
    select exists (
      select from public.learning_paths as lp
      where lp.slug = new.slug and lp.id <> new.id
        and (lp.is_published or (not new.is_published and lp.created_by = new.created_by))
    ) into taken;
  end if;
  if taken then
    raise exception using
      errcode = '23505',
      message = pg_catalog.format('the slug %s is already used by a published %s or by one of your drafts',
        pg_catalog.quote_literal(new.slug), kind),
      hint = 'Choose another slug.';
  end if;
  return new;
end;
$$;

comment on function private.check_catalog_slug() is
'BEFORE trigger on courses and learning_paths: 23505 for a slug a published row or the author''s own draft holds '
'(never for another author''s draft).';

revoke all on function private.check_catalog_slug() from public;

/*
  Catalog guards (triggers bound by 028_points_audit_slugs_privileges): what a
  course or badge may be worth, and slugs that reveal no draft of another author.
  028 runs this file at its place (`-- requires:`), so the functions exist
  before the triggers that call them and the data fixes that use them.
*/

create or replace function private.max_points_value() returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 10000
$$;

comment on function private.max_points_value() is
'The most points a course or a badge may be worth (10,000): with the integer totals saturating, no award can '
'overflow and no single badge can buy the leaderboard.';

create or replace function private.check_points_value() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.points_value is null or new.points_value not between 0 and private.max_points_value() then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format(
        'points_value must be a whole number from 0 to %s, not %s',
        private.max_points_value(), coalesce(new.points_value::text, 'null')
      ),
      hint = pg_catalog.format('A %s is worth at most %s points.',
        case tg_table_name when 'courses' then 'course' else 'badge' end, private.max_points_value());
  end if;
  return new;
end;
$$;

comment on function private.check_points_value() is
'BEFORE trigger on courses and custom_badges: points_value from 0 to private.max_points_value() (22023).';

revoke all on function private.max_points_value(), private.check_points_value() from public;
