using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

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
    public string[]? Prefer { get; init; }

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

        var level = Catalog.Level.Beginner;
        if (string.IsNullOrWhiteSpace(Level))
        {
            errors["level"] = ["Choose a level: beginner, intermediate or advanced."];
        }
        else if (!Vocabulary.TryParse(Level, out level))
        {
            errors["level"] = [$"Unknown level '{VocabularyIds.Clip(Level)}'. Known values: beginner, intermediate, advanced."];
        }

        var request = new SessionRequest
        {
            Minutes = Minutes ?? 0,
            Level = level,
            Focus = VocabularyIds.Parse<Region>("focus", Focus, errors),
            Equipment = VocabularyIds.Parse<Catalog.Equipment>("equipment", Equipment, errors),
            Conditions = VocabularyIds.Parse<Condition>("conditions", Conditions, errors),
            RedFlags = VocabularyIds.Parse<RedFlag>("redFlags", RedFlags, errors),
            Seed = Seed,
            DoctorApproved = DoctorApproved ?? false,
            Include = Slugs("include", Include, exerciseExists, errors),
            Exclude = Slugs("exclude", Exclude, exerciseExists, errors),
            Prefer = Slugs("prefer", Prefer, exerciseExists, errors),
        };
        problems = errors;
        return errors.Count == 0 ? request : null;
    }

    private static List<string> Slugs(string field, string[]? values, Func<string, bool> exists, Dictionary<string, string[]> errors)
    {
        var slugs = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        var unknown = slugs.Where(s => !exists(s)).Select(VocabularyIds.Clip).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"No exercise has the slug '{string.Join("', '", unknown)}'."];
        }
        return slugs;
    }
}
