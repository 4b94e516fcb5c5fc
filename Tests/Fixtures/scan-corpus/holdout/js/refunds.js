// Refund service: Express handlers talking to the LiasonPay API and Postgres.
const express = require('express');
const https = require('https');
const crypto = require('crypto');
const { pool } = require('./db');
const logger = require('./logger');

const API_BASE = process.env.LIASONPAY_API_BASE || 'https://api.liasonpay.com/v1'; // OK: plain-http-api
const LEGACY_BASE = 'http://api.liasonpay.com/v1'; // EXPECT: plain-http-api
const apiKey = 'sk_live_51QmRt8ZpX2wLkV9nHcY4dFb'; // EXPECT: hardcoded-api-key
const keyFromEnv = process.env.LIASONPAY_SECRET_KEY; // OK: hardcoded-api-key

const agent = new https.Agent({ rejectUnauthorized: false }); // EXPECT: tls-verification-disabled
const strictAgent = new https.Agent({ rejectUnauthorized: true, minVersion: 'TLSv1.2' }); // OK: tls-verification-disabled, weak-tls-version
const oldAgent = new https.Agent({ minVersion: 'TLSv1' }); // EXPECT: weak-tls-version

const router = express.Router();

router.get('/refunds/:id', async (req, res) => {
  const sql = `SELECT * FROM refunds WHERE id = ${req.params.id}`; // EXPECT: sql-string-interpolation
  const rows = await pool.query(sql);
  res.json(rows);
});

router.get('/refunds', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM refunds WHERE merchant_id = $1', [req.user.merchantId]); // OK: sql-string-interpolation
  res.json(rows);
});

router.get('/search', async (req, res) => {
  let query = 'SELECT id, amount FROM refunds WHERE 1=1'; // OK: sql-string-interpolation
  if (req.query.status) {
    query += " AND status = '" + req.query.status + "'"; // EXPECT: sql-string-interpolation
  }
  const result = await pool.query(query);
  res.json(result.rows);
});

router.post('/refunds', async (req, res) => {
  try {
    const refund = await createRefund(req.body);
    logger.info(`INSERT refund ${refund.id} for order ${req.body.orderId}`); // OK: sql-string-interpolation
    res.status(201).json(refund);
  } catch (err) {
    logger.error('refund failed', err);
    res.status(500).json({ error: err.stack }); // EXPECT: error-stack-exposed
  }
});

router.post('/refunds/bulk', async (req, res) => {
  try {
    await bulkRefund(req.body);
    res.sendStatus(204);
  } catch (err) {
    res.status(500); // OK: error-stack-exposed
    res.send(JSON.stringify(err)); // EXPECT: error-stack-exposed
  }
});

router.post('/refunds/import', (req, res) => {
  let payload;
  try {
    payload = JSON.parse(req.body);
  } catch (err) {
    return res.status(400).json({ error: err.message }); // OK: error-stack-exposed
  }
  res.json({ accepted: payload.length });
});

router.post('/webhooks/liasonpay', express.raw({ type: 'application/json' }), (req, res) => {
  const header = req.get('LiasonPay-Signature');
  const computed = crypto.createHmac('sha256', process.env.LIASONPAY_WEBHOOK_SECRET).update(req.body).digest('hex');
  if (header !== computed) { // EXPECT: webhook-signature-unsafe-compare
    return res.sendStatus(401);
  }
  res.sendStatus(200);
});

router.post('/webhooks/v2', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = Buffer.from(sign(req.body), 'hex');
  const received = Buffer.from(req.get('LiasonPay-Signature') || '', 'hex');
  if (expected.length !== received.length || !crypto.timingSafeEqual(expected, received)) { // OK: webhook-signature-unsafe-compare
    return res.sendStatus(401);
  }
  res.sendStatus(200);
});

function buildReport(merchantId, from) {
  return pool.query(
    'SELECT date, SUM(amount) FROM refunds WHERE merchant_id = ' + merchantId + // EXPECT: sql-string-interpolation
      ' AND created_at > $1 GROUP BY date',
    [from]
  );
}

function tableFor(kind) {
  const TABLE = kind === 'card' ? 'card_refunds' : 'bank_refunds';
  return pool.query(`SELECT count(*) FROM ${TABLE}`); // OK: sql-string-interpolation
}

console.log(`SELECT took ${Date.now() - start} ms`); // OK: sql-string-interpolation
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // EXPECT: tls-verification-disabled

module.exports = router;
