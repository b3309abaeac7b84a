/*
  043_course_embeddings: what the coach recommends by meaning.

  Sentence embeddings of courses and lessons, from the same offline model and
  in the same space as the case law's (multilingual-e5-small, 384 dimensions,
  cosine; tools/abr_db/embed.py), computed by `abr-db embed` for any course or
  lesson that has none, and committed for the demo catalog (seeds/demo_courses.sql)
  so `make up` and CI need no model. Read only by the SECURITY DEFINER RPCs
  recommend_courses and related_cases_for_lesson (rpc_functions/63_recommendations.sql):
  no API role reads them.

  Their own tables, not columns of courses and lessons: the catalog's tables keep
  the spec's shape, and a catalog of a few hundred courses is ranked by an exact
  scan (no vector index needed).

  An edit of the embedded text makes an embedding stale: the triggers below delete
  it (abr-db embed computes it again). Their functions,
  private.clear_stale_course_embedding() and private.clear_stale_lesson_embedding(),
  are in rpc_functions/09_course_embedding_guards.sql (required below).
*/

create table private.course_embeddings (
  course_id uuid primary key references public.courses (id) on delete cascade,
  embedding extensions.vector (384) not null,
  embedding_model text not null,
  embedded_at timestamptz not null default now()
);

comment on table private.course_embeddings is
'Sentence embedding (multilingual-e5-small "passage: ", 384 dimensions, cosine) of each course''s titles and '
'descriptions in both languages; computed by abr-db embed, deleted when that text changes.';

create table private.lesson_embeddings (
  lesson_id uuid primary key references public.lessons (id) on delete cascade,
  embedding extensions.vector (384) not null,
  embedding_model text not null,
  embedded_at timestamptz not null default now()
);

comment on table private.lesson_embeddings is
'Sentence embedding (multilingual-e5-small "passage: ", 384 dimensions, cosine) of each lesson''s titles and the '
'start of its content in both languages; computed by abr-db embed, deleted when that text changes.';

revoke all on private.course_embeddings, private.lesson_embeddings from public, anon, authenticated, service_role;

-- The trigger functions are in rpc_functions/09_course_embedding_guards.sql:
-- requires: rpc_functions/09_course_embedding_guards.sql

create trigger clear_stale_embedding after update of title_en, title_fr, description_en, description_fr
on public.courses
for each row
when (
  old.title_en is distinct from new.title_en or old.title_fr is distinct from new.title_fr
  or old.description_en is distinct from new.description_en or old.description_fr is distinct from new.description_fr
)
execute function private.clear_stale_course_embedding();

create trigger clear_stale_embedding after update of title_en, title_fr, content_en, content_fr
on public.lessons
for each row
when (
  old.title_en is distinct from new.title_en or old.title_fr is distinct from new.title_fr
  or old.content_en is distinct from new.content_en or old.content_fr is distinct from new.content_fr
)
execute function private.clear_stale_lesson_embedding();

revoke all on function private.clear_stale_course_embedding(), private.clear_stale_lesson_embedding() from public;
-- The fallback for a new learner: what their organization's members started, per course.
create index idx_progress_org_course_rows on public.progress (organization_id, course_id)
where lesson_id is null and organization_id is not null;
