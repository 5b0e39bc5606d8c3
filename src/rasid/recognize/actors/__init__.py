"""Actors (CODEBOOK 8): the registry of conflict actors and their recognition in text."""

from .recognizer import ActorRecognizer
from .registry import Actor, Registry, normalize_actor_name, registry, with_country

__all__ = ["Actor", "ActorRecognizer", "Registry", "normalize_actor_name", "registry",
           "with_country"]
