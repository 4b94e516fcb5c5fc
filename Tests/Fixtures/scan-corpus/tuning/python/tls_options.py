import ssl

import httpx
import requests


def client(bundle):
    return httpx.Client(verify=bundle)  # OK: tls-verification-disabled


def client_off():
    return httpx.Client(verify=False)  # EXPECT: tls-verification-disabled


def insecure_only_in_tests(session, settings):
    session.verify = settings.CA_BUNDLE  # OK: tls-verification-disabled


def context():
    ctx = ssl.create_default_context(cafile="/etc/ssl/ca.pem")
    ctx.verify_mode = ssl.CERT_REQUIRED  # OK: tls-verification-disabled
    ctx.check_hostname = True  # OK: tls-verification-disabled
    if ctx.verify_mode == ssl.CERT_NONE:  # OK: tls-verification-disabled
        raise RuntimeError("verification must stay on")
    return ctx


def aiohttp_session(aiohttp):
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False))  # EXPECT: tls-verification-disabled


def post(url, data):
    return requests.post(url, data=data, timeout=10)  # OK: tls-verification-disabled


VERIFY_SSL = True  # OK: tls-verification-disabled
