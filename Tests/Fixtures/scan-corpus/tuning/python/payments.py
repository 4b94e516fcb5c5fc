import hashlib
import hmac
import logging
import ssl
import traceback

import requests
import urllib3
from django.http import JsonResponse
from sqlalchemy import text

logger = logging.getLogger(__name__)

LIVE = "sk_live_Pq72LxNm3Kw9RtY4vB8cZd1F"  # EXPECT: hardcoded-api-key
SANDBOX_DOC = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx"  # OK: hardcoded-api-key
PLAIN = "http://api.liasonpay.com/v1"  # EXPECT: plain-http-api
SECURE = "https://api.liasonpay.com/v1"  # OK: plain-http-api


def get(url):
    return requests.get(url, verify=False)  # EXPECT: tls-verification-disabled


def get_session(url):
    s = requests.Session()
    s.verify = False  # EXPECT: tls-verification-disabled
    return s.get(url)


def verified(url):
    return requests.get(url, verify=True)  # OK: tls-verification-disabled


def contexts():
    a = ssl._create_unverified_context()  # EXPECT: tls-verification-disabled
    b = ssl.create_default_context()
    b.check_hostname = False  # EXPECT: tls-verification-disabled
    b.verify_mode = ssl.CERT_NONE  # EXPECT: tls-verification-disabled
    c = ssl.create_default_context()
    c.verify_mode = ssl.CERT_REQUIRED  # OK: tls-verification-disabled
    d = urllib3.PoolManager(cert_reqs="CERT_NONE")  # EXPECT: tls-verification-disabled
    e = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")  # OK: tls-verification-disabled
    f = ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)  # EXPECT: tls-verification-disabled
    g = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)  # EXPECT: weak-tls-version
    h = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # OK: weak-tls-version
    h.minimum_version = ssl.TLSVersion.TLSv1  # EXPECT: weak-tls-version
    ssl._create_default_https_context = ssl._create_unverified_context  # EXPECT: tls-verification-disabled
    return a, b, c, d, e, f, g, h


def queries(cursor, session, user_id, name, order):
    cursor.execute(f"SELECT * FROM payments WHERE user_id = {user_id}")  # EXPECT: sql-string-interpolation
    cursor.execute("SELECT * FROM payments WHERE user_id = %s", (user_id,))  # OK: sql-string-interpolation
    cursor.execute("SELECT * FROM payments WHERE name = '%s'" % name)  # EXPECT: sql-string-interpolation
    cursor.execute("SELECT * FROM payments WHERE name = '{}'".format(name))  # EXPECT: sql-string-interpolation
    cursor.execute("SELECT * FROM payments WHERE name = :name", {"name": name})  # OK: sql-string-interpolation
    session.execute(text(f"SELECT * FROM payments ORDER BY {order}"))  # EXPECT: sql-string-interpolation
    session.execute(text("SELECT * FROM payments WHERE id = :id"), {"id": user_id})  # OK: sql-string-interpolation
    query = "SELECT * FROM payments WHERE status = 'open'".format()  # OK: sql-string-interpolation
    table = f"SELECT * FROM {PAYMENTS_TABLE}"  # OK: sql-string-interpolation
    sql = "SELECT id FROM payments WHERE merchant = " + name  # EXPECT: sql-string-interpolation
    cursor.execute(sql)
    sql = "SELECT id FROM payments WHERE 1=1"  # OK: sql-string-interpolation
    sql += " AND currency = '" + name + "'"  # EXPECT: sql-string-interpolation
    sql += " AND amount > %s"  # OK: sql-string-interpolation
    cursor.execute(sql, (10,))
    cursor.execute("UPDATE payments SET note = '" + name +  # EXPECT: sql-string-interpolation
                   "' WHERE id = %s", (user_id,))
    cursor.execute("UPDATE payments SET note = %s "  # OK: sql-string-interpolation
                   "WHERE id = %s", (name, user_id))
    logger.info(f"SELECT * FROM payments WHERE user_id = {user_id}")  # OK: sql-string-interpolation
    print("DELETE FROM payments WHERE id = " + str(user_id))  # OK: sql-string-interpolation
    logger.debug("UPDATE payments SET x = {}".format(name))  # OK: sql-string-interpolation
    raw = Payment.objects.raw(f"SELECT * FROM payments WHERE name = '{name}'")  # EXPECT: sql-string-interpolation
    safe = Payment.objects.raw("SELECT * FROM payments WHERE name = %s", [name])  # OK: sql-string-interpolation
    msg = f"Select a payment method, {name}"  # OK: sql-string-interpolation
    return raw, safe, msg


def webhook(request, secret):
    sent = request.headers["LiasonPay-Signature"]
    mine = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    if sent == mine:  # EXPECT: webhook-signature-unsafe-compare
        return True
    if hmac.new(secret, request.body, hashlib.sha256).hexdigest() != request.headers["LiasonPay-Signature"]:  # EXPECT: webhook-signature-unsafe-compare
        return False
    if not hmac.compare_digest(sent, mine):  # OK: webhook-signature-unsafe-compare
        return False
    if signature_version == "v1":  # OK: webhook-signature-unsafe-compare
        return True
    return len(sent) == 64  # OK: webhook-signature-unsafe-compare


def view(request):
    try:
        return do(request)
    except ValueError as exc:
        return JsonResponse({"error": str(exc)}, status=400)  # OK: error-stack-exposed
    except Exception as exc:
        return JsonResponse({"error": str(exc), "trace": traceback.format_exc()}, status=500)  # EXPECT: error-stack-exposed


def view2(request):
    try:
        return do(request)
    except Exception:
        logger.exception("failed")  # OK: error-stack-exposed
        return JsonResponse({"error": "internal error"}, status=500)  # OK: error-stack-exposed

