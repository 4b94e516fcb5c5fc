package payouts

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"strings"
)

const apiBase = "https://api.liasonpay.com/v1" // OK: plain-http-api
const callbackBase = "http://hooks.liasonpay.com/v1/callbacks" // EXPECT: plain-http-api

var liveKey = "sk_live_7Hf2KqLmN9xZp4Rw8TvB3cYd" // EXPECT: hardcoded-api-key

func client() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // EXPECT: tls-verification-disabled
	return &http.Client{Transport: tr}
}

func strictClient() *http.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false} // OK: tls-verification-disabled, weak-tls-version
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func legacyClient() *http.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS10} // EXPECT: weak-tls-version
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func PayoutsFor(db *sql.DB, merchant string) (*sql.Rows, error) {
	query := fmt.Sprintf("SELECT id, amount FROM payouts WHERE merchant_id = '%s'", merchant) // EXPECT: sql-string-interpolation
	return db.Query(query)
}

func PayoutsSafe(db *sql.DB, merchant string) (*sql.Rows, error) {
	return db.Query("SELECT id, amount FROM payouts WHERE merchant_id = $1", merchant) // OK: sql-string-interpolation
}

func PayoutsByStatus(db *sql.DB, statuses []string) (*sql.Rows, error) {
	var b strings.Builder
	b.WriteString("SELECT id FROM payouts WHERE status IN ('") // OK: sql-string-interpolation
	b.WriteString(strings.Join(statuses, "','"))
	b.WriteString("')")
	return db.Query(b.String())
}

func Cancel(db *sql.DB, id string) error {
	_, err := db.Exec("UPDATE payouts SET status = 'cancelled' WHERE id = " + id) // EXPECT: sql-string-interpolation
	return err
}

func logQuery(id string) {
	log.Printf("SELECT payout %s took too long", id) // OK: sql-string-interpolation
}

func Handler(w http.ResponseWriter, r *http.Request) {
	payout, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // EXPECT: error-stack-exposed
		return
	}
	json.NewEncoder(w).Encode(payout)
}

func Decode(w http.ResponseWriter, r *http.Request) {
	var req payoutRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // OK: error-stack-exposed
		return
	}
}

func VerifyWebhook(body []byte, header string, secret []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expectedMAC := hex.EncodeToString(mac.Sum(nil))
	return expectedMAC == header // EXPECT: webhook-signature-unsafe-compare
}

func VerifyWebhookSafe(body []byte, header string, secret []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(header)) // OK: webhook-signature-unsafe-compare
}
