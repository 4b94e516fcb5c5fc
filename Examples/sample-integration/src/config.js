// Configuration of the LiasonPay client.

// GOOD: keys come from the environment (or a secrets manager), never from the source.
const apiKey = process.env.LIASONPAY_API_KEY;
const webhookSecret = process.env.LIASONPAY_WEBHOOK_SECRET;

// BAD (planted): a live secret key written into the code.
const fallbackKey = "sk_live_DEMOxDEMOxDEMOxDEMOx0000";

module.exports = {
  apiKey: apiKey || fallbackKey,
  webhookSecret,
  baseURL: process.env.LIASONPAY_BASE_URL || 'https://liasonpay.net/api/v1',
};
