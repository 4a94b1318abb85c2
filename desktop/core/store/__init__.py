"""Keeping extraction results: the cache that makes reopening instant (:mod:`.cache`), the
engine version it is keyed by (:mod:`.version`), the restricted codec it stores results in
(:mod:`.codec`) and the partitioned Parquet event store (:mod:`.parquet`)."""
