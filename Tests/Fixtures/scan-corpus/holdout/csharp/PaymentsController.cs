using System;
using System.Data.SqlClient;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Payments
{
    [ApiController]
    public class PaymentsController : ControllerBase
    {
        private const string Api = "https://api.liasonpay.com/v1"; // OK: plain-http-api
        private const string Legacy = "http://api.liasonpay.com/v1"; // EXPECT: plain-http-api
        private const string Key = "sk_live_6LpQz3Wx8NvRk1TmY9bC5dJf"; // EXPECT: hardcoded-api-key
        private readonly ShopContext _db;

        [HttpGet("payments/{customer}")]
        public IActionResult ByCustomer(string customer)
        {
            var payments = _db.Payments.FromSqlRaw($"SELECT * FROM Payments WHERE Customer = '{customer}'").ToList(); // EXPECT: sql-string-interpolation
            return Ok(payments);
        }

        [HttpGet("payments/{customer}/safe")]
        public IActionResult ByCustomerSafe(string customer)
        {
            var payments = _db.Payments.FromSqlInterpolated($"SELECT * FROM Payments WHERE Customer = {customer}").ToList(); // OK: sql-string-interpolation
            return Ok(payments);
        }

        public int Void(SqlConnection conn, string id)
        {
            var cmd = new SqlCommand("UPDATE Payments SET Voided = 1 WHERE Id = '" + id + "'", conn); // EXPECT: sql-string-interpolation
            return cmd.ExecuteNonQuery();
        }

        public int VoidSafe(SqlConnection conn, string id)
        {
            var cmd = new SqlCommand("UPDATE Payments SET Voided = 1 WHERE Id = @id", conn); // OK: sql-string-interpolation
            cmd.Parameters.AddWithValue("@id", id);
            return cmd.ExecuteNonQuery();
        }

        public void Log(string id)
        {
            _logger.LogInformation($"SELECT payment {id} took long"); // OK: sql-string-interpolation
        }

        [HttpPost("payments")]
        public IActionResult Create([FromBody] PaymentRequest req)
        {
            try
            {
                return Ok(Charge(req));
            }
            catch (Exception ex)
            {
                return StatusCode(500, ex.ToString()); // EXPECT: error-stack-exposed
            }
        }

        [HttpPost("payments/parse")]
        public IActionResult Parse([FromBody] string raw)
        {
            try
            {
                return Ok(Parse(raw));
            }
            catch (FormatException ex)
            {
                return BadRequest(ex.Message); // OK: error-stack-exposed
            }
        }

        public static HttpClient InsecureClient()
        {
            var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true, // EXPECT: tls-verification-disabled
                SslProtocols = SslProtocols.Tls11, // EXPECT: weak-tls-version
            };
            return new HttpClient(handler);
        }

        public static HttpClient StrictClient()
        {
            var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }; // OK: weak-tls-version
            return new HttpClient(handler);
        }

        public static void Global()
        {
            ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true; // EXPECT: tls-verification-disabled
        }

        public bool Verify(string body, string header, byte[] secret)
        {
            using var hmac = new HMACSHA256(secret);
            var computed = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
            return computed == header; // EXPECT: webhook-signature-unsafe-compare
        }

        public bool VerifySafe(string body, string header, byte[] secret)
        {
            using var hmac = new HMACSHA256(secret);
            var computed = hmac.ComputeHash(Encoding.UTF8.GetBytes(body));
            return CryptographicOperations.FixedTimeEquals(computed, Convert.FromHexString(header)); // OK: webhook-signature-unsafe-compare
        }
    }
}
