"""Billing views for the merchant dashboard (Flask + SQLAlchemy + requests)."""
import hashlib
import hmac
import logging
import os
import ssl
import traceback

import requests
import urllib3
from flask import Flask, abort, jsonify, request
from sqlalchemy import text

from .db import db, engine

app = Flask(__name__)
log = logging.getLogger(__name__)

LIASONPAY_KEY = os.environ["LIASONPAY_SECRET_KEY"]  # OK: hardcoded-api-key
FALLBACK_KEY = "sk_live_9aKd02LmQx7TpWv3RsYz6bNc"  # EXPECT: hardcoded-api-key
WEBHOOK_SECRET = "whsec_Hq8vN3kLp0aXz5Rt7Wm2Yc4D"  # EXPECT: hardcoded-api-key
API = "https://api.liasonpay.com/v1"  # OK: plain-http-api
STATUS_URL = "http://status.liasonpay.com/api/v2/summary.json"  # EXPECT: plain-http-api


def charge(amount, currency, source):
    return requests.post(f"{API}/charges", auth=(LIASONPAY_KEY, ""), data={"amount": amount}, verify=False)  # EXPECT: tls-verification-disabled


def charge_with_bundle(amount):
    return requests.post(f"{API}/charges", data={"amount": amount}, verify="/etc/ssl/certs/ca.pem")  # OK: tls-verification-disabled


def legacy_context():
    ctx = ssl._create_unverified_context()  # EXPECT: tls-verification-disabled
    return ctx


def pinned_context():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # OK: weak-tls-version
    ctx.check_hostname = True  # OK: tls-verification-disabled
    return ctx


def old_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # EXPECT: weak-tls-version
    ctx.verify_mode = ssl.CERT_NONE  # EXPECT: tls-verification-disabled
    return ctx


def pool_manager():
    return urllib3.PoolManager(cert_reqs="CERT_NONE")  # EXPECT: tls-verification-disabled


@app.route("/invoices/<merchant_id>")
def invoices(merchant_id):
    rows = db.session.execute(text(f"SELECT * FROM invoices WHERE merchant_id = {merchant_id}"))  # EXPECT: sql-string-interpolation
    return jsonify([dict(r) for r in rows])


@app.route("/invoices/<merchant_id>/safe")
def invoices_safe(merchant_id):
    rows = db.session.execute(text("SELECT * FROM invoices WHERE merchant_id = :m"), {"m": merchant_id})  # OK: sql-string-interpolation
    return jsonify([dict(r) for r in rows])


def search(cursor, status, since):
    query = "SELECT id, total FROM invoices WHERE status = '%s'" % status  # EXPECT: sql-string-interpolation
    cursor.execute(query)
    cursor.execute("SELECT id FROM invoices WHERE created_at > %s", (since,))  # OK: sql-string-interpolation
    sql = "SELECT id FROM invoices WHERE currency = '{}'".format(request.args["currency"])  # EXPECT: sql-string-interpolation
    cursor.execute(sql)
    template = "SELECT id FROM invoices WHERE id = {id}"  # OK: sql-string-interpolation
    print(f"SELECT returned {cursor.rowcount} rows for {status}")  # OK: sql-string-interpolation
    log.debug("UPDATE invoices SET status = %s WHERE id = %s", status, since)  # OK: sql-string-interpolation


def archive(cursor, ids):
    sql = "DELETE FROM invoices WHERE id IN ("
    sql += ",".join(str(i) for i in ids) + ")"  # EXPECT: sql-string-interpolation
    cursor.execute(sql)


def bulk_update(cursor, status, invoice_id):
    cursor.execute("UPDATE invoices SET status = '" + status +  # EXPECT: sql-string-interpolation
                   "' WHERE id = %s", (invoice_id,))


@app.route("/webhooks/liasonpay", methods=["POST"])
def webhook():
    received = request.headers.get("LiasonPay-Signature", "")
    expected = hmac.new(WEBHOOK_SECRET.encode(), request.data, hashlib.sha256).hexdigest()
    if received != expected:  # EXPECT: webhook-signature-unsafe-compare
        abort(400)
    return "", 200


@app.route("/webhooks/v2", methods=["POST"])
def webhook_v2():
    received = request.headers.get("LiasonPay-Signature", "")
    expected = hmac.new(WEBHOOK_SECRET.encode(), request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(received, expected):  # OK: webhook-signature-unsafe-compare
        abort(400)
    return "", 200


@app.errorhandler(Exception)
def handle(exc):
    log.exception("unhandled")
    return jsonify(error=str(exc), trace=traceback.format_exc()), 500  # EXPECT: error-stack-exposed


@app.route("/invoices", methods=["POST"])
def create_invoice():
    try:
        body = request.get_json(force=True)
    except ValueError as exc:
        return jsonify(error=f"malformed JSON: {exc}"), 400  # OK: error-stack-exposed
    return jsonify(body), 201


def report_failure(exc):
    log.error("charge failed: %s", traceback.format_exc())  # OK: error-stack-exposed
