#!/usr/bin/env python3
"""Assigns coded adverts to eval/dev.jsonl or eval/test.jsonl by a stable hash of their id.

Usage: python3 eval/split.py NEW_ITEMS.jsonl...

An item goes to test when int(sha256(id)[:8], 16) % 10 < 4, else to dev (EvalCorpusTest checks
this for every line). test.jsonl is frozen: this script refuses to add to it unless --unfreeze is
given, and then eval/README.md's SHA-256 must be updated in the same commit.
"""
import hashlib, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def in_test(item_id):
    return int(hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:8], 16) % 10 < 4

def main(args):
    unfreeze = "--unfreeze" in args
    files = [a for a in args if a != "--unfreeze"]
    dev, test = [], []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    item = json.loads(line)
                    (test if in_test(item["id"]) else dev).append(line.rstrip("\n"))
    if test and not unfreeze and os.path.exists(os.path.join(HERE, "test.jsonl")):
        sys.exit(f"{len(test)} new items hash into the frozen test split; pass --unfreeze to add them")
    for name, lines in (("dev.jsonl", dev), ("test.jsonl", test)):
        if lines:
            with open(os.path.join(HERE, name), "a", encoding="utf-8") as out:
                for l in lines:
                    out.write(l + "\n")
    print(f"dev +{len(dev)}, test +{len(test)}")

if __name__ == "__main__":
    main(sys.argv[1:])
