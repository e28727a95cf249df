namespace Stretching.Core.Catalog;

/// <summary>
/// Reads vocabulary ids as they arrive from a query string or a JSON body, for the catalog filters
/// and the session builder alike: blank values are ignored (an unselected form field), anything else
/// must be a known id, and every unknown one is reported under the field's name.
/// </summary>
public static class VocabularyIds
{
    /// <summary>Input echoed back in a message is clipped, so a huge value never produces a huge answer.</summary>
    public const int MaxEchoLength = 40;

    public static HashSet<T> Parse<T>(string field, IEnumerable<string?>? values, IDictionary<string, string[]> errors) where T : struct, Enum
    {
        var parsed = new HashSet<T>();
        var unknown = new List<string>();
        foreach (var value in (values ?? []).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Vocabulary.TryParse<T>(value.Trim(), out var id)) parsed.Add(id);
            else unknown.Add(Clip(value));
        }
        if (unknown.Count > 0)
        {
            errors[field] = [$"Unknown {field} '{string.Join("', '", unknown)}'. Known values: {string.Join(", ", Vocabulary.All<T>().Select(Vocabulary.Id))}."];
        }
        return parsed;
    }

    public static string Clip(string value) => value.Length > MaxEchoLength ? value[..MaxEchoLength] + "..." : value;
}
