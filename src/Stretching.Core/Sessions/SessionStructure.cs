namespace Stretching.Core.Sessions;

/// <summary>The fixed parts every built session has (S1, S2, S4).</summary>
public enum StructuralRole { JointWarmUp, Cardio, Rest, Rolls, FinalPose }

/// <summary>
/// The exercises that can fill each fixed part of a session, in order of preference: the articles'
/// own choice first, then gentler or equipment-free stand-ins for when it is ruled out for the
/// person, needs care with one of their conditions, needs equipment they lack, or was left out.
/// Cardio is drawn at random among its options. The stand-ins are chosen so that, by the rules
/// table, every single health condition leaves at least one of them with nothing to take care over
/// (a test holds the lists to that): the builder never plays a fixed part that needs care unless the
/// person added it.
/// </summary>
public static class SessionStructure
{
    public static readonly IReadOnlyDictionary<StructuralRole, IReadOnlyList<string>> Candidates =
        new Dictionary<StructuralRole, IReadOnlyList<string>>
        {
            // Side bends for the back conditions that need care with bending and twisting; leg paddling
            // lying down for those that need care with side bends too (scoliosis, recent surgery).
            [StructuralRole.JointWarmUp] = [SessionBuilder.JointWarmUpSlug, "shoulder-girdle-stretch", "standing-forward-back-bends", "moon-stretch", "supine-leg-paddling"],
            [StructuralRole.Cardio] = SessionBuilder.CardioSlugs,
            // Leg paddling on the back neither bends nor twists the spine: the rest and final pose when every curled pose needs care.
            [StructuralRole.Rest] = [SessionBuilder.ChildsPoseSlug, "knees-to-chest", "happy-baby", "seated-upper-back-release", "supine-leg-paddling"],
            [StructuralRole.Rolls] = [SessionBuilder.RollsSlug, "supine-leg-paddling", "supta-padangusthasana", "shoulder-girdle-stretch"],
            [StructuralRole.FinalPose] = [SessionBuilder.ChildsPoseSlug, "knees-to-chest", "happy-baby", "seated-upper-back-release", "supine-leg-paddling"],
        };

    /// <summary>The articles' own choices, which only ever play their fixed part and never join the main set.</summary>
    public static bool IsStructural(string slug) =>
        slug is SessionBuilder.JointWarmUpSlug or SessionBuilder.ChildsPoseSlug or SessionBuilder.RollsSlug
        || SessionBuilder.CardioSlugs.Contains(slug);

    public static IEnumerable<string> AllSlugs => Candidates.Values.SelectMany(slugs => slugs).Distinct();
}
