using System.Text.Json;
using FeatureFlags.Etcd.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Etcd.Configuration;

/// <summary>
/// The last values read from etcd, kept in a local file so that an instance can start while etcd is unreachable
/// (<see cref="EtcdFlagsOptions.StartWithoutEtcd"/>). Written whole to a temporary file and moved over the old one, so
/// a crash never leaves half a file. A file that cannot be read or written is logged and otherwise ignored.
/// </summary>
internal sealed class EtcdCacheFile(string path, ILogger logger)
{
    private readonly object _writing = new();

    public Contents? Read()
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var entries = root.GetProperty("entries").EnumerateArray()
                .Select(e => new EtcdEntry(e.GetProperty("flag").GetString()!, e.GetProperty("json").GetString()!, e.GetProperty("modRevision").GetInt64()))
                .ToList();
            return new Contents(entries, root.GetProperty("revision").GetInt64());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            EtcdLog.CacheFailed(logger, path, e);
            return null;
        }
    }

    public void Write(IEnumerable<EtcdEntry> entries, long revision)
    {
        lock (_writing)
        {
            try
            {
                var temporary = path + ".tmp";
                using (var stream = File.Create(temporary))
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("revision", revision);
                    writer.WriteStartArray("entries");
                    foreach (var entry in entries)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("flag", entry.Flag);
                        writer.WriteString("json", entry.Json);
                        writer.WriteNumber("modRevision", entry.ModRevision);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                EtcdLog.CacheFailed(logger, path, e);
            }
        }
    }

    /// <summary>What the file holds: the entries and the revision they reflect.</summary>
    public sealed record Contents(IReadOnlyList<EtcdEntry> Entries, long Revision);
}
