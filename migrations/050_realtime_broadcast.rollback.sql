-- Undoes 050_realtime_broadcast.
drop trigger if exists broadcast_org_seats_update on public.invitations;
drop trigger if exists broadcast_org_seats_insert on public.invitations;
drop trigger if exists broadcast_org_seats_update on public.subscription_seats;
drop trigger if exists broadcast_org_seats_insert on public.subscription_seats;
drop trigger if exists broadcast_ingestion_jobs_update on public.ingestion_jobs;
drop trigger if exists broadcast_ingestion_jobs_insert on public.ingestion_jobs;
drop trigger if exists broadcast_review_queue_update on public.tribunal_cases_raw;
drop trigger if exists broadcast_review_queue_insert on public.tribunal_cases_raw;
drop trigger if exists broadcast_certificates_issued on public.certificates;
drop trigger if exists broadcast_achievements_update on public.user_achievements;
drop trigger if exists broadcast_notifications_update on public.notifications;
drop trigger if exists broadcast_notifications_insert on public.notifications;

drop function if exists private.broadcast_org_seats();
drop function if exists private.broadcast_ingestion_jobs();
drop function if exists private.broadcast_review_queue();
drop function if exists private.broadcast_certificates_issued();
drop function if exists private.broadcast_achievements();
drop function if exists private.broadcast_notifications();
