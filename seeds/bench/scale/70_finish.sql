/*
  step: statistics and the analytics view

  The planner's statistics for the new rows, and org_analytics (the nightly
  job's materialized view) refreshed so that my_org_analytics() sees them.
*/

refresh materialized view public.org_analytics;
analyze;
