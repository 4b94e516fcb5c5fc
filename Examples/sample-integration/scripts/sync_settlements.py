"""Downloads yesterday's settlements from LiasonPay into the reporting database."""
import hashlib
import hmac
import os
import sqlite3

import requests

API = "https://liasonpay.net/api/v1"
API_KEY = os.environ["LIASONPAY_API_KEY"]


def fetch_settlements(day):
    # GOOD: certificates verified.
    return requests.get(f"{API}/settlements", params={"day": day}, verify=True,
                        headers={"Authorization": f"Bearer {API_KEY}"}).json()


def fetch_payouts(day):
    # BAD (planted): certificate verification turned off "because of the corporate proxy".
    return requests.get(f"{API}/payouts", params={"day": day}, verify=False,
                        headers={"Authorization": f"Bearer {API_KEY}"}).json()


def store(db, settlements):
    # GOOD: parameters bound, never formatted into the SQL.
    db.executemany("INSERT INTO settlements (id, amount, currency) VALUES (?, ?, ?)",
                   [(s["id"], s["amount"], s["currency"]) for s in settlements])


def signed_export_is_authentic(body, signature, secret):
    # GOOD: a constant-time comparison.
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


if __name__ == "__main__":
    connection = sqlite3.connect(os.environ.get("REPORTING_DB", "reporting.db"))
    store(connection, fetch_settlements("yesterday"))
    connection.commit()
