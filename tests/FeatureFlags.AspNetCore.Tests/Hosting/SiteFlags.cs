namespace FeatureFlags.AspNetCore.Tests.Hosting;

/// <summary>The test site's flags.</summary>
[FlagCatalog]
public sealed partial class SiteFlags
{
    [Flag(FlagKind.Ops, Description = "Always on in the tests")]
    public const string On = "On";

    [Flag(FlagKind.Ops, Description = "Always off in the tests")]
    public const string Off = "Off";

    [Flag(FlagKind.Permission, Description = "On for the beta group only")]
    public const string Beta = "Beta";

    [Flag(FlagKind.Experiment, Expires = "2027-06-30", Description = "Serves the blue variant to everybody")]
    public const string Button = "Button";

    [Flag(FlagKind.Ops, Description = "Flipped by a reload in the middle of a request")]
    public const string Live = "Live";
}
