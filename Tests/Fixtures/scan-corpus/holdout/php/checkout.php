<?php
// Checkout endpoints for the storefront plugin.

require __DIR__ . '/vendor/autoload.php';

const LIASONPAY_API = 'https://api.liasonpay.com/v1'; // OK: plain-http-api
$legacyApi = 'http://api.liasonpay.com/v1/charges'; // EXPECT: plain-http-api
$secretKey = 'sk_live_8TzQm4Lx2NvKp7Rw5YcB1dHf'; // EXPECT: hardcoded-api-key
$envKey = getenv('LIASONPAY_SECRET_KEY'); // OK: hardcoded-api-key

function charge($amount, $token) {
    $ch = curl_init(LIASONPAY_API . '/charges');
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false); // EXPECT: tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0); // EXPECT: tls-verification-disabled
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_0); // EXPECT: weak-tls-version
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2); // OK: weak-tls-version
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true); // OK: tls-verification-disabled
    return curl_exec($ch);
}

function orderById($db, $id) {
    $result = mysqli_query($db, "SELECT * FROM orders WHERE id = $id"); // EXPECT: sql-string-interpolation
    return mysqli_fetch_assoc($result);
}

function orderByIdSafe(PDO $pdo, $id) {
    $stmt = $pdo->prepare('SELECT * FROM orders WHERE id = :id'); // OK: sql-string-interpolation
    $stmt->execute(['id' => $id]);
    return $stmt->fetch();
}

function ordersByEmail(PDO $pdo, $email) {
    $sql = "SELECT * FROM orders WHERE email = '" . $email . "'"; // EXPECT: sql-string-interpolation
    return $pdo->query($sql)->fetchAll();
}

function filtered(PDO $pdo, array $filters) {
    $sql = 'SELECT * FROM orders WHERE 1=1'; // OK: sql-string-interpolation
    if (isset($filters['status'])) {
        $sql .= " AND status = '{$filters['status']}'"; // EXPECT: sql-string-interpolation
    }
    return $pdo->query($sql)->fetchAll();
}

function logQuery($id) {
    error_log("SELECT for order $id was slow"); // OK: sql-string-interpolation
}

function refund() {
    try {
        doRefund($_POST['order']);
    } catch (Exception $e) {
        http_response_code(500);
        echo $e->getTraceAsString(); // EXPECT: error-stack-exposed
    }
}

function parse() {
    $body = json_decode(file_get_contents('php://input'), true);
    if ($body === null) {
        http_response_code(400);
        echo json_encode(['error' => json_last_error_msg()]); // OK: error-stack-exposed
    }
}

ini_set('display_errors', '1'); // EXPECT: error-stack-exposed

function verifyWebhook($payload, $header, $secret) {
    $computed = hash_hmac('sha256', $payload, $secret);
    return $computed == $header; // EXPECT: webhook-signature-unsafe-compare
}

function verifyWebhookSafe($payload, $header, $secret) {
    $computed = hash_hmac('sha256', $payload, $secret);
    return hash_equals($computed, $header); // OK: webhook-signature-unsafe-compare
}
