"""The web page and HTTP API (`rasid serve`): FastAPI app in ``api.py``, page in ``static/``."""

from .api import create_app

__all__ = ["create_app"]
