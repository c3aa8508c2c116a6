#!/usr/bin/env python3
"""Writes report-ads.jsonl: synthetic adverts from several sites and months for `redflag report`
(docs/report.md).

Everything here is invented: texts are assembled from neutral template phrases and from phrases
that the default packs flag, with rates of each that differ by site and drift by month, prices are
drawn with a fixed seed, and there are no phone numbers, handles, addresses or names of real people.
Markets metro-a (USD, escort and massage) and stadt-b (EUR) match docs/examples/market.json.
Run from the repository root: python3 docs/examples/generate_report_ads.py
"""
import json
import math
import random
from pathlib import Path

rnd = random.Random(20261203)

NEUTRAL_EN = ["Relaxing session in a quiet private studio.", "Friendly and discreet, appointments only.",
              "Clean, calm space near the station.", "Professional and punctual.", "Easy parking, evenings and weekends.",
              "Independent, I screen every booking myself.", "Genuine photos, no fakes."]
NEUTRAL_DE = ["Ruhiges Studio, nur mit Termin.", "Diskret und freundlich.", "Zentral gelegen, Parkplatz vorhanden."]
# phrases the default packs flag (third-party control, movement, availability, youth wording)
FLAGGED_EN = ["Text my manager to book.", "New in town, only here for 3 days.", "Available 24/7, no days off.",
              "Young and fresh.", "Ask my agent for details.", "Just arrived, leaving soon."]
FLAGGED_DE = ["Neu in der Stadt!", "Termine nur über meinen Chef.", "Rund um die Uhr erreichbar."]
MONTHS = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]

# per site: adverts, share of adverts with flagged wording in July, rise of that share per month
SITES = {"boardA": (360, 0.10, 0.00), "boardB": (240, 0.15, 0.05), "boardC": (160, 0.30, -0.03), "boardD": (6, 0.5, 0.0)}


def lognormal(median, sigma):
    return math.exp(math.log(median) + sigma * rnd.gauss(0, 1))


def posted(month):
    day = rnd.randint(1, 28)
    return f"{month}-{day:02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00Z"


def advert(i, site, month):
    german = rnd.random() < 0.2
    market, language = ("stadt-b", "de") if german else ("metro-a", "en")
    category = "escort" if german or rnd.random() < 0.7 else "massage"
    ad = {"id": f"rep-{i:04d}"}
    if site is not None:
        ad["site"] = site
    ad.update({"market": market, "category": category, "language": language})
    if month is not None:
        ad["postedAt"] = posted(month)
    base, rise = SITES.get(site, (0, 0.12, 0.0))[1:]
    p = max(0.0, base + rise * MONTHS.index(month if month else MONTHS[0]))
    parts = [rnd.choice(NEUTRAL_DE if german else NEUTRAL_EN)]
    if rnd.random() < p:
        parts += rnd.sample(FLAGGED_DE if german else FLAGGED_EN, rnd.choice([1, 2, 2, 3]))
    if german:
        parts.append(f"{max(40, int(round(lognormal(160, 0.2), -1)))} € pro Stunde")
    else:
        median = 220 if category == "escort" else 110
        low = rnd.random() < p / 3  # a few rates far below the market where flagged wording is common
        parts.append(f"${max(20, int(round(rnd.uniform(0.25, 0.4) * median if low else lognormal(median, 0.22), -1)))}/hr")
    ad["text"] = " ".join(parts)
    return ad


ads = []
i = 0
for site, (n, _, _) in SITES.items():
    for k in range(n):
        i += 1
        month = None if rnd.random() < 0.03 else MONTHS[k * len(MONTHS) // n]
        ads.append(advert(i, site, month))
for _ in range(30):  # adverts whose capture did not record the site
    i += 1
    ads.append(advert(i, None, rnd.choice(MONTHS)))

rnd.shuffle(ads)
out = Path(__file__).with_name("report-ads.jsonl")
out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ads), encoding="utf-8")
print(f"wrote {len(ads)} adverts to {out}")
