using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// The safety rules applied before a session is built: H1 and H2's infections and the H5 red
/// flags refuse (unless a doctor approved), H2/H3 warn, and every exercise contraindicated for a
/// selected condition, or needing extra care with it, is left out with its reason.
/// </summary>
public static class ContraindicationScreen
{
    /// <summary>H1 (no back stretching) and H2's infections (postpone until recovered).</summary>
    public static readonly IReadOnlySet<Condition> RefusalConditions =
        new HashSet<Condition> { Condition.Osteoporosis, Condition.Thrombosis, Condition.ArthritisFlare, Condition.Infection };

    private static readonly IReadOnlySet<Condition> ExtraCareConditions =
        new HashSet<Condition> { Condition.Cardiovascular, Condition.Respiratory };

    private static readonly IReadOnlySet<Condition> DoctorFirstConditions =
        new HashSet<Condition> { Condition.BackInjury, Condition.Hernia, Condition.Osteoporosis, Condition.Scoliosis, Condition.Sciatica };

    public static Refusal? Refuse(SessionRequest request)
    {
        if (request.DoctorApproved) return null;

        var reasons = request.Conditions.Where(RefusalConditions.Contains).Select(RefusalReason)
            .Concat(request.RedFlags.Select(flag => $"{Vocabulary.Label(flag)} is a warning sign to have checked by a doctor soon (H5)."))
            .ToList();
        return reasons.Count == 0
            ? null
            : new Refusal(
                "No session was built",
                reasons,
                "Please see a doctor first. If your doctor has approved exercise, say so and the gentlest possible session will be built.");
    }

    /// <summary>Gentlest mode: a doctor approved exercise despite a refusal condition or red flag.</summary>
    public static bool NeedsGentlestSession(SessionRequest request) =>
        request.DoctorApproved && (request.Conditions.Any(RefusalConditions.Contains) || request.RedFlags.Count > 0);

    public static IEnumerable<string> Warnings(SessionRequest request)
    {
        foreach (var condition in request.Conditions.Where(ExtraCareConditions.Contains))
        {
            yield return $"{Vocabulary.Label(condition)}: take extra care, keep the pace gentle and stop if you feel short of breath or unwell (H2).";
        }
        foreach (var condition in request.Conditions.Where(DoctorFirstConditions.Contains))
        {
            yield return request.DoctorApproved
                ? $"{Vocabulary.Label(condition)}: you said a doctor approved exercise; follow their advice over this session (H3)."
                : $"{Vocabulary.Label(condition)}: ask a doctor before exercising (H3). Exercises that load the spine were left out.";
        }
        if (NeedsGentlestSession(request))
        {
            yield return "Because a doctor approved exercise despite a condition or warning sign, this is the gentlest session possible: beginner level, no cardio, no strength or traction work.";
        }
    }

    /// <summary>Why an exercise may not be in this person's session, or null when it may.</summary>
    public static string? ExclusionReason(Exercise exercise, SessionRequest request, bool explicitlyIncluded)
    {
        // With a doctor's approval the general H1/infection contraindications give way to the gentlest session.
        var screened = request.DoctorApproved
            ? request.Conditions.Where(c => !RefusalConditions.Contains(c))
            : request.Conditions;
        foreach (var condition in screened)
        {
            if (exercise.Contraindications.Contains(condition)) return $"Not advised with {Vocabulary.Label(condition).ToLowerInvariant()}.";
        }
        if (!explicitlyIncluded)
        {
            foreach (var condition in request.Conditions)
            {
                if (exercise.Cautions.Contains(condition))
                {
                    return $"Needs extra care with {Vocabulary.Label(condition).ToLowerInvariant()}; left out unless you add it after asking a doctor.";
                }
            }
        }
        return null;
    }

    private static string RefusalReason(Condition condition) => condition == Condition.Infection
        ? "Training should wait until an infection has fully cleared (H2)."
        : $"Back stretching is not advised with {Vocabulary.Label(condition).ToLowerInvariant()} (H1).";
}
