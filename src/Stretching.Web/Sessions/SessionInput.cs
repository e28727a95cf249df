using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Infrastructure;

namespace Stretching.Web.Sessions;

/// <summary>
/// A build request as it arrives, from the API's JSON body or the /build form's query string, with
/// ids as plain strings so every unknown value can be reported by field name.
/// </summary>
public sealed record SessionInput
{
    public int? Minutes { get; init; }
    public string? Level { get; init; }
    public string[]? Focus { get; init; }
    public string[]? Equipment { get; init; }
    public string[]? Conditions { get; init; }
    public string[]? RedFlags { get; init; }
    public int? Seed { get; init; }
    public bool? DoctorApproved { get; init; }
    public string[]? Include { get; init; }
    public string[]? Exclude { get; init; }

    public SessionRequest? ToRequest(Func<string, bool> exerciseExists, out IReadOnlyDictionary<string, string[]> problems)
    {
        var errors = new Dictionary<string, string[]>();
        if (Minutes is not { } minutes)
        {
            errors["minutes"] = ["Say how many minutes the session should last."];
        }
        else if (minutes is < SessionRequest.MinMinutes or > SessionRequest.MaxMinutes)
        {
            errors["minutes"] = [$"A session lasts {SessionRequest.MinMinutes} to {SessionRequest.MaxMinutes} minutes; {minutes} is outside that."];
        }

        var level = Core.Catalog.Level.Beginner;
        if (string.IsNullOrWhiteSpace(Level))
        {
            errors["level"] = ["Choose a level: beginner, intermediate or advanced."];
        }
        else if (!Vocabulary.TryParse(Level, out level))
        {
            errors["level"] = [$"Unknown level '{EchoText.Clip(Level)}'. Known values: beginner, intermediate, advanced."];
        }

        var request = new SessionRequest
        {
            Minutes = Minutes ?? 0,
            Level = level,
            Focus = Ids<Region>("focus", Focus, errors),
            Equipment = Ids<Core.Catalog.Equipment>("equipment", Equipment, errors),
            Conditions = Ids<Condition>("conditions", Conditions, errors),
            RedFlags = Ids<RedFlag>("redFlags", RedFlags, errors),
            Seed = Seed,
            DoctorApproved = DoctorApproved ?? false,
            Include = Slugs("include", Include, exerciseExists, errors),
            Exclude = Slugs("exclude", Exclude, exerciseExists, errors),
        };
        problems = errors;
        return errors.Count == 0 ? request : null;
    }

    private static HashSet<T> Ids<T>(string field, string[]? values, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        var parsed = new HashSet<T>();
        var unknown = new List<string>();
        foreach (var value in (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Vocabulary.TryParse<T>(value.Trim(), out var id)) parsed.Add(id);
            else unknown.Add(EchoText.Clip(value));
        }
        if (unknown.Count > 0)
        {
            errors[field] = [$"Unknown {field} '{string.Join("', '", unknown)}'. Known values: {string.Join(", ", Vocabulary.All<T>().Select(Vocabulary.Id))}."];
        }
        return parsed;
    }

    private static List<string> Slugs(string field, string[]? values, Func<string, bool> exists, Dictionary<string, string[]> errors)
    {
        var slugs = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        var unknown = slugs.Where(s => !exists(s)).Select(EchoText.Clip).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"No exercise has the slug '{string.Join("', '", unknown)}'."];
        }
        return slugs;
    }

}
