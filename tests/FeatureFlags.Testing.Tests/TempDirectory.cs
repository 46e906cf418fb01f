namespace FeatureFlags.Testing.Tests;

/// <summary>A scratch content root for settings files, removed after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("featureflags-testing-").FullName;
    }

    public string Path { get; }

    public TempDirectory With(string fileName, string json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
