using Microsoft.Extensions.Options;

namespace FeatureFlags;

/// <summary>
/// Flag configuration is invalid. The message lists every problem with its full configuration path,
/// such as <c>FeatureFlags:NewCheckout: 'ture' is not a boolean (use true or false)</c>.
/// </summary>
/// <remarks>
/// Derives from <see cref="OptionsValidationException"/> so that a host's start-up validation reports it
/// as it reports any options validation failure: host start fails with this exception.
/// </remarks>
public sealed class FlagConfigurationException : OptionsValidationException
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="problems">Each problem, prefixed with its configuration path.</param>
    public FlagConfigurationException(IEnumerable<string> problems)
        : base(Options.DefaultName, typeof(FeatureFlagsOptions), problems?.ToArray() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    /// <summary>Gets the problems, each prefixed with its configuration path.</summary>
    public IReadOnlyList<string> Problems => (IReadOnlyList<string>)Failures;

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var count = Problems.Count;
            var header = count == 1 ? "The feature flag configuration has 1 problem:" : $"The feature flag configuration has {count} problems:";
            return header + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  " + p));
        }
    }
}
