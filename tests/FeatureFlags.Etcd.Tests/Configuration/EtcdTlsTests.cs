using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FeatureFlags.Etcd.Testing;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Tests.Configuration;

/// <summary>The source and the writer over TLS: etcd serves a certificate made for the test, which the client trusts explicitly.</summary>
public sealed class EtcdTlsTests : IAsyncLifetime
{
    private readonly TempDirectory _files = new();
    private readonly X509Certificate2 _certificate;
    private readonly EtcdProcess _server;
    private readonly string _prefix = "/featureflags/tls/";

    public EtcdTlsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificateFile = _files.Write("etcd.crt", _certificate.ExportCertificatePem());
        var keyFile = _files.Write("etcd.key", key.ExportPkcs8PrivateKeyPem());
        _server = new EtcdProcess((certificateFile, keyFile));
    }

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Tls_ServerCertificateTrusted_ReadsWatchesAndWrites()
    {
        _server.Endpoint.ShouldStartWith("https://");
        using var writer = new EtcdFlagWriter(Trusting(Options()));
        var revision = await writer.SetAsync("Kill", "true", 0);

        var logs = new LogCapture();
        var configuration = new ConfigurationManager();
        configuration.AddEtcdFlags(options =>
        {
            options.Endpoints.Add(_server.Endpoint);
            options.Prefix = _prefix;
            options.LoggerFactory = logs;
            Trusting(options);
        });
        using var host = FlagHost.Services(configuration, logs);
        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();

        var changed = host.ChangedAsync("Kill", "false");
        await writer.SetAsync("Kill", "false", revision);
        await changed;
    }

    [Fact]
    public void Tls_ServerCertificateNotTrusted_StartFails()
    {
        var error = Should.Throw<EtcdFlagsUnavailableException>(() => new ConfigurationManager().AddEtcdFlags(options =>
        {
            options.Endpoints.Add(_server.Endpoint);
            options.Prefix = _prefix;
        }));

        error.Message.ShouldContain(_server.Endpoint);
    }

    private EtcdFlagsOptions Options()
    {
        var options = new EtcdFlagsOptions { Prefix = _prefix };
        options.Endpoints.Add(_server.Endpoint);
        return options;
    }

    // A private authority, as many etcd deployments have: trust exactly the certificate made for the test.
    private EtcdFlagsOptions Trusting(EtcdFlagsOptions options)
    {
        options.ConfigureTls = tls => tls.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString();
        return options;
    }
}
