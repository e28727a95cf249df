using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Planning;

/// <summary>
/// What one week's sessions work: the body regions and the four directions the spine moves in,
/// counted over the exercises of each main block (the warm-up and cool-down are the same every time,
/// and the joint warm-up alone would move the spine every way). <see cref="PossibleRegions"/> and
/// <see cref="PossibleDirections"/> are what the person's level, equipment and health allow at all.
/// </summary>
public sealed record PlanCoverage(
    IReadOnlySet<Region> Regions,
    IReadOnlySet<LoadPattern> Directions,
    IReadOnlySet<Region> PossibleRegions,
    IReadOnlySet<LoadPattern> PossibleDirections)
{
    /// <summary>Bending forward and backward, twisting and bending to the side: the ways a balanced week moves the spine.</summary>
    public static readonly IReadOnlyList<LoadPattern> AllDirections =
        [LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.LateralFlexion];

    public IReadOnlyList<Region> MissingRegions => PossibleRegions.Where(r => !Regions.Contains(r)).Order().ToList();

    public IReadOnlyList<LoadPattern> MissingDirections => PossibleDirections.Where(d => !Directions.Contains(d)).Order().ToList();

    /// <summary>Every region and direction the person can do is worked at least once.</summary>
    public bool IsBalanced => MissingRegions.Count == 0 && MissingDirections.Count == 0;

    /// <summary>The exercises a session's main block works with, rests left out.</summary>
    internal static IEnumerable<Exercise> MainExercises(Session session, Func<string, Exercise?> exerciseOf) =>
        session.Blocks.Where(b => b.Kind == BlockKind.Main)
            .SelectMany(b => b.Items.Where(i => i.Role == ItemRole.Exercise))
            .Select(i => exerciseOf(i.Slug))
            .OfType<Exercise>();
}
