#!/usr/bin/python3
"""The figures of `kunde report value, rfm, churn, cohort, top and summary` computed with
pandas from the generator's files, written apart from kunde's C++ so the two can be checked
against each other and timed side by side (scripts/bench).

Reads orders.csv (order lines) and contacts.csv, leaves out cancelled orders and the rows
after --as-of, and prints one JSON object: for each report its totals (money in minor units)
and the seconds it took, counting the shared reading of the files once in "load_seconds".
The definitions are kunde-report(1)'s; costs to serve are left out (none configured), and
churn uses the median-interval rule alone (no P(alive) model).

  scripts/reports_pandas.py DIR --as-of 2026-10-31
"""
import argparse
import json
import time

import numpy as np
import pandas as pd


def load(directory, as_of):
    lines = pd.read_csv(f"{directory}/orders.csv", dtype={"order": str, "customer": str, "ordered_at": str,
                                                          "sku": str, "channel": str, "status": str},
                        keep_default_na=False, na_values={"unit_cost": [""]})
    lines = lines[lines["status"].str.lower() != "cancelled"]
    lines["day"] = pd.to_datetime(lines["ordered_at"].str.slice(0, 10))
    lines = lines[lines["day"] <= as_of]
    lines["amount"] = np.round(lines["quantity"] * lines["unit_price"] * 100).astype(np.int64)
    lines["cost"] = np.round((lines["quantity"] * lines["unit_cost"]).fillna(0) * 100).astype(np.int64)
    contacts = pd.read_csv(f"{directory}/contacts.csv", usecols=["customer", "at", "channel", "direction"],
                           dtype=str, keep_default_na=False)
    contacts = contacts[pd.to_datetime(contacts["at"].str.slice(0, 10)) <= as_of]
    return lines, contacts


def value(lines, contacts):
    per = lines.groupby("customer").agg(revenue=("amount", "sum"), cost=("cost", "sum"), orders=("order", "nunique"))
    per["contacts"] = contacts.groupby("customer").size()
    per = per.fillna({"contacts": 0})
    per["margin"] = per["revenue"] - per["cost"]
    per["profit"] = per["margin"]
    per = per.sort_values("profit", ascending=False, kind="stable")
    n = len(per)
    per["decile"] = np.arange(n) * 10 // max(n, 1) + 1
    per["cumulative"] = per["profit"].cumsum()
    deciles = per.groupby("decile")["profit"].sum()
    return {"customers": int(n), "orders": int(per["orders"].sum()), "revenue": int(per["revenue"].sum()),
            "margin": int(per["margin"].sum()), "losing": int((per["profit"] < 0).sum()),
            "top_decile_profit": int(deciles.iloc[0]) if n else 0}


def rfm(lines, as_of):
    orders = lines.groupby(["customer", "order"]).agg(day=("day", "min"), amount=("amount", "sum")).reset_index()
    per = orders.groupby("customer").agg(last=("day", "max"), f=("order", "count"), m=("amount", "sum"))
    per["r_days"] = (as_of - per["last"]).dt.days
    per = per.sort_index()

    def quintile(values, reverse):
        order = np.lexsort((np.arange(len(values)), -values if reverse else values))
        scores = np.empty(len(values), dtype=int)
        scores[order] = np.arange(len(values)) * 5 // max(len(values), 1) + 1
        return scores

    per["R"] = quintile(per["r_days"].to_numpy(), True)
    per["F"] = quintile(per["f"].to_numpy(), False)
    per["M"] = quintile(per["m"].to_numpy(), False)
    grid = per.groupby(["R", "F"]).size()
    return {"customers": int(len(per)), "orders": int(per["f"].sum()), "revenue": int(per["m"].sum()),
            "champions": int(((per["R"] >= 4) & (per["F"] >= 4) & (per["M"] >= 4)).sum()), "cells": int(len(grid))}


def churn(lines, as_of, churn_days=365, factor=3):
    days = lines.groupby(["customer", "day"])["amount"].sum().reset_index()
    days["gap"] = days.groupby("customer")["day"].diff().dt.days
    per = days.groupby("customer").agg(first=("day", "min"), last=("day", "max"), n=("day", "count"),
                                       median=("gap", "median"), revenue=("amount", "sum"))
    since = (as_of - per["last"]).dt.days
    churned = since >= churn_days
    at_risk = ~churned & (per["n"] >= 3) & (since > factor * per["median"])
    return {"customers": int(len(per)), "churned": int(churned.sum()), "at_risk_by_interval": int(at_risk.sum()),
            "revenue": int(per["revenue"].sum()), "churned_revenue": int(per.loc[churned, "revenue"].sum())}


def cohort(lines):
    month = lines["day"].dt.year * 12 + lines["day"].dt.month - 1
    frame = pd.DataFrame({"customer": lines["customer"].values, "month": month.values, "amount": lines["amount"].values})
    frame["cohort"] = frame.groupby("customer")["month"].transform("min")
    frame["k"] = frame["month"] - frame["cohort"]
    active = frame.drop_duplicates(["customer", "k"]).groupby(["cohort", "k"]).size()
    revenue = frame.groupby(["cohort", "k"])["amount"].sum()
    return {"cohorts": int(frame["cohort"].nunique()), "customers": int(frame["customer"].nunique()),
            "cells": int(len(active)), "revenue": int(revenue.sum())}


def top(lines, n=10):
    per = lines.groupby("customer").agg(revenue=("amount", "sum"), cost=("cost", "sum"))
    per["profit"] = per["revenue"] - per["cost"]
    per = per.sort_values("profit", ascending=False, kind="stable")
    channel = lines.drop_duplicates(["customer", "order"]).groupby(["customer", "channel"]).size()
    main = channel.reset_index().sort_values([0, "channel"], ascending=[False, True]).drop_duplicates("customer")
    main = main.set_index("customer")["channel"]
    is_top = per.index.isin(per.index[:n])
    shares = pd.crosstab(main.reindex(per.index).fillna(""), is_top, normalize="columns")
    return {"customers": int(len(per)), "top_profit": int(per["profit"].iloc[:n].sum()), "profiles": int(len(shares))}


def summary(lines, as_of):
    start = as_of - pd.DateOffset(months=1) + pd.Timedelta(days=1)
    before = start - pd.DateOffset(months=1)
    first = lines.groupby("customer")["day"].transform("min")
    now = lines[lines["day"] >= start]
    prev = lines[(lines["day"] >= before) & (lines["day"] < start)]
    return {"buyers": int(lines["customer"].nunique()), "orders": int(lines["order"].nunique()),
            "revenue": int(lines["amount"].sum()), "revenue_this_period": int(now["amount"].sum()),
            "revenue_previous_period": int(prev["amount"].sum()),
            "new_this_period": int(lines.loc[first >= start, "customer"].nunique())}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="kunde-gen's output directory")
    parser.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    args = parser.parse_args()
    as_of = pd.Timestamp(args.as_of)

    started = time.perf_counter()
    lines, contacts = load(args.directory, as_of)
    out = {"load_seconds": round(time.perf_counter() - started, 4)}
    for name, compute in (("value", lambda: value(lines, contacts)), ("rfm", lambda: rfm(lines, as_of)),
                          ("churn", lambda: churn(lines, as_of)), ("cohort", lambda: cohort(lines)),
                          ("top", lambda: top(lines)), ("summary", lambda: summary(lines, as_of))):
        started = time.perf_counter()
        figures = compute()
        figures["seconds"] = round(time.perf_counter() - started, 4)
        out[name] = figures
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
