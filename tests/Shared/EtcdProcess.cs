using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FeatureFlags.Etcd.Testing;

/// <summary>
/// A real etcd process on 127.0.0.1, on free ports, with its own temporary data directory: started, stopped (killed, as
/// a crash would) and restarted on the same ports and data, removed at the end. Shared by the etcd tests and the
/// propagation benchmark (linked into both).
/// </summary>
public sealed class EtcdProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("featureflags-etcd-").FullName;
    private readonly int _clientPort = FreePort();
    private readonly int _peerPort = FreePort();
    private readonly (string Certificate, string Key)? _tls;
    private Process? _process;

    /// <summary>A server on plain HTTP, or on TLS with the PEM files given.</summary>
    public EtcdProcess((string Certificate, string Key)? tls = null)
    {
        _tls = tls;
    }

    public string Endpoint => $"{(_tls is null ? "http" : "https")}://127.0.0.1:{_clientPort}";

    public async Task StartAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Executable())
            {
                ArgumentList =
                {
                    "--name", "test",
                    "--data-dir", _dataDirectory,
                    "--listen-client-urls", Endpoint,
                    "--advertise-client-urls", Endpoint,
                    "--listen-peer-urls", $"http://127.0.0.1:{_peerPort}",
                    "--initial-advertise-peer-urls", $"http://127.0.0.1:{_peerPort}",
                    "--initial-cluster", $"test=http://127.0.0.1:{_peerPort}",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        if (_tls is { } files)
        {
            process.StartInfo.ArgumentList.Add("--cert-file");
            process.StartInfo.ArgumentList.Add(files.Certificate);
            process.StartInfo.ArgumentList.Add("--key-file");
            process.StartInfo.ArgumentList.Add(files.Key);
        }

        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (e.Data.Contains("ready to serve client requests", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("etcd exited before it was ready:\n" + string.Join("\n", output.TakeLast(20))));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(StartTimeout);
    }

    /// <summary>Kills the process, as a crash or a lost host would; the data stays for <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string Executable() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, "etcd")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("etcd is not installed: these tests need a real server (Debian: apt-get install etcd-server; .ci/run does it).");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
