"""Rebuild src/rasid/data/ner/ner.crfsuite (same as `rasid train-ner`).

    .venv/bin/python scripts/train_ner.py [../shared/data]
"""

import sys
from pathlib import Path

from rasid.recognize.names.train import train

if __name__ == "__main__":
    train(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
