/*
  Catalog slugs are no existence oracle: a draft course or learning path of
  another author reserves no slug, so an educator's insert or publish never
  fails because of a row they cannot read. What they can read still holds a
  slug: a published live course or path (23505 naming the slug, on insert
  and on publishing), and their own drafts. Two authors' drafts may share a
  slug until one is published; the other then publishes under another slug.
  A soft-deleted course reserves nothing either (only a super_admin sees it).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(13);

do $$
begin
  perform tests.create_org('t247-acme');
  perform tests.create_user('t247-ada', 'educator', 't247-acme');
  perform tests.create_user('t247-ben', 'educator', 't247-acme');
  insert into public.courses (slug, title_en, category, level, duration_minutes, is_published, created_by)
  values
    (tests.name('t247-secret'), 'T247 Ada''s secret draft', 'Foundations', 'Introductory', 30, false,
      tests.get_user_id('t247-ada')),
    (tests.name('t247-gone'), 'T247 deleted', 'Foundations', 'Introductory', 30, true, tests.get_user_id('t247-ada'));
  update public.courses set deleted_at = now(), is_published = false where slug = tests.name('t247-gone');
  insert into public.learning_paths (slug, title_en, course_ids, is_published, created_by)
  values (tests.name('t247-path'), 'T247 Ada''s draft path', '{}', false, tests.get_user_id('t247-ada'));
end
$$;

-- Acting as ben (educator): ada's draft and the deleted course are invisible, and reserve nothing
select tests.authenticate_as('t247-ben');
select is_empty(
  format($$select 1 from public.courses where slug in (%L, %L)$$, tests.name('t247-secret'), tests.name('t247-gone')),
  'ben sees neither ada''s draft nor the deleted course'
);
select lives_ok(
  format($$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values (%L, 'T247 Ben''s course', 'Foundations', 'Introductory', 30, tests.get_user_id('t247-ben'))$$,
    tests.name('t247-secret')),
  'ben creates a draft with the slug of ada''s hidden draft: no 23505 reveals it'
);
select lives_ok(
  format($$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values (%L, 'T247 Ben''s other', 'Foundations', 'Introductory', 30, tests.get_user_id('t247-ben'))$$,
    tests.name('t247-gone')),
  'and one with the slug of a soft-deleted course'
);
select lives_ok(
  format($$insert into public.learning_paths (slug, title_en, course_ids, created_by)
    values (%L, 'T247 Ben''s path', '{}', tests.get_user_id('t247-ben'))$$, tests.name('t247-path')),
  'and a path with the slug of ada''s hidden draft path'
);
select throws_ok(
  format($$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values (%L, 'T247 twice', 'Foundations', 'Introductory', 30, tests.get_user_id('t247-ben'))$$,
    tests.name('t247-secret')),
  '23505',
  format('the slug %L is already used by a published course or by one of your drafts', tests.name('t247-secret')),
  'his own two drafts cannot share a slug (he sees both): 23505 naming it'
);
select lives_ok(
  format($$update public.courses set is_published = true where slug = %L and created_by
    = tests.get_user_id('t247-ben')$$,
    tests.name('t247-secret')),
  'ben publishes his course: ada''s draft does not stop him'
);
select tests.clear_authentication();

-- Acting as ada: the slug is now a published course's, which she sees
select tests.authenticate_as('t247-ada');
select results_eq(
  format($$select count(*)::integer from public.courses where slug = %L$$, tests.name('t247-secret')),
  array[2],
  'ada sees ben''s published course and her own draft'
);
select throws_ok(
  format($$update public.courses set is_published = true where slug = %L and created_by
    = tests.get_user_id('t247-ada')$$,
    tests.name('t247-secret')),
  '23505',
  format('the slug %L is already used by a published course or by one of your drafts', tests.name('t247-secret')),
  'publishing her draft under the slug of a published course is refused: 23505 about what she can see'
);
select lives_ok(
  format($$update public.courses set slug = %L, is_published = true
    where slug = %L and created_by = tests.get_user_id('t247-ada')$$, tests.name('t247-secret-2'),
    tests.name('t247-secret')),
  'she publishes under another slug'
);
select throws_ok(
  format($$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values (%L, 'T247 copy', 'Foundations', 'Introductory', 30, tests.get_user_id('t247-ada'))$$,
    tests.name('t247-secret')),
  '23505',
  format('the slug %L is already used by a published course or by one of your drafts', tests.name('t247-secret')),
  'a new draft under a published course''s slug is refused at once'
);
select tests.clear_authentication();

-- A learner, who may not write the catalog, is refused as such before any word about a slug.
do $$ begin perform tests.create_user('t247-lou', 'learner', 't247-acme'); end $$;
select tests.authenticate_as('t247-lou');
select throws_ok(
  format($$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values (%L, 'T247 learner', 'Foundations', 'Introductory', 30, tests.get_user_id('t247-lou'))$$,
    tests.name('t247-secret')),
  '42501', null,
  'a learner inserting a course under a taken slug gets 42501 (not allowed), not 23505'
);
select tests.clear_authentication();

-- Whatever the triggers, the indexes hold: never two published live courses with one slug.
select throws_ok(
  format($$update public.courses set slug = %L where slug = %L$$, tests.name('t247-secret'),
    tests.name('t247-secret-2')),
  '23505', null,
  'even past RLS, two published courses never share a slug'
);
select is(
  (select count(*)::integer from public.courses
    where slug = tests.name('t247-secret') and is_published),
  1,
  'one published course holds the slug'
);

select * from finish();
rollback;
