namespace FeatureFlags.Generators.Tests;

/// <summary>Catalog sources shared by the tests.</summary>
internal static class Sources
{
    public const string ShopCatalog = """
        using FeatureFlags;

        namespace Shop.Flags;

        /// <summary>The shop's flags.</summary>
        [FlagCatalog]
        public sealed partial class Flags
        {
            /// <summary>A release flag.</summary>
            [Flag(FlagKind.Release, Expires = "2027-03-31", Owner = "team-checkout", Description = "New checkout flow <v2> & more", RemovalIssue = "https://example.test/issues/1")]
            public const string NewCheckout = "NewCheckout";

            /// <summary>An ops flag, on by default.</summary>
            [Flag(FlagKind.Ops, Description = "Kill switch", Default = true)]
            public const string Recommendations = "Recommendations";

            /// <summary>An experiment.</summary>
            [Flag(FlagKind.Experiment, Expires = "2027-01-31")]
            public const string CheckoutButton = "checkout-button";

            /// <summary>Not a flag: no attribute.</summary>
            public const string NotAFlag = "NotAFlag";

            /// <summary>Flags grouped in a nested class.</summary>
            public static class Reports
            {
                /// <summary>A permission flag.</summary>
                [Flag(FlagKind.Permission)]
                public const string BetaReports = "Reports.Beta";

                /// <summary>Private: the generated code uses its value.</summary>
                [Flag(FlagKind.Ops)]
                private const string Hidden = "Reports.Hidden";
            }
        }
        """;

    public const string NestedGlobalCatalog = """
        using FeatureFlags;

        /// <summary>An application class.</summary>
        public static partial class App
        {
            /// <summary>The flags, nested and in the global namespace.</summary>
            [FlagCatalog]
            internal sealed partial class Flags
            {
                /// <summary>A keyword-named flag.</summary>
                [Flag(FlagKind.Ops)]
                public const string @event = "event";
            }
        }
        """;

    public const string PayloadCatalog = """
        using FeatureFlags;

        namespace Shop.Flags;

        /// <summary>Experiments whose variants carry values.</summary>
        [FlagCatalog]
        public sealed partial class Experiments
        {
            /// <summary>A button style per variant.</summary>
            [Flag(FlagKind.Experiment, Expires = "2099-12-31", VariantType = typeof(ButtonStyle))]
            public const string CheckoutButton = "CheckoutButton";

            /// <summary>A number per variant.</summary>
            [Flag(FlagKind.Experiment, Expires = "2099-12-31", VariantType = typeof(int))]
            public const string PageSize = "PageSize";
        }

        /// <summary>A variant value.</summary>
        public sealed class ButtonStyle
        {
            /// <summary>The colour.</summary>
            public string Color { get; set; } = "";
        }

        /// <summary>Reads the generated members as an application would.</summary>
        public static class ValueProbe
        {
            /// <summary>The typed values of a snapshot.</summary>
            public static string Read(FeatureFlags.IFlagSnapshot snapshot)
            {
                var flags = Experiments.For(snapshot);
                return $"{flags.CheckoutButtonVariant}|{flags.CheckoutButtonValue?.Color ?? "none"}|{flags.PageSizeValue}";
            }

            /// <summary>The catalog.</summary>
            public static FeatureFlags.FlagCatalog Catalog => Experiments.Catalog;
        }
        """;
}
