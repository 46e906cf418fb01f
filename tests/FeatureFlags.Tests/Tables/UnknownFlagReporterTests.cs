using FeatureFlags.Tables;
using FeatureFlags.Evaluation;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests.Tables;

/// <summary>Reads of unknown names cost bounded work and memory, whatever the names.</summary>
public sealed class UnknownFlagReporterTests
{
    [Fact]
    public void Report_ManyDistinctNames_WarnsForTheFirstThousandThenOnceMore()
    {
        var logs = new LogCapture();
        var reporter = new UnknownFlagReporter(logs.CreateLogger("test"), throwOnUnknown: false);

        for (var i = 0; i < 5000; i++)
        {
            reporter.Report($"Missing{i}", []);
        }

        logs.WithEventId(1003).Count().ShouldBe(UnknownFlagReporter.MaxRemembered);
        logs.WithEventId(1006).ShouldHaveSingleItem().Message.ShouldContain("1000 distinct unknown feature flag names");
    }

    [Fact]
    public void Report_HugeName_AllocatesLittleAndLogsAShortName()
    {
        var logs = new LogCapture();
        var reporter = new UnknownFlagReporter(logs.CreateLogger("test"), throwOnUnknown: false);
        var flags = Flags(1000);
        var name = new string('x', 10_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        reporter.Report(name, flags);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(100_000);
        logs.WithEventId(1003).ShouldHaveSingleItem().Message.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void Report_StrictMode_SearchesOncePerName()
    {
        var reporter = new UnknownFlagReporter(new LogCapture().CreateLogger("test"), throwOnUnknown: true);
        var flags = Flags(1000);
        Should.Throw<KeyNotFoundException>(() => reporter.Report("Flag-0001x", flags)).Message.ShouldContain("did you mean 'Flag-0001'");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = Should.Throw<KeyNotFoundException>(() => reporter.Report("Flag-0001x", flags));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        again.Message.ShouldContain("did you mean 'Flag-0001'");
        // The second read throws with the remembered hint: no search (which allocates its rows and list) again.
        allocated.ShouldBeLessThan(20_000);
    }

    [Fact]
    public void Report_NameSeenBefore_AllocatesNothing()
    {
        var reporter = new UnknownFlagReporter(new LogCapture().CreateLogger("test"), throwOnUnknown: false);
        var flags = Flags(10);
        reporter.Report("Missing", flags);

        var before = GC.GetAllocatedBytesForCurrentThread();
        reporter.Report("Missing", flags);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    private static CompiledFlag[] Flags(int count) =>
        Enumerable.Range(0, count).Select(i => new CompiledFlag(new FlagCompilation($"Flag-{i:0000}", null, null, []))).ToArray();
}
