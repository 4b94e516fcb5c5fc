package com.example.payments

import java.security.MessageDigest
import java.security.cert.X509Certificate
import javax.net.ssl.X509TrustManager

class PaymentsDao(private val db: Database) {
    private val key = "sk_live_Lm58QxNz2Kp7RwT4vYc9BdHj" // EXPECT: hardcoded-api-key
    private val url = "http://api.liasonpay.com/v1/payments" // EXPECT: plain-http-api

    fun find(id: String) = db.rawQuery("SELECT * FROM payments WHERE id = $id", null) // EXPECT: sql-string-interpolation
    fun findExpr(p: Payment) = db.rawQuery("SELECT * FROM payments WHERE id = ${p.id}", null) // EXPECT: sql-string-interpolation
    fun findSafe(id: String) = db.rawQuery("SELECT * FROM payments WHERE id = ?", arrayOf(id)) // OK: sql-string-interpolation
    fun table() = db.rawQuery("SELECT * FROM $PAYMENTS", null) // OK: sql-string-interpolation
    fun delete(id: Long) = db.execSQL("DELETE FROM payments WHERE id = " + id) // EXPECT: sql-string-interpolation
    fun update(status: String, id: Long) {
        val sql = "UPDATE payments SET status = '$status' " + // EXPECT: sql-string-interpolation
            "WHERE id = ?"
        db.execSQL(sql, arrayOf(id))
    }
    fun log(id: String) = println("SELECT * FROM payments WHERE id = $id") // OK: sql-string-interpolation
    fun log2(id: String) = logger.debug("DELETE FROM payments WHERE id = $id") // OK: sql-string-interpolation
    fun text(name: String) = "Select $name to continue" // OK: sql-string-interpolation

    fun trustAll() = object : X509TrustManager {
        override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?) = Unit // EXPECT: tls-verification-disabled
        override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?) = Unit
        override fun getAcceptedIssuers(): Array<X509Certificate> = emptyArray()
    }

    fun trustWrapped() = object : X509TrustManager {
        override fun checkServerTrusted( // EXPECT: tls-verification-disabled
            chain: Array<out X509Certificate>?, authType: String?) {
        }
        override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?) {}
        override fun getAcceptedIssuers(): Array<X509Certificate> = emptyArray()
    }

    fun verifyHost() = HostnameVerifier { _, _ -> true } // EXPECT: tls-verification-disabled

    fun verify(body: ByteArray, header: String): Boolean {
        val computed = hmacSha256(body).toHex()
        if (computed != header) return false // EXPECT: webhook-signature-unsafe-compare
        if (header.equals(computed)) return true // EXPECT: webhook-signature-unsafe-compare
        return MessageDigest.isEqual(computed.toByteArray(), header.toByteArray()) // OK: webhook-signature-unsafe-compare
    }

    fun respond(e: Exception) = call.respond(HttpStatusCode.InternalServerError, e.stackTraceToString()) // EXPECT: error-stack-exposed
    fun respondBad(e: Exception) = call.respond(HttpStatusCode.BadRequest, e.message ?: "bad") // OK: error-stack-exposed
}
