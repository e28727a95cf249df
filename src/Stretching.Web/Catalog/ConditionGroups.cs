using Stretching.Core.Catalog;

namespace Stretching.Web.Catalog;

/// <summary>A small heading and the vocabulary terms shown under it in a checklist.</summary>
public sealed record TermGroup<TTerm>(string Heading, IReadOnlyList<TTerm> Terms) where TTerm : struct, Enum;

/// <summary>
/// The health conditions under small headings, so a long checklist can be scanned. Presentation
/// only: the vocabulary, its ids and its order in the API stay as Core defines them.
/// </summary>
public static class ConditionGroups
{
    public static IReadOnlyList<TermGroup<Condition>> All { get; } =
    [
        new("Back and spine",
        [
            Condition.AcuteBackPain, Condition.BackInjury, Condition.RecentBackSurgery, Condition.Hernia,
            Condition.Sciatica, Condition.SpinalStenosis, Condition.Spondylolisthesis, Condition.Scoliosis,
            Condition.Osteoporosis, Condition.VertebralFracture, Condition.CervicalSpineLesion,
        ]),
        new("Joints, muscles and ligaments",
        [
            Condition.ArthritisFlare, Condition.ShoulderProblems, Condition.WristProblems, Condition.KneeProblems,
            Condition.LigamentTear,
        ]),
        new("Heart, blood and circulation",
        [
            Condition.Cardiovascular, Condition.Hypertension, Condition.Thrombosis, Condition.Aneurysm, Condition.Stroke,
        ]),
        new("Nerves, eyes and balance",
        [
            Condition.Dizziness, Condition.Glaucoma, Condition.Paralysis, Condition.CerebralPalsy,
        ]),
        new("Other",
        [
            Condition.Pregnancy, Condition.Respiratory, Condition.Infection, Condition.KidneyStones,
            Condition.OpenWounds, Condition.Neoplasm,
        ]),
    ];
}
