using System.Security.Cryptography;
using System.Text;
using Stretching.Core.Figures;
using Stretching.Core.Sessions;

namespace Stretching.Core.Catalog;

/// <summary>A library routine with the session it plays: built once, when the catalog is loaded.</summary>
public sealed record PlayableRoutine(Routine Routine, Session Session);

/// <summary>
/// The whole catalog as one immutable value: exercises, routines with their sessions, figures, the
/// session builder over them, and a version that changes whenever any of it does. It changes only
/// when data/ is seeded, so it is built once and read by every request instead of re-read from the
/// database each time.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly IReadOnlyDictionary<string, Exercise> _exercises;
    private readonly IReadOnlyDictionary<string, PlayableRoutine> _routines;
    private readonly IReadOnlyDictionary<string, ExerciseFigure> _figures;

    public CatalogSnapshot(IReadOnlyList<Exercise> exercises, IReadOnlyList<Routine> routines, IReadOnlyList<ExerciseFigure> figures)
    {
        Exercises = exercises.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        _exercises = Exercises.ToDictionary(e => e.Slug);
        Routines = routines.Select(r => new PlayableRoutine(r, RoutineTimeline.Build(r, exercises))).ToList();
        _routines = Routines.ToDictionary(r => r.Routine.Slug);
        _figures = figures.ToDictionary(f => f.Slug);
        Builder = new SessionBuilder(exercises);
        Version = VersionOf(exercises, routines, figures);
    }

    /// <summary>Every exercise, by name.</summary>
    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>The routines in their data order, each with its session.</summary>
    public IReadOnlyList<PlayableRoutine> Routines { get; }

    public SessionBuilder Builder { get; }

    /// <summary>Twelve hex digits of a hash of all the catalog's documents: equal versions, equal catalogs.</summary>
    public string Version { get; }

    public Exercise? Exercise(string slug) => _exercises.GetValueOrDefault(slug);

    public PlayableRoutine? Routine(string slug) => _routines.GetValueOrDefault(slug);

    public ExerciseFigure? Figure(string slug) => _figures.GetValueOrDefault(slug);

    private static string VersionOf(IReadOnlyList<Exercise> exercises, IReadOnlyList<Routine> routines, IReadOnlyList<ExerciseFigure> figures)
    {
        var text = new StringBuilder();
        foreach (var exercise in exercises.OrderBy(e => e.Slug, StringComparer.Ordinal)) text.Append(CatalogJson.Serialize(exercise));
        foreach (var routine in routines.OrderBy(r => r.Slug, StringComparer.Ordinal)) text.Append(CatalogJson.Serialize(routine));
        foreach (var figure in figures.OrderBy(f => f.Slug, StringComparer.Ordinal)) text.Append(CatalogJson.Serialize(figure));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
