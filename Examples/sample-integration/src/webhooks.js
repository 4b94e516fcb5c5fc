// Verifying LiasonPay webhooks, as the guide shows.
const crypto = require('crypto');

function verifyWebhookSignature(payload, signatureHeader, secret) {
  if (!signatureHeader) return false;

  const [timestamp, signature] = signatureHeader.split(',');
  const timestampValue = timestamp.split('=')[1];
  const signatureValue = signature.split('=')[1];

  // Reject old events (5 minutes).
  const now = Math.floor(Date.now() / 1000);
  if (now - parseInt(timestampValue, 10) > 300) {
    return false;
  }

  const signedPayload = `${timestampValue}.${JSON.stringify(payload)}`;
  const expectedSignature = crypto.createHmac('sha256', secret).update(signedPayload).digest('hex');

  // GOOD: lengths first, then a constant-time comparison.
  if (signatureValue.length !== expectedSignature.length) return false;
  return crypto.timingSafeEqual(Buffer.from(signatureValue), Buffer.from(expectedSignature));
}

module.exports = { verifyWebhookSignature };
