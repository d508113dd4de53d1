using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Search.Contracts.V1;

namespace Search.Server.Tests.Security;

/// <summary>HTTP/2 over TLS with a certificate from standard Kestrel configuration.</summary>
public sealed class TlsTests
{
    private const string Password = "test-password";

    [Fact]
    public async Task Serves_grpc_over_tls_with_a_configured_certificate()
    {
        string certDir = SecureServer.NewTempDir();
        try
        {
            using var certificate = CreateSelfSigned();
            string pfxPath = Path.Combine(certDir, "server.pfx");
            await File.WriteAllBytesAsync(pfxPath, certificate.Export(X509ContentType.Pfx, Password));

            string? seenThumbprint = null;
            using var handler = new HttpClientHandler
            {
                // Trust exactly this certificate, and record that the TLS handshake really presented it.
                ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                {
                    seenThumbprint = cert?.Thumbprint;
                    return cert?.Thumbprint == certificate.Thumbprint;
                },
            };
            string[] args =
            [
                "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
                $"--Kestrel:Endpoints:Https:Certificate:Path={pfxPath}",
                $"--Kestrel:Endpoints:Https:Certificate:Password={Password}",
                "--Search:Auth:ApiKeys:0:Key=tls-search-key-0123", "--Search:Auth:ApiKeys:0:Roles:0=search",
            ];
            await using var server = await SecureServer.StartAsync(args, handler);

            var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
            var found = await server.Search.SearchAsync(new SearchRequest { Query = "unmatchedword" }, SecureServer.ApiKey("tls-search-key-0123"));

            Assert.StartsWith("https://127.0.0.1:", server.Address, StringComparison.Ordinal);
            Assert.Equal(certificate.Thumbprint, seenThumbprint);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            Assert.Equal(0, found.TotalHits);
        }
        finally
        {
            Directory.Delete(certDir, recursive: true);
        }
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=search-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
