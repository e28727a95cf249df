namespace Stretching.Core.Sessions;

/// <summary>The fixed parts every built session has (S1, S2, S4).</summary>
public enum StructuralRole { JointWarmUp, Cardio, Rest, Rolls, FinalPose }

/// <summary>
/// The exercises that can fill each fixed part of a session, in order of preference: the articles'
/// own choice first, then gentler or equipment-free stand-ins for when it is ruled out for the
/// person, needs equipment they lack, or was left out. Cardio is drawn at random among its options.
/// </summary>
public static class SessionStructure
{
    public static readonly IReadOnlyDictionary<StructuralRole, IReadOnlyList<string>> Candidates =
        new Dictionary<StructuralRole, IReadOnlyList<string>>
        {
            [StructuralRole.JointWarmUp] = [SessionBuilder.JointWarmUpSlug, "shoulder-girdle-stretch", "standing-forward-back-bends"],
            [StructuralRole.Cardio] = SessionBuilder.CardioSlugs,
            [StructuralRole.Rest] = [SessionBuilder.ChildsPoseSlug, "knees-to-chest", "happy-baby", "seated-upper-back-release"],
            [StructuralRole.Rolls] = [SessionBuilder.RollsSlug, "supine-leg-paddling", "shoulder-girdle-stretch"],
            [StructuralRole.FinalPose] = [SessionBuilder.ChildsPoseSlug, "knees-to-chest", "happy-baby", "seated-upper-back-release"],
        };

    /// <summary>The articles' own choices, which only ever play their fixed part and never join the main set.</summary>
    public static bool IsStructural(string slug) =>
        slug is SessionBuilder.JointWarmUpSlug or SessionBuilder.ChildsPoseSlug or SessionBuilder.RollsSlug
        || SessionBuilder.CardioSlugs.Contains(slug);

    public static IEnumerable<string> AllSlugs => Candidates.Values.SelectMany(slugs => slugs).Distinct();
}
