#!/usr/bin/env python3
"""Writes market-ads.jsonl: synthetic adverts for the pricing worked example (docs/pricing.md).

Everything here is invented: texts are assembled from neutral template phrases, prices are drawn
from log-normal distributions with a fixed seed, and there are no phone numbers or names of real
people. Run from the repository root: python3 docs/examples/generate_market_ads.py
"""
import json
import math
import random
from pathlib import Path

rnd = random.Random(20261123)

OPENERS_EN = ["Relaxing session in a quiet private studio.", "Friendly and discreet, appointments only.",
              "Clean, calm space near the station.", "New website, same friendly service.",
              "Professional and punctual.", "Easy parking, evenings and weekends."]
OPENERS_DE = ["Ruhiges Studio, nur mit Termin.", "Diskret und freundlich.", "Zentral gelegen, Parkplatz vorhanden."]
OPENERS_RU = ["Уютная студия, только по записи.", "Спокойная обстановка, центр города."]


def lognormal(median, sigma):
    return math.exp(math.log(median) + sigma * rnd.gauss(0, 1))


def round_to(v, step):
    return max(step, int(round(v / step)) * step)


def usd_text(hourly):
    hr = round_to(hourly, 10)
    hh = round_to(hourly * 0.6, 10)
    form = rnd.randrange(6)
    if form == 0:
        return f"${hh} hh, ${hr} hr"
    if form == 1:
        return f"{hr}$ per hour"
    if form == 2:
        return f"Rates: hh {hh} roses, hr {hr} roses"
    if form == 3:
        return f"${hr}/hr"
    if form == 4:
        return f"qv ${round_to(hourly * 0.4, 10)}, full hour ${hr}"
    return f"{hh} usd half hour / {hr} usd 1h"


def eur_text(hourly):
    std = round_to(hourly, 10)
    half = round_to(hourly * 0.6, 10)
    form = rnd.randrange(3)
    if form == 0:
        return f"{std} € pro Stunde, halbe Stunde {half} €"
    if form == 1:
        return f"1 Std. {std} Euro"
    return f"€{half} 30 Min., €{std} 60 Min."


def rub_text(hourly):
    h = round_to(hourly, 500)
    form = rnd.randrange(2)
    if form == 0:
        return f"{h} руб/час"
    return f"час - {h} р, полчаса {round_to(hourly * 0.6, 500)} р"


def advert(i, market, category, language, opener, price_text):
    ad = {"id": f"mkt-{i:04d}", "market": market, "category": category, "language": language,
          "text": f"{opener} {price_text}"}
    return {k: v for k, v in ad.items() if v is not None}


ads = []
i = 0
# metro-a (USD): escort and massage adverts, a few far below the market
for n, category, median in [(300, "escort", 220), (120, "massage", 110)]:
    for _ in range(n):
        i += 1
        hourly = lognormal(median, 0.22)
        ads.append(advert(i, "metro-a", category, "en", rnd.choice(OPENERS_EN), usd_text(hourly)))
for _ in range(6):
    i += 1
    ads.append(advert(i, "metro-a", "escort", "en", rnd.choice(OPENERS_EN), usd_text(rnd.uniform(60, 90))))
# stadt-b (EUR), German
for _ in range(150):
    i += 1
    ads.append(advert(i, "stadt-b", "escort", "de", rnd.choice(OPENERS_DE), eur_text(lognormal(160, 0.2))))
# gorod-c (RUB), Russian: a small market, below the default minimum of 30 rates
for _ in range(18):
    i += 1
    ads.append(advert(i, "gorod-c", "massage", "ru", rnd.choice(OPENERS_RU), rub_text(lognormal(5000, 0.2))))
# adverts a baseline build cannot use: no market, or no hourly price
for _ in range(4):
    i += 1
    ads.append({"id": f"mkt-{i:04d}", "text": f"{rnd.choice(OPENERS_EN)} {usd_text(200)}"})
for _ in range(4):
    i += 1
    ads.append(advert(i, "metro-a", "escort", "en", rnd.choice(OPENERS_EN), "Message for rates."))

rnd.shuffle(ads)
out = Path(__file__).with_name("market-ads.jsonl")
out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ads), encoding="utf-8")
print(f"wrote {len(ads)} adverts to {out}")
