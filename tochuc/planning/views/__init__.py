"""Pages of quy hoạch cán bộ: the plan (plans.py), checks and figures (reports.py), the
department's configuration (configuration.py)."""
