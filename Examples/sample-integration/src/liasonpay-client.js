// A thin client for the LiasonPay API.
const https = require('https');
const config = require('./config');

// GOOD: TLS 1.2 or later, certificates verified (the default).
const agent = new https.Agent({ minVersion: 'TLSv1.2', keepAlive: true });

// BAD (planted): an old agent kept "for a legacy proxy" that still allows TLS 1.0.
const legacyAgent = new https.Agent({ minVersion: 'TLSv1' });

// BAD (planted): refunds go to the API over plain HTTP.
const REFUNDS_URL = 'http://liasonpay.net/api/v1/refunds';

async function createCharge(amount, currency, customerId) {
  const response = await fetch(`${config.baseURL}/charges`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${config.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount, currency, customer: customerId }),
    agent,
  });
  if (!response.ok) throw new Error(`charge failed with status ${response.status}`);
  return response.json();
}

async function refund(chargeId) {
  const response = await fetch(REFUNDS_URL, {
    method: 'POST',
    headers: { Authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify({ charge: chargeId }),
    agent: legacyAgent,
  });
  return response.json();
}

module.exports = { createCharge, refund };
