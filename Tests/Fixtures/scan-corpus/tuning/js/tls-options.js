// TLS options as real Node services write them.
const fs = require('fs');
const https = require('https');
const axios = require('axios');

const ca = fs.readFileSync('/etc/ssl/liasonpay-ca.pem');
const agent = new https.Agent({ ca, rejectUnauthorized: true }); // OK: tls-verification-disabled
const pinned = new https.Agent({ ca, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) }); // OK: tls-verification-disabled
const lax = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) }); // EXPECT: tls-verification-disabled
const fromEnv = new https.Agent({ rejectUnauthorized: process.env.TLS_VERIFY !== 'false' }); // OK: tls-verification-disabled
const insecureWarning = 'Refusing to start: rejectUnauthorized is false'; // OK: tls-verification-disabled
const flags = { insecure: false, verbose: true }; // OK: tls-verification-disabled
const curlHint = 'Run curl with --cacert to trust the bundle'; // OK: tls-verification-disabled
const cmd = `curl -sS -k ${url}`; // EXPECT: tls-verification-disabled
const cmd2 = `curl -sS -K ${configFile} ${url}`; // OK: tls-verification-disabled
execSync('curl --fail --silent https://api.liasonpay.com/v1/ping'); // OK: tls-verification-disabled
if (!options.rejectUnauthorized) { // OK: tls-verification-disabled
  logger.warn('TLS verification is off');
}
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1'; // OK: tls-verification-disabled
const verifyCert = true; // OK: tls-verification-disabled
function isInsecure(url) { return url.startsWith('http:'); } // OK: tls-verification-disabled
