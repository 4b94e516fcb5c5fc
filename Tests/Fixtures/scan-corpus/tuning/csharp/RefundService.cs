using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

public class RefundService
{
    private const string Key = "sk_live_Kx29QzLm6Np3RwT8vYc5BdHf"; // EXPECT: hardcoded-api-key
    private const string Url = "http://api.liasonpay.com/v1/refunds"; // EXPECT: plain-http-api

    public void Queries(SqlConnection conn, string id, string name)
    {
        new SqlCommand($"SELECT * FROM Refunds WHERE Id = {id}", conn); // EXPECT: sql-string-interpolation
        new SqlCommand("SELECT * FROM Refunds WHERE Name = '" + name + "'", conn); // EXPECT: sql-string-interpolation
        new SqlCommand("SELECT * FROM Refunds WHERE Id = @id", conn); // OK: sql-string-interpolation
        var sql = string.Format("SELECT * FROM Refunds WHERE Name = '{0}'", name); // EXPECT: sql-string-interpolation
        _db.Database.ExecuteSqlRaw($"DELETE FROM Refunds WHERE Id = {id}"); // EXPECT: sql-string-interpolation
        _db.Database.ExecuteSqlInterpolated($"DELETE FROM Refunds WHERE Id = {id}"); // OK: sql-string-interpolation
        _db.Refunds.FromSqlRaw("SELECT * FROM Refunds WHERE Id = {0}", id); // OK: sql-string-interpolation
        conn.Query<Refund>("SELECT * FROM Refunds WHERE Id = @Id", new { Id = id }); // OK: sql-string-interpolation
        var text = "SELECT * FROM Refunds WHERE 1=1"; // OK: sql-string-interpolation
        text += " AND Name = '" + name + "'"; // EXPECT: sql-string-interpolation
        _logger.LogDebug($"SELECT * FROM Refunds WHERE Id = {id}"); // OK: sql-string-interpolation
        Console.WriteLine("DELETE FROM Refunds WHERE Id = " + id); // OK: sql-string-interpolation
    }

    public IActionResult Fail(Exception ex)
    {
        return StatusCode(StatusCodes.Status500InternalServerError, ex.StackTrace); // EXPECT: error-stack-exposed
    }

    public IActionResult Fail2(Exception ex)
    {
        return new ObjectResult(JsonConvert.SerializeObject(ex)) { StatusCode = 500 }; // EXPECT: error-stack-exposed
    }

    public IActionResult Bad(FormatException ex)
    {
        return BadRequest(new { error = ex.Message }); // OK: error-stack-exposed
    }

    public IActionResult Quiet(Exception ex)
    {
        _logger.LogError(ex, "refund failed"); // OK: error-stack-exposed
        return StatusCode(500, "An unexpected error occurred"); // OK: error-stack-exposed
    }

    public void Tls()
    {
        var h = new HttpClientHandler();
        h.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; // EXPECT: tls-verification-disabled
        h.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None; // OK: tls-verification-disabled
        h.ServerCertificateCustomValidationCallback = delegate { return true; }; // EXPECT: tls-verification-disabled
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; // EXPECT: weak-tls-version
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12; // OK: weak-tls-version
        h.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12; // EXPECT: weak-tls-version
    }

    public bool Verify(string body, string header, byte[] secret)
    {
        var hash = Convert.ToHexString(new HMACSHA256(secret).ComputeHash(Encoding.UTF8.GetBytes(body)));
        if (hash != header) return false; // EXPECT: webhook-signature-unsafe-compare
        if (header.Equals(hash)) return true; // EXPECT: webhook-signature-unsafe-compare
        if (string.Equals(hash, header, StringComparison.OrdinalIgnoreCase)) return true; // EXPECT: webhook-signature-unsafe-compare
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(hash), Encoding.UTF8.GetBytes(header)); // OK: webhook-signature-unsafe-compare
    }
}
