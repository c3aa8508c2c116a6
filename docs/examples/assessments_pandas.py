"""Read Redflag assessments with pandas and slice each evidence span out of the advert.

Python indexes strings by code point, so ask Redflag for code point offsets:

    java -jar indicator-cli/target/redflag.jar score docs/examples/offsets-ads.jsonl \
        --offsets codepoints --out assessments.jsonl
    python3 docs/examples/assessments_pandas.py docs/examples/offsets-ads.jsonl assessments.jsonl

With the default (UTF-16) offsets, text[start:end] is wrong as soon as an emoji or a mathematical
bold letter comes before the match. This script checks, for every evidence item with a span, that
text[start:end] (or title[start:end] for evidence in the title) is the reported match, prints the
evidence per indicator, and exits 1 if any slice differs. Evidence of identifiers is masked unless
the scores were made with --reveal-identifiers; its span is still checked to lie within the text.
"""
import json
import sys

import pandas as pd


def main(adverts_path, assessments_path):
    # dtype=False keeps ids and numbers as written; one JSON object per line
    adverts = pd.read_json(adverts_path, lines=True, dtype=False).set_index("id")
    assessments = pd.read_json(assessments_path, lines=True, dtype=False)
    if "error" in assessments:  # error records stand in for lines that could not be read
        bad = assessments["error"].notna()
        if bad.any():
            print(f"{bad.sum()} input lines were errors; see their records", file=sys.stderr)
        assessments = assessments[~bad]
    if "offsets" not in assessments or (assessments["offsets"] != "codepoints").any():
        sys.exit("score with --offsets codepoints: Python slices strings by code point")

    # one row per evidence item, with the assessment's id beside it
    evidence = pd.json_normalize(assessments.to_dict("records"), record_path="evidence", meta=["id"])
    if "field" not in evidence:
        evidence["field"] = None
    spans = evidence[evidence["start"].notna()].copy()
    spans["start"] = spans["start"].astype(int)
    spans["end"] = spans["end"].astype(int)

    def source_text(row):
        ad = adverts.loc[row["id"]]
        return ad["title"] if row["field"] == "title" else ad["text"]

    spans["slice"] = [source_text(r)[r["start"]:r["end"]] for _, r in spans.iterrows()]
    masked = spans["match"] == "[masked]"
    wrong = spans[~masked & (spans["slice"] != spans["match"])]

    # prices and identifiers carry offsets in the same unit
    prices = pd.json_normalize(assessments.to_dict("records"), record_path="prices", meta=["id"])
    if len(prices):
        in_text = prices[prices["start"].notna()]
        price_text = [adverts.loc[r["id"], "text"][int(r["start"]):int(r["end"])] for _, r in in_text.iterrows()]
        print("prices as written:", ", ".join(price_text))

    print(spans[~masked].groupby("indicator")["slice"].apply(lambda s: " | ".join(s)).to_string())
    print(f"{len(spans)} evidence spans checked, {len(wrong)} differ from their match")
    if len(wrong):
        print(wrong[["id", "indicator", "start", "end", "match", "slice"]].to_string(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: assessments_pandas.py ADVERTS.jsonl ASSESSMENTS.jsonl")
    sys.exit(main(sys.argv[1], sys.argv[2]))
