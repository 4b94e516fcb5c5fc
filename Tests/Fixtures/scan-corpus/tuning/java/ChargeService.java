package com.example.charges;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.ssl.SSLContextBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

public class ChargeService {
    static final String KEY = "sk_live_Hn42QxLm8Kp3RwT7vYc6ZdBf"; // EXPECT: hardcoded-api-key
    static final String URL = "http://api.liasonpay.com/v1/charges"; // EXPECT: plain-http-api
    static final String DOCS = "https://docs.liasonpay.com"; // OK: plain-http-api
    private final JdbcTemplate jdbc;
    private final Gson gson = new Gson();

    void queries(Connection c, String id, String name, String order) throws Exception {
        c.createStatement().executeQuery("SELECT * FROM charges WHERE id = " + id); // EXPECT: sql-string-interpolation
        PreparedStatement ps = c.prepareStatement("SELECT * FROM charges WHERE id = ?"); // OK: sql-string-interpolation
        String sql = "SELECT * FROM charges WHERE name = '" + name + "'"; // EXPECT: sql-string-interpolation
        String sql2 = "SELECT * FROM charges "
            + "WHERE name = '" + name + "'"; // EXPECT: sql-string-interpolation
        String sql3 = "SELECT * FROM charges "
            + "WHERE name = ? "; // OK: sql-string-interpolation
        String sql4 = "SELECT * FROM charges ORDER BY " + // EXPECT: sql-string-interpolation
            order;
        StringBuilder sb = new StringBuilder("SELECT * FROM charges WHERE 1=1"); // OK: sql-string-interpolation
        sb.append(" AND name = '" + name + "'"); // EXPECT: sql-string-interpolation
        sb.append(" AND id = ?"); // OK: sql-string-interpolation
        jdbc.queryForList(String.format("SELECT * FROM charges WHERE name = '%s'", name)); // EXPECT: sql-string-interpolation
        jdbc.queryForList("SELECT * FROM charges WHERE name = ?", name); // OK: sql-string-interpolation
        jdbc.update("DELETE FROM charges WHERE id = " + CHARGES_LIMIT); // OK: sql-string-interpolation
        em.createNativeQuery("SELECT * FROM charges WHERE name = '" + name + "'"); // EXPECT: sql-string-interpolation
        em.createQuery("SELECT c FROM Charge c WHERE c.name = :name").setParameter("name", name); // OK: sql-string-interpolation
        log.info("SELECT * FROM charges WHERE id = " + id); // OK: sql-string-interpolation
        System.out.println("UPDATE charges SET x = " + name); // OK: sql-string-interpolation
        throw new IllegalStateException("Select a charge first: " + id); // OK: sql-string-interpolation
    }

    ResponseEntity<String> fail(Exception e) {
        return ResponseEntity.status(500).body(gson.toJson(e)); // EXPECT: error-stack-exposed
    }

    ResponseEntity<String> failBad(Exception e) {
        return ResponseEntity.status(400).body(e.getMessage()); // OK: error-stack-exposed
    }

    ResponseEntity<String> failTrace(Exception e) {
        return ResponseEntity.internalServerError().body(ExceptionUtils.getStackTrace(e)); // EXPECT: error-stack-exposed
    }

    void servlet(javax.servlet.http.HttpServletResponse resp, Exception e) throws Exception {
        resp.setStatus(500); // OK: error-stack-exposed
        resp.getWriter().print(new ObjectMapper().writeValueAsString(e)); // EXPECT: error-stack-exposed
    }

    void logIt(Exception e) {
        e.printStackTrace(); // OK: error-stack-exposed
        log.error("charge failed", e); // OK: error-stack-exposed
    }

    X509TrustManager trustAll() {
        return new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {} // EXPECT: tls-verification-disabled
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override
            public X509Certificate[] getAcceptedIssuers() { return null; }
        };
    }

    X509TrustManager wrapped() {
        return new X509TrustManager() {
            public void checkServerTrusted( // EXPECT: tls-verification-disabled
                    X509Certificate[] chain, String authType) {
            }
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
    }

    X509TrustManager checking(X509TrustManager delegate) {
        return new X509TrustManager() {
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException { // OK: tls-verification-disabled
                delegate.checkServerTrusted(chain, authType); // OK: tls-verification-disabled
            }
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
        };
    }

    SSLContext contexts() throws Exception {
        SSLContext a = new SSLContextBuilder().loadTrustMaterial(null, (x509Certificates, s) -> true).build(); // EXPECT: tls-verification-disabled
        SSLContext b = new SSLContextBuilder().loadTrustMaterial(null, new TrustSelfSignedStrategy()).build(); // EXPECT: tls-verification-disabled
        SSLContext c = new SSLContextBuilder().loadTrustMaterial(trustStore, null).build(); // OK: tls-verification-disabled
        SSLContext d = new SSLContextBuilder()
            .loadTrustMaterial(null, (chain, authType) -> { return true; }) // EXPECT: tls-verification-disabled
            .build();
        HostnameVerifier any = (hostname, session) -> true; // EXPECT: tls-verification-disabled
        HostnameVerifier noop = NoopHostnameVerifier.INSTANCE; // EXPECT: tls-verification-disabled
        SSLContext old = SSLContext.getInstance("TLSv1"); // EXPECT: weak-tls-version
        SSLContext good = SSLContext.getInstance("TLSv1.2"); // OK: weak-tls-version
        return a;
    }

    boolean verify(byte[] payload, String header) throws Exception {
        byte[] digest = hmac(payload);
        String expected = hex(digest);
        if (expected.equals(header)) { // EXPECT: webhook-signature-unsafe-compare
            return true;
        }
        if (header.equals(hex(hmac(payload)))) { // EXPECT: webhook-signature-unsafe-compare
            return true;
        }
        if (Arrays.equals(digest, fromHex(header))) { // EXPECT: webhook-signature-unsafe-compare
            return true;
        }
        return MessageDigest.isEqual(digest, fromHex(header)); // OK: webhook-signature-unsafe-compare
    }

    boolean algorithm(String alg) {
        return alg.equals("HmacSHA256"); // OK: webhook-signature-unsafe-compare
    }
}
