"""SnowNLP baseline for bench/nlp-eval.js: reads one JSON string a line, writes SnowNLP's
sentiments (P(positive)) one a line. Texts are passed as given; SnowNLP does its own
traditional→simplified handling."""
import json
import sys

from snownlp import SnowNLP


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        for line in lines:
            text = json.loads(line)
            # SnowNLP fails on text with no characters it can segment; 0.5 = no opinion.
            try:
                value = SnowNLP(text).sentiments if text.strip() else 0.5
            except Exception:  # noqa: BLE001 - any failure is "no opinion" for the baseline
                value = 0.5
            out.write(f"{value:.6f}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
