package com.example.tls;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

public class TlsClients {
    SSLContext fromStore(KeyStore store) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()); // OK: tls-verification-disabled
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS"); // OK: weak-tls-version
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    OkHttpClient pinned(HostnameVerifier verifier) {
        return new OkHttpClient.Builder().hostnameVerifier(verifier).build(); // OK: tls-verification-disabled
    }

    OkHttpClient strictHost() {
        return new OkHttpClient.Builder()
            .hostnameVerifier((hostname, session) -> hostname.equals("api.liasonpay.com")) // OK: tls-verification-disabled
            .build();
    }

    OkHttpClient anyHost() {
        return new OkHttpClient.Builder()
            .hostnameVerifier((hostname, session) -> true) // EXPECT: tls-verification-disabled
            .build();
    }

    void global() {
        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> true); // EXPECT: tls-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier()); // OK: tls-verification-disabled
    }

    X509TrustManager checking(X509TrustManager delegate) {
        return new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { // OK: tls-verification-disabled
                if (chain == null || chain.length == 0) throw new CertificateException("empty chain");
                delegate.checkServerTrusted(chain, authType); // OK: tls-verification-disabled
            }
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override
            public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
        };
    }

    boolean verifyTrustAllIsOff(Config config) {
        return !config.isTrustAllCertificates(); // OK: tls-verification-disabled
    }
}
