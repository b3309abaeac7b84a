-- Undoes 044_embeddings_server_read.
revoke select on private.course_embeddings, private.lesson_embeddings from service_role;
