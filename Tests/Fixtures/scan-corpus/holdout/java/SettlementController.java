package com.example.settlement;

import com.google.gson.Gson;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.http.ssl.SSLContextBuilder;
import org.apache.http.ssl.SSLContexts;

public class SettlementController {
    private static final String API = "https://api.liasonpay.com/v1"; // OK: plain-http-api
    private static final String SANDBOX = "http://sandbox.liasonpay.com/v1"; // EXPECT: plain-http-api
    private static final String KEY = "sk_live_3NvQ8rTz1Kp6LmWx9YbC2dFh"; // EXPECT: hardcoded-api-key
    private final Gson gson = new Gson();

    public ResultSet settlements(Connection conn, String merchantId) throws Exception {
        Statement st = conn.createStatement();
        return st.executeQuery("SELECT * FROM settlements WHERE merchant_id = '" + merchantId + "'"); // EXPECT: sql-string-interpolation
    }

    public ResultSet settlementsSafe(Connection conn, String merchantId) throws Exception {
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM settlements WHERE merchant_id = ?"); // OK: sql-string-interpolation
        ps.setString(1, merchantId);
        return ps.executeQuery();
    }

    public ResultSet byRange(Connection conn, String from, String to) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT id, amount FROM settlements WHERE 1=1"); // OK: sql-string-interpolation
        sql.append(" AND settled_at >= '").append(from).append("'"); // EXPECT: sql-string-interpolation
        return conn.createStatement().executeQuery(sql.toString());
    }

    public int close(Connection conn, String id) throws Exception {
        String sql = String.format("UPDATE settlements SET closed = true WHERE id = '%s'", id); // EXPECT: sql-string-interpolation
        return conn.createStatement().executeUpdate(sql);
    }

    public void handle(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        try {
            process(req);
        } catch (IllegalArgumentException e) {
            resp.setStatus(400);
            resp.getWriter().write(gson.toJson(new ErrorBody(e.getMessage()))); // OK: error-stack-exposed
        } catch (Exception e) {
            resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR); // OK: error-stack-exposed
            resp.getWriter().write(gson.toJson(e)); // EXPECT: error-stack-exposed
        }
    }

    public void handleLegacy(HttpServletResponse resp, Exception e) throws Exception {
        resp.setStatus(500);
        e.printStackTrace(resp.getWriter()); // EXPECT: error-stack-exposed
    }

    public void logOnly(Exception e) {
        logger.error("settlement failed", e); // OK: error-stack-exposed
    }

    static SSLContext trustEverything() throws Exception {
        TrustManager[] trustAll = new TrustManager[] {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                public void checkServerTrusted(X509Certificate[] chain, // EXPECT: tls-verification-disabled
                                               String authType) {
                }
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.1"); // EXPECT: weak-tls-version
        ctx.init(null, trustAll, new java.security.SecureRandom());
        return ctx;
    }

    static SSLContext lenient() throws Exception {
        return SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true).build(); // EXPECT: tls-verification-disabled
    }

    static SSLContext pinned(java.security.KeyStore store) throws Exception {
        return SSLContexts.custom().loadTrustMaterial(store, null).build(); // OK: tls-verification-disabled
    }

    static SSLContext modern() throws Exception {
        return SSLContext.getInstance("TLSv1.3"); // OK: weak-tls-version
    }

    boolean verify(byte[] body, String header, byte[] secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String computedDigest = toHex(mac.doFinal(body));
        return computedDigest.equals(header); // EXPECT: webhook-signature-unsafe-compare
    }

    boolean verifySafe(byte[] body, String header, byte[] secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return MessageDigest.isEqual(mac.doFinal(body), fromHex(header)); // OK: webhook-signature-unsafe-compare
    }

    boolean algorithmIsSupported(String alg) {
        return "HmacSHA256".equals(alg); // OK: webhook-signature-unsafe-compare
    }
}
