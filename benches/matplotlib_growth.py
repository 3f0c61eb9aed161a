"""The growth chart of the headline targets, made with matplotlib, for comparing export time
and peak memory with `gwr-charts export --view growth --headline --size 1920x1080`. The
format follows the extension of the output file: .png, .svg or .pdf (text as outlines in
the SVG, the font embedded in the PDF, as gwr-charts does).

    pip install matplotlib
    for ext in png svg pdf; do
      hyperfine -w 2 -r 15 "python3 benches/matplotlib_growth.py /tmp/mpl.$ext" \
        "target/release/gwr-charts export --view growth --headline --out /tmp/gwr.$ext"
      /usr/bin/time -v python3 benches/matplotlib_growth.py /tmp/mpl.$ext 2>&1 | grep Maximum
    done
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

font = "assets/fonts/NotoSansSC-Regular.subset.otf"
font_manager.fontManager.addfont(font)
plt.rcParams["font.family"] = font_manager.FontProperties(fname=font).get_name()
plt.rcParams["svg.fonttype"] = "path"
plt.rcParams["pdf.fonttype"] = 42

data = json.load(open("assets/indicators.json", encoding="utf-8"))
marks = {"exact": "", "about": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤"}
rows = []
for ind in data["indicators"]:
    if not ind["headline"]:
        continue
    obs = {(o["year"], o["kind"]): o for o in ind["observations"]}
    actual, target = obs.get((2023, "actual")), obs.get((2024, "target"))
    a = actual and actual["growth_pct"]
    t = target and target["growth_pct"]
    if a is None and t is None:
        continue
    rows.append((ind["name_zh"], actual if a is not None else None, target if t is not None else None))

fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
for i, (name, actual, target) in enumerate(reversed(rows)):
    for obs, dy, color in ((actual, 0.18, "#0072B2"), (target, -0.18, "#E69F00")):
        if obs is None:
            continue
        g = obs["growth_pct"]
        ax.barh(i + dy, g, height=0.34, color=color)
        ax.text(g, i + dy, f" {marks[obs['qualifier']]}{g:g}%", va="center", fontsize=13)
ax.set_yticks(range(len(rows)), [r[0] for r in reversed(rows)], fontsize=14)
ax.set_xlabel("增长率（%）", fontsize=13)
ax.set_title("增长率：上年实际与今年目标", loc="left", fontsize=24, fontweight="bold")
ax.legend(handles=[plt.Rectangle((0, 0), 1, 1, color="#0072B2"), plt.Rectangle((0, 0), 1, 1, color="#E69F00")],
          labels=["2023 实际", "2024 目标"], loc="upper right")
fig.text(0.01, 0.01, "来源：" + data["report"]["title_zh"], fontsize=12)
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "mpl.png")
