package tlsconfig

import (
	"crypto/tls"
	"crypto/x509"
)

func Config(pool *x509.CertPool, insecure bool) *tls.Config {
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12} // OK: tls-verification-disabled, weak-tls-version
}

func DevConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12} // EXPECT: tls-verification-disabled
}

func Check(cfg *tls.Config) bool {
	return cfg.InsecureSkipVerify == false // OK: tls-verification-disabled
}

func Warn(cfg *tls.Config) {
	if cfg.InsecureSkipVerify { // OK: tls-verification-disabled
		log.Println("InsecureSkipVerify is set; refusing")
	}
}
