using System.Globalization;
using System.Text.RegularExpressions;

namespace FeatureFlags.Etcd.Tests.Fleet;

/// <summary>
/// One etcd, a fleet of instances in one process (each its own configuration root, provider and flag services), and
/// flips written through the writer: every instance ends with every flip applied in order, no reader ever sees half a
/// transaction, and a snapshot taken before the flips keeps its values.
/// </summary>
public sealed partial class FleetTests(EtcdServer server) : IClassFixture<EtcdServer>
{
    private const int Hosts = 10;
    private const int Flips = 200;
    private readonly string _prefix = $"/featureflags/fleet-{Guid.NewGuid():N}/";

    [Fact]
    public async Task Flips_TenHostsTwoHundredFlips_EveryHostAppliesAllInOrderAndNeverTorn()
    {
        // Readers and ten reloading hosts share two cores with etcd here: give a write more than the default time.
        var options = FlagHost.Options(server, _prefix);
        options.Timeout = TimeSpan.FromSeconds(15);
        using var writer = new EtcdFlagWriter(options);
        var revision = await writer.SetAllAsync([new("Counter", Counter(0), 0), new("PairA", "false", 0), new("PairB", "false", 0)]);
        var hosts = Enumerable.Range(0, Hosts).Select(_ => FlagHost.Start(server, _prefix)).ToList();
        try
        {
            var before = hosts.Select(h => h.Snapshot(new EvaluationContext("alice"))).ToList();
            var finished = hosts.Select(h => h.ChangedAsync("Counter", Describe(Flips))).ToList();
            using var stop = new CancellationTokenSource();
            var reader = Task.Run(() => ReadUntil(hosts, stop.Token));

            for (var flip = 1; flip <= Flips; flip++)
            {
                // One transaction: readers must see the pair change together.
                var pair = flip % 2 == 0 ? "false" : "true";
                revision = await writer.SetAllAsync([new("Counter", Counter(flip), revision), new("PairA", pair, revision), new("PairB", pair, revision)]);
            }

            await Task.WhenAll(finished);
            await stop.CancelAsync();
            var reads = await reader;

            reads.ShouldBeGreaterThan(0);
            foreach (var host in hosts)
            {
                var seen = host.Logs.WithEventId(1001)
                    .Select(e => CounterChange().Match(e.Message))
                    .Where(m => m.Success)
                    .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                    .ToList();

                // A reload may take several flips at once (they arrived together); it never goes back.
                seen.ShouldNotBeEmpty();
                seen.ShouldBe(seen.Order().ToList());
                seen.Distinct().Count().ShouldBe(seen.Count);
                seen[^1].ShouldBe(Flips / 2.0);
                host.Snapshot(new EvaluationContext("alice")).IsEnabled("Counter").ShouldBeTrue();
            }

            before.ShouldAllBe(s => !s.IsEnabled("Counter") && !s.IsEnabled("PairA") && !s.IsEnabled("PairB"));
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>Takes snapshots on every host until stopped; fails on any snapshot whose pair differs.</summary>
    private static int ReadUntil(List<FlagHost> hosts, CancellationToken stop)
    {
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var host in hosts)
            {
                var snapshot = host.Snapshot();
                snapshot.IsEnabled("PairA").ShouldBe(snapshot.IsEnabled("PairB"), "a reader saw half a transaction");
                reads++;
            }

            // Reads as often as it can, but leaves the cores to etcd and the reloads between rounds.
            Thread.Yield();
        }

        return reads;
    }

    private static string Counter(int flip) => $$"""{ "Enabled": true, "Rollout": {{(flip / 2.0).ToString(CultureInfo.InvariantCulture)}} }""";

    private static string Describe(int flip) => $"{{ Enabled: true, Rollout: {(flip / 2.0).ToString(CultureInfo.InvariantCulture)}% }}";

    [GeneratedRegex(@"^Feature flag Counter changed from .* to \{ Enabled: true, Rollout: ([\d.]+)% \}")]
    private static partial Regex CounterChange();
}
