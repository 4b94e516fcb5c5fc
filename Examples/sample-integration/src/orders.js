// Orders, stored in MySQL.
const mysql = require('mysql2/promise');

const db = mysql.createPool({ uri: process.env.DATABASE_URL });

// GOOD: the customer id is a bound parameter.
async function findOrder(orderId) {
  const [rows] = await db.query('SELECT * FROM orders WHERE id = ?', [orderId]);
  return rows[0];
}

// BAD (planted): the customer id is spliced into the SQL text.
async function ordersOf(customerId) {
  const [rows] = await db.query(`SELECT * FROM orders WHERE customer_id = ${customerId}`);
  return rows;
}

async function markPaid(orderId, chargeId) {
  await db.execute('UPDATE orders SET status = ?, charge_id = ? WHERE id = ?', ['paid', chargeId, orderId]);
}

module.exports = { findOrder, ordersOf, markPaid };
