#!/usr/bin/python3
"""Reference BG/NBD fit with pandas and scipy, written apart from kunde's C++ so the two can
be checked against each other (and timed side by side) on the same order file.

Reads order lines (kunde-gen's orders.csv, or any CSV with a customer column, ordered_at,
and amount or unit_price and quantity), merges each customer's purchases per day, drops
cancelled orders and days whose net amount is negative (returns), and summarises the
calibration period up to --calibration-end (inclusive) as x, t_x and T in periods.
Prints one JSON object: the data summary, r, alpha, a, b, the log-likelihood and seconds.

  scripts/clv_scipy.py DIR/orders.csv --calibration-end 2026-10-31
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln, psi

PERIODS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12.0}


def read_orders(path, count_returns):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    columns = {c.lower(): c for c in frame.columns}
    customer = next((columns[c] for c in ("customer", "customer_id", "customer_number") if c in columns), None)
    if customer is None or "ordered_at" not in columns:
        sys.exit(f"{path}: needs a customer and an ordered_at column")
    if "status" in columns:
        frame = frame[frame[columns["status"]].str.lower() != "cancelled"]
    if "amount" in columns:
        amount = pd.to_numeric(frame[columns["amount"]])
    else:
        amount = pd.to_numeric(frame[columns["unit_price"]]) * pd.to_numeric(frame[columns["quantity"]])
    days = pd.DataFrame({
        "customer": frame[customer].values,
        "day": pd.to_datetime(frame[columns["ordered_at"]].str.slice(0, 10)).values,
        # Cents, as kunde keeps money, so sums of many lines stay exact.
        "amount": np.round(amount.values * 100).astype(np.int64),
    })
    days = days.groupby(["customer", "day"], as_index=False)["amount"].sum()
    if not count_returns:
        days = days[days["amount"] >= 0]
    return days


def summarise(days, end, period):
    cal = days[days["day"] <= end]
    per = cal.groupby("customer")["day"].agg(["min", "max", "count"])
    x = (per["count"] - 1).to_numpy(dtype=float)
    t_x = (per["max"] - per["min"]).dt.days.to_numpy(dtype=float) / period
    T = (end - per["min"]).dt.days.to_numpy(dtype=float) / period
    return x, t_x, T


def negative_log_likelihood(log_params, x, t_x, T):
    r, alpha, a, b = np.exp(log_params)
    repeat = x > 0
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.full_like(x, -np.inf)
    a4[repeat] = (np.log(a) - np.log(b + x[repeat] - 1) - (r + x[repeat]) * np.log(alpha + t_x[repeat]))
    ll = a1 + a2 + np.logaddexp(a3, a4)
    # Gradient: the weight of the drop-out term in each customer's likelihood.
    w = np.exp(a4 - np.logaddexp(a3, a4))
    d_r = psi(r + x) - psi(r) + np.log(alpha) - (1 - w) * np.log(alpha + T) - w * np.log(alpha + t_x)
    d_alpha = r / alpha - (r + x) * ((1 - w) / (alpha + T) + w / (alpha + t_x))
    d_a = psi(a + b) - psi(a + b + x) + w / a
    d_b = psi(a + b) + psi(b + x) - psi(b) - psi(a + b + x)
    d_b[repeat] -= w[repeat] / (b + x[repeat] - 1)
    grad = np.array([d_r.sum() * r, d_alpha.sum() * alpha, d_a.sum() * a, d_b.sum() * b])
    return -ll.sum(), -grad


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("orders")
    parser.add_argument("--calibration-end", required=True, help="last day of the calibration period, YYYY-MM-DD")
    parser.add_argument("--period", choices=PERIODS, default="week")
    parser.add_argument("--count-returns", action="store_true",
                        help="count days with a negative net amount as purchases (lifetimes, BTYD)")
    parser.add_argument("--method", default="L-BFGS-B", help="scipy.optimize.minimize method (default L-BFGS-B)")
    args = parser.parse_args()

    started = time.perf_counter()
    days = read_orders(args.orders, args.count_returns)
    x, t_x, T = summarise(days, pd.Timestamp(args.calibration_end), PERIODS[args.period])
    summary_seconds = time.perf_counter() - started

    rate = x.sum() / max(T.sum(), 1e-9)
    start = np.log([0.5, 0.5 / rate, 1.0, 3.0])
    gradient = args.method in ("L-BFGS-B", "BFGS", "CG", "TNC", "SLSQP", "Newton-CG", "trust-constr")
    started = time.perf_counter()
    if gradient:
        result = minimize(negative_log_likelihood, start, args=(x, t_x, T), jac=True, method=args.method,
                          options={"maxiter": 10000, "gtol": 1e-9, "ftol": 1e-15} if args.method == "L-BFGS-B"
                          else {"maxiter": 10000, "gtol": 1e-6})
    else:
        result = minimize(lambda p: negative_log_likelihood(p, x, t_x, T)[0], start, method=args.method,
                          options={"maxiter": 40000, "maxfev": 40000, "xatol": 1e-10, "fatol": 1e-10})
    fit_seconds = time.perf_counter() - started

    r, alpha, a, b = np.exp(result.x)
    print(json.dumps({
        "customers": int(len(x)),
        "repeat_buyers": int((x > 0).sum()),
        "repeat_purchases": int(x.sum()),
        "period": args.period,
        "calibration_end": args.calibration_end,
        "method": args.method,
        "converged": bool(result.success),
        "evaluations": int(result.nfev),
        "r": r, "alpha": alpha, "a": a, "b": b,
        "log_likelihood": -float(result.fun),
        "summary_seconds": round(summary_seconds, 4),
        "fit_seconds": round(fit_seconds, 4),
    }, indent=2))


if __name__ == "__main__":
    main()
