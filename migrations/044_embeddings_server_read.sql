/*
  044_embeddings_server_read: server code (service_role) may read the course and
  lesson embeddings of 043, as it reads tribunal_cases.embedding: vectors of
  catalog text, no personal data. Clients still read them only through
  recommend_courses and related_cases_for_lesson. (The bench's limit for those
  two RPCs is the same ranking written out as service_role.)
*/

grant select on private.course_embeddings, private.lesson_embeddings to service_role;
