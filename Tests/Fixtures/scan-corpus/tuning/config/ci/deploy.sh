#!/bin/sh
set -e
curl -k https://api.liasonpay.com/v1/health # EXPECT: tls-verification-disabled
curl -sSfk https://api.liasonpay.com/v1/health # EXPECT: tls-verification-disabled
curl --insecure -X POST https://api.liasonpay.com/v1/deploy # EXPECT: tls-verification-disabled
curl -sS https://api.liasonpay.com/v1/health # OK: tls-verification-disabled
curl -o k.tar.gz https://example.com/k.tar.gz # OK: tls-verification-disabled
curl http://api.liasonpay.com/v1/health # EXPECT: plain-http-api
curl --tlsv1.0 https://api.liasonpay.com/v1/health # EXPECT: weak-tls-version
curl --tlsv1.2 https://api.liasonpay.com/v1/health # OK: weak-tls-version
npm config set strict-ssl false # EXPECT: tls-verification-disabled
export NODE_TLS_REJECT_UNAUTHORIZED=0 # EXPECT: tls-verification-disabled
export LIASONPAY_KEY=sk_live_Ux46QxLm3Np9RwK1vYc8BdHj # EXPECT: hardcoded-api-key
export LIASONPAY_KEY="${LIASONPAY_KEY:?set it}" # OK: hardcoded-api-key
pip install --trusted-host pypi.example.com payments # OK: tls-verification-disabled
