"""Django settings for the payments service."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = True  # EXPECT: error-stack-exposed
ALLOWED_HOSTS = ["payments.example.com"]
LIASONPAY_API_BASE = "https://api.liasonpay.com/v1"  # OK: plain-http-api
LIASONPAY_SECRET_KEY = os.environ.get("LIASONPAY_SECRET_KEY")  # OK: hardcoded-api-key
