#!/usr/bin/env python3
"""Generates src/CascadeGuard.Tool/samples/accounts.csv, the sample book the `cascadeguard map` command reads by default.

Seeded and deterministic: `python3 eng/generate-sample-book.py` rewrites the same file byte for byte.

Distributions (see docs/cli.md):
- debt size: log-normal with median 7,634 and log-standard-deviation 2.241, the median and spread of the 124 per-borrower
  repayments in the Compound cDAI liquidations of 2020-11-26 (shared/data/compound_cdai_liquidations_2020-11-26_by_borrower.csv,
  from kybx86/compound, compensation_prop_32), capped at 20,000,000;
- health factor: 1 + Gamma(shape 1.5, scale 0.35) for 97 % of accounts, uniform in [0.90, 1.00) for 3 % (liquidatable now);
- collateral mix: a primary asset (ETH 55 %, WBTC 25 %, LINK 10 %, USDC 10 %), a second asset with probability 0.4 taking
  10–50 % of the value, a third with probability 0.1 taking 5–20 %;
- debt: USDC (60 %), DAI (25 %) or both (15 %, split uniformly).
Asset parameters are those Aave v3 (Ethereum market) published for these assets in 2024, rounded.
"""
import math
import random

SEED = 20201126
ACCOUNTS = 3000
ASSETS = [
    # name, price, loan-to-value, liquidation threshold, liquidation penalty (bonus)
    ("ETH", 3000.0, 0.805, 0.83, 0.05),
    ("WBTC", 60000.0, 0.73, 0.78, 0.05),
    ("LINK", 15.0, 0.53, 0.68, 0.07),
    ("USDC", 1.0, 0.75, 0.78, 0.045),
    ("DAI", 1.0, None, None, None),
]
PRIMARY = [("ETH", 0.55), ("WBTC", 0.25), ("LINK", 0.10), ("USDC", 0.10)]


def pick(rng, weighted):
    x = rng.random()
    for name, w in weighted:
        x -= w
        if x < 0:
            return name
    return weighted[-1][0]


def main():
    rng = random.Random(SEED)
    params = {a[0]: a for a in ASSETS}
    lines = ["record,account,asset,amount,price,loan_to_value,liquidation_threshold,liquidation_penalty"]
    for name, price, ltv, lt, pen in ASSETS:
        fields = ["" if v is None else repr(v) for v in (price, ltv, lt, pen)]
        lines.append(f"asset,,{name},," + ",".join(fields))
    for i in range(ACCOUNTS):
        account = f"acct-{i + 1:05d}"
        debt = min(20_000_000.0, rng.lognormvariate(math.log(7634.445), 2.241))
        health = rng.uniform(0.90, 1.00) if rng.random() < 0.03 else 1.0 + rng.gammavariate(1.5, 0.35)
        shares = {pick(rng, PRIMARY): 1.0}
        for probability, low, high in ((0.4, 0.10, 0.50), (0.1, 0.05, 0.20)):
            if rng.random() < probability:
                other = pick(rng, PRIMARY)
                if other not in shares:
                    share = rng.uniform(low, high)
                    shares = {k: v * (1 - share) for k, v in shares.items()}
                    shares[other] = share
        weighted = sum(s * params[a][3] for a, s in shares.items())
        value = health * debt / weighted
        for asset, share in shares.items():
            quantity = round(share * value / params[asset][1], 8)
            lines.append(f"collateral,{account},{asset},{quantity!r},,,,")
        kind = rng.random()
        if kind < 0.60:
            lines.append(f"debt,{account},USDC,{round(debt, 2)!r},,,,")
        elif kind < 0.85:
            lines.append(f"debt,{account},DAI,{round(debt, 2)!r},,,,")
        else:
            split = rng.random()
            lines.append(f"debt,{account},USDC,{round(debt * split, 2)!r},,,,")
            lines.append(f"debt,{account},DAI,{round(debt * (1 - split), 2)!r},,,,")
    with open("src/CascadeGuard.Tool/samples/accounts.csv", "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
