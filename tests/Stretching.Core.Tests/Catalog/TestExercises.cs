using Stretching.Core.Catalog;
using Stretching.Core.Safety;

namespace Stretching.Core.Tests.Catalog;

internal static class TestExercises
{
    public static Exercise Make(string slug, Action<ExerciseDraft>? change = null)
    {
        var draft = new ExerciseDraft(slug);
        change?.Invoke(draft);
        return draft.Build();
    }
}

/// <summary>A valid exercise by default; tests change only what they are about.</summary>
internal sealed class ExerciseDraft(string slug)
{
    public string Slug = slug;
    public string Name = char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
    public List<string> Aliases = [];
    public List<string> Steps = ["Lie down.", "Breathe."];
    public List<Region> Regions = [Region.Lumbar];
    public Position Position = Position.Supine;
    public ExerciseKind Kind = ExerciseKind.Stretch;
    public Level Level = Level.Beginner;
    public SecondsRange? Hold = new(20, 30);
    public CountRange? Reps;
    public SecondsRange? Duration;
    public List<string> Variations = [];
    public List<Equipment> Equipment = [Core.Catalog.Equipment.Mat];
    public List<LoadPattern> Patterns = [LoadPattern.SpinalFlexion, LoadPattern.LyingSupine];

    /// <summary>What the rules derive from the patterns, unless a test sets its own.</summary>
    public List<Condition>? Contraindications;
    public List<Condition>? Cautions;
    public List<string> Precautions = [];
    public List<SourceReference> Sources = [new("spinal-stretching", "Test section")];

    public Exercise Build() => new()
    {
        Slug = Slug,
        Name = Name,
        Aliases = Aliases,
        Summary = "A test exercise.",
        Steps = Steps,
        PhaseCues = new PhaseCues("Lie down", Hold is null ? null : "Stay there", Hold is not null && Reps is not null ? "Let go" : null,
            (Reps is not null && Hold is null) || Duration is not null ? "Move gently" : null),
        Benefits = ["Feels good"],
        Regions = Regions,
        Position = Position,
        Kind = Kind,
        Patterns = Patterns,
        Level = Level,
        Hold = Hold,
        Reps = Reps,
        Duration = Duration,
        PerSide = false,
        Variations = Variations,
        Equipment = Equipment,
        Contraindications = Contraindications ?? [.. ExerciseSafety.DerivedContraindications(Patterns)],
        Cautions = Cautions ?? [.. ExerciseSafety.DerivedCautions(Patterns)],
        Precautions = Precautions,
        FromArticles = true,
        Sources = Sources,
    };
}
