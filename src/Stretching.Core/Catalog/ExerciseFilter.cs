using System.Diagnostics.CodeAnalysis;
using Stretching.Core.Safety;

namespace Stretching.Core.Catalog;

/// <summary>
/// The catalog filters. Within one list any value matches (lumbar or hips); different filters all
/// apply. Equipment is what the person has: an exercise that needs anything else is left out.
/// Health conditions leave out what they rule out, and mark what needs care.
/// </summary>
public sealed record ExerciseFilter
{
    public const int MaxQueryLength = 100;

    public string? Query { get; init; }
    public IReadOnlySet<Region> Regions { get; init; } = new HashSet<Region>();
    public IReadOnlySet<Position> Positions { get; init; } = new HashSet<Position>();
    public IReadOnlySet<ExerciseKind> Kinds { get; init; } = new HashSet<ExerciseKind>();
    public IReadOnlySet<Level> Levels { get; init; } = new HashSet<Level>();
    public IReadOnlySet<Equipment>? AvailableEquipment { get; init; }
    public IReadOnlySet<Condition> ExcludedConditions { get; init; } = new HashSet<Condition>();

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Query) && Regions.Count == 0 && Positions.Count == 0 && Kinds.Count == 0
        && Levels.Count == 0 && AvailableEquipment is null && ExcludedConditions.Count == 0;

    public IEnumerable<ExerciseMatch> Apply(IEnumerable<Exercise> exercises)
    {
        var query = string.IsNullOrWhiteSpace(Query) ? null : SearchText.Normalize(Query);
        return exercises
            .Where(e => MatchesAllButHealth(e, query) && !e.Contraindications.Any(ExcludedConditions.Contains))
            .Select(e => new ExerciseMatch(e, ExerciseSafety.Assess(e, ExcludedConditions).Where(n => n.Effect == RuleEffect.NeedsCare).ToList()));
    }

    /// <summary>How many exercises the health conditions left out of what the other filters matched.</summary>
    public int CountRuledOutByHealth(IEnumerable<Exercise> exercises)
    {
        var query = string.IsNullOrWhiteSpace(Query) ? null : SearchText.Normalize(Query);
        return exercises.Count(e => MatchesAllButHealth(e, query) && e.Contraindications.Any(ExcludedConditions.Contains));
    }

    private bool MatchesAllButHealth(Exercise e, string? normalizedQuery) =>
        (normalizedQuery is null || e.Aliases.Prepend(e.Name).Any(n => SearchText.Normalize(n).Contains(normalizedQuery, StringComparison.Ordinal)))
        && (Regions.Count == 0 || e.Regions.Any(Regions.Contains))
        && (Positions.Count == 0 || Positions.Contains(e.Position))
        && (Kinds.Count == 0 || Kinds.Contains(e.Kind))
        && (Levels.Count == 0 || Levels.Contains(e.Level))
        && (AvailableEquipment is null || e.Equipment.All(AvailableEquipment.Contains));
}

/// <summary>An exercise that passed the filters, with what needs care for the conditions filtered on.</summary>
public sealed record ExerciseMatch : Exercise
{
    [SetsRequiredMembers]
    public ExerciseMatch(Exercise exercise, IReadOnlyList<SafetyNote> caution) : base(exercise)
    {
        Caution = caution;
    }

    public IReadOnlyList<SafetyNote> Caution { get; init; }
}
