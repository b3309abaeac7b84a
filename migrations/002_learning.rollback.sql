-- Undoes 002_learning.
drop table if exists public.certificates;
drop function if exists private.assign_certificate_number();
drop sequence if exists private.certificate_number_seq;
drop table if exists public.progress;
drop table if exists public.lessons;
drop function if exists private.maintain_lesson_count();
drop table if exists public.courses;
