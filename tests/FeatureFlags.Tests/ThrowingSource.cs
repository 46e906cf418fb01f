using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Tests;

/// <summary>A configuration source that starts empty and, once told to, throws from every read and raises a reload.</summary>
internal sealed class ThrowingSource : IConfigurationSource
{
    public Provider? Built { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Built = new Provider();

    internal sealed class Provider : ConfigurationProvider
    {
        private bool _failing;

        public void Fail()
        {
            _failing = true;
            OnReload();
        }

        public override bool TryGet(string key, out string? value) =>
            _failing ? throw new InvalidOperationException("the store is unreadable") : base.TryGet(key, out value);

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
            _failing ? throw new InvalidOperationException("the store is unreadable") : base.GetChildKeys(earlierKeys, parentPath);
    }
}
