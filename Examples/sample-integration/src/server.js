// The checkout server.
const express = require('express');
const config = require('./config');
const { createCharge, refund } = require('./liasonpay-client');
const { findOrder, ordersOf, markPaid } = require('./orders');
const { verifyWebhookSignature } = require('./webhooks');

const app = express();
app.use(express.json());

app.post('/orders/:id/pay', async (req, res, next) => {
  try {
    const order = await findOrder(req.params.id);
    const charge = await createCharge(order.amount, order.currency, order.customer_id);
    await markPaid(order.id, charge.id);
    res.json({ status: 'paid' });
  } catch (err) {
    next(err);
  }
});

app.get('/customers/:id/orders', async (req, res, next) => {
  try {
    res.json(await ordersOf(req.params.id));
  } catch (err) {
    next(err);
  }
});

app.post('/orders/:id/refund', async (req, res) => {
  try {
    res.json(await refund(req.params.chargeId));
  } catch (err) {
    // BAD (planted): the stack trace goes to the client.
    res.status(500).json({ error: err.stack });
  }
});

app.post('/webhooks/liasonpay', (req, res) => {
  if (!verifyWebhookSignature(req.body, req.get('LiasonPay-Signature'), config.webhookSecret)) {
    return res.status(400).json({ error: 'invalid signature' });
  }
  res.sendStatus(204);
});

// GOOD: log the error, return a generic message.
app.use((err, req, res, next) => {
  console.error('Error:', err);
  res.status(500).json({ error: 'An unexpected error occurred' });
});

app.listen(process.env.PORT || 3000);
