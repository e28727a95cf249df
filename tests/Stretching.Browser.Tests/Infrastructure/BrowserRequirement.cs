namespace Stretching.Browser.Tests.Infrastructure;

public static class BrowserRequirement
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "STRETCHING_REQUIRE_BROWSER";

    /// <summary>Null when the browser tests should run: Chromium is there, or CI demands them.</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"Chromium not found at {ChromiumPath}: install it (apt-get install chromium), or set {RequireVariable}=1 to fail instead of skipping.";
}

public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserRequirement.SkipReason;
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = BrowserRequirement.SkipReason;
}
