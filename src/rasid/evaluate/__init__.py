"""Evaluation against hand-coded gold (CODEBOOK section 12)."""

from .scorer import FIELDS, STRICT_FIELDS, Scores, normalize_name, score

__all__ = ["FIELDS", "STRICT_FIELDS", "Scores", "normalize_name", "score"]
