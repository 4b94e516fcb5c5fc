// Command webhooks receives LiasonPay webhooks and records paid orders.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"io"
	"log"
	"net/http"
	"os"
)

var db *sql.DB

// validSignature checks the LiasonPay-Signature header against the body.
func validSignature(body []byte, signature string) bool {
	mac := hmac.New(sha256.New, []byte(os.Getenv("LIASONPAY_WEBHOOK_SECRET")))
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	// BAD (planted): a plain string comparison leaks timing; use hmac.Equal.
	return signature == expected
}

// validSignatureConstantTime is the good practice.
func validSignatureConstantTime(body []byte, signature string) bool {
	mac := hmac.New(sha256.New, []byte(os.Getenv("LIASONPAY_WEBHOOK_SECRET")))
	mac.Write(body)
	received, err := hex.DecodeString(signature)
	return err == nil && hmac.Equal(received, mac.Sum(nil))
}

func handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if !validSignature(body, r.Header.Get("LiasonPay-Signature")) {
		http.Error(w, "invalid signature", http.StatusBadRequest)
		return
	}
	// GOOD: a bound parameter, and a generic error for the client.
	if _, err := db.Exec("UPDATE orders SET status = 'paid' WHERE charge_id = $1", r.URL.Query().Get("charge")); err != nil {
		log.Printf("recording payment: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	server := &http.Server{
		Addr:      ":8443",
		Handler:   http.HandlerFunc(handle),
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12},
	}
	log.Fatal(server.ListenAndServeTLS("cert.pem", "key.pem"))
}
