"""abr-db: the database of ABR Insights."""
