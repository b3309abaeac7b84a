/*
  014_policy_indexes: indexes for what the policies filter on.

  `abr-db verify` flags a column a policy filters on that no index leads
  with or constrains in a partial index. courses.deleted_at was the one left:
  every catalog read filters on `is_published and deleted_at is null` and
  lists by order_index, which this partial index serves directly.
*/

create index idx_courses_catalog on public.courses (order_index)
where is_published and deleted_at is null;
