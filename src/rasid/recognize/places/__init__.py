"""Places: the project's Arabic gazetteer, a clitic-aware toponym recogniser and resolution to
ACLED's place fields (CODEBOOK section 7)."""

from .demonyms import country_from_demonym
from .gazetteer import Place, gazetteer
from .recognizer import PlaceRecognizer, named_with_type_word, type_word_of
from .resolve import country_info, geocode, place_fields

__all__ = ["Place", "PlaceRecognizer", "country_from_demonym", "country_info", "gazetteer",
           "geocode", "named_with_type_word", "place_fields", "type_word_of"]
