// Charges API: the shapes the SQL, error and webhook detectors must tell apart.
const crypto = require('crypto');
const https = require('https');
const tls = require('tls');
const db = require('./db');
const log = require('./log');

const KEY = 'sk_live_Zq81NcLm4Xp7RwT2vYb9KdHs'; // EXPECT: hardcoded-api-key
const DOC_KEY = 'sk_live_0000000000000000000000'; // OK: hardcoded-api-key
const dash = 'disk_test_abcdefghijklmnopqrst'; // OK: hardcoded-api-key
const BASE = 'http://api.liasonpay.com'; // EXPECT: plain-http-api
const LOCAL = 'http://liasonpay.localhost:3000'; // OK: plain-http-api
// See http://api.liasonpay.com/docs for the old endpoint. OK: plain-http-api

async function byId(id) {
  return db.query(`SELECT * FROM charges WHERE id = ${id}`); // EXPECT: sql-string-interpolation
}

async function byIdSafe(id) {
  return db.query('SELECT * FROM charges WHERE id = ?', [id]); // OK: sql-string-interpolation
}

async function byIdTagged(id) {
  return db.query(sql`SELECT * FROM charges WHERE id = ${id}`); // OK: sql-string-interpolation
}

async function byIds(ids) {
  return db.query(`SELECT * FROM charges WHERE id IN (${ids.map(() => '?').join(',')})`, ids); // OK: sql-string-interpolation
}

async function listing(filters) {
  let q = 'SELECT * FROM charges WHERE 1 = 1'; // OK: sql-string-interpolation
  if (filters.currency) q += ` AND currency = '${filters.currency}'`; // EXPECT: sql-string-interpolation
  if (filters.limit) q += ' LIMIT ?'; // OK: sql-string-interpolation
  q = q.concat(' ORDER BY ', filters.order); // EXPECT: sql-string-interpolation
  return db.query(q);
}

async function multi(merchant) {
  const q = 'SELECT id, amount FROM charges ' +
    'WHERE merchant_id = ' + merchant; // EXPECT: sql-string-interpolation
  return db.query(q);
}

async function multiConst() {
  const q = 'SELECT id, amount FROM charges ' +
    'WHERE merchant_id = ? ' + // OK: sql-string-interpolation
    'ORDER BY created_at';
  return db.query(q, [1]);
}

async function continued(status) {
  const rows = await db.query('SELECT id FROM charges WHERE status = ' + // EXPECT: sql-string-interpolation
    status);
  return rows;
}

async function raw(knex, name) {
  return knex('charges').whereRaw(`description LIKE '%${name}%'`); // EXPECT: sql-string-interpolation
}

async function rawSafe(knex, name) {
  return knex('charges').whereRaw('description LIKE ?', [`%${name}%`]); // OK: sql-string-interpolation
}

async function ordered(Charge, sequelize, req) {
  return Charge.findAll({ order: sequelize.literal(`amount ${req.query.direction}`) }); // EXPECT: sql-string-interpolation
}

async function orderedSafe(Charge, sequelize) {
  return Charge.findAll({ order: sequelize.literal('amount DESC') }); // OK: sql-string-interpolation
}

function debugQuery(id) {
  console.log(`SELECT * FROM charges WHERE id = ${id}`); // OK: sql-string-interpolation
  log.debug('DELETE FROM charges WHERE id = ' + id); // OK: sql-string-interpolation
  log.info(`UPDATE charges SET captured = true WHERE id = ${id}`); // OK: sql-string-interpolation
}

const label = `Select ${count} items from the list`; // OK: sql-string-interpolation
const where = 'Where are you: ' + place; // OK: sql-string-interpolation

function onError(err, req, res, next) {
  res.status(500).json({ message: err.message, stack: err.stack }); // EXPECT: error-stack-exposed
}

function onErrorSafe(err, req, res, next) {
  log.error(err.stack); // OK: error-stack-exposed
  res.status(500).json({ error: 'An unexpected error occurred' }); // OK: error-stack-exposed
}

function serialised(err, req, res) {
  res.statusCode = 500; // OK: error-stack-exposed
  res.end(JSON.stringify(err)); // EXPECT: error-stack-exposed
}

function serialisedParse(err, req, res) {
  res.statusCode = 400; // OK: error-stack-exposed
  res.end(JSON.stringify({ error: 'bad JSON' })); // OK: error-stack-exposed
}

function parseError(req, res) {
  try {
    JSON.parse(req.body);
  } catch (e) {
    res.status(400).send({ error: e.message }); // OK: error-stack-exposed
  }
}

function sendRaw(res, error) {
  res.status(500).send(error); // EXPECT: error-stack-exposed
}

function stackToClient(res, err) {
  res.send(err.stack); // EXPECT: error-stack-exposed
}

function verify(req) {
  const theirs = req.headers['liasonpay-signature'];
  const ours = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');
  return theirs === ours; // EXPECT: webhook-signature-unsafe-compare
}

function verifyInline(req) {
  return req.headers['liasonpay-signature'] === crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex'); // EXPECT: webhook-signature-unsafe-compare
}

function verifySafe(req) {
  const ours = crypto.createHmac('sha256', secret).update(req.rawBody).digest();
  const theirs = Buffer.from(req.headers['liasonpay-signature'], 'hex');
  return ours.length === theirs.length && crypto.timingSafeEqual(ours, theirs); // OK: webhook-signature-unsafe-compare
}

function hasSignature(req) {
  return req.headers['liasonpay-signature'] !== undefined; // OK: webhook-signature-unsafe-compare
}

function signatureCount(sigs) {
  return sigs.length === 0; // OK: webhook-signature-unsafe-compare
}

const insecure = new https.Agent({ rejectUnauthorized: false }); // EXPECT: tls-verification-disabled
const devAgent = process.env.NODE_ENV === 'development' ? new https.Agent({ rejectUnauthorized: false }) : undefined; // EXPECT: tls-verification-disabled
const secure = new https.Agent({ rejectUnauthorized: true }); // OK: tls-verification-disabled
const oldTls = tls.connect({ host, port, secureProtocol: 'TLSv1_method' }); // EXPECT: weak-tls-version
const newTls = tls.connect({ host, port, minVersion: 'TLSv1.3' }); // OK: weak-tls-version
const opts = { checkServerIdentity: () => undefined }; // EXPECT: tls-verification-disabled
if (process.env.NODE_ENV === 'development') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // EXPECT: tls-verification-disabled
}
