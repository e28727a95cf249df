using Stretching.Core.Catalog;
using Stretching.Core.Safety;

namespace Stretching.Core.Sessions;

/// <summary>
/// The safety rules applied before and while a session is built, all read from
/// <see cref="SafetyRules"/>. Emergencies and infections refuse whatever a doctor said; conditions
/// the articles leave to a doctor refuse until one approves, and then give the gentlest session.
/// Exercises are left out by what their load patterns mean for each condition: what a condition
/// rules out stays out even with a doctor's approval, what needs care stays out unless the person
/// adds it themselves.
/// </summary>
public static class ContraindicationScreen
{
    public static Refusal? Refuse(SessionRequest request)
    {
        var emergencies = request.RedFlags.Where(f => SafetyRules.Urgency(f) == RedFlagUrgency.Emergency).ToList();
        if (emergencies.Count > 0)
        {
            return new Refusal(
                RefusalKind.Emergency,
                "Get medical help today",
                emergencies.Select(f => $"{Vocabulary.Label(f)}, together with back pain, can mean a nerve is being pressed on. It needs a doctor today, not exercise.").ToList(),
                "Go to urgent care or call your emergency number now. A doctor's earlier approval does not cover a new sign like this.");
        }

        var postponed = Conditions(request, ProgrammeEffect.Postpone).ToList();
        if (postponed.Count > 0)
        {
            return new Refusal(RefusalKind.Postpone, "Not today: rest and recover first", postponed.Select(r => r.Advice).ToList(),
                "Build a session again once you have fully recovered.");
        }

        if (request.DoctorApproved) return null;
        var reasons = request.RedFlags.Where(f => SafetyRules.Urgency(f) == RedFlagUrgency.SeeDoctorSoon)
            .Select(f => $"{Vocabulary.Label(f)} is a warning sign to have checked by a doctor soon.")
            .Concat(Conditions(request, ProgrammeEffect.DoctorFirst).Select(r => r.Advice))
            .ToList();
        return reasons.Count == 0
            ? null
            : new Refusal(RefusalKind.SeeDoctor, "See a doctor first", reasons,
                "If a doctor has approved exercise for you, tick that box and the gentlest possible session will be built.");
    }

    /// <summary>A doctor approved exercise despite a condition or sign the articles leave to a doctor.</summary>
    public static bool NeedsGentlestSession(SessionRequest request) =>
        request.DoctorApproved
        && (Conditions(request, ProgrammeEffect.DoctorFirst).Any()
            || request.RedFlags.Any(f => SafetyRules.Urgency(f) == RedFlagUrgency.SeeDoctorSoon));

    public static IEnumerable<string> Warnings(SessionRequest request)
    {
        foreach (var rule in SafetyRules.Programme.Where(r => request.Conditions.Contains(r.Condition)))
        {
            switch (rule.Effect)
            {
                case ProgrammeEffect.ExtraCare:
                    yield return rule.Advice;
                    break;
                case ProgrammeEffect.AskDoctor:
                    yield return request.DoctorApproved
                        ? $"{Vocabulary.Label(rule.Condition)}: you said a doctor approved exercise; follow their advice over this session."
                        : rule.Advice;
                    break;
                case ProgrammeEffect.DoctorFirst:
                    yield return $"{Vocabulary.Label(rule.Condition)}: you said a doctor approved exercise; follow their advice over this session.";
                    break;
            }
        }
        if (NeedsGentlestSession(request))
        {
            yield return "Because a doctor approved exercise despite a condition or warning sign, this is the gentlest session possible: beginner level, no cardio, no strength or traction work.";
        }
    }

    /// <summary>Why an exercise may not be in this person's session, or null when it may.</summary>
    public static string? ExclusionReason(Exercise exercise, SessionRequest request, bool explicitlyIncluded)
    {
        var notes = ExerciseSafety.Assess(exercise, request.Conditions);
        if (notes.FirstOrDefault(n => n.Effect == RuleEffect.RulesOut) is { } ruledOut)
        {
            return request.DoctorApproved ? $"{ruledOut.Reason} This holds even with a doctor's approval." : ruledOut.Reason;
        }
        if (!explicitlyIncluded && notes.FirstOrDefault(n => n.Effect == RuleEffect.NeedsCare) is { } care)
        {
            return $"{care.Reason} Left out unless you add it yourself after asking a doctor.";
        }
        return null;
    }

    /// <summary>The care notes of an exercise the person added themselves despite them.</summary>
    public static IEnumerable<string> CareNotes(Exercise exercise, SessionRequest request) =>
        ExerciseSafety.Assess(exercise, request.Conditions).Where(n => n.Effect == RuleEffect.NeedsCare).Select(n => n.Reason);

    private static IEnumerable<ProgrammeRule> Conditions(SessionRequest request, ProgrammeEffect effect) =>
        SafetyRules.Programme.Where(r => r.Effect == effect && request.Conditions.Contains(r.Condition));
}
