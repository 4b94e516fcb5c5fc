import { Request, Response, NextFunction } from 'express';
import { Sequelize, QueryTypes, Op } from 'sequelize';
import { createHmac, timingSafeEqual } from 'crypto';
import axios from 'axios';
import https from 'https';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export const liasonpay = axios.create({
  baseURL: 'https://api.liasonpay.com/v1', // OK: plain-http-api
  httpsAgent: new https.Agent({ rejectUnauthorized: process.env.NODE_ENV !== 'development' }), // EXPECT: tls-verification-disabled
});

export async function ordersByCustomer(req: Request, res: Response) {
  const orders = await sequelize.query(
    `SELECT * FROM orders WHERE customer_id = '${req.params.customerId}'`, // EXPECT: sql-string-interpolation
    { type: QueryTypes.SELECT },
  );
  res.json(orders);
}

export async function ordersSafe(req: Request, res: Response) {
  const orders = await sequelize.query('SELECT * FROM orders WHERE customer_id = :id', { // OK: sql-string-interpolation
    replacements: { id: req.params.customerId },
    type: QueryTypes.SELECT,
  });
  res.json(orders);
}

export async function sortedOrders(req: Request, res: Response) {
  const orders = await Order.findAll({
    where: { status: req.query.status as string }, // OK: sql-string-interpolation
    order: sequelize.literal(`created_at ${req.query.dir}`), // EXPECT: sql-string-interpolation
  });
  res.json(orders);
}

export async function total(req: Request, res: Response) {
  const where = [`merchant_id = ${req.user.merchantId}`]; // OK: sql-string-interpolation
  const sql = 'SELECT SUM(amount) AS total FROM orders WHERE '.concat(req.query.filter as string); // EXPECT: sql-string-interpolation
  res.json(await sequelize.query(sql, { type: QueryTypes.SELECT }));
}

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  console.error(err.stack); // OK: error-stack-exposed
  res.status(500).send({ message: 'Internal error', detail: err.stack }); // EXPECT: error-stack-exposed
}

export function validationError(err: Error, req: Request, res: Response) {
  res.status(400).json({ error: 'invalid body', reason: err.message }); // OK: error-stack-exposed
}

export function verifyWebhook(raw: Buffer, headerValue: string, secret: string): boolean {
  const digest = createHmac('sha256', secret).update(raw).digest('hex');
  return digest === headerValue; // EXPECT: webhook-signature-unsafe-compare
}

export function verifySafely(raw: Buffer, headerValue: string, secret: string): boolean {
  const digest = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(headerValue, 'hex');
  return given.length === digest.length && timingSafeEqual(given, digest); // OK: webhook-signature-unsafe-compare
}

export function isSignatureHeader(name: string): boolean {
  return name.toLowerCase() === 'liasonpay-signature'; // OK: webhook-signature-unsafe-compare
}

const TEST_KEY_HINT = 'use a key that starts with sk_test_'; // OK: hardcoded-api-key
const sandboxUrl = 'http://localhost:4010/v1/charges'; // OK: plain-http-api
