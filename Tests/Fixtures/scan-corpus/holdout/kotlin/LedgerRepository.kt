package com.example.ledger

import java.security.MessageDigest
import java.security.cert.X509Certificate
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import javax.net.ssl.X509TrustManager
import okhttp3.OkHttpClient
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.jdbc.core.JdbcTemplate

class LedgerRepository(private val jdbc: JdbcTemplate) {
    private val apiBase = "https://api.liasonpay.com/v1" // OK: plain-http-api
    private val reportsBase = "http://reports.liasonpay.com/v1" // EXPECT: plain-http-api
    private val testKey = "sk_live_2WpLx8QzN5vRk7TmY3bH9cJd" // EXPECT: hardcoded-api-key

    fun entries(accountId: String) =
        jdbc.queryForList("SELECT * FROM ledger_entries WHERE account_id = $accountId") // EXPECT: sql-string-interpolation

    fun entriesSafe(accountId: String) =
        jdbc.queryForList("SELECT * FROM ledger_entries WHERE account_id = ?", accountId) // OK: sql-string-interpolation

    fun balance(accountId: String, currency: String): Long {
        val sql = "SELECT SUM(amount) FROM ledger_entries WHERE account_id = '${accountId}' AND currency = ?" // EXPECT: sql-string-interpolation
        return jdbc.queryForObject(sql, Long::class.java, currency)
    }

    fun reverse(entryId: Long) {
        jdbc.update("UPDATE ledger_entries SET reversed = true WHERE id = " + entryId) // EXPECT: sql-string-interpolation
    }

    fun logSlow(accountId: String) {
        logger.warn("SELECT for account $accountId took too long") // OK: sql-string-interpolation
    }

    fun forTable() = jdbc.queryForList("SELECT * FROM $TABLE_NAME") // OK: sql-string-interpolation

    fun failure(e: Exception): ResponseEntity<String> =
        ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(e.stackTraceToString()) // EXPECT: error-stack-exposed

    fun badRequest(e: IllegalArgumentException): ResponseEntity<String> =
        ResponseEntity.badRequest().body(e.message ?: "invalid") // OK: error-stack-exposed

    fun insecureClient(): OkHttpClient {
        val trustAll = object : X509TrustManager {
            override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) {}
            override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {} // EXPECT: tls-verification-disabled
            override fun getAcceptedIssuers(): Array<X509Certificate> = arrayOf()
        }
        return OkHttpClient.Builder()
            .sslSocketFactory(sslContextFor(trustAll).socketFactory, trustAll)
            .hostnameVerifier { _, _ -> true } // EXPECT: tls-verification-disabled
            .build()
    }

    fun verify(payload: ByteArray, headerSig: String, secret: String): Boolean {
        val mac = Mac.getInstance("HmacSHA256").apply { init(SecretKeySpec(secret.toByteArray(), "HmacSHA256")) }
        val expected = mac.doFinal(payload).toHex()
        return expected == headerSig // EXPECT: webhook-signature-unsafe-compare
    }

    fun verifySafe(payload: ByteArray, headerSig: String, secret: String): Boolean {
        val mac = Mac.getInstance("HmacSHA256").apply { init(SecretKeySpec(secret.toByteArray(), "HmacSHA256")) }
        return MessageDigest.isEqual(mac.doFinal(payload), headerSig.hexToBytes()) // OK: webhook-signature-unsafe-compare
    }
}
