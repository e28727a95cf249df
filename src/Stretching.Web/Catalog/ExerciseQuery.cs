using Microsoft.AspNetCore.Mvc;
using Stretching.Core.Catalog;

namespace Stretching.Web.Catalog;

/// <summary>
/// The catalog filters as they arrive in a query string, shared by the API and the catalog page.
/// Empty values (an unselected form field) are ignored; anything else must be a known id.
/// </summary>
public sealed record ExerciseQuery(
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "region")] string[]? Region = null,
    [FromQuery(Name = "position")] string[]? Position = null,
    [FromQuery(Name = "kind")] string[]? Kind = null,
    [FromQuery(Name = "level")] string[]? Level = null,
    [FromQuery(Name = "equipment")] string[]? Equipment = null,
    [FromQuery(Name = "exclude")] string[]? Exclude = null)
{
    public ExerciseFilter ToFilter(out IReadOnlyDictionary<string, string[]> problems)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Q?.Trim();
        if (query?.Length > ExerciseFilter.MaxQueryLength)
        {
            errors["q"] = [$"The search text is longer than {ExerciseFilter.MaxQueryLength} characters."];
            query = null;
        }

        var filter = new ExerciseFilter
        {
            Query = string.IsNullOrEmpty(query) ? null : query,
            Regions = VocabularyIds.Parse<Core.Catalog.Region>("region", Region, errors),
            Positions = VocabularyIds.Parse<Core.Catalog.Position>("position", Position, errors),
            Kinds = VocabularyIds.Parse<ExerciseKind>("kind", Kind, errors),
            Levels = VocabularyIds.Parse<Core.Catalog.Level>("level", Level, errors),
            AvailableEquipment = HasValues(Equipment) ? VocabularyIds.Parse<Core.Catalog.Equipment>("equipment", Equipment, errors) : null,
            ExcludedConditions = VocabularyIds.Parse<Condition>("exclude", Exclude, errors),
        };
        problems = errors;
        return filter;
    }

    private static bool HasValues(string[]? values) => values?.Any(v => !string.IsNullOrWhiteSpace(v)) == true;
}
