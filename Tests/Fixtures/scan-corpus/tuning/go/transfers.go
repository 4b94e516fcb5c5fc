package transfers

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
)

var key = "sk_live_Bv93KxLm2Qp8RwT5zYc1NdHg" // EXPECT: hardcoded-api-key
var base = "http://api.liasonpay.com/v1/transfers" // EXPECT: plain-http-api

func insecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // EXPECT: tls-verification-disabled
}

func insecureMultiline() *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS11, // EXPECT: weak-tls-version
		InsecureSkipVerify: true, // EXPECT: tls-verification-disabled
	}
}

func ok() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS13} // OK: weak-tls-version
}

func list(db *sql.DB, account string, limit int) (*sql.Rows, error) {
	q := "SELECT * FROM transfers WHERE account = '" + account + "'" // EXPECT: sql-string-interpolation
	_ = q
	q2 := fmt.Sprintf("SELECT * FROM transfers WHERE account = '%s' LIMIT %d", account, limit) // EXPECT: sql-string-interpolation
	_ = q2
	q3 := fmt.Sprintf("SELECT * FROM %s WHERE account = $1", transfersTable) // OK: sql-string-interpolation
	_ = q3
	q4 := "SELECT * FROM transfers WHERE 1=1" // OK: sql-string-interpolation
	q4 += " AND account = '" + account + "'" // EXPECT: sql-string-interpolation
	_ = q4
	fmt.Printf("SELECT * FROM transfers WHERE account = %s\n", account) // OK: sql-string-interpolation
	return db.Query("SELECT * FROM transfers WHERE account = $1 LIMIT $2", account, limit) // OK: sql-string-interpolation
}

func queryCtx(db *sql.DB, account string) {
	db.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE id = "+account) // EXPECT: sql-string-interpolation
}

func handler(w http.ResponseWriter, r *http.Request) {
	if err := work(r); err != nil {
		w.WriteHeader(http.StatusInternalServerError) // OK: error-stack-exposed
		fmt.Fprintf(w, "error: %v", err) // EXPECT: error-stack-exposed
		return
	}
	if err := parse(r); err != nil {
		w.WriteHeader(http.StatusBadRequest) // OK: error-stack-exposed
		fmt.Fprintf(w, "bad request: %v", err) // OK: error-stack-exposed
		return
	}
	if err := save(r); err != nil {
		http.Error(w, err.Error(), 500) // EXPECT: error-stack-exposed
		return
	}
	if err := other(r); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError) // OK: error-stack-exposed
	}
}

func verify(body []byte, got string, secret []byte) bool {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	want := hex.EncodeToString(m.Sum(nil))
	if got != want { // EXPECT: webhook-signature-unsafe-compare
		return false
	}
	return hmac.Equal([]byte(got), []byte(want)) // OK: webhook-signature-unsafe-compare
}

func sigHeader(r *http.Request) bool {
	return r.Header.Get("LiasonPay-Signature") == "" // OK: webhook-signature-unsafe-compare
}
