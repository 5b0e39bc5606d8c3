"""Hypothesis settings profiles: "ci" (2,000 examples per property, no deadline) when the
environment variable CI is set, a quicker "dev" profile for local runs.

HYPOTHESIS_PROFILE=<name> picks a profile explicitly.
"""

import os

from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("ci", max_examples=2000, deadline=None, derandomize=False,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("dev", max_examples=150, deadline=None,
                          suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
