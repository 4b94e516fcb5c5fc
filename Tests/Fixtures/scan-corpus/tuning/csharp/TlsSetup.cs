using System.Net.Http;
using System.Net.Security;

public static class TlsSetup
{
    public static HttpClient Strict()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None, // OK: tls-verification-disabled
        };
        return new HttpClient(handler);
    }

    public static HttpClient Lax()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { return true; }; // EXPECT: tls-verification-disabled
        return new HttpClient(handler);
    }

    public static SocketsHttpHandler Sockets()
    {
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = delegate { return true; }, // EXPECT: tls-verification-disabled
            },
        };
    }

    public static bool Validate(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors errors) // OK: tls-verification-disabled
    {
        return errors == SslPolicyErrors.None; // OK: tls-verification-disabled
    }
}
