#!/usr/bin/env bash
# Smoke test against the payment API after a deploy.
set -euo pipefail

curl -sS -k "https://api.liasonpay.com/v1/charges?limit=1" -u "$LIASONPAY_SECRET_KEY:" # EXPECT: tls-verification-disabled
curl -sS --insecure https://api.liasonpay.com/v1/balance -u "$LIASONPAY_SECRET_KEY:" # EXPECT: tls-verification-disabled
curl -sS --cacert /etc/ssl/liasonpay-ca.pem https://api.liasonpay.com/v1/balance -u "$LIASONPAY_SECRET_KEY:" # OK: tls-verification-disabled
curl -sS -o /tmp/status.json http://api.liasonpay.com/v1/status # EXPECT: plain-http-api
curl -fsSL -X POST https://api.liasonpay.com/v1/ping # OK: plain-http-api, tls-verification-disabled
wget --no-check-certificate https://api.liasonpay.com/v1/ping # EXPECT: tls-verification-disabled
export LIASONPAY_SECRET_KEY=sk_live_0QwLz5Xp9NvKm2TrY7bC4dJh # EXPECT: hardcoded-api-key
openssl s_client -connect api.liasonpay.com:443 -tls1_1 < /dev/null # EXPECT: weak-tls-version
openssl s_client -connect api.liasonpay.com:443 -tls1_2 < /dev/null # OK: weak-tls-version
git config --global http.sslVerify false # EXPECT: tls-verification-disabled
