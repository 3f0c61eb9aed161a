#!/usr/bin/env python3
"""Writes the fictional reports of 云泽市 (a city that does not exist) for plan years 2016 to
2025, two of them missing (2019 and 2022): tests/history/yunze-YYYY.json.

Each report of plan year P holds the results of P-1 and the targets of P. Planted:
- 地区生产总值 (growth): targets met, missed, roughly met, a range (2020: 6–6.5%, met at
  6.2%), and targets without a result (2018 and 2021: the next report is missing; 2025: not
  yet published).
- 居民消费价格 (a rate of change, a limit: 涨幅控制在3%左右) and 城镇调查失业率 (a rate in %,
  from 2017 on): every target met by staying below it.
- 粮食产量 (a level): the 2024 target 250万吨以上 is a floor below the 2023 result 263.8.
- 城镇新增就业 (a level, floors): 2020 missed.
- 新建5G基站: in the 2021 report only (figures of one year).

Run from the repository: python3 tests/history/make-fixtures.py
"""

import json
import os

PLANS = [2016, 2017, 2018, 2020, 2021, 2023, 2024, 2025]
HERE = os.path.dirname(os.path.abspath(__file__))

# name, id, unit, category, measure ("growth", "rate_change", "value")
INDICATORS = [
    ("地区生产总值", "gdp", "亿元", "economy", "Gross regional product", "100 million yuan"),
    ("社会消费品零售总额", "retail_sales", "亿元", "consumption", "Retail sales of consumer goods", "100 million yuan"),
    ("居民消费价格", "cpi", "", "economy", "Consumer prices", None),
    ("城镇调查失业率", "surveyed_unemployment", "%", "employment", "Surveyed urban unemployment rate", "%"),
    ("粮食产量", "grain_output", "万吨", "agriculture", "Grain output", "10,000 tonnes"),
    ("城镇新增就业", "urban_new_jobs", "万人", "employment", "New urban jobs", "10,000 people"),
    ("新建5G基站", "new_5g_stations", "个", "innovation", "New 5G base stations", "stations"),
]

# Results by year: (value, growth).
RESULTS = {
    "gdp": {2015: (3050, 7.2), 2016: (3290, 7.6), 2017: (3510, 6.8), 2019: (3900, 6.1),
            2020: (4140, 6.2), 2022: (4560, 3.3), 2023: (4810, 5.4), 2024: (5060, 5.2)},
    "retail_sales": {2015: (1200, 10.5), 2016: (1320, 10.1), 2017: (1440, 9.2), 2019: (1650, 7.5),
                     2020: (1610, -2.4), 2022: (1800, 1.2), 2023: (1930, 7.1), 2024: (2040, 5.8)},
    "cpi": {2015: (None, 1.4), 2016: (None, 1.9), 2017: (None, 1.6), 2019: (None, 2.9),
            2020: (None, 2.3), 2022: (None, 1.8), 2023: (None, 0.3), 2024: (None, 0.4)},
    "surveyed_unemployment": {2017: (5.0, None), 2019: (5.2, None), 2020: (5.6, None),
                              2022: (5.7, None), 2023: (5.3, None), 2024: (5.1, None)},
    "grain_output": {2015: (250.3, None), 2016: (252.1, None), 2017: (255.0, None),
                     2019: (258.6, None), 2020: (260.2, None), 2022: (262.5, None),
                     2023: (263.8, 0.5), 2024: (259.1, None)},
    "urban_new_jobs": {2015: (8.2, None), 2016: (8.5, None), 2017: (8.9, None), 2019: (9.1, None),
                       2020: (7.6, None), 2022: (8.3, None), 2023: (8.8, None), 2024: (9.0, None)},
}

# Targets by year: (value, value_high, growth, growth_high, qualifier, quote).
def growth_target(name, g, q, high=None):
    words = {"about": f"增长{g:g}%左右", "at_least": f"增长{g:g}%以上", "exact": f"增长{g:g}%"}[q]
    if high is not None:
        words = f"增长{g:g}%—{high:g}%"
    return (None, None, g, high, q, f"{name}{words}")

TARGETS = {
    "gdp": {2016: growth_target("地区生产总值", 7.5, "about"),
            2017: growth_target("地区生产总值", 7, "at_least"),
            2018: growth_target("地区生产总值", 7, "about"),
            2020: growth_target("地区生产总值", 6, "exact", high=6.5),
            2021: growth_target("地区生产总值", 7, "at_least"),
            2023: growth_target("地区生产总值", 5.5, "about"),
            2024: growth_target("地区生产总值", 5, "about"),
            2025: growth_target("地区生产总值", 5, "about")},
    "retail_sales": {y: growth_target("社会消费品零售总额", g, "about")
                     for y, g in {2016: 11, 2017: 9.5, 2018: 9, 2020: 8, 2021: 10, 2023: 6,
                                  2024: 6, 2025: 5.5}.items()},
    "cpi": {y: (None, None, g, None, "about", f"居民消费价格涨幅控制在{g:g}%左右")
            for y, g in {2016: 3, 2017: 3, 2018: 3, 2020: 3.5, 2021: 3, 2023: 3, 2024: 3,
                         2025: 2}.items()},
    "surveyed_unemployment": {
        2017: (5.5, None, None, None, "at_most", "城镇调查失业率控制在5.5%以内"),
        **{y: (v, None, None, None, "about", f"城镇调查失业率{v:g}%左右")
           for y, v in {2018: 5.5, 2020: 6, 2021: 5.5, 2023: 5.5, 2024: 5.5, 2025: 5.5}.items()}},
    "grain_output": {y: (v, None, None, None, "at_least", f"粮食产量稳定在{v:g}万吨以上")
                     for y, v in {2016: 250, 2017: 250, 2018: 255, 2020: 255, 2021: 258,
                                  2023: 260, 2024: 250, 2025: 260}.items()},
    "urban_new_jobs": {y: (v, None, None, None, "at_least", f"城镇新增就业{v:g}万人以上")
                       for y, v in {2016: 8, 2017: 8, 2018: 8.5, 2020: 8.5, 2021: 8, 2023: 8,
                                    2024: 8.5, 2025: 8.5}.items()},
    "new_5g_stations": {2021: (3000, None, None, None, "exact", "新建5G基站3000个")},
}

RESULT_WORDS = {
    "gdp": lambda v, g: f"全市地区生产总值达到{v:g}亿元，增长{g:g}%",
    "retail_sales": lambda v, g: f"社会消费品零售总额{v:g}亿元，增长{g:g}%" if g >= 0
    else f"社会消费品零售总额{v:g}亿元，下降{-g:g}%",
    "cpi": lambda v, g: f"居民消费价格上涨{g:g}%",
    "surveyed_unemployment": lambda v, g: f"城镇调查失业率{v:g}%",
    "grain_output": lambda v, g: f"粮食产量{v:g}万吨" + (f"，增长{g:g}%" if g is not None else ""),
    "urban_new_jobs": lambda v, g: f"城镇新增就业{v:g}万人",
}


def report(plan):
    review = plan - 1
    indicators = []
    for name, ident, unit, category, name_en, unit_en in INDICATORS:
        observations = []
        result = RESULTS.get(ident, {}).get(review)
        if result is not None:
            value, growth = result
            observations.append({
                "year": review, "kind": "actual", "value": value, "growth_pct": growth,
                "qualifier": "exact", "quote": RESULT_WORDS[ident](value, growth)})
        target = TARGETS.get(ident, {}).get(plan)
        if target is not None:
            value, value_high, growth, growth_high, qualifier, quote = target
            obs = {"year": plan, "kind": "target", "value": value, "growth_pct": growth,
                   "qualifier": qualifier, "quote": quote}
            if value_high is not None:
                obs["value_high"] = value_high
            if growth_high is not None:
                obs["growth_pct_high"] = growth_high
            observations.append(obs)
        if not observations:
            continue
        indicators.append({
            "id": ident, "name_zh": name, "name_en": name_en, "category": category,
            "unit_zh": unit, "unit_en": unit_en, "headline": ident != "new_5g_stations",
            "comparable": True, "note_zh": None, "note_en": None,
            "observations": observations})
    return {
        "schema_version": 2,
        "report": {
            "title_zh": f"云泽市{plan}年政府工作报告",
            "title_en": f"Yunze Government Work Report {plan}",
            "region_zh": "云泽市", "region_en": "Yunze", "source": None,
            "review_year": review, "plan_year": plan, "level": "prefecture"},
        "indicators": indicators,
    }


for plan in PLANS:
    path = os.path.join(HERE, f"yunze-{plan}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report(plan), f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(path)
