using System.Text.Json.Serialization;

namespace Stretching.Core.Catalog;

/// <param name="AtLeast">
/// The article gives only a minimum ("at least 5 minutes"): the figure is where to start, not a
/// limit, so it reads "at least". Only a duration may be open-ended, with one figure (min = max);
/// holds are capped by level in sessions (D3), so "at least" there would not be kept. Written only when true.
/// </param>
public sealed record SecondsRange(
    int MinSeconds,
    int MaxSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AtLeast = false);

public sealed record CountRange(int Min, int Max);

public sealed record SourceReference(string Article, string Section);

/// <summary>
/// One short instruction per phase of play, read from 2 m on the mat: getting into position, the
/// hold, the release between held repetitions, and the movement of repeated or timed work.
/// </summary>
public sealed record PhaseCues(string Ready, string? Hold, string? Release, string? Move)
{
    public const int MaxLength = 48;
}

/// <summary>One movement of the catalog, merged across the articles that describe or name it.</summary>
public record Exercise
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }
    public required PhaseCues PhaseCues { get; init; }
    public required IReadOnlyList<string> Benefits { get; init; }
    public required IReadOnlyList<Region> Regions { get; init; }
    public required Position Position { get; init; }
    public required ExerciseKind Kind { get; init; }
    public required IReadOnlyList<LoadPattern> Patterns { get; init; }
    public required Level Level { get; init; }
    public SecondsRange? Hold { get; init; }
    public CountRange? Reps { get; init; }
    public CountRange? Breaths { get; init; }
    public SecondsRange? Duration { get; init; }
    public CountRange? Sets { get; init; }
    public required bool PerSide { get; init; }
    public string? Breathing { get; init; }
    public string? Easier { get; init; }
    public string? Harder { get; init; }
    public required IReadOnlyList<string> Variations { get; init; }
    public required IReadOnlyList<Equipment> Equipment { get; init; }
    public required IReadOnlyList<Condition> Contraindications { get; init; }
    public required IReadOnlyList<Condition> Cautions { get; init; }
    public required IReadOnlyList<string> Precautions { get; init; }
    public required bool FromArticles { get; init; }
    public required IReadOnlyList<SourceReference> Sources { get; init; }
}
