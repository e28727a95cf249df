using System.Globalization;
using Stretching.Core.Sessions;

namespace Stretching.Web.Sessions;

/// <summary>
/// The /build form's query string (same names as the API's JSON fields). Numbers arrive as text so
/// a mistyped value becomes a form message instead of a failed page.
/// </summary>
public sealed record SessionQuery(
    string? Minutes, string? Level, string[]? Focus, string[]? Equipment, string[]? Conditions,
    string[]? RedFlags, string? Seed, string? DoctorApproved, string[]? Include, string[]? Exclude, string[]? Prefer)
{
    public bool IsSubmitted => Minutes is not null || Level is not null;

    /// <summary>Reads the form's fields from a query string (names as in the API's JSON, any case).</summary>
    public static SessionQuery From(IQueryCollection query)
    {
        string? One(string key) => query.TryGetValue(key, out var values) ? values.FirstOrDefault() : null;
        string[]? Many(string key) => query.TryGetValue(key, out var values) ? values.OfType<string>().ToArray() : null;
        return new(One("minutes"), One("level"), Many("focus"), Many("equipment"), Many("conditions"),
            Many("redFlags"), One("seed"), One("doctorApproved"), Many("include"), Many("exclude"), Many("prefer"));
    }

    public SessionInput ToInput(out IReadOnlyDictionary<string, string[]> problems)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new SessionInput
        {
            Minutes = ParseInt("minutes", Minutes, errors, "Enter the length in whole minutes, from 10 to 90."),
            Level = Level,
            Focus = Focus,
            Equipment = Equipment,
            Conditions = Conditions,
            RedFlags = RedFlags,
            Seed = ParseInt("seed", Seed, errors, "The variation number must be a whole number."),
            DoctorApproved = DoctorApproved is "true" or "on",
            Include = Include,
            Exclude = Exclude,
            Prefer = Prefer,
        };
        problems = errors;
        return input;
    }

    private static int? ParseInt(string field, string? value, Dictionary<string, string[]> errors, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        errors[field] = [message];
        return null;
    }
}
