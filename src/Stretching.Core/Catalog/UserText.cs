using System.Text.RegularExpressions;

namespace Stretching.Core.Catalog;

/// <summary>
/// Text for people names articles by their titles and never shows the codebase's words: article
/// ids and rule codes (S1, H5, D7) belong in code, tests and docs.
/// </summary>
public static partial class UserText
{
    // "therapeutic" is also an ordinary word, so only the hyphenated or numbered ids are searched for.
    [GeneratedRegex(@"\b(spine-top10|spinal-stretching|back-stretches-12|dancer-back|[SDWH][1-9])\b")]
    private static partial Regex InternalReference();

    /// <summary>The first internal id or rule code in the text, or null when it reads clean.</summary>
    public static string? FindInternalReference(string? text) =>
        text is not null && InternalReference().Match(text) is { Success: true } match ? match.Value : null;
}
